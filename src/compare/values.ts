import { redact } from '../redact.js';
import type { Difference } from './diff.js';

/** How a setting's state reads (its value is never shown). */
const SETTING_TEXT: Record<string, string> = {
  set: '已设置 / set',
  empty: '为空 / empty',
  unset: '未设置 / not set',
  secret: '已设置（机密）/ set (secret)',
};

/** Lists longer than this (or too wide) show only what differs: this side's own items, else what it lacks. */
const WHOLE_LIST = 3;

/** One side of a difference as text, at most `max` characters, redacted. */
export function sideText(d: Difference, which: 'a' | 'b', max = 80): string {
  const v = which === 'a' ? d.a : d.b;
  const other = which === 'a' ? d.b : d.a;
  let text: string;
  if (v === null) text = d.kind === 'value' ? '（无 / none）' : '（未检查 / not checked）';
  else if (d.kind === 'setting') {
    text = SETTING_TEXT[String(v)] ?? String(v);
    // Both set: the values differ (that is why it is listed), and neither is shown.
    if (v === 'set' && other === 'set') text = '已设置，值不同 / set, differs';
  } else if (Array.isArray(v)) text = listText(v, Array.isArray(other) ? other : [], max);
  else text = fromDifference(String(v), other === null || Array.isArray(other) ? '' : String(other), max);
  return clipText(text, max);
}

function listText(own: readonly string[], other: readonly string[], max: number): string {
  if (own.length === 0) return '（空 / empty list）';
  const whole = own.join(', ');
  if (own.length <= WHOLE_LIST && whole.length <= max) return whole;
  const mine = own.filter((x) => !other.includes(x));
  const lacks = other.filter((x) => !own.includes(x));
  if (mine.length) return `${mine.join(', ')}${lacks.length ? '' : ' …'}`;
  return lacks.length ? `缺 / lacks ${lacks.join(', ')}` : whole;
}

/** A long value that shares a long start with the other side's: shown from a little before they part. */
function fromDifference(own: string, other: string, max: number): string {
  if (own.length <= max) return own;
  let common = 0;
  while (common < own.length && own[common] === other[common]) common++;
  const start = Math.max(0, common - 12);
  return start > 0 ? `…${own.slice(start)}` : own;
}

/** Redacted, on one line, at most `max` characters. */
export function clipText(text: string, max: number): string {
  const flat = redact(text).replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The verdict as a word pair. */
export const VERDICT_TEXT: Record<string, string> = {
  ok: '正常 / ok',
  warning: '注意 / warning',
  problem: '有问题 / problem',
  inconclusive: '不确定 / inconclusive',
  unreachable: '连不上 / unreachable',
};
