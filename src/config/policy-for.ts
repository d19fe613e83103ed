import type { EffectivePolicy, Policy } from './config.js';

/**
 * The policy for `targetName`: `policy.targets.<name>` keys replace the global ones. A file of its own so the
 * approvals (which the Slack bot loads at start for its expiry sweep) do not load the config parser with it.
 */
export function policyFor(policy: Policy, targetName: string): EffectivePolicy {
  const { targets, ...global } = policy;
  const override = targets[targetName] ?? {};
  const merged: EffectivePolicy = { ...global };
  for (const [k, v] of Object.entries(override)) if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
  return merged;
}
