import { splitSyllables } from './pinyin.js';
import { expandInitials } from './pinyin-initials.js';
import { TypoCorrector } from './typos.js';
import { RELAYS, WATCHERS } from './shared-infra.js';

/**
 * Another system named by a word OMS never uses. The list in other-systems.ts
 * knows the usual neighbours (MySQL, Jenkins, k8s …); these rules catch the
 * ones nobody listed, from the shape of the message:
 * - a latin name right before a component ("keycloak 登录", "gitea 的 admin",
 *   "uwsgi worker", "minio 控制台"), the name being unknown to OMS's own
 *   vocabulary (the playbooks' text, the lexicon, common words);
 * - in a Chinese message, a latin word standing alone among the characters
 *   that OMS's vocabulary does not know ("hadoop namenode OOM 了") — operators
 *   write product names in latin, and OMS's own words are all in its playbooks;
 * - a unit other than OMS's (`zabbix-agent.service`), a process other than
 *   gunicorn killed by the kernel (`Killed process 1201 (mysqld)`).
 */

/**
 * Everyday words that are not names of systems (English, and the latin words of Chinese chat), learners' English too:
 * addresses (sir, madam, dear), contractions without the apostrophe (cant, doesnt), "pls revert".
 */
const COMMON = `a about above after again all also always am an and any anyone anything are around as ask at away back
bad be because been before being below best better between both box but button by call came can cannot check
click come could day days did do does doing done down each early either else end enough even ever every fine first
fix for from full get gets getting give go goes going gone good got had has have having help here how however if
in into is it its just keep kind know last late later least left less let like look looks lot made make many may
maybe me might mine minute minutes more morning most much must my need needs never new next night no nobody none
not nothing now of off often ok okay old on once one only or other our out over own page part people please pls
plz point pretty quick quite rather real really right run running same saw say says see seems seen set should
show since site so some someone something sometimes soon sorry start still stop such sure take tell than thank
thanks that the their them then there these they thing things think this those though through thx time times to
today together tomorrow too tried try trying turn two under until up us use used using very via want was way we
week well went were what when where which while who why will with without work works would yes yesterday yet you
your asap btw fyi lol demo prod production staging test testing bug bugs debug deploy deployed release ip id pr
cc token cookie session json html http https tcp udp ping telnet curl wget vim vi nano sudo root linux centos
ubuntu debian rhel windows mac macos chrome edge firefox safari network console url urls dev ops devops server
servers machine host box vm ssh login admin logout button popup toast screen click tab network error errors
warning warnings info status code codes request requests response responses timeout restart reload stop start
version upgrade update patch config conf env file files folder dir path log logs page pages user users account
accounts password passwords role roles team customer customers client clients report reports export import excel
csv xlsx pdf word doc docs readme wiki link links online offline local remote cloud pending loading loaded hang
hung stuck slow fast blank white empty random suddenly anymore long short big small high low half whole each
everybody everyone somebody nowhere somehow somewhere almost already instead kill killing killed die dying
dead alive crash crashing broke broken weird strange odd wrong right correct incorrect fail failing failed
failure fixed fixing reboot rebooted boot booting ram cpu memory disk space free used leak spike peak load
traffic slowdown latency spinning spinner forever blank refresh refreshed retry retried reopen cache cached
cleared clear browser tab incognito private mode dark light field fields value values column columns row rows
form forms submit submitted save saved upload uploaded download downloaded template list lists table tables
menu sidebar header footer style styles css js vue react npm node build dist frontend backend front back end
api endpoint endpoints route routes router proxy gateway upstream worker workers process processes thread
threads port ports socket sockets unit units systemd service services daemon journal journald postman apifox
swagger navicat xshell finalshell mobaxterm putty winscp xftp jmeter nohup tmux htop top free dmesg lsof netstat
wireshark tcpdump wechat drf jwt simplejwt axios vue vite pinia element hotfix master main branch commit merge tag
uat sit prd qa web ui tester testers developer developers intern newbie oncall devtools webpack
logrotate rotate rotated rotation copytruncate postrotate selinux firewalld iptables ufw yum dnf apt rpm sysctl
ulimit swap kernel journalctl systemctl
restorecon chcon semanage getsebool setsebool sestatus getenforce setenforce enforcing permissive avc audit2allow
ausearch aureport sealert auditctl firewall-cmd sudoers visudo faillock pwquality chage umask
synthetic probe probes probing blackbox firing alertname uptime heartbeat
svc cfg venv virtualenv ini yml yaml repo pkg srv cmd tmp usr opt lib bin etc
git pull push clone fetch pip pip3 install yarn pnpm scp rsync cron crontab runserver ansible saltstack terraform
jenkins traceroute tracert mtr nslookup iperf iperf3 nmap arp ethtool ifconfig mtu ttl rst syn
smoke rollback rollout canary healthcheck health artifact tarball changelog
previous former current existing primary default original respectfully kindly
second third another press pressed tap hit deputy hmm hmmm hm emm umm uh oh ah oops ugh wtf omg
her hers him ours yours theirs
sir sirs madam maam dear bro boss hello hii cant dont doesnt didnt wont isnt arent wasnt werent couldnt shouldnt
wouldnt havent hasnt im ive thats whats theres ur urgent urgently issue issues facing revert able unable showing
diff pfb pfa`.split(/\s+/);

