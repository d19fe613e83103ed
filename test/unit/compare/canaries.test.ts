import { findCheck } from '../../../src/checks/registry.js';
import { compareDetails, compareMessage } from '../../../src/compare/blocks.js';
import { compareReports } from '../../../src/compare/diff.js';
import { compareJson } from '../../../src/compare/json.js';
import { compareText } from '../../../src/compare/text.js';
import { localTarget } from '../../../src/config/target.js';
import { runPlaybook } from '../../../src/engine/engine.js';
import type { Report } from '../../../src/engine/report.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import { renderJson } from '../../../src/render/text.js';
import type { ExecOptions, ExecResult } from '../../../src/transport/transport.js';
import { CanaryBox, leaks, SECRET_FORMS } from '../../helpers/canaries.js';
import { result } from '../../helpers/capture.js';
import { ReplayTransport } from '../../helpers/replay-transport.js';

/**
 * Secrets planted in the files a compare reads — the backend .env (under secret names and under plain
 * names), the unit's ExecStart and Environment, nginx's proxy_pass — on both twins, different on each:
 * the real checks and engine run on them, and no canary (nor any 8-character piece of one) reaches
 * the terminal table, the JSON or the Slack messages. Plain settings only say "set, differs".
 */
class PlantedTransport extends ReplayTransport {
  constructor(private readonly files: { env: string; unit: string; nginx: string }) {
    super('healthy');
  }
  override async exec(argv: readonly string[], options?: ExecOptions): Promise<ExecResult> {
    const file = argv[0] === 'cat' ? (argv[1] ?? '') : '';
    if (file.endsWith('/backend/.env')) return result(this.files.env);
    if (file.endsWith('.service')) return result(this.files.unit);
    if (file.endsWith('oms.conf')) return result(this.files.nginx);
    return super.exec(argv, options);
  }
}

function planted(c: CanaryBox) {
  const forms = SECRET_FORMS.map((f) => f.plant(c)).join('\n');
  return {
    env:
      `DEBUG=False\nALLOWED_HOSTS=172.29.91.61,localhost\nCORS_ALLOWED_ORIGINS=http://172.29.91.61\n` +
      `SECRET_KEY=${c.word()}\nDATABASE_PASSWORD=${c.word()}\nDATABASE_URL=mysql://oms:${c.word()}@db:3306/oms\n` +
      `API_TOKEN=${c.word()}\nSITE_TITLE=${c.word()}\nDATABASE_HOST=${c.word()}\nEMAIL_HOST_USER=${c.word()}\n` +
      `# ${forms.replace(/\n/g, '\n# ')}\n`,
    unit:
      `[Unit]\nDescription=OMS\n\n[Service]\nUser=nginx\nGroup=nginx\nWorkingDirectory=/opt/OMS/backend\n` +
      `Environment="DJANGO_SECRET_KEY=${c.word()}"\n` +
      `ExecStart=/opt/OMS/backend/venv/bin/gunicorn --bind 127.0.0.1:8000 --password=${c.word()} ` +
      `oms_backend.wsgi:application\n\n[Install]\nWantedBy=multi-user.target\n`,
    nginx:
      `upstream oms_backend {\n    server 127.0.0.1:8000;\n}\nserver {\n    listen 127.0.0.1:80;\n` +
      `    location /api {\n        proxy_pass http://oms:${c.word()}@oms_backend;\n` +
      `        proxy_set_header Authorization "Bearer ${c.word()}";\n    }\n` +
      `    location /admin {\n        proxy_pass http://oms_backend;\n    }\n    location / {\n        root /x;\n    }\n}\n`,
  };
}

let playbooks: Playbook[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
});

async function run(files: ReturnType<typeof planted>, playbook: string): Promise<Report> {
  const p = playbooks.find((x) => x.id === playbook)!;
  return runPlaybook(p, { ...localTarget(), name: 'twin' }, new PlantedTransport(files), { findCheck });
}

describe('compare never shows a secret', () => {
  it.each(['login', 'checklist', 'service-start', 'api-not-found'])(
    '%s: table, JSON and Slack messages',
    async (pb) => {
      const box = new CanaryBox();
      const [a, b] = await Promise.all([run(planted(box), pb), run(planted(box), pb)]);
      const c = compareReports(a, b);
      const outputs = [
        compareText(c),
        renderJson(compareJson(c, [a, b])),
        JSON.stringify(compareMessage({ playbook: c.playbook, a: 'prod', b: 'staging', requester: 'U1' }, c)),
        JSON.stringify(compareDetails(c)),
      ];
      for (const o of outputs) expect(leaks(o, box.all)).toEqual([]);
      if (pb === 'login' || pb === 'checklist') {
        // The plain settings differ on the twins: said, without a value.
        const plain = c.differences.filter((d) => d.kind === 'setting').map((d) => [d.label, d.a, d.b]);
        expect(plain).toEqual(
          expect.arrayContaining([
            ['DATABASE_HOST', 'set', 'set'],
            ['SITE_TITLE', 'set', 'set'],
          ]),
        );
        expect(compareText(c)).toMatch(/SITE_TITLE\s+已设置，值不同 \/ set, differs/);
        expect(c.notCompared).toEqual(expect.arrayContaining(['SECRET_KEY', 'DATABASE_PASSWORD', 'API_TOKEN']));
      }
    },
  );
});
