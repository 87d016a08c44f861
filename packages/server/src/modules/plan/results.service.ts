import type { ResultBody, TargetGroup } from '@ilteo/shared';
import type { z } from 'zod';
import type { ProgramResultRow } from '../../db/tables.js';
import type { Ctx } from '../../http/context.js';
import { AppError, fieldError, validationError } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { requireUser } from '../auth/auth.policy.js';
import { lastClosedMonth } from './monitoring.js';
import { parseJson, presentProgram } from './plan.presenter.js';
import { loadProgram } from './plan.service.js';
import * as repo from './results.repository.js';

const now = () => new Date().toISOString();
const today = () => now().slice(0, 10);

type Evidence = Awaited<ReturnType<typeof repo.evidenceOf>>[number];

function presentRevision(row: ProgramResultRow, evidence: Evidence[]) {
  return {
    id: row.id,
    month: row.month,
    revision: row.revision,
    status: row.status,
    jobs: row.jobs,
    groupJobs: parseJson(row.group_jobs, {}),
    note: row.note,
    reviewComment: row.review_comment,
    correctionReason: row.correction_reason,
    source: row.source,
    submittedAt: row.submitted_at,
    reviewedAt: row.reviewed_at,
    updatedAt: row.updated_at,
    evidence: evidence
      .filter((e) => e.result_id === row.id)
      .map((e) => ({
        id: e.id,
        filename: e.filename,
        contentType: e.content_type,
        size: e.size,
        uploadedAt: e.created_at,
      })),
  };
}

/** A program's twelve months: target, newest revision, newest approved figure and history. */
export async function programResults(ctx: Ctx, programId: number) {
  const { program } = await loadProgram(ctx, programId);
  const presented = presentProgram(program);
  const revisions = await repo.revisionsOf(ctx.db.kysely, programId);
  const evidence = await repo.evidenceOf(
    ctx.db.kysely,
    revisions.map((r) => r.id),
  );
  return {
    program: presented,
    months: presented.phasing.map((target, i) => {
      const history = revisions.filter((r) => r.month === i + 1);
      const approved = history.filter((r) => r.status === 'approved').at(-1);
      const current = history.at(-1);
      return {
        month: i + 1,
        target,
        current: current ? presentRevision(current, evidence) : null,
        approvedJobs: approved ? approved.jobs : null,
        history: history.map((r) => presentRevision(r, evidence)),
      };
    }),
  };
}

/**
 * A reporter (or planner) saves a month's figures as a draft. A draft or returned month is edited
 * in place; a month under review cannot be changed; correcting an approved month opens a new
 * revision, which needs a reason, while the approved figure stays official until it is approved.
 */
export async function saveResult(
  ctx: Ctx,
  programId: number,
  month: number,
  body: z.infer<typeof ResultBody>,
) {
  const actor = requireUser(ctx.actor);
  const { program, plan } = await loadProgram(ctx, programId);
  if (month > lastClosedMonth(plan.year, today()) + 1)
    throw validationError([fieldError('month', 'month_not_started')]);
  const groups = parseJson<TargetGroup[]>(program.target_groups, []);
  const errors = [];
  for (const group of Object.keys(body.groupJobs)) {
    if (!(groups as string[]).includes(group))
      errors.push(fieldError(`groupJobs.${group}`, 'group_not_targeted'));
  }
  const groupSum = Object.values(body.groupJobs).reduce<number>((a, b) => a + (b ?? 0), 0);
  if (groupSum > body.jobs)
    errors.push(fieldError('groupJobs', 'group_sum', { sum: groupSum, total: body.jobs }));
  if (errors.length) throw validationError(errors);

  await ctx.db.kysely.transaction().execute(async (trx) => {
    const current = await repo.currentRevision(trx, programId, month);
    const t = now();
    const values = {
      jobs: body.jobs,
      group_jobs: JSON.stringify(body.groupJobs),
      note: body.note,
      updated_at: t,
    };
    if (!current || current.status === 'approved') {
      if (current && !body.correctionReason) {
        throw validationError([fieldError('correctionReason', 'correction_reason_required')]);
      }
      const id = await repo.insertRevision(trx, {
        program_id: programId,
        month,
        revision: (current?.revision ?? 0) + 1,
        status: 'draft',
        source: 'manual',
        ...values,
        correction_reason: current ? body.correctionReason! : null,
        created_by: actor.userId,
        created_at: t,
      });
      await audit(
        ctx,
        {
          action: current ? 'result.correct' : 'result.create',
          entityType: 'program_result',
          entityId: id,
          before: current ? { revision: current.revision, jobs: current.jobs, status: current.status } : null,
          after: { programId, month, ...body },
        },
        trx,
      );
      return;
    }
    if (current.status === 'submitted') throw new AppError('RESULT_UNDER_REVIEW');
    const ok = await repo.updateRevision(trx, current.id, current.version, {
      ...values,
      status: 'draft',
      ...(body.correctionReason && current.revision > 1 ? { correction_reason: body.correctionReason } : {}),
    });
    if (!ok) throw new AppError('CONFLICT');
    await audit(
      ctx,
      {
        action: 'result.update',
        entityType: 'program_result',
        entityId: current.id,
        before: {
          jobs: current.jobs,
          groupJobs: parseJson(current.group_jobs, {}),
          note: current.note,
          status: current.status,
        },
        after: { programId, month, ...body },
      },
      trx,
    );
  });
  return programResults(ctx, programId);
}

type Transition = 'submit' | 'approve' | 'return';
const FROM: Record<Transition, ProgramResultRow['status'][]> = {
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
};
const TO: Record<Transition, ProgramResultRow['status']> = {
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
};

/** Moves a month's newest revision along draft → submitted → approved, or back to returned with a comment. */
export async function transitionResult(
  ctx: Ctx,
  programId: number,
  month: number,
  transition: Transition,
  comment?: string,
) {
  const actor = requireUser(ctx.actor);
  await loadProgram(ctx, programId);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const current = await repo.currentRevision(trx, programId, month);
    if (!current) throw new AppError('NOT_FOUND');
    if (!FROM[transition].includes(current.status)) throw new AppError('RESULT_WRONG_STATE');
    const t = now();
    const patch =
      transition === 'submit'
        ? { status: TO.submit, submitted_by: actor.userId, submitted_at: t, updated_at: t }
        : {
            status: TO[transition],
            reviewed_by: actor.userId,
            reviewed_at: t,
            review_comment: comment ?? null,
            updated_at: t,
          };
    // The version check makes two reviewers (or a reviewer and a reporter) unable to both win.
    if (!(await repo.updateRevision(trx, current.id, current.version, patch)))
      throw new AppError('RESULT_WRONG_STATE');
    if (transition === 'approve') await repo.refreshApprovedJobs(trx, [programId]);
    await audit(
      ctx,
      {
        action: `result.${transition}`,
        entityType: 'program_result',
        entityId: current.id,
        before: { status: current.status },
        after: { status: TO[transition], ...(comment ? { comment } : {}) },
      },
      trx,
    );
  });
  return programResults(ctx, programId);
}
