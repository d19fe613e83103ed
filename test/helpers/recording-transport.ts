import type { ExecOptions, Transport } from '../../src/transport/transport.js';

/** A transport that passes every command to `inner` and notes it in `sent` (`sudo ` first when through sudo). */
export function recordingTransport(inner: Transport, sent: string[], close = () => inner.close()): Transport {
  return {
    describe: inner.describe,
    exec: (argv: readonly string[], options?: ExecOptions) => {
      sent.push(`${options?.sudo ? 'sudo ' : ''}${argv.join(' ')}`);
      return inner.exec(argv, options);
    },
    close,
  };
}
