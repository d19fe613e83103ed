import { CHECKS } from '../checks/registry.js';
import type { AccessTools } from '../cli/runner.js';
import { isLocal, type Target } from '../config/target.js';
import { redact } from '../redact.js';
import type { DoctorLine } from './doctor.js';
import { sudoersDropIn } from './sudo.js';
import type { Transport } from './transport.js';

/** Programs the whitelisted checks run on a target (what `doctor` looks for). */
export function checkPrograms(target: Target): string[] {
  const programs = new Set<string>();
  for (const check of CHECKS) for (const cmd of check.commands(target)) if (cmd.argv[0]) programs.add(cmd.argv[0]);
  return [...programs].sort();
}

const MARK: Record<DoctorLine['status'], string> = { ok: '✔ ok  ', warn: '! warn', fail: '✘ fail' };

/** `keyscan`, `sudoers` and `doctor` for the command line and console. */
export function accessTools(deps: { env: NodeJS.ProcessEnv; transportFor(target: Target): Transport }): AccessTools {
  return {
    async keyscan(target) {
      if (isLocal(target)) return `target "${target.name}" is this machine: no SSH, nothing to pin.`;
      // doctor and keyscan load ssh2: imported when used, so other verbs start without it.
      const { formatKeyscan, keyscan } = await import('./keyscan.js');
      return formatKeyscan(target, await keyscan(target));
    },
    sudoers: (target, user) => sudoersDropIn(target, user),
    async doctor(target) {
      const { doctor } = await import('./doctor.js');
      const lines = await doctor(target, {
        transport: deps.transportFor(target),
        programs: checkPrograms(target),
        env: { OMS_CHATOPS_KEY_PASSPHRASE: deps.env.OMS_CHATOPS_KEY_PASSPHRASE },
      });
      const text = lines
        .map(
          (l) =>
            `${MARK[l.status]} ${l.item.padEnd(22)} ${l.detail}${l.hint && l.status !== 'ok' ? `\n${' '.repeat(30)}→ ${l.hint}` : ''}`,
        )
        .join('\n');
      // Details quote the server's own output (sudo -n -l, which): redacted like every other output.
      return { text: redact(text), ok: lines.every((l) => l.status !== 'fail') };
    },
  };
}
