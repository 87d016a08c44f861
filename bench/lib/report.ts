import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The repository root (bench/lib/ is two levels below it). */
export const ROOT = path.resolve(import.meta.dirname, '..', '..');

// Characters a terminal (and Biome's markdown formatter) shows two columns wide: Hangul, CJK,
// full-width forms and the emoji the reports use (✅ ❌).
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    cp === 0x2705 ||
    cp === 0x274c
  );
}

/** A markdown table with aligned columns (as Biome formats markdown); cells are written as they are. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const length = (cell: string) =>
    [...cell].reduce((sum, ch) => sum + (isWide(ch.codePointAt(0)!) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(3, length(h), ...rows.map((r) => length(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    `| ${widths.map((w, i) => (cells[i] ?? '') + ' '.repeat(w - length(cells[i] ?? ''))).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Milliseconds for a table cell: one decimal below 100 ms, whole milliseconds above. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value < 100 ? value.toFixed(value < 1 ? 2 : 1) : Math.round(value).toLocaleString('en-US');
}

/** A count with thousands separators. */
export function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Bytes as MB. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/** The machine and software a result was measured on, as markdown bullet lines. */
export function environment(extra: Record<string, string> = {}): string {
  const cpus = os.cpus();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout: the commit is simply not reported.
  }
  const facts: Record<string, string> = {
    date: new Date().toISOString(),
    machine: `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${megabytes(os.totalmem())} RAM, ${os.platform()} ${os.release()}`,
    node: process.version,
    commit: `${commit} (plus uncommitted changes, if any)`,
    ...extra,
  };
  return Object.entries(facts)
    .map(([k, v]) => `- ${k}: ${v}`)
    .join('\n');
}

/** The 1, 5 and 15 minute load averages, for judging how noisy the machine was. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
}

/** Writes a result to bench/results/<name>-<YYYY-MM-DD>.md and returns its path. */
export function writeResult(name: string, markdown: string): string {
  const file = path.join(ROOT, 'bench', 'results', `${name}-${new Date().toISOString().slice(0, 10)}.md`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${markdown.trimEnd()}\n`);
  return file;
}
