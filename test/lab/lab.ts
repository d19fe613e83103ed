/**
 * The lab: a replica OMS server (Debian 12 booted by systemd-nspawn as a real
 * systemd host) with one fault from the operators' notes per scenario.
 *
 *   image   rootfs.sh (debootstrap + packages) → provision.sh (the replica),
 *           cached under <cache>/rootfs-<hash> and <cache>/image-<hash>; each is
 *           rebuilt when its recipe (script, files, mirror) changes.
 *   up      an overlay of the image per instance (under a second), the ports
 *           filled in, a fresh bot key and the sudoers drop-in installed, the
 *           scenario script applied, then `systemd-nspawn --register=no
 *           --keep-unit -b` in the host's network namespace: sshd, nginx and
 *           gunicorn listen on free 127.0.0.1 ports.
 *   down    orderly poweroff, then kill, unmount and remove; every instance is
 *           recorded in <cache>/run/<id>/state.json so `down` works from another
 *           process and leftovers of a crashed run are swept.
 *
 * Needs root, debootstrap and systemd-container (scripts/ensure-test-deps.sh).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify as yamlStringify } from 'yaml';
import type { Target } from '../../src/config/target.js';
import { targetSchema } from '../../src/config/target-schema.js';
import { fingerprint } from '../../src/transport/host-key.js';
import { sudoersDropIn } from '../../src/access/sudoers.js';
import { findScenario, SCENARIOS, type Scenario } from './scenarios.js';

export const LAB_DIR = dirname(fileURLToPath(import.meta.url));
export const CACHE_DIR = process.env.OMS_LAB_CACHE ?? '/var/cache/oms-chatops-lab';
const RUN_DIR = join(CACHE_DIR, 'run');
export const BOT_USER = 'omsbot';
/** Only ever a Host header / config value in the lab: nothing connects to it. */
export const PUBLIC_URL = 'http://172.29.91.61';
const SUITE = 'bookworm';

export type Log = (line: string) => void;
const quiet: Log = () => {};

// ---------------------------------------------------------------- preflight

/** Why the lab cannot run here, or null. */
export function labPreflight(): string | null {
  const problems: string[] = [];
  if (process.getuid?.() !== 0) problems.push('the lab needs root (debootstrap, overlay mounts, systemd-nspawn)');
  for (const [bin, pkg] of [
    ['/usr/sbin/debootstrap', 'debootstrap'],
    ['/usr/bin/systemd-nspawn', 'systemd-container'],
    ['/usr/bin/ssh-keygen', 'openssh-client'],
    ['/usr/sbin/visudo', 'sudo'],
  ] as const) {
    if (!existsSync(bin))
      problems.push(`${bin} is missing (apt-get install ${pkg}; scripts/ensure-test-deps.sh installs it)`);
  }
  return problems.length ? `The lab cannot run: ${problems.join('; ')}.` : null;
}

// ---------------------------------------------------------------- image

/** The Debian mirror this host's apt uses (the lab uses the same), or OMS_LAB_MIRROR. */
export function debianMirror(): string {
  if (process.env.OMS_LAB_MIRROR) return process.env.OMS_LAB_MIRROR;
  const candidates: string[] = [];
  for (const file of ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list']) {
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^URIs:\s*(\S+)/gm)) candidates.push(m[1]!);
    for (const m of text.matchAll(/^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+\S+/gm)) candidates.push(m[1]!);
  }
  const main = candidates.find((u) => /^https?:\/\//.test(u) && !/security/.test(u));
  if (!main) {
    throw new Error(
      'lab: no Debian mirror found in /etc/apt/sources.list.d/debian.sources or /etc/apt/sources.list. ' +
        "Add the machine's apt source, or set OMS_LAB_MIRROR to the Debian mirror URL, then build the lab again.",
    );
  }
  return main.replace(/\/+$/, '');
}

function hashFiles(h: ReturnType<typeof createHash>, dir: string): void {
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else {
        h.update(`${relative(dir, p)}\0${st.mode & 0o111 ? 'x' : '-'}\0`);
        h.update(readFileSync(p));
        h.update('\0');
      }
    }
  };
  walk(dir);
}

