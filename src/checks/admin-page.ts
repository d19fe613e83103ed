import type { Target } from '../config/target.js';
import { defineCheck } from './check.js';
import { curlCommands, factText, interpretProbe, nginxBase, unexpectedAnswer } from './curl-probe.js';
import { header, isDjangoAdmin, isDjangoBadRequest, isSpaIndex, responseEvidence } from './http-response.js';

const ADMIN_PATH = '/admin/';
const EVIDENCE_HEADERS = ['server', 'content-type', 'location'];

function where(target: Target) {
  return { label: `nginx ${target.nginxListen}`, url: `http://${target.nginxListen}${ADMIN_PATH}` };
}

/** GET /admin/ through nginx: does Django's admin answer, or the front end? */
export const adminPage = defineCheck({
  id: 'admin-page',
  title: 'Django 管理后台 /admin/',
  titleEn: 'Django admin at /admin/',
  commands: (target) => curlCommands(target, { base: nginxBase(target), path: ADMIN_PATH }),
  interpret(results, target) {
    const w = where(target);
    return interpretProbe(results, w, (res) => {
      const evidence = responseEvidence(res, EVIDENCE_HEADERS, res.status === 302 ? 0 : 4);
      const location = header(res, 'location');
      const facts = { location: factText(location) };
      const s = res.status;
      const fail = (signal: string, summary: string) => ({
        status: 'fail' as const,
        summary,
        evidence,
        facts,
        signals: [signal],
      });
      if ((s === 301 || s === 302) && location?.includes('/admin/login/')) {
        return {
          status: 'ok',
          summary: `管理后台由 Django 响应 / Django admin answers (${s} to its login page)`,
          evidence,
          facts,
          signals: ['django'],
        };
      }
      if (s === 200 && isSpaIndex(res)) {
        return fail(
          'spa',
          `/admin 返回了前端页面 / /admin/ returned the front end's index.html: /admin is not proxied`,
        );
      }
      if (s === 200 && isDjangoAdmin(res)) {
        return {
          status: 'ok',
          summary: `管理后台由 Django 响应 / Django admin answers (200)`,
          evidence,
          facts,
          signals: ['django'],
        };
      }
      if (s === 502)
        return fail(
          'bad-gateway',
          `502 Bad Gateway：nginx 连不上后端 / nginx cannot reach the backend (502 Bad Gateway)`,
        );
      if (s === 400 && isDjangoBadRequest(res)) {
        return fail(
          'disallowed-host',
          `ALLOWED_HOSTS 不含公网地址 / Django refused the Host header (400 Bad Request): ALLOWED_HOSTS lacks it`,
        );
      }
      if (s === 404) return fail('not-found', `管理后台 404 / /admin/ answered 404 (admin not routed, or not proxied)`);
      return { ...unexpectedAnswer(res, w, evidence, s >= 300 && s < 400 ? 'warn' : 'fail'), facts };
    });
  },
  signals: {
    django: 'Django admin answers (302 to /admin/login/ or admin HTML)',
    spa: "the front end's index.html: /admin is not proxied",
    'bad-gateway': '502: nginx cannot reach the backend',
    'disallowed-host': "Django's Bad Request (400) page: ALLOWED_HOSTS lacks the public host",
    'not-found': '/admin/ answered 404',
    refused: 'nginx is not listening on nginxListen (curl exit 7)',
    timeout: 'no answer within 5 s (curl exit 28)',
    unexpected: 'any other answer, or output that could not be read',
  },
});
