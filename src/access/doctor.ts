/**
 * `oms-chatops doctor <target>`: walk the path from config to a working sudo
 * rule and say, line by line, what is fine and what to fix. Each step is a
 * value (`ok`/`fail`/`warn`); later steps are skipped once the bot cannot log in.
 */
import type { Target } from '../config/target.js';
import { targetSchema } from '../config/target-schema.js';
import { loadPrivateKey } from '../transport/ssh/index.js';
import {
  classifySudoFailure,
  DROP_IN_PATH,
  parseSudoList,
  sudoCommands,
  sudoersCommand,
  sudoersDropIn,
} from './sudoers.js';
import { TransportError, type Transport } from '../transport/transport.js';

export interface DoctorLine {
  item: string;
  status: 'ok' | 'fail' | 'warn';
  detail: string;
  hint: string;
}

export interface DoctorDeps {
  /** The transport to the target (normally an SshTransport); doctor does not close it. */
  transport: Transport;
  /** Programs the whitelisted checks run: absolute paths are tested with `test -x`, bare names with `which`. */
  programs: readonly string[];
  env?: { OMS_CHATOPS_KEY_PASSPHRASE?: string };
  readFile?: (path: string) => Promise<Buffer>;
  timeoutMs?: number;
}

const line = (item: string, status: DoctorLine['status'], detail: string, hint = ''): DoctorLine => ({
  item,
  status,
  detail,
  hint,
});

const LOGIN_CODES = new Set(['connect_refused', 'connect_timeout', 'dns', 'disconnected', 'spawn_failed']);

export async function doctor(target: Target, deps: DoctorDeps): Promise<DoctorLine[]> {
  const out: DoctorLine[] = [];
  const timeoutMs = deps.timeoutMs ?? 10_000;

  const { name: _name, ...config } = target;
  const parsed = targetSchema.safeParse(config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(target)'}: ${i.message}`).join('; ');
    out.push(
      line('config', 'fail', `target "${target.name}" is invalid: ${issues}`, 'Fix the target in the config file.'),
    );
    return out;
  }
  const missing = [
    !target.user && 'user',
    !target.privateKey && !target.agent && 'privateKey (or agent: true)',
    !target.hostKey && !target.knownHosts && 'hostKey (or knownHosts)',
  ].filter(Boolean);
  if (missing.length > 0) {
    out.push(
      line(
        'config',
        'fail',
        `target "${target.name}" lacks ${missing.join(', ')}`,
        `Add them to target "${target.name}"; \`oms-chatops keyscan ${target.name}\` prints the hostKey.`,
      ),
    );
    return out;
  }
  out.push(line('config', 'ok', `target "${target.name}": ${target.user}@${target.host}:${target.port}`));

  if (target.privateKey && !target.agent) {
    try {
      await loadPrivateKey(target.privateKey, deps.env?.OMS_CHATOPS_KEY_PASSPHRASE || undefined, deps.readFile);
      out.push(line('key', 'ok', `${target.privateKey} is a readable private key`));
    } catch (err) {
      if (!(err instanceof TransportError)) throw err;
      out.push(line('key', 'fail', err.message, err.hint));
      return out;
    }
  } else {
    out.push(line('key', 'ok', 'ssh-agent (SSH_AUTH_SOCK)'));
  }

  try {
    await deps.transport.exec(['true'], { timeoutMs });
    out.push(line('host key', 'ok', `pinned and matching (${target.hostKey ?? `known_hosts ${target.knownHosts}`})`));
    out.push(line('login', 'ok', `logged in as ${target.user}`));
  } catch (err) {
    if (!(err instanceof TransportError)) throw err;
    if (err.code === 'host_key_unknown' || err.code === 'host_key_mismatch') {
      out.push(line('host key', 'fail', err.message, err.hint));
    } else if (LOGIN_CODES.has(err.code)) {
      out.push(line('connect', 'fail', err.message, err.hint));
    } else {
      out.push(line('host key', 'ok', 'pinned and matching'));
      out.push(line('login', 'fail', err.message, err.hint));
    }
    return out;
  }

  const results = await Promise.all(
    deps.programs.map(async (program) => {
      const argv = program.startsWith('/') ? ['test', '-x', program] : ['which', program];
      const r = await deps.transport.exec(argv, { timeoutMs });
      return r.code === 0
        ? line(`program ${program}`, 'ok', program.startsWith('/') ? 'executable' : r.stdout.trim())
        : line(
            `program ${program}`,
            'fail',
            r.timedOut ? 'the check timed out' : 'not found on the server',
            'Install it, or fix the path in the target config; the checks that use it will report "missing".',
          );
    }),
  );
  out.push(...results);

  out.push(await sudoLine(target, deps.transport, timeoutMs));
  return out;
}

async function sudoLine(target: Target, transport: Transport, timeoutMs: number): Promise<DoctorLine> {
  const user = target.user ?? 'omsbot';
  const dropInHint = `Install this as ${DROP_IN_PATH} (check with visudo -cf):\n${sudoersDropIn(target, user)}`;
  const r = await transport.exec(['sudo', '-n', '-l'], { timeoutMs });
  if (r.code === 127)
    return line('sudo', 'fail', 'sudo is not installed on the server', `Install sudo, then: ${dropInHint}`);
  if (r.code !== 0) {
    const refused = classifySudoFailure(r.stderr, ['-l'], user) !== null;
    const why = refused ? `sudo refuses ${user} without a password` : 'sudo -n -l failed';
    return line('sudo', 'fail', `${why}: ${r.stderr.trim()}`, dropInHint);
  }
  const allowed = parseSudoList(r.stdout);
  const wanted = sudoCommands(target).map(sudoersCommand);
  const missing = wanted.filter((c) => !allowed.includes(c));
  const extra = allowed.filter((c) => !wanted.includes(c));
  if (missing.length > 0) {
    return line('sudo', 'fail', `sudo does not allow without a password: ${missing.join('; ')}`, dropInHint);
  }
  if (extra.length > 0) {
    return line(
      'sudo',
      'warn',
      `sudo allows more than the bot needs: ${extra.join('; ')}`,
      `Least privilege: ${user} should be allowed only the lines in ${DROP_IN_PATH}:\n${sudoersDropIn(target, user)}`,
    );
  }
  return line('sudo', 'ok', `sudo -n allows exactly the ${wanted.length} whitelisted commands`);
}
