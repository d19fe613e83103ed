import { OTHER_SYSTEMS } from './other-systems.js';

/**
 * Whose problem is it? An ops channel talks about many systems; a message that
 * names another one (MySQL, Redis, Jenkins, the VPN, a k8s pod …) and nothing
 * of OMS is about that system, even when it says 登录失败 or 502.
 */

/** Words that name OMS itself: their presence keeps a message ours. */
const OMS_ANCHORS = new RegExp(
  [
    String.raw`\boms\b|oms[-_]?backend|\/opt\/oms|\/var\/log\/oms|oms_backend|超管|`,
    String.raw`vite_api_base_url|cors_allowed_origins|frontend-pc|订单管理系统|oms_db|oms_user|`,
    // A Django traceback pasted here is OMS's backend (the only Django application these playbooks know).
    String.raw`django\.(?:db|core)\.\w+`,
  ].join(''),
  'i',
);

/** Another machine named by a host-like name (build-02, web01, db-1) or in words ("另一台", "another server"). */
const OTHER_HOST = new RegExp(
  [
    '(?<![\\w.-])(?:build|web|db|app|node|srv|server|host|ci|runner|vm|gpu|etl|jump|mq|cache|es|kafka|redis|mysql)' +
      '[-_]?\\d{1,3}(?![\\w.-])',
    '另一台|别的机器|其他机器|别的服务器|其他服务器',
    '\\banother (?:host|server|box|machine)\\b',
    '\\bother (?:hosts?|servers?|boxes|machines?)\\b',
  ].join('|'),
  'i',
);

/** An announcement, not a problem: planned maintenance, a notice to everyone, a problem told as solved. */
const NOTICE = new RegExp(
  [
    '例行维护|计划维护|维护窗口|停机维护|请知悉|敬请|通知[:：]|届时|将于|停服|期间(?:无法|不能|会|将|暂停)',
    '预计.{0,8}恢复|请大家|提前保存',
    '\\bscheduled maintenance\\b|\\bmaintenance window\\b|\\bfyi\\b|\\bdowntime\\b|\\bwill be (?:down|unavailable)\\b',
    // a problem told as solved
    '已经?(?:解决|修复|修好|恢复正常)|问题解决了|搞定了|没问题了',
    '\\b(?:fixed|resolved|sorted) now\\b|\\bworks now\\b|\\bworking again\\b|\\bback to normal\\b',
  ].join('|'),
  'i',
);

/** The message says outright that it is not about OMS ("not OMS related", "跟 OMS 没关系"). */
const NOT_OURS = new RegExp(
  [
    String.raw`\bnot (?:an? )?oms\b|\bnot (?:related to|about|for) oms\b|\b(?:nothing to do with|unrelated to) oms\b`,
    String.raw`(?:与|和|跟)\s*oms\s*(?:无关|没关系|没有关系)|不是\s*oms\s*的|(?:非|不是)\s*oms\s*(?:问题|相关)`,
  ].join('|'),
  'i',
);

/** What the message says about whose problem it is. */
export interface MessageContext {
  /** Names OMS (its unit, paths, the super admin …). */
  ours: boolean;
  /** Names another system and nothing of OMS. */
  foreign: boolean;
  /** Announces something (maintenance, a notice) rather than reporting a problem. */
  notice: boolean;
  /** Names another system or host, whether or not it also names OMS: passive listening stays silent. */
  other: boolean;
}

/** Classify a normalised message. */
export function messageContext(text: string): MessageContext {
  // `ss -p` / `netstat -p` name every listening process (sshd, mysqld …): an inventory, not what the message is about.
  const said = text.replace(/users:\(\(.*?\)\)/g, ' ');
  if (NOT_OURS.test(said)) return { ours: false, foreign: true, notice: NOTICE.test(said), other: true };
  const ours = OMS_ANCHORS.test(said);
  const other = OTHER_SYSTEMS.test(said) || OTHER_HOST.test(said);
  return { ours, foreign: !ours && other, notice: NOTICE.test(said), other };
}
