/**
 * `npm run bench`: prints numbers, asserts nothing. Each part talks only to
 * this machine (127.0.0.1 and local processes).
 */
import { runCliBench } from './cli.js';

const parts: Array<[string, () => Promise<void>]> = [
  ['console / CLI on this machine', runCliBench],
  [
    'intent matching over the eval set',
    async () => {
      await (await import('./intent.js')).runIntentBench();
    },
  ],
  [
    'SSH transport against a local sshd',
    async () => {
      const { runSshBench } = await import('./ssh.js');
      await runSshBench();
    },
  ],
  [
    'Slack: /oms diagnose ack latency (real Bolt, fake Slack on 127.0.0.1)',
    async () => (await import('./slack.js')).runSlackBench(),
  ],
  [
    'Slack bot process: start to connected and idle RSS (built bundle, Socket Mode, fake Slack on 127.0.0.1)',
    async () => (await import('./slack-process.js')).runSlackProcessBench(),
  ],
  [
    'whole process: the built bot vs one ssh per command, the one-connection limit and ansible (real sshd)',
    async () => (await import('./whole-process.js')).runWholeProcessBench(),
  ],
  [
    'fleet: diagnose login --target all over 30 sshd + a dead and a hung target (whole process)',
    async () => (await import('./fleet.js')).runFleetBench(),
  ],
  [
    'diagnosis: the cost of following the evidence (the extra round) on the lab',
    async () => (await import('./follow-up.js')).runFollowUpBench(),
  ],
  [
    'users: validate a 10,000-row sheet',
    async () => {
      await (await import('./users.js')).runUsersBench();
    },
  ],
  [
    'users: refusing the hostile sheets of issue 17 (main thread and worker)',
    async () => {
      await (await import('./users.js')).runHostileSheetBench();
    },
  ],
  [
    'discovery and the support bundle on the lab (relocated install)',
    async () => (await import('./discovery.js')).runDiscoveryBench(),
  ],
  [
    'watch: 30 targets every minute for an hour of simulated time, two instances on one redis-server',
    async () => (await import('./watch.js')).runWatchBench(),
  ],
];

const only = process.argv[2];
for (const [name, run] of parts) {
  if (only && !name.toLowerCase().includes(only.toLowerCase())) continue;
  console.log(`\n=== ${name}`);
  await run();
}
