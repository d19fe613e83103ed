import { gated } from './gated.js';
/**
 * The tool or pipeline that runs a step of OMS's ("pipeline 里跑 python manage.py createsuperuser 一直卡着", "jenkins 的
 * 冒烟测试 curl /api/ 拿到 404", "[Pipeline] sh + curl http://…/api/", "our gitlab ci stage runs createsuperuser"): the
 * means, not the subject. Read by src/intent/around-oms.ts. The tool's own trouble ("jenkins 的 admin 密码忘了", "流水线
 * 卡在 npm ci", "jenkins agent 连不上") names no step of OMS's, or names the tool's own part right after it, and stays
 * the tool's.
 */

/** Deployment tools and pipelines (src/intent/shared-infra.ts, src/intent/other-systems.ts name them too). */
export const TOOL =
  String.raw`(?:jenkins|ansible|salt(?:stack)?|terraform|` + String.raw`gitlab[- ]?ci|github actions|drone|argo ?cd)`;
/** The tool's own parts: named right after it, the trouble is the tool's ("jenkins 的 admin", "jenkins agent"). */
export const TOOLS_OWN =
  String.raw`(?!\s*(?:的\s*)?(?:admin|管理员|密码|账号|帐号|登录|登陆|插件|plugins?|agents?|节点|nodes?|界面|` +
  String.raw`web ?ui|ui|控制台|console|本身|自己|升级|upgrade|版本|master|controller|tower|awx|证书|license|workspace|` +
  String.raw`runners?|executors?)(?![a-z]))`;

/** Pipelines by their generic names (CI, 流水线), and Jenkins's console markers ("[Pipeline] sh"). */
const PIPELINE = String.raw`(?:${TOOL}|\bci\b|\bpipelines?\b|流水线|liushuixian)`;

/**
 * A step of OMS's: a command of its back end's `manage.py`, its unit or server process, a request to its API by
 * curl or a probe (not a tool's own API: Jenkins's /api/json).
 */
const OMS_STEP = gated(
  new RegExp(
    [
      String.raw`createsuperuser|changepassword|manage\.py|oms[-_]backend`,
      String.raw`(?:\bcurl\b|\bwget\b|\bget\b|冒烟|smoke|健康检查|health ?check|探活|拨测)` +
        String.raw`[^\n]{0,80}?\/api\/?(?![\w/]*(?:json|xml)\b)`,
    ].join('|'),
    '',
  ),
);

/** The pipeline named, with its job or stage ("jenkins job", "ci stage", "流水线的任务"), or a console marker. */
const PIPELINE_NAMED = gated(
  new RegExp(
    String.raw`\[pipeline\]|${PIPELINE}${TOOLS_OWN}(?:\s*(?:的\s*)?(?:jobs?|任务|stages?|步骤|steps?|builds?|构建))?`,
    'g',
  ),
);

/**
 * The tool building OMS's front end ("是不是 jenkins 打包的时候 env 没带进去", "jenkins 构建的时候没传进去", "the bundle
 * jenkins built"): a step of OMS's deployment.
 */
const BUILT_BY = gated(
  new RegExp(
    [
      String.raw`${PIPELINE}\s*(?:在|里|上)?\s*(?:打包|构建|编译|build)(?:的时候|时候|时|出来的|出的|的包|完)`,
      String.raw`${PIPELINE}\s*打的包|\b(?:built|bundled|packaged) (?:by|on|in) (?:the |our )?${PIPELINE}`,
      String.raw`\bwhen ${PIPELINE} (?:builds?|built|bundles?|packages?)\b`,
    ].join('|'),
    'g',
  ),
);

/**
 * The trouble said to be the pipeline's own environment ("只在 CI 上出现，本地没事", "only fails on the runner, works
 * locally"): the tool is the subject.
 */
const ONLY_THERE = gated(
  new RegExp(
    String.raw`只(?:在|有)\s*${PIPELINE}|${PIPELINE}\s*(?:上|里)才|本地(?:没事|正常|没问题|可以|是好的|都好)|` +
      String.raw`\bonly (?:on|in) (?:the )?(?:${PIPELINE}|runner)\b|\bworks? (?:fine )?locally\b`,
    '',
  ),
);

/** The text without the tool named as what runs a step of OMS's or builds its front end. */
export function withoutRunner(text: string, whole = text): string {
  const built = text.replace(BUILT_BY, ' ');
  return OMS_STEP.test(whole) && !ONLY_THERE.test(whole) ? built.replace(PIPELINE_NAMED, ' ') : built;
}
