import type { Target } from '../../src/config/target.js';
import { TransportError, type ExecOptions, type ExecResult, type Transport } from '../../src/transport/transport.js';
import { ReplayTransport } from './replay-transport.js';

/**
 * A simulated fleet for the watch tests and benchmark: each target answers
 * from a captured situation (ReplayTransport) that the test switches, or is
 * `down` (the connection is refused, as a stopped sshd).
 */
export class SimulatedFleet {
  private readonly scenario = new Map<string, string>();
  /** Commands run, per target (a watch that ran twice shows it here). */
  readonly runs = new Map<string, number>();
  /**
   * Diagnoses run: transports that ran a command (a fleet run also asks for one to open the connection first,
   * src/app/fleet.ts, which runs nothing on it).
   */
  diagnoses = 0;

  set(target: string, scenario: string | 'down'): void {
    this.scenario.set(target, scenario);
  }

  transportFor = (target: Target): Transport => {
    let used = false;
    const count = () => {
      if (!used) this.diagnoses++;
      used = true;
      this.runs.set(target.name, (this.runs.get(target.name) ?? 0) + 1);
    };
    const scenarioOf = () => this.scenario.get(target.name) ?? 'healthy';
    return {
      describe: `simulated:${target.name}`,
      async exec(argv: readonly string[], options?: ExecOptions): Promise<ExecResult> {
        count();
        const s = scenarioOf();
        if (s === 'down')
          throw new TransportError(
            'connect_refused',
            `connect ECONNREFUSED ${target.host}:${target.port}`,
            'start sshd or check the port',
          );
        return new ReplayTransport(s).exec(argv, options);
      },
      async close() {},
    };
  };
}

/** A config with `n` SSH targets web1…webN in the group `fleet`, and one watch over it. */
export function fleetConfigYaml(n: number, watch: { every: string; remindEvery?: string; channel: string }): string {
  const targets = Array.from(
    { length: n },
    (_, i) => `  web${i + 1}:\n    host: 127.0.0.1\n    port: ${2201 + i}\n    user: omsbot\n    privateKey: /k\n`,
  ).join('');
  const members = Array.from({ length: n }, (_, i) => `web${i + 1}`).join(', ');
  return (
    `targets:\n${targets}groups:\n  fleet: [${members}]\nwatch:\n  - id: fleet-checklist\n    playbook: checklist\n` +
    `    targets: fleet\n    every: ${watch.every}\n    channel: ${watch.channel}\n` +
    (watch.remindEvery ? `    remindEvery: ${watch.remindEvery}\n` : '')
  );
}
