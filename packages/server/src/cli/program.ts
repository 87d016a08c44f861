import fs from 'node:fs';
import path from 'node:path';
import {
  CreateStaffBody,
  IMPORT_MODES,
  MatchWeights,
  REGION_LEVELS,
  REGISTRY_EXPORT_KINDS,
  REGISTRY_IMPORT_KINDS,
  type RegistryExportKind,
  type RegistryImportKind,
  ShortText,
  STAFF_ROLES,
  TAXONOMY_KINDS,
} from '@ilteo/shared';
import { Argument, Command, Option } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config.js';
import type { Db } from '../db/kysely.js';
import { migrateDown, migrateUp, migrationStatus } from '../db/migrate.js';
import { openConfiguredDb } from '../db/open.js';
import { type Ctx, SYSTEM } from '../http/context.js';
import { AppError, fieldErrorsFromValidation, validationError } from '../http/errors.js';
import { getOrganisation } from '../modules/auth/organisation.service.js';
import { createOrganisation, createUserAsSystem } from '../modules/auth/users.commands.js';
import { DEMO_PASSWORD, seedDemo } from '../modules/demo/demo.service.js';
import { exportRegistry } from '../modules/imports/exports.service.js';
import { importRegistryFile } from '../modules/imports/imports.service.js';
import { formatEvaluation } from '../modules/matching/evaluation.format.js';
import { evaluateForOrganisation } from '../modules/matching/evaluation.service.js';
import { weightsOf } from '../modules/matching/matching.service.js';
import { runRetentionEverywhere } from '../modules/privacy/privacy.service.js';
import { ensureDefaultTaxonomies } from '../modules/taxonomy/defaults.js';
import {
  type ImportReport,
  importRegionsFile,
  importTaxonomyFile,
} from '../modules/taxonomy/import.service.js';
import { listSchemes } from '../modules/taxonomy/taxonomy.service.js';

