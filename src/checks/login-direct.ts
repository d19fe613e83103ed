import type { Target } from '../config/target.js';
import { defineCheck } from './check.js';
import {
  backendBase,
  curlCommands,
  factText,
  interpretProbe,
  LOGIN_PATH,
  PROBE_CREDENTIALS,
  unexpectedAnswer,
} from './curl-probe.js';
import { header, isDjangoBadRequest, isJson, responseEvidence } from './http-response.js';

const EVIDENCE_HEADERS = ['server', 'content-type', 'location'];

function where(target: Target) {
  return { label: `gunicorn ${target.backendBind}`, url: `http://${target.backendBind}${LOGIN_PATH}` };
}

/** POST the login endpoint on gunicorn directly: does the backend itself answer? */
export const loginDirect = defineCheck({
  id: 'login-direct',
  title: '后端登录接口（直连 gunicorn）',
  titleEn: 'Login endpoint on gunicorn directly',
  commands: (target) =>
    curlCommands(target, { method: 'POST', base: backendBase(target), path: LOGIN_PATH, data: PROBE_CREDENTIALS }),
  interpret(results, target) {
    const w = where(target);
    return interpretProbe(results, w, (res) => {
      const evidence = responseEvidence(res, EVIDENCE_HEADERS, 3);
      const facts = { server: factText(header(res, 'server')) };
      const s = res.status;
      if (s === 400 && isDjangoBadRequest(res)) {
        return {
          status: 'fail',
          summary: `ALLOWED_HOSTS 不含公网地址 / Django refused the Host header (400 Bad Request): ALLOWED_HOSTS lacks it`,
          evidence,
          facts,
          signals: ['disallowed-host'],
        };
      }
      if ([200, 400, 401, 403].includes(s) && isJson(res)) {
        return {
          status: 'ok',
          summary: `后端正常响应 / the backend answers the login endpoint (${s})`,
          evidence,
          facts,
          signals: ['answers'],
        };
      }
      if (s === 404) {
        return {
          status: 'fail',
          summary: `后端找不到登录接口 / the backend has no ${LOGIN_PATH} (404)`,
          evidence,
          facts,
          signals: ['not-found'],
        };
      }
      if (s >= 500) {
        return {
          status: 'fail',
          summary: `后端内部错误 / the backend failed with ${s} ${res.reason}`.trim(),
          evidence,
          facts,
          signals: ['server-error'],
        };
      }
      return { ...unexpectedAnswer(res, w, evidence, s >= 300 && s < 400 ? 'warn' : 'fail'), facts };
    });
  },
  signals: {
    answers: 'the backend answers the login endpoint (200/400/401/403 with JSON)',
    'not-found': 'the backend answers 404 for the login endpoint',
    'disallowed-host': "Django's Bad Request (400) page: ALLOWED_HOSTS lacks the public host",
    'server-error': 'the backend answers 5xx',
    refused: 'nothing listens on backendBind (curl exit 7)',
    timeout: 'no answer within 5 s (curl exit 28)',
    unexpected: 'any other answer, or output that could not be read',
  },
});
