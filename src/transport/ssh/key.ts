/**
 * Private key loading: read and parse the key before connecting, so a bad key or passphrase is named as such.
 * The parsed key is kept per file and passphrase for the life of the process: a fleet's targets usually
 * share one key, and a passphrase-protected key costs a bcrypt derivation (hundreds of milliseconds) per parse.
 */
import { createHash } from 'node:crypto';
import { readFile as fsReadFile } from 'node:fs/promises';
import ssh2, { type ParsedKey } from 'ssh2';
import { keyPassphraseError, keyUnreadableError } from './errors.js';

// `utils` is not a static named export of ssh2's CommonJS entry, so Node's ESM loader cannot see it by name.
const { utils } = ssh2;

/** Parsed keys by file and passphrase, with the bytes they were parsed from (a changed file is parsed again). */
const parsed = new Map<string, { data: Buffer; key: ParsedKey }>();

/**
 * Read and parse a private key, so a wrong passphrase is reported as such before connecting. The file is read
 * every time; it is parsed again only when its bytes (or the passphrase) changed since the last parse.
 */
export async function loadPrivateKey(
  path: string,
  passphrase: string | undefined,
  readFile: (path: string) => Promise<Buffer> = fsReadFile,
): Promise<ParsedKey> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw keyUnreadableError(path, reason);
  }
  // The passphrase is not kept in the clear as a map key.
  const id = `${path}\0${createHash('sha256')
    .update(passphrase ?? '')
    .digest('base64')}`;
  const known = parsed.get(id);
  if (known && known.data.equals(data)) return known.key;
  const result = utils.parseKey(data, passphrase);
  if (result instanceof Error) {
    if (/passphrase/i.test(result.message))
      throw keyPassphraseError(path, passphrase !== undefined && passphrase !== '');
    throw keyUnreadableError(path, `not a private key ssh2 can read (${result.message})`);
  }
  const key = Array.isArray(result) ? result[0] : result;
  if (!key || key.getPrivatePEM() === null) throw keyUnreadableError(path, 'it holds a public key, not a private key');
  parsed.set(id, { data, key });
  return key;
}
