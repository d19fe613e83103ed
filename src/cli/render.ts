import { checkSignals } from '../checks/signals.js';
import type { Check } from '../checks/check.js';
import type { Config } from '../config/config.js';
import type { Target } from '../config/target.js';
import { isDecisive, type matchIntent } from '../intent/match.js';
import type { Playbook } from '../playbooks/playbook.js';
import type { Style } from '../render/style.js';
import { displayWidth, padEndWidth } from '../render/text-width.js';

/** Terminal renderings of the answers that need no server (list, targets, match, help check). Pure. */

export function listText(playbooks: readonly Playbook[], s: Style): string {
  return playbooks
    .map((p) => {
      const aliases = s.dim(`aliases: ${p.aliases.join(', ')}`);
      return `${s.bold(p.id.padEnd(16))} ${p.title} / ${p.titleEn}\n${' '.repeat(17)}${aliases}`;
    })
    .join('\n');
}

export function listJson(playbooks: readonly Playbook[]) {
  return playbooks.map((p) => ({ id: p.id, title: p.title, titleEn: p.titleEn, aliases: p.aliases, checks: p.checks }));
}

export function showJson(p: Playbook) {
  return {
    id: p.id,
    title: p.title,
    titleEn: p.titleEn,
    aliases: p.aliases,
    checks: p.checks,
    actions: p.actions,
    findings: p.findings.map((f) => ({ id: f.id, severity: f.severity, title: f.title })),
    body: p.body,
  };
}

export function targetsText(config: Config, extra: (t: Target) => string = () => ''): string {
  const targets = [...config.targets.values()];
  const nameWidth = Math.max(10, ...targets.map((t) => displayWidth(t.name)));
  const where = (t: Target) => (t.host === 'local' ? 'this machine (no SSH)' : `${t.user ?? '?'}@${t.host}:${t.port}`);
  const whereWidth = Math.max(...targets.map((t) => displayWidth(where(t))));
  return targets
    .map((t) => {
      const dflt = t.name === config.defaultTarget ? '  (default)' : '';
      return `${padEndWidth(t.name, nameWidth)} ${padEndWidth(where(t), whereWidth)}  ${t.publicUrl}${dflt}${extra(t)}`;
    })
    .join('\n');
}

/** A target as shown to users: no key paths or passphrases. */
export function publicTarget(t: Target) {
  return {
    name: t.name,
    host: t.host,
    port: t.port,
    user: t.user ?? null,
    publicUrl: t.publicUrl,
    service: t.service,
    hostKeyPinned: Boolean(t.hostKey || t.knownHosts),
  };
}

export function matchText(result: ReturnType<typeof matchIntent>): string {
  const extracted = Object.entries(result.extracted)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const ext = extracted ? `\nextracted: ${extracted}` : '';
  if (!result.playbook) {
    // Too weak to be offered, but worth naming: what came nearest, and how to run one.
    const near = (result.nearest ?? []).map((n) => `  nearest (最接近): ${n.id} (${n.confidence}) — ${n.reason}`);
    const how = near.length > 0 ? '\n→ `diagnose <id>` runs one, `list` shows them all' : '';
    return `no match (没有匹配的排查手册)${near.length > 0 ? `\n${near.join('\n')}` : ''}${ext}${how}`;
  }
  const alts = result.alternatives.map((a) => `  also: ${a.id} (${a.confidence})`).join('\n');
  const next =
    result.outcome === 'howto'
      ? `→ how-to (怎么做): section "${result.howto!.title}" — \`diagnose ${result.playbook.id}\` prints it`
      : isDecisive(result)
        ? `→ diagnose ${result.playbook.id}`
        : `→ did you mean (你是想…?): pick one with \`diagnose <id>\``;
  const head = `${result.playbook.id}: ${result.playbook.title} (confidence ${result.confidence})`;
  return `${head}${alts ? `\n${alts}` : ''}${ext}\n${next}`;
}

export function checksText(checks: readonly Check[]): string {
  return checks
    .map((c) => `${c.id.padEnd(18)} ${c.title} / ${c.titleEn}\n${' '.repeat(19)}signals: ${checkSignals(c).join(', ')}`)
    .join('\n');
}
