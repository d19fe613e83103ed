import { answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Round 13's rules (docs/intent.md), on wordings invented for them, hard negatives among them.
 */
const answer = answerOverRealPlaybooks();
const silent = (texts: string[]) => {
  for (const text of texts) {
    const r = answer(text);
    expect([text, r.offered, r.passive]).toEqual([text, [], false]);
  }
};

describe('another Python framework or a managed cluster', () => {
  it('is another system, even with gunicorn, SIGTERM or a 404', () => {
    silent([
      'gunicorn workers on EKS get SIGTERM when the deployment updates',
      'the flask app returns 404 for every route',
      'gunicorn 在 GKE 上收到 SIGTERM，要加 preStop 吗',
      'fastapi 服务用 uvicorn 跑的，重启后 worker 一直 OOM',
      'openshift 上 django admin 打不开',
    ]);
  });

  it('OMS’s own gunicorn and workers stay OMS’s', () => {
    expect(answer('每次 restart 后端 gunicorn 日志里都有 worker SIGTERM，正常吗').offered).toContain('worker-sigterm');
    expect(answer('gunicorn worker got SIGTERM after systemctl restart oms-backend').top).toBe('worker-sigterm');
  });
});

describe('systemd’s complaints about a unit file’s lines', () => {
  it('name the unit file’s format, so a unit copied over with scp or rsync stays OMS’s', () => {
    for (const text of [
      'unit 文件 scp 上去以后 daemon-reload 报 Assignment outside of section，服务不太对',
      "rsync 过去的 service 文件报 Missing '='，服务不正常",
    ])
      expect([text, answer(text).top]).toEqual([text, 'service-start']);
  });

  it('another unit’s complaint, or a copy with no part of OMS, is not', () => {
    silent(['node_exporter.service 用 scp 拷过去，daemon-reload 提示 Assignment outside of section']);
    expect(answer('我在windows上写的 python 脚本跑不起来').offered).toEqual([]);
  });
});
