/** Private key loading: read and parse the key before connecting, so a bad key or passphrase is named as such. */
import { readFile as fsReadFile } from 'node:fs/promises';
import ssh2 from 'ssh2';
import { keyPassphraseError, keyUnreadableError } from './errors.js';

// `utils` is not a static named export of ssh2's CommonJS entry, so Node's ESM loader cannot see it by name.
const { utils } = ssh2;

/** Read and parse a private key, so a wrong passphrase is reported as such before connecting. */
export async function loadPrivateKey(
  path: string,
  passphrase: string | undefined,
  readFile: (path: string) => Promise<Buffer> = fsReadFile,
): Promise<Buffer> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw keyUnreadableError(path, reason);
  }
  const parsed = utils.parseKey(data, passphrase);
  if (parsed instanceof Error) {
    if (/passphrase/i.test(parsed.message))
      throw keyPassphraseError(path, passphrase !== undefined && passphrase !== '');
    throw keyUnreadableError(path, `not a private key ssh2 can read (${parsed.message})`);
  }
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key || key.getPrivatePEM() === null) throw keyUnreadableError(path, 'it holds a public key, not a private key');
  return data;
}
