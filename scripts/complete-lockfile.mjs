#!/usr/bin/env node
// The npm mirror this project installs from serves only the platform packages
// that can run here (linux), so `npm install` writes a package-lock.json without
// entries for the other platforms' optional native bindings (e.g. unrs-resolver's
// darwin/win32 builds, used by Jest). `npm ci` then refuses the lock as "out of
// sync". This adds a placeholder entry for each such missing optional package,
// restricted by os/cpu to its own platform, so npm ci skips it everywhere else.
// Run after changing dependencies: `npm install && node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const pkgs = lock.packages;
const OS = [
  'android',
  'darwin',
  'freebsd',
  'linux',
  'openbsd',
  'netbsd',
  'sunos',
  'aix',
  'win32',
  'openharmony',
  'wasm32',
  'wasi',
];
const CPU = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el', 'wasm32'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  return { os, cpu };
}

let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const base = path === '' ? '' : `${path}/`;
    const candidates = [`${base}node_modules/${dep}`, `node_modules/${dep}`];
    if (candidates.some((c) => c in pkgs)) continue;
    const { os, cpu } = platformOf(dep);
    if (!os && !cpu) continue; // not a platform binding: leave npm's judgement alone
    if (os === process.platform && (!cpu || cpu === process.arch)) continue; // would be needed here
    pkgs[`node_modules/${dep}`] = {
      version,
      ...(meta.dev ? { dev: true } : {}),
      optional: true,
      ...(os ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
    };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: ${added} placeholder entr${added === 1 ? 'y' : 'ies'} added`);
