/**
 * npm run lab -- up <scenario> | down [id|--all] | list
 *
 * Boots a replica OMS server with one fault (see docs/lab.md) and prints the
 * target to diagnose it with; the container keeps running until `down`.
 * Needs root, debootstrap and systemd-container.
 */
import { downAll, ensureImage, labPreflight, listInstances, SCENARIOS, stopInstance, up } from '../test/lab/lab.js';

const usage = `usage: npm run lab -- up <scenario> | down [<id>|--all] | list | build

  up <scenario>   boot the replica with that fault; prints the target config
  down [<id>]     stop one instance (or all with --all, or with no argument)
  list            scenarios, and the instances running now
  build           build (or refresh) the cached image only`;

async function main(argv: string[]): Promise<number> {
  const [verb, arg] = argv;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  switch (verb) {
    case 'list': {
      const width = Math.max(...SCENARIOS.map((s) => s.name.length));
      console.log('scenarios:');
      for (const s of SCENARIOS) console.log(`  ${s.name.padEnd(width)}  ${s.symptom}`);
      const running = listInstances();
      console.log(running.length ? '\nrunning:' : '\nrunning: none');
      for (const r of running)
        console.log(
          `  ${r.id}  ssh 127.0.0.1:${r.ports.ssh}  nginx 127.0.0.1:${r.ports.nginx}  backend 127.0.0.1:${r.ports.backend}  since ${r.startedAt}`,
        );
      return 0;
    }
    case 'build': {
      const problem = labPreflight();
      if (problem) throw new Error(problem);
      const info = ensureImage(log);
      console.log(`image: ${info.image}`);
      return 0;
    }
    case 'up': {
      if (!arg) {
        console.error(usage);
        return 2;
      }
      const t0 = Date.now();
      const inst = await up(arg, { log, detach: true });
      const total = ((Date.now() - t0) / 1000).toFixed(1);
      console.log(`# lab ${inst.id}: ${inst.scenario.symptom}`);
      console.log(
        `# ready in ${total} s (prepare ${inst.timings.prepareS.toFixed(1)} s, boot ${inst.timings.bootS.toFixed(1)} s)`,
      );
      console.log(`# save as lab.yml, then: npm start -- --config lab.yml diagnose ${inst.scenario.playbook} lab`);
      console.log(`# stop with: npm run lab -- down ${inst.id}`);
      process.stdout.write(inst.configYaml);
      return 0;
    }
    case 'down': {
      if (arg && arg !== '--all') {
        const s = listInstances().find((i) => i.id === arg || i.scenario === arg);
        if (!s) {
          console.error(`no running lab instance ${arg}`);
          return 1;
        }
        await stopInstance(s);
        console.log(`stopped ${s.id}`);
        return 0;
      }
      const stopped = await downAll();
      console.log(stopped.length ? `stopped ${stopped.join(', ')}` : 'no lab instance was running');
      return 0;
    }
    default:
      console.error(usage);
      return verb ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