/** Components a name can stand before: "X 登录", "X 的 admin", "X worker". */
const COMPONENT_AFTER = new RegExp(
  '^\\s*(?:的\\s*)?(?:' +
    'login|sign[- ]?in|admin|worker|workers|service|api|apis|server|console|panel|dashboard|portal|ui|web|' +
    '前端|界面|网页|' +
    'backend|frontend|pod|container|cluster|node|process|daemon|agent|' +
    'management|back[- ]?office|apps?\\b|machines?\\b|passwords?\\b|accounts?\\b|' +
    '登录|登陆|后台|控制台|管理|进程|服务|接口|页面|面板|集群|节点|容器|账号|密码)',
);

const TOKEN = /[a-z][a-z0-9_-]*[a-z0-9]/g;

/** The first line of `systemctl status`: the unit and its description. */
const UNIT_HEADER = /^\s*[●○×*]?\s*[\w@.-]+\.service - /;

/** A preposition of place or means right before a word (looked at in a short window: lines can be long). */
const PLACE_BEFORE = /(?:^|\s)(?:in|on|inside|into|from|via|using)\s+$/;
/** The clause ends right after a word (sticky: tried at the word's end). */
const CLAUSE_END = /\s*(?:[?!,;]|\.(?:\s|$)|$)/y;

function endsClause(line: string, at: number): boolean {
  CLAUSE_END.lastIndex = at;
  return CLAUSE_END.test(line);
}

function afterPlace(line: string, at: number): boolean {
  const start = Math.max(0, at - 12);
  // The window's first character must not continue a word cut by the window ("cabin " is not "in ").
  return PLACE_BEFORE.test(`${start > 0 && /[a-z]/.test(line[start - 1]!) ? 'x' : ' '}${line.slice(start, at)}`);
}

/** A unit named to systemctl or journalctl (`systemctl status X`, `journalctl -xe -u X`): its flags, then -u. */
const UNIT_COMMAND = new RegExp(
  String.raw`\b(?:journalctl(?:\s+-(?!u)[\w-]+(?:\s+[^\s|-]\S*)?)*\s+-u\s*|` +
    String.raw`systemctl\s+(?:status|restart|start|stop|enable|reload|is-active|show|cat)\s+)([a-z][\w@.-]*)(?=\s|$)`,
  'g',
);
/** A part of OMS named beside it ("systemctl restart supervisor 之后后端起不来"): the unit is a step, not the subject. */
const OMS_NAMED = /后端|后台|前端|接口|(?<![a-z])(?:oms|backend|gunicorn|nginx|django|api|admin)(?![a-z])/;

/** Units and processes that are OMS's own. */
const OURS = /oms|nginx|gunicorn|backend|django|python/;

export class ForeignNames {
  private vocabulary: (() => Iterable<string>) | undefined;
  private words: { known: Set<string>; typos: TypoCorrector } | undefined;

  /**
   * `vocabulary`: OMS's own words (the playbooks' text and the lexicon's terms), lower case; a function is called
   * on the first latin word a message holds (a message in Chinese alone never needs them).
   */
  constructor(vocabulary: Iterable<string> | (() => Iterable<string>)) {
    this.vocabulary = typeof vocabulary === 'function' ? vocabulary : () => vocabulary;
  }

  private get known(): Set<string> {
    return this.own().known;
  }

  private get typos(): TypoCorrector {
    return this.own().typos;
  }

  private own(): { known: Set<string>; typos: TypoCorrector } {
    if (this.words) return this.words;
    const known = new Set(COMMON);
    for (const w of this.vocabulary!()) {
      known.add(w);
      for (const part of w.split(/[-_.]/)) if (part) known.add(part);
    }
    this.vocabulary = undefined;
    this.words = { known, typos: new TypoCorrector([...known].filter((w) => w.length >= 5)) };
    return this.words;
  }

