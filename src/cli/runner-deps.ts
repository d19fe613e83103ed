import type { AppDeps } from '../app/deps.js';
import type { Style } from '../render/style.js';

/** The application's dependencies plus the terminal: where answers go, who is at it, how to ask y/N. */
export interface RunnerDeps extends AppDeps {
  /** Where answers go (stdout for the CLI and console). */
  out(text: string): void;
  /** Progress lines (stderr), only for humans. */
  progress?(text: string): void;
  style?: Style;
  /** Who is at this terminal (e.g. `console:alice`). */
  operator?: string;
  /** Ask a yes/no question on the terminal (one-shot CLI); absent when there is no terminal. */
  confirm?: (question: string) => Promise<boolean>;
  /** The console runs on a terminal: `run` asks, and the next line answers. */
  interactiveConsole?: boolean;
  /** One command from the command line, then exit: connections need not outlive their target's run. */
  oneShot?: boolean;
}
