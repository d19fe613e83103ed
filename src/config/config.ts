import { LineCounter, isNode, parseDocument, type Document, type YAMLError } from 'yaml';
import { z } from 'zod';
import { ConfigError, NOT_A_CONFIG, readConfigText } from './config-file.js';
import { durationSchema, slackChannelId, slackGroupId, slackUserId } from './fields.js';
import { fleetSchema, type FleetSettings } from './fleet.js';
import { resolveGroups } from './groups.js';
import { layoutKeys, localTarget, type Target } from './target.js';
import { targetSchema } from './target-schema.js';
import { resolveWatches, watchEntrySchema, type WatchSpec } from './watch.js';
import {
  firstAlias,
  firstDuplicateKey,
  hasAnyKey,
  isEmpty,
  keyLine,
  keyPathAt,
  MAX_DEPTH,
  tooDeep,
} from './yaml-document.js';
import { quoteName, yamlProblem } from './yaml-errors.js';

export { ConfigError, resolveConfigPath } from './config-file.js';

/**
 * The approval rules, without defaults: the shape of a per-target override
 * (`policy.targets.<name>`), where an absent key means "as the global policy".
 */
const policyFields = {
  approvers: z.array(slackUserId),
  approverGroups: z.array(slackGroupId),
  requesters: z.array(slackUserId),
  requesterChannels: z.array(slackChannelId),
  selfApproval: z.boolean(),
  approvalsNeeded: z.number().int().min(1).max(5),
  approvalTtl: durationSchema,
  /** May the person at the console (or `oms-chatops run --yes`) approve locally? */
  consoleApproval: z.boolean(),
  /** Runs of an action per target in any rolling hour, by action id (absent: 3; src/approvals/guard.ts). */
  actionsPerHour: z.record(z.string(), z.number().int().min(0).max(100)),
  /** After this many failed post-checks in a row an action stops on that target until someone clears it. */
  stopAfterFailedPostChecks: z.number().int().min(1).max(10),
};

/** A per-target override: any policy key, stricter for production, looser for staging. */
export const policyOverrideSchema = z.object(policyFields).partial().strict();
export type PolicyOverride = z.infer<typeof policyOverrideSchema>;

export const policySchema = z
  .object({
    approvers: policyFields.approvers.default([]),
    approverGroups: policyFields.approverGroups.default([]),
    requesters: policyFields.requesters.default([]),
    requesterChannels: policyFields.requesterChannels.default([]),
    selfApproval: policyFields.selfApproval.default(false),
    approvalsNeeded: policyFields.approvalsNeeded.default(1),
    approvalTtl: durationSchema.default(15 * 60_000),
    consoleApproval: policyFields.consoleApproval.default(false),
    actionsPerHour: policyFields.actionsPerHour.default({}),
    stopAfterFailedPostChecks: policyFields.stopAfterFailedPostChecks.default(2),
    /** Overrides by target name, e.g. `targets: { prod: { approvalsNeeded: 2 } }`. */
    targets: z.record(z.string(), policyOverrideSchema).default({}),
  })
  .strict();

export type Policy = z.infer<typeof policySchema>;

/** The rules in force for one target: the global policy with that target's overrides applied. */
export type EffectivePolicy = Omit<Policy, 'targets'>;

export const configSchema = z
  .object({
    targets: z
      .record(
        z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'target names are lower-case letters, digits, _ and -'),
        targetSchema,
      )
      .default({}),
    defaultTarget: z.string().optional(),
    /** Groups of targets by name (`prod: [web1, web2]`); members are targets or other groups. */
    groups: z
      .record(
        z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'group names are lower-case letters, digits, _ and -'),
        z.array(z.string()),
      )
      .default({}),
    policy: policySchema.default(() => policySchema.parse({})),
    /** Runs over a group: targets at once, and each target's own deadline (src/app/fleet.ts). */
    fleet: fleetSchema.default(() => fleetSchema.parse({})),
    /** Playbooks run on schedule, posting only on change (src/config/watch.ts). */
    watch: z.array(watchEntrySchema).default([]),
    /** Where the file store and audit log live (default ./var). */
    dataDir: z.string().default('var'),
  })
  .strict();

/** The validated configuration, with the built-in `local` target always present. */
export interface Config {
  targets: Map<string, Target>;
  /** Group name → its targets, flattened (src/config/groups.ts); `all` is always there. */
  groups: Map<string, string[]>;
  defaultTarget: string;
  policy: Policy;
  /** Targets at once in a run over a group, and each target's deadline (absent: 16 and 60 s). */
  fleet?: FleetSettings;
  /** `watch:` entries, resolved (src/config/watch.ts); playbook names are checked by main.ts. */
  watches?: WatchSpec[];
  dataDir: string;
  /** Where it came from: a file path, or `built-in`. */
  source: string;
}

/** Far more `*aliases` than a config needs, far fewer than a "billion laughs" file expands to. */
const MAX_ALIASES = 100;

/** Read and validate the config file (or the built-in default when `path` is undefined). */
export async function loadConfig(path: string | undefined): Promise<Config> {
  if (!path) return fromParsed(configSchema.parse({}), 'built-in');
  return parseConfig(await readConfigText(path), path);
}

/**
 * Validate config text; `file` names it in errors. Every problem, the YAML
 * library's included, becomes a {@link ConfigError} with the line and key; a
 * file that is not a config at all is named so, without quoting it.
 */
