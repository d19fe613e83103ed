import type { Target } from '../config/target.js';
import { defineCheck } from './check.js';
import { curlCommands, interpretProbe, nginxBase, unexpectedAnswer } from './curl-probe.js';
import { isDjangoBadRequest, isDjangoNotFound, isJson, isSpaIndex, responseEvidence } from './http-response.js';

const API_PATH = '/api/';
const EVIDENCE_HEADERS = ['server', 'content-type', 'location'];

function where(target: Target) {
  return { label: `nginx ${target.nginxListen}`, url: `http://${target.nginxListen}${API_PATH}` };
}

/** GET /api/ through nginx. Django answering 404 here is normal: there is no view at the bare prefix. */
export const apiRoot = defineCheck({
  id: 'api-root',
  title: 'API 根路径 /api/',
  titleEn: 'API prefix /api/ through nginx',
  commands: (target) => curlCommands(target, { base: nginxBase(target), path: API_PATH }),
  interpret(results, target) {
    const w = where(target);
    return interpretProbe(results, w, (res) => {
      const evidence = responseEvidence(res, EVIDENCE_HEADERS, 4);
      const s = res.status;
      const fail = (signal: string, summary: string) => ({
        status: 'fail' as const,
        summary,
        evidence,
        facts: {},
        signals: [signal],
      });
      if (s === 404 && (isDjangoNotFound(res) || isJson(res))) {
        return {
          status: 'ok',
          summary: `/api/ 由 Django 返回 404（正常）/ Django answers /api/ with 404, which is normal: /api is proxied`,
          evidence,
          facts: {},
          signals: ['django-404'],
        };
      }
      if (s === 200 && isSpaIndex(res)) {
        return fail('spa', `/api/ 返回了前端页面 / /api/ returned the front end's index.html: /api is not proxied`);
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
      // Some backends serve an API index at /api/ (DRF's router): proxied and answering, only not the usual 404.
      const djangoAnswer = isJson(res) && s < 500;
      return unexpectedAnswer(res, w, evidence, djangoAnswer || (s >= 300 && s < 400) ? 'warn' : 'fail');
    });
  },
  signals: {
    'django-404': 'Django answers /api/ with 404: normal, the prefix is proxied',
    spa: "the front end's index.html: /api is not proxied",
    'bad-gateway': '502: nginx cannot reach the backend',
    'disallowed-host': "Django's Bad Request (400) page: ALLOWED_HOSTS lacks the public host",
    refused: 'nginx is not listening on nginxListen (curl exit 7)',
    timeout: 'no answer within 5 s (curl exit 28)',
    unexpected: 'any other answer, or output that could not be read',
  },
});
