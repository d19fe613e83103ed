import type { Logger } from '@slack/bolt';
import { LogLevel } from './bolt.js';
import { redact } from '../redact.js';

const ORDER: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

/** Bolt's logger, writing redacted lines to the bot's log (stderr, i.e. the journal under systemd). */
export function boltLogger(write: (line: string) => void, initial: LogLevel = LogLevel.INFO): Logger {
  let level = initial;
  let name = 'bolt';
  const at =
    (l: LogLevel) =>
    (...msg: unknown[]) => {
      if (ORDER[l] < ORDER[level]) return;
      write(redact(`[${l}] ${name}: ${msg.map(logText).join(' ')}`));
    };
  return {
    debug: at(LogLevel.DEBUG),
    info: at(LogLevel.INFO),
    warn: at(LogLevel.WARN),
    error: at(LogLevel.ERROR),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}

export { LogLevel };

/** The bot's line logger: the injected one (tests) or stderr, always through redact. */
export function redactingLog(write?: (line: string) => void): (line: string) => void {
  const sink = write ?? ((l: string) => process.stderr.write(`${l}\n`));
  return (line) => sink(redact(line));
}

/** One logged value as text: an error's stack, a string as is, anything else as JSON. */
function logText(m: unknown): string {
  return m instanceof Error ? (m.stack ?? m.message) : typeof m === 'string' ? m : JSON.stringify(m);
}
