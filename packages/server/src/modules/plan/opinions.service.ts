import type { AnswerBody, ModerateBody, OpinionBody } from '@ilteo/shared';
import type { z } from 'zod';
import type { OpinionRow } from '../../db/tables.js';
import type { Ctx } from '../../http/context.js';
import { AppError, fieldError, validationError } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { requireUser } from '../auth/auth.policy.js';
import { findUserById } from '../auth/users.repository.js';
import * as planRepo from './plan.repository.js';

/** Masks a name for public display: 홍길동 → 홍*동, Kim → K*m. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

function present(row: OpinionRow & { program_name: string | null }, forPublic: boolean) {
  return {
    id: row.id,
    planId: row.plan_id,
    programId: row.program_id,
    programName: row.program_name,
    authorName: forPublic && row.author_kind === 'citizen' ? maskName(row.author_name) : row.author_name,
    authorKind: row.author_kind,
    body: row.body,
    answer: row.answer,
    answeredAt: row.answered_at,
    hidden: row.hidden === 1,
    hiddenReason: forPublic ? null : row.hidden_reason,
    createdAt: row.created_at,
  };
}

function opinionsQuery(ctx: Ctx, planId: number) {
  return ctx.db.kysely
    .selectFrom('opinions')
    .leftJoin('programs', 'programs.id', 'opinions.program_id')
    .selectAll('opinions')
    .select('programs.name as program_name')
    .where('opinions.plan_id', '=', planId)
    .orderBy('opinions.id', 'desc');
}

/** Opinions on a plan for the back office, hidden ones included. */
export async function listOpinions(ctx: Ctx, planId: number) {
  const actor = requireUser(ctx.actor);
  const plan = await planRepo.findPlan(ctx.db.kysely, planId);
  if (!plan || plan.organisation_id !== actor.organisationId) throw new AppError('NOT_FOUND');
  return (await opinionsQuery(ctx, planId).execute()).map((r) => present(r, false));
}

/** Visible opinions on a published plan, names masked. */
export async function listPublicOpinions(ctx: Ctx, planId: number) {
  const plan = await planRepo.findPlan(ctx.db.kysely, planId);
  if (plan?.status !== 'published') throw new AppError('NOT_FOUND');
  return (await opinionsQuery(ctx, planId).where('opinions.hidden', '=', 0).execute()).map((r) =>
    present(r, true),
  );
}

/**
 * Leaves an opinion. Council members may comment on their organisation's plans in draft too
 * (consultation happens before publication); everyone else on published plans only.
 */
export async function postOpinion(ctx: Ctx, planId: number, body: z.infer<typeof OpinionBody>) {
  const plan = await planRepo.findPlan(ctx.db.kysely, planId);
  const actor = ctx.actor;
  const isMember = actor.kind !== 'public' && actor.organisationId === plan?.organisation_id;
  if (!plan || (plan.status !== 'published' && !(isMember && actor.kind === 'council')))
    throw new AppError('NOT_FOUND');
  if (body.programId !== null) {
    const program = await planRepo.findProgram(ctx.db.kysely, body.programId);
    if (!program || program.plan_id !== planId)
      throw validationError([fieldError('programId', 'invalid_value')]);
  }
  const user = actor.userId ? await findUserById(ctx.db.kysely, actor.userId) : undefined;
  const authorName = user?.name ?? body.authorName;
  if (!authorName) throw validationError([fieldError('authorName', 'required')]);
  const kind =
    actor.kind === 'council'
      ? 'council'
      : actor.kind === 'admin' || actor.kind === 'planner'
        ? 'staff'
        : 'citizen';
  const id = await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('opinions')
      .values({
        plan_id: planId,
        program_id: body.programId,
        author_user_id: actor.userId,
        author_name: authorName,
        author_kind: kind,
        body: body.body,
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(
      ctx,
      {
        action: 'opinion.create',
        entityType: 'opinion',
        entityId: row.id,
        after: { planId, programId: body.programId, kind },
      },
      trx,
    );
    return row.id;
  });
  return loadOpinion(ctx, id, kind === 'citizen');
}

async function loadOpinion(ctx: Ctx, id: number, forPublic: boolean) {
  const row = await ctx.db.kysely
    .selectFrom('opinions')
    .leftJoin('programs', 'programs.id', 'opinions.program_id')
    .selectAll('opinions')
    .select('programs.name as program_name')
    .where('opinions.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return present(row, forPublic);
}

async function loadOwnOpinion(ctx: Ctx, id: number) {
  const actor = requireUser(ctx.actor);
  const row = await ctx.db.kysely.selectFrom('opinions').selectAll().where('id', '=', id).executeTakeFirst();
  const plan = row ? await planRepo.findPlan(ctx.db.kysely, row.plan_id) : undefined;
  if (!row || !plan || plan.organisation_id !== actor.organisationId) throw new AppError('NOT_FOUND');
  return { row, actor };
}

/** A planner answers an opinion (again, to revise the answer). */
export async function answerOpinion(ctx: Ctx, id: number, body: z.infer<typeof AnswerBody>) {
  const { row, actor } = await loadOwnOpinion(ctx, id);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('opinions')
      .set({ answer: body.answer, answered_by: actor.userId, answered_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await audit(
      ctx,
      {
        action: 'opinion.answer',
        entityType: 'opinion',
        entityId: id,
        before: { answer: row.answer },
        after: body,
      },
      trx,
    );
  });
  return loadOpinion(ctx, id, false);
}

/** A planner hides an abusive opinion from the public (or shows it again); the text is kept. */
export async function moderateOpinion(ctx: Ctx, id: number, body: z.infer<typeof ModerateBody>) {
  const { row } = await loadOwnOpinion(ctx, id);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('opinions')
      .set({ hidden: body.hidden ? 1 : 0, hidden_reason: body.hidden ? body.reason : null })
      .where('id', '=', id)
      .execute();
    await audit(
      ctx,
      {
        action: body.hidden ? 'opinion.hide' : 'opinion.show',
        entityType: 'opinion',
        entityId: id,
        before: { hidden: row.hidden === 1 },
        after: body,
      },
      trx,
    );
  });
  return loadOpinion(ctx, id, false);
}