export interface ImageInfo {
  rootfs: string;
  image: string;
  /** Seconds spent building (0 when both were cached). */
  built: { rootfsS: number; imageS: number };
}

function recipeHashes(mirror: string): { rootfs: string; image: string } {
  const r = createHash('sha256')
    .update(`${SUITE}\0${mirror}\0`)
    .update(readFileSync(join(LAB_DIR, 'rootfs.sh')));
  const rootfs = r.digest('hex').slice(0, 16);
  const i = createHash('sha256')
    .update(rootfs)
    .update(readFileSync(join(LAB_DIR, 'provision.sh')));
  hashFiles(i, join(LAB_DIR, 'files'));
  return { rootfs, image: i.digest('hex').slice(0, 16) };
}

function run(cmd: string, args: string[], log: Log, what: string): void {
  const res = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (res.status !== 0) {
    const out = `${res.stdout ?? ''}\n${res.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n');
    throw new Error(`${what} failed (${cmd} exit ${res.status ?? res.signal}):\n${out}`);
  }
  if (res.stderr?.trim()) log(res.stderr.trim().split('\n').slice(-3).join('\n'));
}

/** Serialise image builds between processes (tests and `npm run lab` may start together). */
function withLock<T>(name: string, fn: () => T): T {
  mkdirSync(CACHE_DIR, { recursive: true });
  const lock = join(CACHE_DIR, `${name}.lock`);
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      const holder = Number(readFileSync(lock, 'utf8').trim() || 0);
      if (!holder || !pidAlive(holder)) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock} (held by pid ${holder})`);
      spawnSync('sleep', ['1']);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/**
 * The provisioned image for the current recipe, built (or rebuilt) when needed.
 * Building downloads Debian packages from the mirror, so tests pass
 * `allowBuild: false` and the image is built beforehand (`npm run lab -- build`,
 * which npm test's pretest step runs): tests themselves talk only to 127.0.0.1.
 */
export function ensureImage(log: Log = quiet, options: { allowBuild?: boolean } = {}): ImageInfo {
  const problem = labPreflight();
  if (problem) throw new Error(problem);
  const mirror = debianMirror();
  const h = recipeHashes(mirror);
  const rootfs = join(CACHE_DIR, `rootfs-${h.rootfs}`);
  const image = join(CACHE_DIR, `image-${h.image}`);
  const built = { rootfsS: 0, imageS: 0 };
  if (options.allowBuild === false && !existsSync(join(image, '.lab-complete'))) {
    throw new Error(
      `the lab image for this recipe is not built (${image}): run \`npm run lab -- build\` as root first (npm test's pretest step does it)`,
    );
  }
  return withLock('build', () => {
    if (!existsSync(join(rootfs, '.lab-complete'))) {
      const t0 = Date.now();
      log(`lab: building the Debian ${SUITE} root file system from ${mirror} (debootstrap, about 1–2 minutes) …`);
      const tmp = `${rootfs}.tmp`;
      rmSync(tmp, { recursive: true, force: true });
      run('bash', [join(LAB_DIR, 'rootfs.sh'), tmp, mirror], log, 'debootstrap of the lab root file system');
      writeFileSync(join(tmp, '.lab-complete'), `${new Date().toISOString()} ${mirror}\n`);
      rmSync(rootfs, { recursive: true, force: true });
      renameSync(tmp, rootfs);
      built.rootfsS = (Date.now() - t0) / 1000;
      log(`lab: root file system ready in ${built.rootfsS.toFixed(0)} s`);
    }
    if (!existsSync(join(image, '.lab-complete'))) {
      const t0 = Date.now();
      log('lab: provisioning the replica OMS server image …');
      const tmp = `${image}.tmp`;
      rmSync(tmp, { recursive: true, force: true });
      run('cp', ['-a', '--reflink=auto', rootfs, tmp], log, 'copy of the root file system');
      rmSync(join(tmp, '.lab-complete'), { force: true });
      run('bash', [join(LAB_DIR, 'provision.sh'), tmp, join(LAB_DIR, 'files')], log, 'provisioning of the lab image');
      writeFileSync(join(tmp, '.lab-complete'), `${new Date().toISOString()}\n`);
      rmSync(image, { recursive: true, force: true });
      renameSync(tmp, image);
      built.imageS = (Date.now() - t0) / 1000;
      log(`lab: image ready in ${built.imageS.toFixed(1)} s`);
    }
    pruneStale([rootfs, image]);
    return { rootfs, image, built };
  });
}

/** Remove images of older recipes that no running instance uses. */
function pruneStale(keep: string[]): void {
  const inUse = new Set(listInstances().map((s) => s.image));
  for (const name of readdirSync(CACHE_DIR)) {
    const p = join(CACHE_DIR, name);
    if (!/^(rootfs|image)-[0-9a-f]{16}(\.tmp)?$/.test(name) || keep.includes(p) || inUse.has(p)) continue;
    rmSync(p, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- instances

export interface LabPorts {
  ssh: number;
  nginx: number;
  backend: number;
  /** Free and unused: for a deliberately wrong port. */
  spare: number;
}

interface InstanceState {
  id: string;
  scenario: string;
  pid: number;
  image: string;
  dir: string;
  merged: string;
  overlay: boolean;
  ports: LabPorts;
  keyPath: string;
  startedAt: string;
  owner: number;
  /** Started by `npm run lab -- up` to outlive its process; otherwise it dies with its owner. */
  detached: boolean;
}

export interface LabInstance {
  id: string;
  scenario: Scenario;
  ports: LabPorts;
  /** The bot's target for this instance (SSH as omsbot, pinned host key). */
  target: Target;
  /** The same target as a config file snippet (`targets: { lab: … }`). */
  configYaml: string;
  /** Seconds: overlay + scenario, and boot to ready. */
  timings: { prepareS: number; bootS: number };
  /** The container's root file system as seen from the host (for assertions on files). */
  root: string;
  /** Run a command inside the container as root (test set-up and assertions only; the bot uses SSH). */
  rootExec(argv: string[]): { code: number; stdout: string; stderr: string };
  down(): Promise<void>;
}

async function freePort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = createServer();
      srv.unref();
      srv.on('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const addr = srv.address();
        const p = typeof addr === 'object' && addr ? addr.port : 0;
        srv.close(() => resolve(p));
      });
    });
    if (port && !taken.has(port)) {
      taken.add(port);
      return port;
    }
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isNspawn(pid: number): boolean {
  try {
    return (
      readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('systemd-nspawn') ||
      readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'systemd-nspawn'
    );
  } catch {
    return false;
  }
}

/** Child pids of a process (the container's init is nspawn's child). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    /* gone */
  }
  return out;
}

