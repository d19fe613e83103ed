import { createHmac, randomBytes } from 'node:crypto';
import { REDACTED, isSecretName } from '../redact.js';
import type { EnvEntry } from './env-file.js';

/**
 * The state of every setting in an env file, never its value: `KEY (empty)`, `KEY (secret)` or
 * `KEY (set 1a2b3c4d5e6f)`. The fingerprint is an HMAC under a key made at start-up that lives only in
 * this process's memory: two fingerprints from one run tell whether two values are equal (`compare`
 * says "differs"), and nothing else — no dictionary can be tried against them, and they change from one
 * process to the next. A secret (by its name, or already redacted by the engine) gets no fingerprint.
 */
const KEY = randomBytes(32);

/** At most this many settings are listed (an env file with more is not a settings file). */
const MAX_SETTINGS = 100;

export type SettingState = { key: string; state: 'empty' | 'secret' } | { key: string; state: 'set'; print: string };

export function settingStates(entries: ReadonlyMap<string, EnvEntry>): string[] {
  return [...entries.values()]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, MAX_SETTINGS)
    .map((e) => {
      if (e.value.trim() === '') return `${e.key} (empty)`;
      if (isSecretName(e.key) || e.value.includes(REDACTED)) return `${e.key} (secret)`;
      return `${e.key} (set ${createHmac('sha256', KEY).update(e.value).digest('hex').slice(0, 12)})`;
    });
}

const STATE = /^([A-Za-z_][A-Za-z0-9_.]*) \((empty|secret|set ([0-9a-f]{12}))\)$/;

/** One entry of {@link settingStates} read back; `undefined` for anything else. */
export function parseSettingState(text: string): SettingState | undefined {
  const m = STATE.exec(text);
  if (!m) return undefined;
  if (m[3]) return { key: m[1]!, state: 'set', print: m[3] };
  return { key: m[1]!, state: m[2] as 'empty' | 'secret' };
}
