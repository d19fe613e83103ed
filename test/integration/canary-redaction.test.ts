import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog } from '../../src/audit/audit-log.js';
import { reportAuditEntry } from '../../src/audit/report-entry.js';
import { findCheck } from '../../src/checks/registry.js';
import { localTarget, type Target } from '../../src/config/target.js';
import { runPlaybook } from '../../src/engine/engine.js';
import type { Report } from '../../src/engine/report.js';
import { loadPlaybooks } from '../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../src/playbooks/paths.js';
import type { Playbook } from '../../src/playbooks/playbook.js';
import { playbookRegistry } from '../../src/app/playbook-registry.js';
import { reportDetails, reportFile, reportMessage } from '../../src/render/blocks.js';
import { renderJson, renderText } from '../../src/render/text.js';
import { boltLogger, redactingLog } from '../../src/slack/logger.js';
import { LocalTransport } from '../../src/transport/local.js';
import type { ExecOptions, ExecResult, Transport } from '../../src/transport/transport.js';
import { CanaryBox, leaks, SECRET_FORMS, type SecretForm } from '../helpers/canaries.js';
import { result } from '../helpers/capture.js';
import { ReplayTransport } from '../helpers/replay-transport.js';

/**
 * The canary test (issue 17): one secret of every form in every source a check
 * reads — the backend .env, the gunicorn error log, the nginx error log, the
 * journal, the unit file (Environment= and stray lines) and the HTTP answers
 * (a Django debug page from a real HTTP server on 127.0.0.1, fetched by the
 * real curl) — through the real engine and renderers. No canary, and no
 * 8-character piece of one, may appear in the text, verbose text, JSON, Slack
 * blocks, the overflow file, the audit log or the bot's log. A plain control
 * word beside each planted line proves the line did reach the output.
 */

type Source = 'env' | 'gunicorn' | 'nginx' | 'journal' | 'unit' | 'http';

interface Planted {
  canaries: string[];
  /** A harmless word per source, planted on the line next to the secret. */
  control: Record<Source, string>;
  env: string;
  gunicorn: string;
  nginx: string;
  journal: string;
  unit: string;
  http: { body: string; cookie: string };
}

function plant(form: SecretForm): Planted {
  const box = new CanaryBox();
  const s = () => form.plant(box);
  const ctl = new CanaryBox();
  const control = Object.fromEntries(
    (['env', 'gunicorn', 'nginx', 'journal', 'unit', 'http'] as const).map((src) => [src, `control${ctl.word(12)}`]),
  ) as Record<Source, string>;
  const gunicorn = (msg: string) => `[2025-12-07 15:35:17 +0800] [3321280] [INFO] ${msg}`;
  const nginx = (msg: string) =>
    `2025/12/07 15:35:17 [error] 812#812: *9 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.7, server: _, request: "GET /api/x HTTP/1.1", upstream: "http://127.0.0.1:8000/api/x", host: "172.29.91.61" ${msg}`;
  const journal = (msg: string) => `Dec 07 15:35:17 oms gunicorn[3321280]: ${msg}`;
  const lines = (text: string, wrap: (l: string) => string) => text.split('\n').map(wrap).join('\n');
  return {
    canaries: box.all,
    control,
    env: `DEBUG=False\nALLOWED_HOSTS=172.29.91.61,localhost\n# ${control.env}\n${s()}\nCORS_ALLOWED_ORIGINS=http://172.29.91.61\n`,
    gunicorn: `${gunicorn('Booting worker with pid: 3321281')}\n${gunicorn(control.gunicorn)}\n${lines(s(), gunicorn)}\n`,
    // nginx writes one event per line: a value spanning lines continues without the line prefix.
    nginx: `${nginx(control.nginx)}\n${nginx(s())}\n`,
    journal: `${journal(control.journal)}\n${lines(s(), journal)}\n`,
    unit: [
      s(),
      '[Unit]',
      'Description=OMS backend',
      '[Service]',
      'User=oms',
      'Group=oms',
      'WorkingDirectory=/opt/OMS/backend',
      `Environment="${s().replace(/\n/g, ' ')}"`,
      'ExecStart=/opt/OMS/backend/venv/bin/gunicorn -c gunicorn.conf.py oms.wsgi',
      control.unit,
      s(),
      '[Install]',
      'WantedBy=multi-user.target',
    ].join('\n'),
    http: {
      cookie: `sessionid=${box.word()}; HttpOnly; Path=/`,
      body: [
        '<!DOCTYPE html><html lang="en"><head>',
        `<title>OperationalError at /api/auth/login/ ${control.http}</title>`,
        '</head><body>',
        `<h1>OperationalError at /api/auth/login/ ${s()}</h1>`,
        // Body lines are shown cut at 200 characters: secrets that straddle the cut.
        `<h1>${'x'.repeat(170)} ${s()}</h1>`,
        `<h1>${'x'.repeat(185)} ${s()}</h1>`,
        `<pre class="exception_value">${s()}</pre>`,
        '<table><tr>',
        '<td>SECRET_KEY</td>',
        `<td class="code"><pre>&#x27;${box.word()}&#x27;</pre></td>`,
        `</tr><tr><td>password</td><td class="code"><pre>&#x27;${box.word()}&#x27;</pre></td></tr></table>`,
        `<pre>${s()}</pre>`,
        '</body></html>',
      ].join('\n'),
    },
  };
}

