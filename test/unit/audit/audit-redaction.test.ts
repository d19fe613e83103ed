import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog } from '../../../src/audit/audit-log.js';

/** The audit log cuts long strings; it redacts them whole first, so no cut leaves half a token. */
describe('audit log: redaction before the cut', () => {
  it('a JWT across the 2000-character cut is not written in part', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'oms-audit-')), 'audit.jsonl');
    const log = new AuditLog({ file });
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvbXMiLCJyb2xlIjoiYWRtaW4ifQ.S3cretSignatureOfTheToken';
    // The cut falls inside the payload, after its `eyJ…` start.
    const error = `${'x'.repeat(1_970)} ${jwt} tail`;
    await log.append({ event: 'diagnosis', user: 'U0123ABCD', via: 'cli', details: { error } });
    const written = readFileSync(file, 'utf8');
    expect(written).not.toContain('eyJzdWIi');
    expect(written).not.toContain('S3cret');
    expect(written).toContain('x'.repeat(1_970));
  });
});
