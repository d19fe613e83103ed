// The one-connection limit for bench/whole-process.ts, as a whole process: one ssh2 connection (host key pinned),
// then every command of the checklist at once (at most `channels` open, as the bot does), then exit.
// Usage: node bench/one-connection.mjs <job.json>   job: { host, port, user, privateKey, hostKey, channels, commands }
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ssh2 from 'ssh2';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const conn = new ssh2.Client();
const fingerprint = (key) => `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;

function run(command) {
  return new Promise((resolve) => {
    conn.exec(command, (err, stream) => {
      if (err) return resolve(255);
      stream.on('data', () => {});
      stream.stderr.on('data', () => {});
      stream.on('close', (code) => resolve(code ?? 255));
    });
  });
}

conn.on('ready', async () => {
  const queue = [...job.commands];
  const worker = async () => {
    while (queue.length) await run(queue.shift());
  };
  await Promise.all(Array.from({ length: Math.min(job.channels, job.commands.length) }, worker));
  conn.end();
});
conn.on('error', (e) => {
  console.error(`one-connection: ${e.message}`);
  process.exit(3);
});
conn.connect({
  host: job.host,
  port: job.port,
  username: job.user,
  privateKey: readFileSync(job.privateKey),
  hostVerifier: (key) => fingerprint(key) === job.hostKey,
});
