import { defineCheck } from '../../../src/checks/check.js';
import { clip, tailExcerpt } from '../../../src/checks/output.js';
import { localTarget } from '../../../src/config/target.js';
import { runChecks } from '../../../src/engine/run-checks.js';
import { ok, ScriptedTransport } from './fakes.js';

/**
 * Redaction before any cut (issue 17): the interpreter receives the command's
 * output already redacted whole, so a cut it makes (an excerpt, a 200-character
 * body line, a clipped stray line) can never leave half a secret that no
 * pattern would recognise any more.
 */
describe('runChecks redacts outputs before the interpreter cuts them', () => {
  const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvbXMifQ.S3cretSignaturePartThatIsLong';
  const PEM =
    '-----BEGIN RSA PRIVATE KEY-----\nMIIES3cretKeyLineOne\nMIIES3cretKeyLineTwo\n-----END RSA PRIVATE KEY-----';

  const cutter = defineCheck({
    id: 'cutter',
    title: '截断',
    titleEn: 'cutter',
    signals: {},
    commands: () => [{ argv: ['body'] }, { argv: ['log'] }],
    interpret: ([body, log]) => ({
      status: 'warn',
      // Cuts the way the HTTP probes and log checks do: one line at 200 characters, the first lines of a log.
      summary: 'cut',
      evidence: `${clip(body!.stdout, 200)}\n${tailExcerpt(log!.stdout, 3)}`,
      facts: { line: clip(body!.stdout, 190) },
      signals: [],
    }),
  });

  it('a token straddling the cut and a key block cut into lines are gone, whole', async () => {
    // The cut falls inside the JWT's payload; the log's tail starts inside the key block.
    const body = `<h1>${'x'.repeat(165)} ${JWT}</h1>`;
    const t = new ScriptedTransport({ body: () => ok(body), log: () => ok(`started\n${PEM}\ndone`) });
    const { observations } = await runChecks([cutter], localTarget(), t);
    const o = observations[0]!;
    const shown = JSON.stringify(o);
    for (const piece of ['eyJzdWIi', 'S3cretSi', 'S3cretKeyLineTwo']) expect(shown).not.toContain(piece);
    expect(o.evidence).toContain('«redacted»');
    expect(o.evidence).toContain('done');
  });
});
