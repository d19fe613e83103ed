/**
 * `.env` files in a support bundle: every value is replaced except those of
 * keys on an explicit allowlist (settings a vendor needs to see and that are
 * never secret). Unknown keys are hidden: a new secret is safe by default.
 */
import { REDACTED } from '../redact.js';

/** Backend (Django) settings whose values help support and hold no secret. */
export const BACKEND_ENV_ALLOWLIST: ReadonlySet<string> = new Set([
  'ALLOWED_HOSTS',
  'CORS_ALLOWED_ORIGINS',
  'CORS_ALLOW_ALL_ORIGINS',
  'CORS_ALLOW_CREDENTIALS',
  'CSRF_TRUSTED_ORIGINS',
  'DEBUG',
  'DJANGO_SETTINGS_MODULE',
  'TIME_ZONE',
  'LANGUAGE_CODE',
  'STATIC_URL',
  'MEDIA_URL',
  'STATIC_ROOT',
  'MEDIA_ROOT',
  'LOG_LEVEL',
]);

/** Front-end build settings (they end up in the public JavaScript anyway). */
export const FRONTEND_ENV_ALLOWLIST: ReadonlySet<string> = new Set([
  'VITE_API_BASE_URL',
  'VITE_APP_TITLE',
  'VITE_PUBLIC_PATH',
  'NODE_ENV',
]);

const LINE = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_.-]*)(\s*=\s*)(.*)$/;

/** Keep comments, blank lines and key names; keep values only for allowlisted keys; hide every other line. */
export function redactEnvFile(text: string, allow: ReadonlySet<string>): string {
  return text
    .split('\n')
    .map((raw) => {
      const line = raw.replace(/\r$/, '').replace(/^\uFEFF/, '');
      if (line.trim() === '') return line;
      if (line.trimStart().startsWith('#')) return '# «comment hidden»';
      const m = LINE.exec(line);
      if (!m) return REDACTED;
      if (allow.has(m[2]!)) return line;
      return `${m[1]}${m[2]}${m[3]}${m[4]!.trim() === '' ? '' : REDACTED}`;
    })
    .join('\n');
}