const version = (
  JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = openConfiguredDb(loadConfig());
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

function explain(error: unknown): never {
  if (error instanceof AppError) {
    const fields = error.fieldErrors.map((f) => `  ${f.field}: ${f.message.ko} (${f.message.en})`).join('\n');
    throw new Error(`${error.code}${fields ? `\n${fields}` : ''}`);
  }
  throw error;
}

/** The `ilteo` command line: operators script the product with it; it calls services, never SQL. */
export function buildCli(): Command {
  const program = new Command('ilteo')
    .description('일터 ilteo — jobs plan and employment services for Korean local governments')
    .version(version, '-v, --version');

  program
    .command('version')
    .description('print the version')
    .action(() => console.log(version));

  program
    .command('serve')
    .description('migrate, seed the demo on a new database (DEMO=on), and serve HTTP on PORT')
    .action(async () => {
      const { serve } = await import('../main.js');
      await serve();
    });

  const migrate = program.command('migrate').description('database migrations');
  migrate
    .command('up')
    .description('apply every pending migration')
    .action(() => withDb(async (db) => console.log((await migrateUp(db)).join('\n') || 'up to date')));
  migrate
    .command('down')
    .description('revert the newest applied migration')
    .action(() =>
      withDb(async (db) => console.log((await migrateDown(db)).join('\n') || 'nothing to revert')),
    );
  migrate
    .command('status')
    .description('list migrations and whether each is applied')
    .action(() =>
      withDb(async (db) => {
        for (const m of await migrationStatus(db)) {
          console.log(`${m.appliedAt ? 'applied' : 'pending'}  ${m.name}`);
        }
      }),
    );

  program
    .command('seed')
    .description('seed data')
    .requiredOption('--demo', 'the Bupyeong 2019 demo (only on a database without an organisation)')
    .action(() =>
      withDb(async (db) => {
        await migrateUp(db);
        // As `serve` does: the demo's occupations, dongs and certificates read their labels from these.
        await ensureDefaultTaxonomies(db);
        const result = await seedDemo(db);
        console.log(
          result.created
            ? `seeded; demo sign-ins (password "${DEMO_PASSWORD}"):\n${result.accounts.map((a) => `  ${a.role} ${a.email}`).join('\n')}`
            : 'an organisation exists already: nothing seeded',
        );
      }),
    );

  program
    .command('org')
    .description('organisations')
    .command('create')
    .description('create the local government this deployment serves (for DEMO=off)')
    .requiredOption('--code <code>', '시군구 code, e.g. 28237')
    .requiredOption('--name <name>', 'Korean name, e.g. 인천광역시 부평구')
    .option('--name-en <name>', 'English name')
    .action((options: { code: string; name: string; nameEn?: string }) =>
      withDb(async (db) => {
        await migrateUp(db);
        const input = z
          .object({ code: z.string().regex(/^\d{5}$/), name: ShortText(50), nameEn: ShortText(80) })
          .parse({ ...options, nameEn: options.nameEn ?? options.name });
        console.log(`organisation ${await createOrganisation(db, input)} created`);
      }),
    );

  const user = program.command('user').description('user accounts');
  user
    .command('create')
    .description('create a staff account')
    .addOption(new Option('--role <role>', 'role').choices([...STAFF_ROLES]).makeOptionMandatory())
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--password <password>', 'initial password (10+ characters, letters and digits)')
    .option('--name <name>', 'display name')
    .option('--unit <code...>', 'unit codes (reporters: department or agency; counsellors: desks)')
    .action((options: { role: string; email: string; password: string; name?: string; unit?: string[] }) =>
      withDb(async (db) => {
        const parsed = CreateStaffBody.omit({ unitIds: true }).safeParse({
          role: options.role,
          email: options.email,
          password: options.password,
          // A bad email is reported by the schema below, on its field, not by deriving the name from it.
          name: options.name ?? options.email.trim().toLowerCase().split('@')[0],
        });
        if (!parsed.success) {
          // The same bilingual field messages the API gives (e.g. the password rule, not "Invalid input").
          const issues = parsed.error.issues.map((i) => ({
            keyword: i.code,
            instancePath: `/${i.path.join('/')}`,
            params: { ...i },
          }));
          explain(validationError(fieldErrorsFromValidation(issues)));
        }
        const created = await createUserAsSystem(db, { ...parsed.data, unitCodes: options.unit ?? [] }).catch(
          explain,
        );
        console.log(`user ${created.id} ${created.email} (${created.role}) created`);
      }),
    );

  addTaxonomyCommands(program);
  addPrivacyCommands(program);
  addRegistryFileCommands(program);
  addMatchCommands(program);

  return program;
}

const systemCtx = (db: Db): Ctx => ({ db, actor: SYSTEM, requestId: `cli-${Date.now()}` });

function readInput(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function describeReport(r: ImportReport): string {
  return `${r.scheme} (${r.kind}, ${r.mode}): ${r.inserted} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.deleted} deleted`;
}

/** `ilteo taxonomy …`: reference data. Every import starts from the defaults, like the server does. */
function addTaxonomyCommands(program: Command): void {
  const taxonomy = program.command('taxonomy').description('occupations, skills, certificates and regions');
  taxonomy
    .command('import')
    .description(
      'import taxonomy items from CSV (columns: code, name, and optionally scheme, name_en, parent_code, ' +
        'aliases separated by ; or |); nothing is written unless every row is valid',
    )
    .addOption(
      new Option('--kind <kind>', 'what the items are').choices([...TAXONOMY_KINDS]).makeOptionMandatory(),
    )
    .option('--scheme <name>', 'the scheme of rows without a scheme column or cell, e.g. ISCO-08')
    .requiredOption('--file <path>', 'CSV file, UTF-8 or CP949 (Excel)')
    .addOption(
      new Option('--mode <mode>', 'merge: add and update codes; replace: the scheme becomes exactly the file')
        .choices([...IMPORT_MODES])
        .default('merge'),
    )
    .action(
      (options: {
        kind: (typeof TAXONOMY_KINDS)[number];
        scheme?: string;
        file: string;
        mode: 'merge' | 'replace';
      }) =>
        withDb(async (db) => {
          const bytes = readInput(options.file);
          await migrateUp(db);
          await ensureDefaultTaxonomies(db);
          const reports = await importTaxonomyFile(systemCtx(db), {
            kind: options.kind,
            scheme: options.scheme,
            mode: options.mode,
            bytes,
            source: path.basename(options.file),
          }).catch(explain);
          for (const r of reports) console.log(describeReport(r));
        }),
    );
  taxonomy
    .command('import-regions')
    .description(
      "import a district's regions (by default its 행정동) from GeoJSON, with polygons and centroids",
    )
    .requiredOption(
      '--file <path>',
      'GeoJSON FeatureCollection; properties code (or adm_cd), name (or adm_nm), name_eng',
    )
    .requiredOption('--scheme <name>', 'region scheme, e.g. KOSTAT-2018')
    .requiredOption('--parent-code <code>', 'the region the features belong to, e.g. 23060')
    .addOption(
      new Option('--level <level>', 'level of the features').choices([...REGION_LEVELS]).default('dong'),
    )
    .addOption(
      new Option('--mode <mode>', "merge: add and update; replace: also delete the parent's other children")
        .choices([...IMPORT_MODES])
        .default('merge'),
    )
    .option('--parent-name <name>', 'create the parent with this name when it does not exist')
    .option('--parent-name-en <name>', "the new parent's English name")
    .addOption(
      new Option('--parent-level <level>', "the new parent's level")
        .choices([...REGION_LEVELS])
        .default('sigungu'),
    )
    .option('--parent-parent-code <code>', "the new parent's own parent, e.g. the 시·도 23")
    .option('--parent-admin-code <code>', "the new parent's 행정안전부 code, e.g. 28200")
    .action(
      (options: {
        file: string;
        scheme: string;
        parentCode: string;
        level: (typeof REGION_LEVELS)[number];
        mode: 'merge' | 'replace';
        parentName?: string;
        parentNameEn?: string;
        parentLevel: (typeof REGION_LEVELS)[number];
        parentParentCode?: string;
        parentAdminCode?: string;
      }) =>
        withDb(async (db) => {
          const bytes = readInput(options.file);
          await migrateUp(db);
          await ensureDefaultTaxonomies(db);
          const report = await importRegionsFile(systemCtx(db), {
            scheme: options.scheme,
            parentCode: options.parentCode,
            level: options.level,
            mode: options.mode,
            bytes,
            source: path.basename(options.file),
            newParent: options.parentName
              ? {
                  name: options.parentName,
                  nameEn: options.parentNameEn,
                  level: options.parentLevel,
                  parentCode: options.parentParentCode,
                  adminCode: options.parentAdminCode,
                }
              : undefined,
          }).catch(explain);
          console.log(describeReport(report));
        }),
    );
  taxonomy
    .command('schemes')
    .description('list the schemes loaded, with their sizes')
    .action(() =>
      withDb(async (db) => {
        await migrateUp(db);
        await ensureDefaultTaxonomies(db);
        for (const s of await listSchemes(systemCtx(db))) {
          console.log(
            `${s.kind.padEnd(11)} ${s.scheme.padEnd(14)} ${String(s.items).padStart(6)} items, ${s.levels} levels`,
          );
        }
      }),
    );
}

/** `ilteo privacy …`: the retention job (schedule it daily, e.g. from cron). */
function addPrivacyCommands(program: Command): void {
  const privacy = program.command('privacy').description('personal data: retention and destruction');
  privacy
    .command('retention')
    .description(
      'remove seekers inactive for the retention period (default 36 months) and those who withdrew the ' +
        'employment-services consent, keeping apart what other laws require; destroy kept records past their date',
    )
    .option('--dry-run', 'count what would be removed, change nothing')
    .action((options: { dryRun?: boolean }) =>
      withDb(async (db) => {
        await migrateUp(db);
        const results = await runRetentionEverywhere(systemCtx(db), { dryRun: options.dryRun === true });
        for (const { organisationId, report: r } of results) {
          console.log(
            `${r.dryRun ? '[dry run] ' : ''}organisation ${organisationId}: ${r.removed} seekers removed, ` +
              `${r.accountsRemoved} accounts removed, ${r.keptApart} records kept apart, ` +
              `${r.expiredRecordsRemoved} expired records destroyed (inactive since before ${r.cutoff}, ` +
              `${r.retentionMonths} months)`,
          );
        }
      }),
    );
}

/** `ilteo import` and `ilteo export`: registry files (docs/imports.md); progress goes to stderr. */
function addRegistryFileCommands(program: Command): void {
  program
    .command('import')
    .description(
      'import seekers, employers or vacancies from CSV/XLSX, or vacancies from 고용24 XML (kind work24); ' +
        'nothing is written unless every row is valid, or --valid-only',
    )
    .addArgument(new Argument('<kind>', 'what the file holds').choices([...REGISTRY_IMPORT_KINDS]))
    .argument('<file>', 'CSV (UTF-8 or CP949), XLSX, or a 고용24 OPEN-API XML response')
    .option('--valid-only', 'write the valid rows and report the others')
    .option('--dry-run', 'check every row, write nothing')
    .action((kind: RegistryImportKind, file: string, options: { validOnly?: boolean; dryRun?: boolean }) =>
      withDb(async (db) => {
        const bytes = readInput(file);
        await migrateUp(db);
        await ensureDefaultTaxonomies(db);
        const ctx = systemCtx(db);
        const organisation = await getOrganisation(ctx).catch(explain);
        const report = await importRegistryFile(ctx, {
          kind,
          mode: options.validOnly ? 'valid_only' : 'all',
          dryRun: options.dryRun === true,
          filename: path.basename(file),
          bytes,
          organisationId: organisation.id,
          onProgress: (done, total) => process.stderr.write(`\r${done}/${total} rows`),
        }).catch(explain);
        process.stderr.write('\n');
        for (const row of report.rows.filter((r) => r.status === 'invalid')) {
          for (const e of row.errors) {
            console.log(
              `row ${row.row}${e.column ? ` [${e.column}]` : ''}: ${e.message.ko} (${e.message.en})`,
            );
          }
        }
        console.log(
          `${report.dryRun ? 'dry run: ' : ''}${report.totalRows} rows: ${report.inserted} added, ${report.updated} updated, ` +
            `${report.invalid} invalid, ${report.skipped} not written${report.written ? '' : ' (nothing written)'}`,
        );
        if (report.invalid > 0) process.exitCode = 1;
      }),
    );
  program
    .command('export')
    .description(
      'export seekers, employers or vacancies with the import columns (.xlsx or .csv by the file name)',
    )
    .addArgument(new Argument('<kind>', 'what to export').choices([...REGISTRY_EXPORT_KINDS]))
    .argument('<file>', 'where to write, e.g. vacancies.xlsx')
    .action((kind: RegistryExportKind, file: string) =>
      withDb(async (db) => {
        const format = file.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
        await migrateUp(db);
        const ctx = systemCtx(db);
        const organisation = await getOrganisation(ctx).catch(explain);
        const exported = await exportRegistry(ctx, organisation.id, kind, format);
        fs.writeFileSync(file, exported.bytes);
        console.log(`${file}: ${kind} as ${format.toUpperCase()}`);
      }),
    );
}

/** `ilteo match evaluate`: what a change of weights would do, before it is saved (docs/matching-evaluation.md). */
function addMatchCommands(program: Command): void {
  const match = program.command('match').description('recommendations: quality of the match weights');
  match
    .command('evaluate')
    .description(
      'NDCG@10, recall@10, MRR and coverage of proposed weights next to the saved ones and the two ' +
        'baselines (text search only, occupation code only), on the generated label set and on the ' +
        'feedback recorded in the database; saves nothing',
    )
    .option(
      '--weights <json>',
      'proposed weights, e.g. \'{"occupation":40,"skills":15,"distance":10,"wage":15,"conditions":10,"education":5,"freshness":5}\'; ' +
        'components left out keep their saved value',
    )
    .action((options: { weights?: string }) =>
      withDb(async (db) => {
        await migrateUp(db);
        await ensureDefaultTaxonomies(db);
        const ctx = systemCtx(db);
        const organisation = await getOrganisation(ctx).catch(explain);
        const saved = await weightsOf(db.kysely, organisation.id);
        const proposed = parseWeights(options.weights, saved);
        const evaluation = await evaluateForOrganisation(db, organisation.id, proposed);
        console.log(formatEvaluation(evaluation, proposed, saved));
      }),
    );
}

/** Proposed weights from the command line: JSON over the saved weights, checked like the API checks them. */
function parseWeights(json: string | undefined, saved: MatchWeights): MatchWeights {
  if (json === undefined) return saved;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('--weights: JSON이 아닙니다 / not JSON');
  }
  const parsed = MatchWeights.safeParse(
    { ...saved, ...(typeof value === 'object' && value ? value : {}) },
    { reportInput: true },
  );
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      keyword: i.code,
      instancePath: `/weights/${i.path.join('/')}`,
      params: { ...i },
    }));
    explain(validationError(fieldErrorsFromValidation(issues)));
  }
  return parsed.data;
}
