#!/usr/bin/env node
// `npm test`: builds the product, then runs every test (unit, integration on SQLite and — when
// TEST_DATABASE_URL is set — PostgreSQL, end-to-end in Chromium when it is installed) in Vitest,
// and closes with one plain line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const ci = process.env.CI === 'true';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

if (ci && !process.env.TEST_DATABASE_URL) {
  console.error('CI=true needs TEST_DATABASE_URL: the PostgreSQL suite may not be skipped in CI.');
  process.exit(1);
}

const projects = ['shared', 'server', 'web'];
if (fs.existsSync(chromium)) {
  projects.push('e2e');
} else if (ci) {
  console.error(`CI=true but no browser at ${chromium}: the end-to-end suite may not be skipped in CI.`);
  process.exit(1);
} else {
  console.warn(`No browser at ${chromium}: the end-to-end project is not run (install Debian's chromium).`);
}

if (projects.includes('e2e')) {
  console.log('Building the product for the end-to-end tests…');
  if (run('npm', ['run', 'build', '--silent']) !== 0) process.exit(1);
}

const report = path.join(root, '.tmp', 'vitest-report.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
const status = run('npx', [
  'vitest',
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(report)) {
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed =
    json.numFailedTests +
    (json.numTotalTestSuites && json.success === false && json.numFailedTests === 0 ? 1 : 0);
  skipped = json.numPendingTests + json.numTodoTests;
} else {
  failed = 1;
}
if (passed === 0 && failed === 0) failed = 1;
console.log(
  `\nprojects: ${projects.join(', ')}${process.env.TEST_DATABASE_URL ? ' (SQLite and PostgreSQL)' : ' (SQLite)'}`,
);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
