import { ConfigError, parseConfig } from '../../../src/config/config.js';
import { policyFor } from '../../../src/config/policy-for.js';

const base = `targets:\n  prod:\n    host: local\n  staging:\n    host: local\npolicy:\n  approvers: [U0AAA]\n  approvalTtl: 15m\n`;

function configError(text: string): ConfigError {
  try {
    parseConfig(text, 'x.yml');
  } catch (e) {
    if (e instanceof ConfigError) return e;
  }
  throw new Error('expected a ConfigError');
}

describe('per-target policy (policy.targets.<name>)', () => {
  it('overrides only the keys it names', () => {
    const c = parseConfig(
      `${base}  targets:\n    prod:\n      approvalsNeeded: 2\n      approvers: [U0BBB]\n      approvalTtl: 5m\n`,
      'x.yml',
    );
    expect(policyFor(c.policy, 'prod')).toMatchObject({
      approvalsNeeded: 2,
      approvers: ['U0BBB'],
      approvalTtl: 300_000,
      selfApproval: false,
      consoleApproval: false,
    });
    expect(policyFor(c.policy, 'staging')).toMatchObject({
      approvalsNeeded: 1,
      approvers: ['U0AAA'],
      approvalTtl: 900_000,
    });
    expect(policyFor(c.policy, 'staging')).not.toHaveProperty('targets');
  });

  it('is validated: unknown keys, bad values and unknown targets name the key', () => {
    expect(configError(`${base}  targets:\n    prod:\n      aproversNeeded: 2\n`).message).toMatch(
      /policy.targets.prod: unknown key "aproversNeeded"/,
    );
    expect(configError(`${base}  targets:\n    prod:\n      approvalsNeeded: 9\n`).key).toBe(
      'policy.targets.prod.approvalsNeeded',
    );
    expect(configError(`${base}  targets:\n    prod:\n      approvers: [bob]\n`).key).toBe(
      'policy.targets.prod.approvers.0',
    );
    expect(configError(`${base}  targets:\n    prdo:\n      approvalsNeeded: 2\n`).message).toMatch(
      /policy.targets.prdo: names no target; known: local, prod, staging/,
    );
    expect(configError(`${base}  consoleApproval: "yes"\n`).key).toBe('policy.consoleApproval');
  });
});
