import { gated } from './gated.js';
/**
 * The server's own hardening told as the change made before OMS broke ("I only touched sshd_config and the audit rules
 * yesterday" over "Bad Gateway on every API call", "等保加固只改了 sshd_config，今天接口全是 502"): a step on OMS's own
 * server, not another system in trouble. Only beside trouble the SSH daemon and the audit cannot cause themselves
 * (a status code, the API, the backend, nginx): "改了 sshd_config 以后 root 登录不上了" stays the daemon's.
 */

/** What a hardening touches on the server (lower case: messages are normalised). */
const HARDENED =
  String.raw`(?:sshd_config|sshd|ssh ?的?配置|audit ?rules|audit\.rules|auditd|审计规则|审计策略|` +
  String.raw`password polic(?:y|ies)|密码策略|密码复杂度|sudoers|login\.defs|pam)`;
/** One of them, or a list of them ("sshd_config and the audit rules", "sshd_config 和审计规则"). */
const THINGS =
  String.raw`(?:the |我们的 ?)?${HARDENED}` +
  String.raw`(?:\s*(?:and|,|、|和|跟|还有)\s*(?:the |enabling |enabled )?${HARDENED})*`;

/** The change told as done: "only touched …", "after hardening …", "只动了 …", "… 改完" (not a complaint about it). */
const CHANGED = gated(
  new RegExp(
    [
      String.raw`\b(?:only |just )?` +
        String.raw`(?:touched|changed|edited|modified|hardened|hardening|tightened|updated|enabled|enabling)` +
        String.raw`\s+${THINGS}(?:\s+(?:yesterday|last night|this morning|today))?`,
      String.raw`(?:等保)?(?:加固)?(?:我)?(?:只|就|仅|只是)?(?:改|动|调|加固|收紧|配)(?:了|过|完)?(?:一下)?\s*${THINGS}(?:的配置)?`,
      String.raw`${THINGS}\s*(?:我)?(?:只|就)?(?:改|动|调|加固)(?:了|过|完)`,
    ].join('|'),
    'g',
  ),
);

/** Trouble of OMS's way in, which no SSH or audit setting causes by itself. */
const OMS_TROUBLE = gated(
  /bad gateway|\b50[0234]\b|\b404\b|\bapi\b|接口|后端|\bbackend\b|nginx|gunicorn|后台|\badmin\b/,
);

/**
 * The text with the hardening told as done set aside (`changed`: something was), when the trouble beside it is
 * OMS's; the text as it is otherwise.
 */
export function withoutHardeningDone(text: string): { text: string; changed: boolean } {
  if (!OMS_TROUBLE.test(text)) return { text, changed: false };
  const rest = text.replace(CHANGED, ' ');
  return { text: rest, changed: rest !== text };
}
