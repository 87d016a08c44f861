import type { Kysely } from 'kysely';
import { type DialectName, withId } from '../dialect.js';

/** The jobs plan: plans, strategies, programs, monthly results with revisions, evidence, opinions. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await withId(dialect, db.schema.createTable('plans'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('vision', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('master_plan', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('previous_year_target', 'integer')
    .addColumn('employment_rate_target', 'real')
    .addColumn('employed_increase_target', 'integer')
    .addColumn('pace_behind_below', 'real', (c) => c.notNull().defaultTo(90))
    .addColumn('pace_ahead_above', 'real', (c) => c.notNull().defaultTo(110))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('published_at', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('plans_org_year', ['organisation_id', 'year'])
    .execute();

  await withId(dialect, db.schema.createTable('strategies'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('strategies_plan').on('strategies').columns(['plan_id', 'position']).execute();

  await withId(dialect, db.schema.createTable('programs'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('strategy_id', 'integer', (c) => c.notNull().references('strategies.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('job_type', 'text', (c) => c.notNull())
    .addColumn('target_groups', 'text', (c) => c.notNull())
    .addColumn('budget_national', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('budget_city', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('budget_district', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('budget_other', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('annual_target', 'integer', (c) => c.notNull())
    .addColumn('phasing', 'text', (c) => c.notNull())
    .addColumn('phasing_mode', 'text', (c) => c.notNull())
    .addColumn('group_targets', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('programs_plan')
    .on('programs')
    .columns(['plan_id', 'strategy_id', 'position'])
    .execute();
  await db.schema.createIndex('programs_unit').on('programs').column('owner_unit_id').execute();

  await withId(dialect, db.schema.createTable('program_results'))
    .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('jobs', 'integer', (c) => c.notNull())
    .addColumn('group_jobs', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('review_comment', 'text')
    .addColumn('correction_reason', 'text')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('created_by', 'integer')
    .addColumn('submitted_by', 'integer')
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_by', 'integer')
    .addColumn('reviewed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('program_results_revision', ['program_id', 'month', 'revision'])
    .execute();
  await db.schema
    .createIndex('program_results_status')
    .on('program_results')
    .columns(['program_id', 'status', 'month'])
    .execute();

  await withId(dialect, db.schema.createTable('result_evidence'))
    .addColumn('result_id', 'integer', (c) =>
      c.notNull().references('program_results.id').onDelete('cascade'),
    )
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('result_evidence_result').on('result_evidence').column('result_id').execute();

  await withId(dialect, db.schema.createTable('opinions'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('program_id', 'integer', (c) => c.references('programs.id').onDelete('set null'))
    .addColumn('author_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'integer')
    .addColumn('answered_at', 'text')
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hidden_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('opinions_plan').on('opinions').columns(['plan_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['opinions', 'result_evidence', 'program_results', 'programs', 'strategies', 'plans']) {
    await db.schema.dropTable(table).execute();
  }
}
