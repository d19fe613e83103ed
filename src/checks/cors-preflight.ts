import type { Target } from '../config/target.js';
import { publicOrigin } from '../config/target.js';
import { defineCheck } from './check.js';
import {
  curlCommands,
  factText,
  interpretProbe,
  LOGIN_PATH,
  nginxBase,
  originHeader,
  unexpectedAnswer,
} from './curl-probe.js';
import { header, isDjangoBadRequest, isJson, responseEvidence } from './http-response.js';

const EVIDENCE_HEADERS = [
  'server',
  'content-type',
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-methods',
  'access-control-allow-headers',
];

function where(target: Target) {
  return { label: `nginx ${target.nginxListen}`, url: `http://${target.nginxListen}${LOGIN_PATH}` };
}

/** The browser's CORS preflight for the login POST: does the backend allow the front end's origin? */
export const corsPreflight = defineCheck({
  id: 'cors-preflight',
  title: '跨域预检（CORS）',
  titleEn: 'CORS preflight for the login request',
  commands: (target) =>
    curlCommands(target, {
      method: 'OPTIONS',
      base: nginxBase(target),
      path: LOGIN_PATH,
      headers: [
        originHeader(target),
        'Access-Control-Request-Method: POST',
        'Access-Control-Request-Headers: content-type',
      ],
    }),
  interpret(results, target) {
    const w = where(target);
    const origin = publicOrigin(target);
    return interpretProbe(results, w, (res) => {
      const evidence = responseEvidence(res, EVIDENCE_HEADERS, res.status >= 300 ? 3 : 0);
      const allow = header(res, 'access-control-allow-origin');
      const facts = { origin, allowOrigin: factText(allow) };
      const s = res.status;
      const fail = (signal: string, summary: string) => ({
        status: 'fail' as const,
        summary,
        evidence,
        facts,
        signals: [signal],
      });
      if (s >= 200 && s < 300) {
        if (allow === origin || allow === '*') {
          return {
            status: 'ok',
            summary: `CORS 已放行前端地址 / the preflight allows ${origin}`,
            evidence,
            facts,
            signals: ['allowed'],
          };
        }
        if (allow === undefined) {
          return fail(
            'origin-missing',
            `CORS 未放行前端地址 / CORS_ALLOWED_ORIGINS lacks ${origin} (no Access-Control-Allow-Origin)`,
          );
        }
        return fail(
          'origin-missing',
          `CORS 放行的不是前端地址 / Access-Control-Allow-Origin is ${allow}, not ${origin}`,
        );
      }
      if (s === 405 && !isJson(res)) {
        return fail(
          'not-proxied',
          `预检请求未转发到后端 / nginx answered the preflight itself (405): /api is not proxied`,
        );
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
      return { ...unexpectedAnswer(res, w, evidence), facts };
    });
  },
  signals: {
    allowed: 'Access-Control-Allow-Origin is the public origin or *',
    'origin-missing':
      'a 2xx preflight without the public origin in Access-Control-Allow-Origin: CORS_ALLOWED_ORIGINS lacks it',
    'not-proxied': '405 from nginx: the preflight never reached Django',
    'bad-gateway': '502: nginx cannot reach the backend',
    'disallowed-host': "Django's Bad Request (400) page: ALLOWED_HOSTS lacks the public host",
    refused: 'nginx is not listening on nginxListen (curl exit 7)',
    timeout: 'no answer within 5 s (curl exit 28)',
    unexpected: 'any other answer, or output that could not be read',
  },
});