function statePath(id: string): string {
  return join(RUN_DIR, id, 'state.json');
}

export function listInstances(): InstanceState[] {
  if (!existsSync(RUN_DIR)) return [];
  const out: InstanceState[] = [];
  for (const id of readdirSync(RUN_DIR)) {
    try {
      out.push(JSON.parse(readFileSync(statePath(id), 'utf8')) as InstanceState);
    } catch {
      /* half-made or half-removed */
    }
  }
  return out;
}

function isMounted(path: string): boolean {
  try {
    return readFileSync('/proc/self/mounts', 'utf8')
      .split('\n')
      .some((l) => l.split(' ')[1] === path);
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Stop one instance: orderly poweroff (SIGTERM to nspawn), then SIGKILL, unmount, remove. */
export async function stopInstance(state: InstanceState, graceMs = 10_000): Promise<void> {
  if (state.pid && pidAlive(state.pid) && isNspawn(state.pid)) {
    const init = childrenOf(state.pid);
    try {
      process.kill(state.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
    const deadline = Date.now() + graceMs;
    while (pidAlive(state.pid) && Date.now() < deadline) await sleep(100);
    if (pidAlive(state.pid)) {
      for (const pid of init) {
        try {
          process.kill(pid, 'SIGKILL'); // the container's init: its PID namespace dies with it
        } catch {
          /* gone */
        }
      }
      try {
        process.kill(state.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      const hard = Date.now() + 5_000;
      while (pidAlive(state.pid) && Date.now() < hard) await sleep(100);
    }
  }
  if (state.overlay && isMounted(state.merged)) {
    if (spawnSync('umount', [state.merged]).status !== 0) spawnSync('umount', ['-l', state.merged]);
  }
  rmSync(state.dir, { recursive: true, force: true });
}

/**
 * Stop every recorded instance; with `onlyDead`, only leftovers: those whose
 * nspawn is gone, or whose owner (a test run) died without cleaning up.
 */
export async function downAll(options: { onlyDead?: boolean } = {}): Promise<string[]> {
  const stopped: string[] = [];
  for (const s of listInstances()) {
    const alive = s.pid && pidAlive(s.pid) && isNspawn(s.pid);
    const orphan = !s.detached && s.owner !== process.pid && !pidAlive(s.owner);
    if (options.onlyDead && alive && !orphan) continue;
    await stopInstance(s);
    stopped.push(s.id);
  }
  // directories without a readable state (a crash between mkdir and state.json)
  if (existsSync(RUN_DIR)) {
    for (const id of readdirSync(RUN_DIR)) {
      if (existsSync(statePath(id))) continue;
      // another process may be creating it right now
      try {
        if (Date.now() - statSync(join(RUN_DIR, id)).mtimeMs < 120_000) continue;
      } catch {
        continue;
      }
      const merged = join(RUN_DIR, id, 'merged');
      let owner = 0;
      try {
        owner = Number(readFileSync(join(RUN_DIR, id, 'owner'), 'utf8').trim() || 0);
      } catch {
        /* no owner recorded */
      }
      if (options.onlyDead && owner && pidAlive(owner)) continue;
      if (isMounted(merged)) spawnSync('umount', ['-l', merged]);
      rmSync(join(RUN_DIR, id), { recursive: true, force: true });
    }
  }
  return stopped;
}

/** The bot's target for an instance. */
export function labTarget(ports: LabPorts, keyPath: string, hostKey: string): Target {
  return {
    name: 'lab',
    ...targetSchema.parse({
      host: '127.0.0.1',
      port: ports.ssh,
      user: BOT_USER,
      privateKey: keyPath,
      hostKey,
      publicUrl: PUBLIC_URL,
      backendBind: `127.0.0.1:${ports.backend}`,
      nginxListen: `127.0.0.1:${ports.nginx}`,
    }),
  };
}

function configYaml(target: Target): string {
  const { name, paths: _paths, ...rest } = target;
  const keep = [
    'host',
    'port',
    'user',
    'privateKey',
    'hostKey',
    'publicUrl',
    'service',
    'backendBind',
    'nginxListen',
  ] as const;
  const t: Record<string, unknown> = {};
  for (const k of keep) t[k] = rest[k];
  return yamlStringify({ targets: { [name]: t } });
}

function substitute(file: string, ports: LabPorts): void {
  const text = readFileSync(file, 'utf8')
    .replaceAll('@SSH_PORT@', String(ports.ssh))
    .replaceAll('@NGINX_PORT@', String(ports.nginx))
    .replaceAll('@BACKEND_PORT@', String(ports.backend));
  writeFileSync(file, text);
}

function idOf(root: string, name: string, file: 'passwd' | 'group'): number {
  const line = readFileSync(join(root, 'etc', file), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`no ${name} in the image's /etc/${file}`);
  return Number(line.split(':')[2]);
}

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(1000, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

export interface UpOptions {
  log?: Log;
  /** Boot-to-ready deadline (default 90 s). */
  readyTimeoutMs?: number;
  /** Keep the nspawn process attached to this one (tests) or let it outlive it (`npm run lab -- up`). */
  detach?: boolean;
}

/** Boot one scenario. The caller must `down()` it (tests: in afterAll/finally). */
export async function up(scenarioName: string, options: UpOptions = {}): Promise<LabInstance> {
  const log = options.log ?? quiet;
  const scenario = findScenario(scenarioName);
  if (!scenario)
    throw new Error(`unknown lab scenario ${scenarioName} (known: ${SCENARIOS.map((s) => s.name).join(', ')})`);
  await downAll({ onlyDead: true });
  const { image } = ensureImage(log);
  const t0 = Date.now();
  const taken = new Set<number>();
  const ports: LabPorts = {
    ssh: await freePort(taken),
    nginx: await freePort(taken),
    backend: await freePort(taken),
    spare: await freePort(taken),
  };
  const id = `${scenario.name}-${randomBytes(3).toString('hex')}`;
  const dir = join(RUN_DIR, id);
  const merged = join(dir, 'merged');
  mkdirSync(merged, { recursive: true });
  writeFileSync(join(dir, 'owner'), String(process.pid));
  let state: InstanceState | undefined;
  try {
    // 1. a private writable view of the image
    mkdirSync(join(dir, 'upper'));
    mkdirSync(join(dir, 'work'));
    let overlay = true;
    const m = spawnSync(
      'mount',
      [
        '-t',
        'overlay',
        'overlay',
        '-o',
        `lowerdir=${image},upperdir=${join(dir, 'upper')},workdir=${join(dir, 'work')}`,
        merged,
      ],
      { encoding: 'utf8' },
    );
    if (m.status !== 0) {
      overlay = false;
      log(`lab: overlay mount refused (${(m.stderr || '').trim()}); copying the image instead`);
      rmSync(merged, { recursive: true, force: true });
      run('cp', ['-a', '--reflink=auto', image, merged], log, 'copy of the lab image');
    }
    // 2. this instance's ports, bot key and sudoers rule
    for (const f of [
      'etc/nginx/conf.d/oms.conf',
      'etc/systemd/system/oms-backend.service',
      'etc/ssh/sshd_config.d/lab.conf',
    ])
      substitute(join(merged, f), ports);
    const keyPath = join(dir, 'id_ed25519');
    run(
      'ssh-keygen',
      ['-q', '-t', 'ed25519', '-N', '', '-C', `oms-chatops-lab-${id}`, '-f', keyPath],
      log,
      'ssh-keygen',
    );
    const uid = idOf(merged, BOT_USER, 'passwd');
    const gid = idOf(merged, BOT_USER, 'group');
    const auth = join(merged, 'home', BOT_USER, '.ssh', 'authorized_keys');
    writeFileSync(auth, readFileSync(`${keyPath}.pub`));
    chownSync(auth, uid, gid);
    chmodSync(auth, 0o600);
    const hostPub = readFileSync(join(merged, 'etc/ssh/ssh_host_ed25519_key.pub'), 'utf8').trim().split(/\s+/)[1]!;
    const target = labTarget(ports, keyPath, fingerprint(Buffer.from(hostPub, 'base64')));
    const sudoers = join(merged, 'etc/sudoers.d/oms-chatops');
    writeFileSync(sudoers, sudoersDropIn(target, BOT_USER), { mode: 0o440 });
    chmodSync(sudoers, 0o440);
    run('visudo', ['-cf', sudoers], log, 'visudo -cf of the sudoers drop-in');
    // 3. the fault
    const script = join(LAB_DIR, 'scenarios', `${scenario.name}.sh`);
    const res = spawnSync(
      'bash',
      ['-c', 'source "$1"; source "$2"', 'lab-scenario', join(LAB_DIR, 'scenarios', '_lib.sh'), script],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          ROOT: merged,
          SSH_PORT: String(ports.ssh),
          NGINX_PORT: String(ports.nginx),
          BACKEND_PORT: String(ports.backend),
          SPARE_PORT: String(ports.spare),
        },
      },
    );
    if (res.status !== 0)
      throw new Error(`scenario script ${script} failed (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
    const prepareS = (Date.now() - t0) / 1000;

    // 4. boot
    const t1 = Date.now();
    const logPath = join(dir, 'console.log');
    const fd = openSync(logPath, 'a');
    const child = spawn(
      'systemd-nspawn',
      [
        '--register=no',
        '--keep-unit',
        '--quiet',
        '--boot',
        `--directory=${merged}`,
        `--machine=oms-lab-${id}`.slice(0, 64),
        '--hostname=oms-server',
        '--console=passive',
        '--timezone=off',
        '--resolv-conf=off',
        '--link-journal=no',
      ],
      { stdio: ['ignore', fd, fd], detached: true },
    );
    closeSync(fd);
    if (!child.pid) throw new Error('systemd-nspawn did not start');
    if (options.detach) child.unref();
    state = {
      id,
      scenario: scenario.name,
      pid: child.pid,
      image,
      dir,
      merged,
      overlay,
      ports,
      keyPath,
      startedAt: new Date().toISOString(),
      owner: process.pid,
      detached: options.detach ?? false,
    };
    writeFileSync(statePath(id), JSON.stringify(state, null, 2));
    let exited: number | null | undefined;
    child.once('exit', (code) => (exited = code));

    const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
    const readyFile = join(merged, 'var/lib/lab/ready');
    for (;;) {
      if (exited !== undefined)
        throw new Error(`systemd-nspawn exited (${exited}) before the lab was ready:\n${tail(logPath)}`);
      if (existsSync(readyFile) && (await tcpOpen(ports.ssh))) break;
      if (Date.now() > deadline)
        throw new Error(
          `the lab (${scenario.name}) was not ready within ${(options.readyTimeoutMs ?? 90_000) / 1000} s:\n${tail(logPath)}`,
        );
      await sleep(100);
    }
    const bootS = (Date.now() - t1) / 1000;
    const ready = readFileSync(readyFile, 'utf8');
    if (!/after-boot=0/.test(ready)) {
      const steps = existsSync(join(merged, 'var/lib/lab/after-boot.log'))
        ? readFileSync(join(merged, 'var/lib/lab/after-boot.log'), 'utf8')
        : '';
      throw new Error(`the scenario's after-boot steps failed (${ready.trim()}):\n${steps.slice(-2000)}`);
    }
    const st = state;
    return {
      id,
      scenario,
      ports,
      target,
      configYaml: configYaml(target),
      timings: { prepareS, bootS },
      root: merged,
      rootExec: (argv) => rootExec(st, argv),
      down: () => stopInstance(st),
    };
  } catch (err) {
    if (state) await stopInstance(state);
    else {
      if (isMounted(merged)) spawnSync('umount', ['-l', merged]);
      rmSync(dir, { recursive: true, force: true });
    }
    throw err;
  }
}

function tail(path: string, lines = 30): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no console log)';
  }
}

/** Run a command in the container as root, through its init's namespaces. */
function rootExec(state: InstanceState, argv: string[]): { code: number; stdout: string; stderr: string } {
  const init = childrenOf(state.pid)[0];
  if (!init) return { code: -1, stdout: '', stderr: 'the container is not running' };
  const res = spawnSync('nsenter', ['--target', String(init), '--mount', '--uts', '--ipc', '--pid', '--', ...argv], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status ?? -1, stdout: res.stdout ?? '', stderr: res.stderr ?? '' };
}

/** Register cleanup for instances this process started, on exit and on SIGINT/SIGTERM/SIGHUP. */
export function cleanupOnExit(instances: () => LabInstance[]): () => void {
  const sync = () => {
    for (const inst of instances()) {
      const s = listInstances().find((x) => x.id === inst.id);
      if (!s) continue;
      // synchronous last resort: kill, unmount, remove
      for (const pid of [...childrenOf(s.pid), s.pid]) {
        try {
          if (pidAlive(pid)) process.kill(pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      spawnSync('sleep', ['0.3']);
      if (s.overlay && isMounted(s.merged)) spawnSync('umount', ['-l', s.merged]);
      rmSync(s.dir, { recursive: true, force: true });
    }
  };
  const onSignal = (sig: NodeJS.Signals) => {
    sync();
    process.kill(process.pid, sig);
  };
  process.once('exit', sync);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(sig, onSignal);
  return () => {
    process.removeListener('exit', sync);
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeListener(sig, onSignal);
  };
}

export { SCENARIOS, findScenario, type Scenario };