export function parseConfig(text: string, file: string): Config {
  const lineCounter = new LineCounter();
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const deep = tooDeep(text);
  if (deep !== undefined)
    throw new ConfigError(
      file,
      '',
      `brackets nested deeper than ${MAX_DEPTH} levels: a config is a few levels deep`,
      deep,
    );
  let doc: Document;
  try {
    // Duplicate keys are found below in one pass: the library's own check compares every pair of keys.
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  } catch {
    // The parser itself gave up (nesting deeper than the stack): no config looks like that.
    throw new ConfigError(file, '', NOT_A_CONFIG);
  }
  if (!isEmpty(doc.contents) && !hasAnyKey(doc.contents, TOP_KEYS)) throw new ConfigError(file, '', NOT_A_CONFIG);
  const dup = firstDuplicateKey(doc);
  if (dup !== undefined) doc.errors.push({ code: 'DUPLICATE_KEY', pos: [dup, dup + 1] } as YAMLError);
  if (doc.errors.length > 0) {
    const e = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0])[0]!;
    // An unclosed bracket is noticed at the end of the file: name the last line that has text.
    const at = Math.min(e.pos[0], Math.max(0, text.trimEnd().length - 1));
    throw new ConfigError(file, keyPathAt(doc, at), yamlProblem(e), lineOf(at));
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? {};
  } catch (e) {
    const at = firstAlias(doc);
    const problem = /alias count/i.test((e as Error).message)
      ? `too many *aliases (more than ${MAX_ALIASES} expansions, a "billion laughs" file?): ` +
        'write the values out, the config needs no anchors'
      : 'a *reference could not be resolved: write the value out instead of the alias';
    throw new ConfigError(
      file,
      at === undefined ? '' : keyPathAt(doc, at),
      problem,
      at === undefined ? undefined : lineOf(at),
    );
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String);
    let line: number | undefined;
    if (issue.code === 'unrecognized_keys') line = keyLine(doc, path, issue.keys[0]!, lineOf);
    for (let n = path.length; n > 0 && line === undefined; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) line = lineOf(node.range[0]);
    }
    const problem =
      issue.code === 'unrecognized_keys'
        ? `unknown key ${issue.keys.slice(0, 5).map(quoteName).join(', ')} ` +
          "(check the spelling; see the README's configuration reference)"
        : issue.message.split('\n')[0]!.slice(0, 300);
    throw new ConfigError(file, path.map((k) => (/^[\w-]{1,40}$/.test(k) ? k : quoteName(k))).join('.'), problem, line);
  }
  const config = fromParsed(parsed.data, file, (path) => {
    const node = doc.getIn(path, true);
    return isNode(node) && node.range ? lineOf(node.range[0]) : undefined;
  });
  const rawTargets = (raw as { targets?: Record<string, unknown> }).targets ?? {};
  for (const [name, t] of config.targets)
    if (Object.hasOwn(rawTargets, name)) t.configured = layoutKeys(rawTargets[name]);
  for (const [name, t] of config.targets) {
    if (t.host !== 'local' && !t.user)
      throw new ConfigError(
        file,
        `targets.${name}.user`,
        'an SSH target needs `user` (the bot account on the server, e.g. omsbot)',
      );
    if (t.host !== 'local' && !t.privateKey && !t.agent)
      throw new ConfigError(
        file,
        `targets.${name}.privateKey`,
        'an SSH target needs `privateKey: /path/to/key` or `agent: true`',
      );
    // An unpinned host key is not an error here (`keyscan` needs such a target);
    // the SSH transport refuses to connect until it is pinned.
  }
  return config;
}

const TOP_KEYS: ReadonlySet<string> = new Set(Object.keys(configSchema.shape));

function fromParsed(
  data: z.infer<typeof configSchema>,
  source: string,
  lineAt: (path: string[]) => number | undefined = () => undefined,
): Config {
  const targets = new Map<string, Target>();
  targets.set('local', localTarget());
  for (const [name, t] of Object.entries(data.targets)) targets.set(name, { name, ...t });
  for (const name of Object.keys(data.policy.targets)) {
    if (!targets.has(name))
      throw new ConfigError(
        source,
        `policy.targets.${name}`,
        `names no target; known: ${[...targets.keys()].join(', ')}`,
      );
  }
  const defaultTarget = data.defaultTarget ?? Object.keys(data.targets)[0] ?? 'local';
  if (!targets.has(defaultTarget))
    throw new ConfigError(source, 'defaultTarget', `names no target; known: ${[...targets.keys()].join(', ')}`);
  const groups = resolveGroups(data.groups, [...targets.keys()]);
  if (!groups.ok) {
    const path = ['groups', ...groups.error.key];
    throw new ConfigError(source, path.join('.'), groups.error.problem, lineAt(path));
  }
  const fleet = { concurrency: data.fleet.concurrency, targetTimeoutMs: data.fleet.targetTimeout };
  const watches = resolveWatches(data.watch, { targets, groups: groups.groups }, (i) => lineAt(['watch', String(i)]));
  if (!watches.ok) {
    const path = ['watch', ...watches.key];
    throw new ConfigError(source, path.join('.'), watches.problem, lineAt(path));
  }
  const { policy, dataDir } = data;
  return { targets, groups: groups.groups, defaultTarget, policy, fleet, watches: watches.watches, dataDir, source };
}
