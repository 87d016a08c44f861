#!/usr/bin/env node
// `npm run bench`: runs every benchmark (bench/<name>/run.ts) one after another, through tsx and
// with bench/tsconfig.json, so the TypeScript sources run as they are and `@ilteo/shared` resolves
// to its sources, not to a possibly stale build.
//
//   npm run bench                         every benchmark
//   npm run bench -- plan                 one (several names may be given)
//   npm run bench -- plan --regenerate    options after the names go to each benchmark named
//   npm run bench -- --list               the benchmarks there are
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const benchDir = path.join(root, 'bench');
const available = fs
  .readdirSync(benchDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(benchDir, entry.name, 'run.ts')))
  .map((entry) => entry.name)
  .sort();

// npm drops the `--` of `npm run bench -- plan`; node does not, so a leading one is ignored.
const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
const firstOption = args.findIndex((a) => a.startsWith('-'));
const names = firstOption === -1 ? args : args.slice(0, firstOption);
const options = firstOption === -1 ? [] : args.slice(firstOption);

if (options[0] === '--list') {
  console.log(available.join('\n'));
  process.exit(0);
}
const unknown = names.filter((n) => !available.includes(n));
if (unknown.length) {
  console.error(`No benchmark named ${unknown.join(', ')}. There are: ${available.join(', ')}.`);
  process.exit(2);
}

const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const tsconfig = path.join(benchDir, 'tsconfig.json');
let failed = 0;
for (const name of names.length ? names : available) {
  console.error(`\n▶ bench ${name}`);
  const result = spawnSync(
    process.execPath,
    [tsx, '--tsconfig', tsconfig, path.join(benchDir, name, 'run.ts'), ...options],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) {
    console.error(`✖ bench ${name} failed (exit ${result.status ?? result.signal})`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