  /**
   * The other system a normalised message names, if any. `loose` (for passive listening, which must stay
   * silent on anything doubtful): any unknown latin word among Chinese characters counts, wherever it stands.
   */
  find(text: string, lines: readonly string[], loose = false): string | undefined {
    for (const m of text.matchAll(/(?<![\w-])([\w@-]+)\.service\b/g)) if (!OURS.test(m[1]!)) return `${m[1]}.service`;
    for (const m of text.matchAll(/killed process \d+ \(([^)]+)\)/g)) if (!OURS.test(m[1]!)) return m[1];
    // A unit other than OMS's named to systemctl or journalctl ("journalctl -u plexmediaserver 一直 restarting").
    for (const m of OMS_NAMED.test(text) ? [] : text.matchAll(UNIT_COMMAND)) {
      const unit = m[1]!.replace(/(?:-\d+)?(?:\.service)?$/, '');
      if (unit.length >= 3 && !OURS.test(unit) && splitSyllables(unit) === null && !this.known.has(unit)) return unit;
    }
    for (const line of lines) {
      // systemd's description of a unit ("● nginx.service - A high performance web server") is not the writer's.
      if (UNIT_HEADER.test(line)) continue;
      const cjk = /[\u3400-\u9fff]/.test(line);
      for (const m of line.matchAll(TOKEN)) {
        const word = m[0];
        const at = m.index;
        const pinyin = splitSyllables(word) !== null;
        // "… a superuser in Keycloak?": an English clause ending on where it happens (judged on the word alone:
        // the question mark or full stop after it is the clause's, not a file name's).
        const place = endsClause(line, at + word.length) && afterPlace(line, at);
        // A monitoring tool named as where something was seen ("… on every reload in Loki") is no system in trouble.
        if (place && !pinyin && !WATCHERS.has(word) && this.isName(word, `${line.slice(0, at + word.length)} `, at))
          return word;
        if (!this.isName(word, line, at)) continue;
        // "his password" is the pronoun; "HIS 系统" (a hospital's system) is told as a subject below.
        if (word !== 'his' && COMPONENT_AFTER.test(line.slice(at + word.length)) && (cjk || !pinyin)) return word;
        // Pinyin (a user name such as lisi, or a word typed in pinyin) names no system.
        // Nor is one opening a report it relays ("WAF 日志里 /api/orders/ 一直回 504"); passive listening stays silent.
        const relays = WATCHERS.has(word) && RELAYS.test(line.slice(at + word.length));
        const subject = loose || (!relays && isSubject(line, at, word.length));
        if (cjk && !pinyin && standsAlone(line, at, word.length) && subject) return word;
      }
    }
    return undefined;
  }

  private isName(word: string, line: string, at: number): boolean {
    if (word.length < 3 || /\d/.test(word) || this.known.has(word)) return false;
    if (word.split(/[-_]/).every((p) => this.known.has(p))) return false;
    // Pinyin initials of OMS's words ("fwq重启完", "gly密码忘了", src/intent/pinyin-initials.ts) name no system.
    if (expandInitials(word) !== null) return false;
    // Inside a path, a URL, a file name or an option: part of a command line, not a name.
    const before = line[at - 1] ?? ' ';
    const after = line[at + word.length] ?? ' ';
    if (/[/.:=@$'"`-]/.test(before) || /[/.:=(@'"`]/.test(after)) return false;
    // An English verb form ("reaped process", "restarted worker") describes; product names are not inflected so.
    if (/[a-z]{3}(?:ed|ing)$/.test(word) && !/[A-Z]/.test(word)) return false;
    const stem = word.replace(/(?:ing|ed|es|s)$/, '');
    if (stem.length >= 3 && (this.known.has(stem) || this.known.has(`${stem}e`))) return false;
    return !this.known.has(this.typos.correct(word));
  }
}

/** The message is about the name: it opens the line ("hadoop namenode OOM 了") or owns what follows ("CRM 系统"). */
function isSubject(line: string, at: number, length: number): boolean {
  if (line.slice(0, at).replace(/\s+/g, '').length <= 4) return true;
  return /^\s*(?:系统|平台|服务器|机器|集群|上的|里的|那边|这边|那台|的)/.test(line.slice(at + length));
}

/** Words that make a run of latin words an English clause (a quoted error message), not a list of names. */
const CLAUSE = new Set(
  'a an the to of or and is are was were be have has not no you your it this that for with'.split(' '),
);

/** A latin word among Chinese characters, not inside an English clause (three words or more with a function word). */
function standsAlone(line: string, at: number, length: number): boolean {
  const left = line.slice(0, at).match(/[a-z0-9_ .,:;!?'"()/-]*$/)![0];
  const right = line.slice(at + length).match(/^[a-z0-9_ .,:;!?'"()/-]*/)![0];
  const words = `${left} x ${right}`.match(/[a-z]+/g) ?? [];
  return words.length <= 3 || (words.length <= 4 && !words.some((w) => CLAUSE.has(w)));
}
