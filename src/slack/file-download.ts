import { fileTooLarge, LIMITS } from '../users/fields.js';

/** A file as Slack describes it in a message event. */
export interface SlackFile {
  id?: string;
  name?: string;
  size?: number;
  url_private?: string;
  url_private_download?: string;
}

export interface DownloadOptions {
  /** The bot token: file downloads send it as `Authorization: Bearer`. */
  botToken: string;
  /** SLACK_API_URL, if any: its host may serve files too (GovSlack, tests). */
  apiUrl?: string;
  fetch?: typeof fetch;
}

export type Downloaded = { ok: true; data: Buffer } | { ok: false; error: string; hint: string };

/** Download a shared file with the bot token, only from Slack's own hosts, at most the size limit. */
export async function download(f: SlackFile, options: DownloadOptions): Promise<Downloaded> {
  if (typeof f.size === 'number' && f.size > LIMITS.maxFileBytes) {
    return fileTooLarge(f.size, 'nothing was downloaded');
  }
  const url = f.url_private_download ?? f.url_private;
  if (!url)
    return {
      ok: false,
      error: '拿不到文件 / Slack did not give me the file',
      hint: 'share the file again (in the same message that mentions me), or send it in a DM',
    };
  if (!trustedFileUrl(url, options.apiUrl))
    return {
      ok: false,
      error: '拒绝 / refused: the file link does not point to Slack — nothing was downloaded',
      hint: 'upload the file to Slack itself (not a link to another site)',
    };
  const res = await (options.fetch ?? fetch)(url, {
    headers: { authorization: `Bearer ${options.botToken}` },
    redirect: 'follow',
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok)
    return {
      ok: false,
      error: `下载失败 / the download failed (HTTP ${res.status})`,
      hint: 'the bot needs the files:read scope (reinstall the app from manifest.yml); then share the file again',
    };
  if (/text\/html/i.test(res.headers.get('content-type') ?? ''))
    return {
      ok: false,
      error: '下载到的是登录页 / Slack answered with a login page instead of the file',
      hint: 'the bot needs the files:read scope (reinstall the app from manifest.yml); then share the file again',
    };
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body ?? []) {
    total += (chunk as Uint8Array).length;
    if (total > LIMITS.maxFileBytes) {
      return {
        ok: false,
        error: `文件太大 / the file is larger than ${LIMITS.maxFileBytes / 1024 / 1024} MB — the download was stopped`,
        hint: `split it into files of at most ${LIMITS.maxRows.toLocaleString('en-US')} rows`,
      };
    }
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return { ok: true, data: Buffer.concat(chunks) };
}

/** Slack's file hosts (https), or the host of a configured SLACK_API_URL; the bot token goes nowhere else. */
export function trustedFileUrl(url: string, apiUrl?: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (apiUrl) {
    try {
      if (u.hostname === new URL(apiUrl).hostname) return true;
    } catch {
      // a bad SLACK_API_URL is reported at start-up
    }
  }
  return u.protocol === 'https:' && /(^|\.)(slack\.com|slack-gov\.com|slack-edge\.com)$/i.test(u.hostname);
}
