import { createInterface } from 'node:readline';
import { internalError } from '../messages/catalogue.js';
import { toTerminal } from '../messages/message.js';
import type { CommandRunner } from './runner.js';

export interface ConsoleIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { isTTY?: boolean };
  /** Show a prompt and a greeting (interactive terminals only). */
  interactive: boolean;
  greeting?: string;
}

/**
 * The console front end: the same verbs as `/oms`, one per line; free text is
 * matched to a playbook. Ends on EOF or `exit`. Lines are handled one at a
 * time, in order, so piped input gives deterministic output.
 */
export async function runConsole(runner: CommandRunner, io: ConsoleIo): Promise<number> {
  const rl = createInterface({
    input: io.input,
    output: io.interactive ? io.output : undefined,
    terminal: io.interactive,
  });
  if (io.interactive) {
    if (io.greeting) io.output.write(`${io.greeting}\n`);
    rl.setPrompt('oms> ');
    rl.prompt();
  }
  let last = 0;
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === 'exit' || line === 'quit') break;
    if (line !== '' && !line.startsWith('#')) {
      try {
        last = await runner.runLine(line);
      } catch (e) {
        io.output.write(`${toTerminal(internalError((e as Error).message))}\n`);
        last = 70;
      }
    }
    if (io.interactive) rl.prompt();
  }
  rl.close();
  return last;
}
