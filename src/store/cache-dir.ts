import { mkdir, stat } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Where compiled forms (playbooks, config) may be kept, best first: `OMS_CHATOPS_CACHE_DIR` (`off` turns the cache
 * off), else `$XDG_CACHE_HOME/oms-chatops` (or `~/.cache/oms-chatops`), then a per-user directory under the system
 * temp directory for a service account without a writable home.
 */
export function cacheDirCandidates(env: NodeJS.ProcessEnv): string[] {
  const explicit = env.OMS_CHATOPS_CACHE_DIR?.trim();
  if (explicit === 'off') return [];
  if (explicit) return [path.resolve(explicit)];
  const out: string[] = [];
  const xdg = env.XDG_CACHE_HOME?.trim();
  if (xdg && path.isAbsolute(xdg)) out.push(path.join(xdg, 'oms-chatops'));
  else {
    const home = safeHome();
    if (home) out.push(path.join(home, '.cache', 'oms-chatops'));
  }
  out.push(path.join(tmpdir(), `oms-chatops-${process.getuid?.() ?? 'user'}`));
  return out;
}

/**
 * Create `dir` (mode 0700) if needed and say whether it is safe to trust: a directory owned by this user that
 * nobody else may write to. A directory someone else planted (say in /tmp) is never used.
 */
export async function prepareCacheDir(dir: string): Promise<boolean> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const st = await stat(dir);
    return st.isDirectory() && isPrivate(st);
  } catch {
    return false;
  }
}

/** Owned by this user and not writable by group or others (on systems without uids: any). */
export function isPrivate(st: { uid: number; mode: number }): boolean {
  const uid = process.getuid?.();
  return (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0;
}

function safeHome(): string | undefined {
  try {
    return homedir() || undefined;
  } catch {
    return undefined;
  }
}
