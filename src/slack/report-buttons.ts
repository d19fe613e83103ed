import type { Report } from '../engine/report.js';
import { orderedFindings, type ButtonSpec } from '../render/blocks.js';
import { clip, encodeButtonValue } from './button-value.js';

/**
 * Slack action_ids of the report's buttons ("button ids" here; "actions" are
 * the write whitelist in src/actions). Request buttons carry the whitelisted
 * action's id as a suffix, so each is unique in its block.
 */
export const BUTTON_ID = {
  rerun: 'oms_rerun',
  show: 'oms_show_playbook',
  share: 'oms_share',
  runSuggestion: 'oms_run_diagnosis',
  requestPrefix: 'oms_request_',
} as const;

/** A Request button's id: the prefix and a whitelisted action's id. */
export const REQUEST_BUTTON_ID = /^oms_request_[a-z0-9-]+$/;

/**
 * Re-run, Show playbook, Share to incident thread (when someone asked: a watch's post has no requester), and
 * Request <action> for each action the findings offer.
 */
export function reportButtons(report: Report, requester: string, what: string, checkId?: string): ButtonSpec[] {
  const target = report.target.name;
  const specs: ButtonSpec[] = [];
  specs.push({
    text: '重新运行 / Re-run',
    actionId: BUTTON_ID.rerun,
    value: encodeButtonValue(
      report.playbook
        ? { v: 1, k: 'diagnose', p: report.playbook.id, t: target }
        : { v: 1, k: 'check', c: checkId ?? report.observations[0]?.check ?? 'backend-service', t: target },
    ),
  });
  if (report.playbook)
    specs.push({
      text: '查看手册 / Show playbook',
      actionId: BUTTON_ID.show,
      value: encodeButtonValue({ v: 1, k: 'show', p: report.playbook.id }),
    });
  const root = orderedFindings(report)[0];
  if (requester)
    specs.push({
      text: '分享到事故线程 / Share to incident thread',
      actionId: BUTTON_ID.share,
      value: encodeButtonValue({
        v: 1,
        k: 'share',
        w: clip(report.playbook ? `${report.playbook.title} / ${report.playbook.titleEn}` : what, 80),
        t: target,
        d: report.verdict,
        h: clip(report.headline, 300),
        ...(root ? { r: clip(root.title, 300) } : {}),
        u: requester,
      }),
    });
  const seen = new Set<string>();
  for (const f of orderedFindings(report)) {
    if (!f.action || seen.has(f.action.id) || !report.playbook) continue;
    seen.add(f.action.id);
    specs.push({
      text: `申请 / Request: ${f.action.id}`,
      actionId: `${BUTTON_ID.requestPrefix}${f.action.id}`,
      value: encodeButtonValue({ v: 1, k: 'action', a: f.action.id, t: target, p: report.playbook.id, f: f.id }),
      style: 'danger',
    });
  }
  return specs;
}
