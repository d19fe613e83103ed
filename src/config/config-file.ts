import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';

/**
 * Finding and reading the config file, without parsing it: what every start needs even when the validated config
 * comes from its compiled form (src/config/config-cache.ts), so neither the YAML library nor zod is loaded here.
 */

/** A configuration problem: the file, the line and key, and what was expected. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly key: string,
    readonly problem: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${key ? `${key}: ` : ''}${problem}`);
  }
}

/**
 * Which file to read: `--config`, else OMS_CHATOPS_CONFIG, else ./oms-chatops.yml
 * if it exists, else none (the built-in local target).
 */
export function resolveConfigPath(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  if (flag) return resolve(cwd, flag);
  if (env.OMS_CHATOPS_CONFIG) return resolve(cwd, env.OMS_CHATOPS_CONFIG);
  const fallback = resolve(cwd, 'oms-chatops.yml');
  return existsSync(fallback) ? fallback : undefined;
}

/** A config file is small; anything bigger (or a device such as /dev/zero) is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export const NOT_A_CONFIG =
  '不是 oms-chatops 配置文件 / not an oms-chatops config (expected a YAML mapping with targets:); ' +
  'pass the oms-chatops.yml file (see oms-chatops.example.yml) with --config or OMS_CHATOPS_CONFIG';

/** The config file's text; a missing, unreadable, oversized or non-regular file is a {@link ConfigError}. */
export async function readConfigText(path: string): Promise<string> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_CONFIG_BYTES) throw new ConfigError(path, '', NOT_A_CONFIG);
    return await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new ConfigError(
      path,
      '',
      err.code === 'ENOENT'
        ? 'file not found (set --config, OMS_CHATOPS_CONFIG, or create ./oms-chatops.yml; see oms-chatops.example.yml)'
        : `cannot read the file (${err.code ?? 'error'}): check its permissions for the bot's user`,
    );
  }
}
