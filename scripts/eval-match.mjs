#!/usr/bin/env node
// `npm run eval:match`: the matching quality evaluation (eval/match/run.ts), run through tsx with
// eval/tsconfig.json as scripts/bench.mjs runs the benchmarks, so the TypeScript sources run as
// they are and `@ilteo/shared` resolves to its sources. Options go to run.ts (`-- --help`).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// npm drops the `--` of `npm run eval:match -- --no-write`; node does not, so a leading one is ignored.
const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const result = spawnSync(
  process.execPath,
  [
    tsx,
    '--tsconfig',
    path.join(root, 'eval', 'tsconfig.json'),
    path.join(root, 'eval', 'match', 'run.ts'),
    ...args,
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