/** The replica's healthy answers, except the sources planted with secrets; curl goes to the real local server. */
class PlantedTransport implements Transport {
  readonly describe = 'planted';
  private readonly replay = new ReplayTransport('healthy');
  private readonly local = new LocalTransport();
  constructor(private readonly p: Planted) {}

  async exec(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    const [prog, ...args] = argv;
    const last = args[args.length - 1] ?? '';
    if (prog === 'curl') return this.local.exec(argv, options);
    if (prog === 'cat' && last.endsWith('/backend/.env')) return result(this.p.env);
    if (prog === 'cat' && last.endsWith('.service')) return result(this.p.unit);
    if (prog === 'tail' && last.endsWith('backend-error.log')) return result(this.p.gunicorn);
    if (prog === 'tail' && last.endsWith('nginx/error.log')) return result(this.p.nginx);
    if (prog === 'journalctl') return result(this.p.journal);
    return this.replay.exec(argv, options);
  }

  async close(): Promise<void> {}
}

let server: Server;
let current: Planted | undefined;
let target: Target;
let playbook: Playbook;
const dir = mkdtempSync(join(tmpdir(), 'oms-canary-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8', 'Set-Cookie': current?.http.cookie ?? '' });
    res.end(current?.http.body ?? '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  target = { ...localTarget(), backendBind: `127.0.0.1:${port}`, nginxListen: `127.0.0.1:${port}` };
  const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  playbook = playbooks.find((p) => p.id === 'checklist')!;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

/** Everything the bot would print or store for one report. */
async function outputs(report: Report, form: string, planted: Planted): Promise<Record<string, string>> {
  const root = reportMessage(report, { requester: 'U0123ABCD', what: 'diagnose checklist' }, []);
  const details = reportDetails(report);
  const audit = new AuditLog({ file: join(dir, `${form.replace(/\W+/g, '-')}.jsonl`) });
  await audit.append(reportAuditEntry(report, { user: 'U0123ABCD', via: 'slack' }));
  // A failure message carrying raw output longer than the audit log's cut, the secret across the cut.
  await audit.append({
    event: 'diagnosis',
    user: 'U0123ABCD',
    via: 'cli',
    details: { error: `${'x'.repeat(1_990)} ${planted.journal}` },
  });
  const logLines: string[] = [];
  boltLogger((l) => logLines.push(l)).error(new Error(`task failed: ${planted.gunicorn}${planted.http.body}`));
  redactingLog((l) => logLines.push(l))(`check output: ${planted.nginx}${planted.unit}`);
  return {
    text: renderText(report),
    verbose: renderText(report, undefined, { verbose: true }),
    json: renderJson(report),
    blocks: JSON.stringify([root.message, details.message]),
    overflow: [...root.overflow, ...details.overflow, reportFile(report).content].join('\n'),
    audit: readFileSync(audit.file, 'utf8'),
    log: logLines.join('\n'),
  };
}

describe('canary: no secret of any form from any source reaches any output', () => {
  it.each(SECRET_FORMS.map((f) => [f.name, f] as const))('%s', async (_name, form) => {
    const planted = plant(form);
    current = planted;
    const report = await runPlaybook(playbook, target, new PlantedTransport(planted), { findCheck });
    const out = await outputs(report, form.name, planted);
    const found = Object.entries(out).flatMap(([where, text]) =>
      leaks(text, planted.canaries).map((c) => `${where}: ${c}`),
    );
    expect(found).toEqual([]);
    // The planted lines did reach the report: each source's control word shows in the verbose text.
    const missing = (['gunicorn', 'nginx', 'journal', 'unit', 'http'] as const).filter(
      (src) => !out.verbose!.includes(planted.control[src]),
    );
    expect(missing).toEqual([]);
  });
});
