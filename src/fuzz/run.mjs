#!/usr/bin/env node
// npm run fuzz -- --runs N: the fuzz properties in src/fuzz with N cases each (default 20000).
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at >= 0 ? Number(args[at + 1]) : 20000;
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`nextup fuzz: --runs needs a whole number above 0 (got "${args[at + 1]}")`);
  process.exit(2);
}
const r = spawnSync('npx', ['vitest', 'run', 'src/fuzz', '--testTimeout', '0'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: String(runs) },
});
process.exit(r.status ?? 1);
