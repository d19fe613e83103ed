/**
 * The parts of Bolt the bot uses, each from its own file. The package's index also loads the receivers the bot
 * never uses (ExpressReceiver with express, body-parser, iconv-lite's code pages and mime-db; the AWS Lambda
 * receiver; the OAuth installer's stores): several MB of the idle Slack bot (docs/speed.md). Types still come
 * from '@slack/bolt' (erased at build time).
 */
import AppModule, { LogLevel } from '@slack/bolt/dist/App.js';
import HttpModule from '@slack/bolt/dist/receivers/HTTPReceiver.js';
import SocketModule from '@slack/bolt/dist/receivers/SocketModeReceiver.js';

/** Bolt's App class (the CommonJS module's default export). */
export const App = AppModule.default;
export const HTTPReceiver = HttpModule.default;
export const SocketModeReceiver = SocketModule.default;
export { LogLevel };
