/**
 * The V8 flags every start of the command and the bot passes to node: `bin/oms-chatops.js`'s first line,
 * `npm start`/`npm run cli` (package.json), the bot's unit (deploy/oms-chatops.service) and the benchmarks that time
 * a start (test/unit/node-flags.test.ts holds them equal).
 *
 * `--no-regexp-tier-up`: by default V8 runs a regular expression's first match in its bytecode interpreter and
 * compiles it to machine code on the next, so each of the matcher's large expressions (src/intent/lexicon-*.ts,
 * context.ts, other-systems.ts) is compiled twice in a process's first two messages. Without tier-up it is compiled
 * once, to machine code, on its first match: a one-shot `match` does less, the second message pays nothing, and a
 * long-running bot matches at the same speed (docs/speed.md, "Regular expressions compiled once"). The flag cannot be
 * set once a process runs (v8.setFlagsFromString crashed node 20 in the matcher), only on node's command line.
 */
export const NODE_FLAGS = ['--no-regexp-tier-up'] as const;
