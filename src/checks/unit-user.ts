import { defineCheck, type FactValue } from './check.js';
import { clip, commandProblem, excerpt } from './output.js';
import { parseSystemdShow, printable } from './systemd-show.js';

/** One entry of `getent passwd` / `getent group`: name and numeric id. */
interface Account {
  name: string;
  id: string;
}

/** Parse `name:x:id:…` lines (passwd and group share the first three fields). */
export function parseGetent(text: string): Account[] | undefined {
  const out: Account[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const f = line.split(':');
    if (f.length < 3 || !f[0] || !/^\d+$/.test(f[2] ?? '')) continue;
    out.push({ name: f[0], id: f[2]! });
  }
  return out.length > 0 ? out : undefined;
}

function find(accounts: Account[], nameOrId: string): Account | undefined {
  return (
    accounts.find((a) => a.name === nameOrId) ??
    (/^\d+$/.test(nameOrId) ? accounts.find((a) => a.id === nameOrId) : undefined)
  );
}

/** Do the unit's User= and Group= exist on the host (217/USER, 216/GROUP otherwise). */
export const unitUser = defineCheck({
  id: 'unit-user',
  title: '服务运行用户',
  titleEn: 'Service user',
  signals: {
    'user-missing': "the unit's User= does not exist on the host (fact user)",
    'group-missing': "the unit's Group= does not exist on the host (fact group)",
    'user-root': 'no User= (or User=root): the backend runs as root',
    'user-exists': "the unit's User= (and Group=) exist",
    'unit-not-found': 'the unit is not installed, so it has no User= to check',
  },
  commands: (target) => [
    { argv: ['systemctl', 'show', target.service, '-p', 'User,Group,LoadState'], timeoutMs: 8000 },
    { argv: ['getent', 'passwd'], timeoutMs: 8000, maxBytes: 8 * 1024 * 1024 },
    { argv: ['getent', 'group'], timeoutMs: 8000, maxBytes: 8 * 1024 * 1024 },
  ],
  interpret: ([show, passwd, group], target) => {
    if (!show || !passwd || !group)
      return { status: 'error', summary: '没有命令结果 / no command result', evidence: '', facts: {}, signals: [] };
    const problem =
      commandProblem(show, 'systemctl') ?? commandProblem(passwd, 'getent') ?? commandProblem(group, 'getent');
    if (problem) return problem;
    const props = parseSystemdShow(show.stdout);
    if (!props || (props.User === undefined && props.Group === undefined)) {
      return {
        status: 'error',
        summary: `无法解析 systemctl show 输出 / could not read \`systemctl show ${target.service} -p User,Group\``,
        evidence: excerpt(`${show.stdout}\n${show.stderr}`.trim(), 6, 600),
        facts: {},
        signals: [],
      };
    }
    // An empty User= of a unit that does not exist would read as "runs as root": say what is true instead.
    if (props.LoadState === 'not-found') {
      return {
        status: 'skipped',
        summary:
          `${printable(target.service)}.service 没有安装，无从检查运行用户 / ` +
          'the unit is not installed, so there is no User= to check',
        evidence: excerpt(show.stdout.trim(), 6, 600),
        facts: { loadState: 'not-found' },
        signals: ['unit-not-found'],
      };
    }
    const user = (props.User ?? '').trim().slice(0, 256);
    const grp = (props.Group ?? '').trim().slice(0, 256);
    const users = parseGetent(passwd.stdout);
    const groups = parseGetent(group.stdout);
    const showEvidence = `User=${props.User ?? ''}\nGroup=${props.Group ?? ''}`;
    if (!users || (!groups && grp !== '')) {
      return {
        status: 'error',
        summary: '无法解析 getent 输出 / could not read the `getent passwd`/`getent group` output',
        evidence: excerpt(`${users ? group.stdout : passwd.stdout}`, 6, 600),
        facts: { user: user || null, group: grp || null },
        signals: [],
      };
    }
    const facts: Record<string, FactValue> = { user: user || 'root', group: grp || null };
    const signals: string[] = [];
    const zh: string[] = [];
    const en: string[] = [];
    const u = user === '' ? undefined : find(users, user);
    if (user !== '' && !u) {
      signals.push('user-missing');
      zh.push(`用户 ${printable(user)} 不存在`);
      en.push(`user ${printable(user)} does not exist (systemd fails with 217/USER)`);
    }
    if (u) facts.uid = u.id;
    if (grp !== '' && groups) {
      const g = find(groups, grp);
      if (g) facts.gid = g.id;
      else {
        signals.push('group-missing');
        zh.push(`用户组 ${printable(grp)} 不存在`);
        en.push(`group ${printable(grp)} does not exist (systemd fails with 216/GROUP)`);
      }
    }
    if (signals.length > 0 && (passwd.truncated || group.truncated)) {
      return {
        status: 'error',
        summary: `getent 输出被截断，无法确认 / getent output was cut off: cannot tell whether ${printable(user || grp)} exists`,
        evidence: showEvidence,
        facts,
        signals: [],
      };
    }
    if (signals.length > 0) {
      return {
        status: 'fail',
        summary: `服务运行用户有问题：${zh.join('，')} / ${en.join('; ')}`,
        evidence:
          `${showEvidence}\n` + `(getent passwd: ${users.length} users; getent group: ${groups?.length ?? 0} groups)`,
        facts,
        signals,
      };
    }
    if (user === '' || user === 'root' || u?.id === '0') {
      return {
        status: 'warn',
        summary:
          '后端以 root 身份运行 / the backend runs as root ' +
          `(${user === '' ? 'no User= in the unit' : `User=${printable(user)}`})`,
        evidence: showEvidence,
        facts,
        signals: ['user-root'],
      };
    }
    return {
      status: 'ok',
      summary: `运行用户 ${printable(user)} 存在 / service user ${printable(user)} exists (uid ${u?.id ?? '?'})`,
      evidence: `${showEvidence}\n${passwdLine(passwd.stdout, u?.name ?? user)}`.trim(),
      facts,
      signals: ['user-exists'],
    };
  },
});

function passwdLine(text: string, name: string): string {
  const line = text.split('\n').find((l) => l.startsWith(`${name}:`)) ?? '';
  return clip(line, 200);
}
