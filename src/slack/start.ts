import { slackConfigError } from '../messages/catalogue.js';
import { toTerminal } from '../messages/message.js';
import { MemoryDedupe } from '../store/dedupe.js';
import { SlackBot, EVENTS_PATH } from './app.js';
import type { SlackDeps } from './deps.js';
import { readSlackEnv, SlackEnvError } from './env.js';

/**
 * `npm start` with Slack variables set: start the app in the mode the
 * environment picks, say which on stderr, run until SIGINT/SIGTERM, then let
 * running diagnoses finish. Resolves with the process exit code.
 */
export async function runSlackFromEnv(
  env: NodeJS.ProcessEnv,
  deps: Omit<SlackDeps, 'dedupe'> & { dedupe?: SlackDeps['dedupe'] },
  stderr: { write(s: string): unknown },
): Promise<number> {
  let slackEnv;
  try {
    slackEnv = readSlackEnv(env);
  } catch (e) {
    if (e instanceof SlackEnvError) {
      stderr.write(`${toTerminal(slackConfigError(e.message))}\n`);
      return 2;
    }
    throw e;
  }
  const bot = new SlackBot({ env: slackEnv, deps: { ...deps, dedupe: deps.dedupe ?? new MemoryDedupe() } });
  const started = await bot.start();
  const api = slackEnv.apiUrl ? `, Web API ${slackEnv.apiUrl}` : '';
  const summary = `${deps.playbooks.length} playbooks, default target ${deps.config.defaultTarget}`;
  stderr.write(
    slackEnv.mode === 'socket'
      ? `oms-chatops: Slack front end, Socket Mode (SLACK_APP_TOKEN)${api}; ${summary}\n`
      : `oms-chatops: Slack front end, HTTP mode on port ${started.port} path ${EVENTS_PATH} ` +
          `(SLACK_SIGNING_SECRET)${api}; ${summary}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  stderr.write('oms-chatops: stopping (waiting for running diagnoses)…\n');
  await bot.stop();
  return 0;
}
