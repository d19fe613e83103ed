#!/usr/bin/env -S node --no-regexp-tier-up
// node starts with the flags of src/node-flags.ts (its first line; `node bin/oms-chatops.js` starts without them).
// Runs the bundle made by `npm run build` (dist/bundle/oms-chatops.js) when present, else the TypeScript sources
// through tsx. The bundle maps its own stack traces to src/ files and lines (src/stack-source-map.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}dist/bundle/oms-chatops.js`;
if (existsSync(bundle)) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(`${root}src/main.ts`).href);
}
