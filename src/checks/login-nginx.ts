import type { Target } from '../config/target.js';
import { defineCheck } from './check.js';
import {
  curlCommands,
  factText,
  interpretProbe,
  LOGIN_PATH,
  nginxBase,
  originHeader,
  PROBE_CREDENTIALS,
  unexpectedAnswer,
} from './curl-probe.js';
import {
  header,
  isDjangoBadRequest,
  isDjangoNotFound,
  isJson,
  isNginxErrorPage,
  isSpaIndex,
  responseEvidence,
} from './http-response.js';

const EVIDENCE_HEADERS = ['server', 'content-type', 'location', 'access-control-allow-origin'];

function where(target: Target) {
  return { label: `nginx ${target.nginxListen}`, url: `http://${target.nginxListen}${LOGIN_PATH}` };
}

/** POST the login endpoint through nginx, as the browser does: is `/api` proxied to Django intact? */
export const loginNginx = defineCheck({
  id: 'login-nginx',
  title: '登录接口（经 nginx）',
  titleEn: 'Login endpoint through nginx',
  commands: (target) =>
    curlCommands(target, {
      method: 'POST',
      base: nginxBase(target),
      path: LOGIN_PATH,
      headers: [originHeader(target)],
      data: PROBE_CREDENTIALS,
    }),
  interpret(results, target) {
    const w = where(target);
    return interpretProbe(results, w, (res) => {
      const evidence = responseEvidence(res, EVIDENCE_HEADERS, 4);
      const facts = {
        server: factText(header(res, 'server')),
        allowOrigin: factText(header(res, 'access-control-allow-origin')),
      };
      const s = res.status;
      const fail = (signal: string, summary: string) => ({
        status: 'fail' as const,
        summary,
        evidence,
        facts,
        signals: [signal],
      });
      if (s === 400 && isDjangoBadRequest(res)) {
        return fail(
          'disallowed-host',
          `ALLOWED_HOSTS 不含公网地址 / Django refused the Host header (400 Bad Request): ALLOWED_HOSTS lacks it`,
        );
      }
      if ([200, 400, 401, 403].includes(s) && isJson(res)) {
        return {
          status: 'ok',
          summary: `经 nginx 登录接口正常响应 / the login endpoint answers through nginx (${s})`,
          evidence,
          facts,
          signals: ['answers'],
        };
      }
      if (s === 405 && !isJson(res)) {
        return fail(
          'spa-fallback',
          `请求落到了前端 location / / POST ${LOGIN_PATH} fell to nginx's static \`location /\` (405): /api is not proxied`,
        );
      }
      if (s === 200 && isSpaIndex(res)) {
        return fail(
          'spa-fallback',
          `请求落到了前端页面 / nginx answered ${LOGIN_PATH} with the front end's index.html: /api is not proxied`,
        );
      }
      if (s === 404 && isDjangoNotFound(res)) {
        return fail(
          'not-found-django',
          `Django 返回 404：路径被改写 / Django answered 404: the path was rewritten on the way (proxy_pass with a URI part?)`,
        );
      }
      if (s === 404 && isNginxErrorPage(res)) {
        return fail(
          'not-found-nginx',
          `nginx 自身返回 404 / nginx itself answered 404 for ${LOGIN_PATH}: no location proxies it`,
        );
      }
      if (s === 502)
        return fail(
          'bad-gateway',
          `502 Bad Gateway：nginx 连不上后端 / nginx cannot reach the backend (502 Bad Gateway)`,
        );
      if (s === 504)
        return fail('gateway-timeout', `504 网关超时 / the backend did not answer nginx in time (504 Gateway Timeout)`);
      if (s >= 500) return fail('server-error', `服务器内部错误 / the server failed with ${s} ${res.reason}`.trim());
      return { ...unexpectedAnswer(res, w, evidence, s >= 300 && s < 400 ? 'warn' : 'fail'), facts };
    });
  },
  signals: {
    answers: 'the login endpoint answers through nginx (200/400/401/403 with JSON)',
    'not-found-django': 'Django answered 404: proxied, but the path changed (typically proxy_pass with a URI part)',
    'not-found-nginx': "nginx's own 404 page",
    'spa-fallback': "405 from nginx, or the SPA's index.html: the request fell to `location /`",
    'bad-gateway': '502: nginx cannot reach the backend',
    'gateway-timeout': '504: the backend did not answer nginx in time',
    'disallowed-host': "Django's Bad Request (400) page: ALLOWED_HOSTS lacks the public host",
    'server-error': 'any other 5xx',
    refused: 'nginx is not listening on nginxListen (curl exit 7)',
    timeout: 'no answer within 5 s (curl exit 28)',
    unexpected: 'any other answer, or output that could not be read',
  },
});
