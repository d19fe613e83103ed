import { gated } from './gated.js';
/**
 * OMS run in containers beside its systemd installation: a DevOps engineer moving OMS onto Docker while production
 * stays on systemd compares the two ("SIGTERM 在容器版从来没见过，systemd 版一天好几条", "容器里我是 docker compose exec
 * backend python manage.py createsuperuser，systemd 那台上该怎么建超管？"), points nginx back from a container to the
 * backend ("把 upstream 从容器 IP 切回 127.0.0.1:8000"), or has a container's healthcheck call OMS's address. The
 * container side is then OMS's other installation, not another system (src/intent/other-systems.ts lists `容器` and
 * `docker`). Containers' own trouble (the Docker daemon, a registry, a k8s pod, another team's container) is not
 * named by these phrases and stays another system's.
 */

/** Where OMS runs in a container, as a place: 容器版, 容器里, docker 版, compose 版, a container's IP or healthcheck. */
const CONTAINER_SIDE = gated(
  new RegExp(
    [
      '(?:在|从|跟|和)?(?:容器|docker|compose)\\s*(?:版本?|里面?|内|中|那边|那套|那台|部署)的?',
      '(?:容器|docker)\\s*(?:的\\s*)?(?:ip|地址|healthcheck|health ?check|健康检查)',
      String.raw`\bdocker[ -]compose exec(?:\s+-{1,2}[\w=-]+)*\s+[\w-]+`,
      String.raw`\b(?:the |our )?(?:containeri[sz]ed|container|docker|compose) ` +
        String.raw`(?:version|build|setup|deployment|install(?:ation)?)\b`,
      String.raw`\bin (?:the |a |our )?(?:containers?|docker)\b`,
      String.raw`\bcontainer(?:'s)? (?:ip|address|healthcheck|health check)\b`,
    ].join('|'),
    'g',
  ),
);

/** OMS's side beside it: its systemd installation, the backend's address, its own commands. */
const OMS_SIDE = gated(
  new RegExp(
    [
      'systemd|systemctl|\\.service\\b|物理机|裸机|虚机|虚拟机|127\\.0\\.0\\.1:8000|localhost:8000|\\bupstream\\b',
      '\\/api\\/|manage\\.py|createsuperuser|\\boms\\b',
    ].join('|'),
    '',
  ),
);

/**
 * The text without the container side of OMS's own installations ({@link CONTAINER_SIDE}) when OMS's side is named
 * beside it (`changed` says it was).
 */
export function withoutContainerSide(text: string): { text: string; changed: boolean } {
  if (text.search(CONTAINER_SIDE) < 0 || !OMS_SIDE.test(text)) return { text, changed: false };
  return { text: text.replace(CONTAINER_SIDE, ' '), changed: true };
}
