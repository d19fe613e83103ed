import type { FactValue } from '../checks/check.js';
import { parseSettingState } from '../checks/setting-states.js';
import type { Report, ReportFinding, ReportObservation, Verdict } from '../engine/report.js';
import { redactDeep } from '../redact.js';
import {
  FACT_CATALOGUE,
  FACT_GROUPS,
  SETTINGS_EXPLAIN,
  SETTINGS_FACT,
  SHOWN_SETTINGS,
  type FactGroup,
  type FactSpec,
} from './catalogue.js';

/** A setting as compare shows it: never its value. `set` on both sides of a difference means the values differ. */
export type SettingShown = 'set' | 'empty' | 'unset' | 'secret';

/** One thing the checks saw differently on the two targets. */
export interface Difference {
  /** `backend-env.allowedHosts`, `env-format.settings.DB_HOST`, `check.login-nginx`. */
  fact: string;
  group: FactGroup;
  label: string;
  /** `value`: a fact shown as it is; `setting`: only set/empty/unset/secret; `status`: a check's status. */
  kind: 'value' | 'setting' | 'status';
  /** What each side saw; `null`: not seen there (the check did not report it). */
  a: FactValue;
  b: FactValue;
  /** Findings (on one side only) this difference can explain, root cause first. */
  explains: string[];
}

export interface CompareSide {
  target: string;
  host: string;
  verdict: Verdict;
  headline: string;
  findings: { id: string; severity: ReportFinding['severity']; title: string }[];
  error?: { code: string; message: string; hint: string };
}

/** What `compare` answers: both sides, then the differences, those that explain a finding first. */
export interface Comparison {
  playbook: { id: string; title: string; titleEn: string };
  sides: [CompareSide, CompareSide];
  differences: Difference[];
  /** Facts both sides saw alike. */
  same: number;
  /** Secret settings set on both sides: their values are never read back, so they cannot be compared. */
  notCompared: string[];
  /** Which sides could not be reached (their facts are not compared). */
  unreachable: ('a' | 'b')[];
}

/** Compare two reports of one playbook (pure). Every value shown has been through redaction again. */
export function compareReports(a: Report, b: Report): Comparison {
  const unreachable = (['a', 'b'] as const).filter((s) => (s === 'a' ? a : b).verdict === 'unreachable');
  const playbook = a.playbook ?? b.playbook ?? { id: '?', title: '?', titleEn: '?' };
  const base = { playbook, sides: [side(a), side(b)] as [CompareSide, CompareSide], unreachable };
  if (unreachable.length > 0) return { ...base, differences: [], same: 0, notCompared: [] };
  const oneSided = findingsOnOneSide(a, b);
  const obsA = byCheck(a.observations);
  const obsB = byCheck(b.observations);
  const differences: Difference[] = [];
  let same = 0;
  const add = (d: Omit<Difference, 'explains'>, explainers: readonly string[]) =>
    differences.push({ ...d, explains: explained(oneSided, explainers) });

  for (const check of new Set([...obsA.keys(), ...obsB.keys()])) {
    const sa = obsA.get(check)?.status ?? null;
    const sb = obsB.get(check)?.status ?? null;
    if (sa === sb) same++;
    else
      add({ fact: `check.${check}`, group: 'checks', label: `检查 / check ${check}`, kind: 'status', a: sa, b: sb }, [
        check,
      ]);
  }
  for (const f of FACT_CATALOGUE) {
    const oa = obsA.get(f.check);
    const ob = obsB.get(f.check);
    if (!oa || !ob) continue;
    const va = factOf(oa, f.fact);
    const vb = factOf(ob, f.fact);
    if (va === undefined && vb === undefined) continue;
    if (equal(va ?? null, vb ?? null, f)) same++;
    else add(valueDifference(f, va ?? null, vb ?? null), f.explains);
  }
  const settings = compareSettings(obsA.get(SETTINGS_FACT.check), obsB.get(SETTINGS_FACT.check));
  same += settings.same;
  for (const d of settings.differences) add(d, SETTINGS_EXPLAIN);
  return { ...base, differences: ranked(differences, a, b), same, notCompared: settings.secret };
}

function side(r: Report): CompareSide {
  return {
    target: r.target.name,
    host: r.target.host,
    verdict: r.verdict,
    headline: r.headline,
    findings: r.findings.map((f) => ({ id: f.id, severity: f.severity, title: f.title })),
    ...(r.error ? { error: r.error } : {}),
  };
}

function byCheck(observations: readonly ReportObservation[]): Map<string, ReportObservation> {
  return new Map(observations.map((o) => [o.check, o]));
}

/** Findings (not info) that fire on one side only, with the checks that made them fire. */
function findingsOnOneSide(a: Report, b: Report): Map<string, Set<string>> {
  const ids = (r: Report) => new Set(r.findings.map((f) => f.id));
  const [ia, ib] = [ids(a), ids(b)];
  const out = new Map<string, Set<string>>();
  for (const f of [...a.findings, ...b.findings]) {
    if (f.severity === 'info' || (ia.has(f.id) && ib.has(f.id))) continue;
    out.set(f.id, new Set(f.matched.map((m) => m.split(':')[0]!)));
  }
  return out;
}

function explained(oneSided: Map<string, Set<string>>, checks: readonly string[]): string[] {
  return [...oneSided].filter(([, fired]) => checks.some((c) => fired.has(c))).map(([id]) => id);
}

function factOf(o: ReportObservation, fact: string): FactValue | undefined {
  return Object.prototype.hasOwnProperty.call(o.facts, fact) ? o.facts[fact] : undefined;
}

function equal(a: FactValue, b: FactValue, f: FactSpec): boolean {
  const norm = (v: FactValue) =>
    Array.isArray(v) ? JSON.stringify(f.unordered ? [...v].sort() : v) : JSON.stringify(v);
  return norm(a) === norm(b);
}

function valueDifference(f: FactSpec, a: FactValue, b: FactValue): Omit<Difference, 'explains'> {
  // The engine redacted every fact already; compare redacts again, so nothing it shows depends on that alone.
  return {
    fact: `${f.check}.${f.fact}`,
    group: f.group,
    label: f.label,
    kind: 'value',
    a: redactDeep(a),
    b: redactDeep(b),
  };
}

/** Settings by name: a difference for each one set on one side only, empty on one, or set to different values. */
function compareSettings(
  oa: ReportObservation | undefined,
  ob: ReportObservation | undefined,
): { differences: Omit<Difference, 'explains'>[]; same: number; secret: string[] } {
  const read = (o: ReportObservation | undefined) => {
    const v = o?.facts[SETTINGS_FACT.fact];
    const states = Array.isArray(v) ? v.map(parseSettingState).filter((s) => s !== undefined) : undefined;
    return states && new Map(states.map((s) => [s.key, s]));
  };
  const [sa, sb] = [read(oa), read(ob)];
  const out = { differences: [] as Omit<Difference, 'explains'>[], same: 0, secret: [] as string[] };
  if (!sa || !sb) return out;
  for (const key of [...new Set([...sa.keys(), ...sb.keys()])].sort()) {
    if (SHOWN_SETTINGS.has(key)) continue;
    const [x, y] = [sa.get(key), sb.get(key)];
    const shown = (s: typeof x): SettingShown => (s ? s.state : 'unset');
    const alike = shown(x) === shown(y) && (x?.state !== 'set' || y?.state !== 'set' || x.print === y.print);
    if (x?.state === 'secret' && y?.state === 'secret') out.secret.push(key);
    else if (alike) out.same++;
    else
      out.differences.push({
        fact: `${SETTINGS_FACT.check}.${SETTINGS_FACT.fact}.${key}`,
        group: 'settings',
        label: key,
        kind: 'setting',
        a: shown(x),
        b: shown(y),
      });
  }
  return out;
}

/** Those that explain a finding first (by the finding's rank, root cause first), then by group and catalogue order. */
function ranked(differences: Difference[], a: Report, b: Report): Difference[] {
  const rank = new Map<string, number>();
  for (const r of [a, b]) r.findings.forEach((f, i) => rank.set(f.id, Math.min(rank.get(f.id) ?? i, i)));
  const order = (id: string) => rank.get(id) ?? Number.MAX_SAFE_INTEGER;
  const best = (d: Difference) => Math.min(Number.MAX_SAFE_INTEGER, ...d.explains.map(order));
  const group = (d: Difference) => (d.group === 'checks' ? FACT_GROUPS.length : FACT_GROUPS.indexOf(d.group));
  return differences
    .map((d, i) => ({ d: { ...d, explains: [...d.explains].sort((x, y) => order(x) - order(y)) }, i }))
    .sort((x, y) => best(x.d) - best(y.d) || group(x.d) - group(y.d) || x.i - y.i)
    .map((x) => x.d);
}
