import {
  type EmployerVacancyQuery,
  FIELD_MESSAGES,
  type FieldError,
  fillMessage,
  type ItemRef,
  type Page,
  type PersonGroup,
  type Shift,
  type Vacancy,
  type VacancyInput,
  type VacancyPatch,
  type VacancyStatus,
  type VacancyStatusBody,
} from '@ilteo/shared';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database, VacancyRow } from '../../db/tables.js';
import type { Ctx, UserActor } from '../../http/context.js';
import { AppError, fieldError, validationError } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { requireUser } from '../auth/auth.policy.js';
import { checkEmployerReadable } from '../employers/employers.policy.js';
import { parseJson } from '../employers/employers.presenter.js';
import { findEmployer, regionNames } from '../employers/employers.repository.js';
import { placeFromColumns } from '../employers/place.js';
import { recordChange } from '../search/change-log.js';
import { checkVacancy, writeVacancy } from './vacancies.commands.js';
import {
  checkVacancyEditable,
  checkVacancyReadable,
  postingEmployerId,
  STATUS_CHANGES,
} from './vacancies.policy.js';
import { labelKey, presentVacancy, refsOf } from './vacancies.presenter.js';
import * as repo from './vacancies.repository.js';

/** Vacancies as the API returns them, with labels, dong names and companies loaded once for all. */
export async function vacancyViews(k: Kysely<Database>, rows: VacancyRow[]): Promise<Vacancy[]> {
  const refs = rows.map(refsOf);
  const labels = new Map<string, string>();
  for (const kind of ['occupation', 'skill', 'certificate'] as const) {
    const items = await repo.taxonomyItems(
      k,
      kind,
      refs.flatMap((r) => r[kind]),
    );
    for (const item of items) labels.set(labelKey(kind, item), item.label);
  }
  const [dongNames, employers] = await Promise.all([
    regionNames(k, rows),
    repo.employerSummaries(
      k,
      rows.map((r) => r.employer_id),
    ),
  ]);
  const byId = new Map(employers.map((e) => [e.id, { name: e.name, verified: e.verified_at !== null }]));
  return rows.map((row) => presentVacancy(row, { labels, dongNames, employers: byId }));
}

async function vacancyView(k: Kysely<Database>, id: number): Promise<Vacancy> {
  const [view] = await vacancyViews(k, [(await repo.findVacancy(k, id))!]);
  return view!;
}

/**
 * Which company a new vacancy is for, checked: the employer account's own, or the one staff name
 * (it must be a company of their organisation). Field errors for what staff left out or got wrong.
 */
async function resolvePostingEmployer(
  k: Kysely<Database>,
  actor: UserActor,
  requested: number | undefined,
): Promise<{ employerId?: number; errors: FieldError[] }> {
  const employerId = postingEmployerId(actor, requested);
  if (employerId === undefined) return { errors: [fieldError('employerId', 'required')] };
  const employer = await findEmployer(k, employerId);
  if (!employer || employer.organisation_id !== actor.organisationId) {
    return { errors: [fieldError('employerId', 'employer_not_in_organisation', { value: employerId })] };
  }
  return { employerId, errors: [] };
}

/** The checks of a new vacancy, nothing written: the form's live validation. */
export async function validateVacancy(ctx: Ctx, input: VacancyInput): Promise<{ errors: FieldError[] }> {
  const actor = requireUser(ctx.actor);
  const k = ctx.db.kysely;
  const posting = await resolvePostingEmployer(k, actor, input.employerId);
  return { errors: [...posting.errors, ...(await checkVacancy(k, actor.organisationId, input))] };
}

/** Posts a vacancy: an employer for its own company, staff for a company they name. */
export async function createVacancy(ctx: Ctx, input: VacancyInput): Promise<Vacancy> {
  const actor = requireUser(ctx.actor);
  const k = ctx.db.kysely;
  const posting = await resolvePostingEmployer(k, actor, input.employerId);
  const errors = [...posting.errors, ...(await checkVacancy(k, actor.organisationId, input))];
  if (errors.length) throw validationError(errors);
  const id = await k.transaction().execute((trx) =>
    writeVacancy(ctx, trx, {
      organisationId: actor.organisationId,
      employerId: posting.employerId!,
      input,
    }),
  );
  return vacancyView(k, id);
}

/** A vacancy: open ones for anyone; drafts, closed and filled ones for their company and staff. */
export async function getVacancy(ctx: Ctx, id: number): Promise<Vacancy> {
  const row = checkVacancyReadable(ctx.actor, await repo.findVacancy(ctx.db.kysely, id));
  const [view] = await vacancyViews(ctx.db.kysely, [row]);
  return view!;
}

/** The stored vacancy as an input again, for merging a partial update. */
function inputFromRow(row: VacancyRow): VacancyInput {
  return {
    title: row.title,
    description: row.description,
    occupation: { scheme: row.occupation_scheme, code: row.occupation_code },
    requiredSkills: parseJson<ItemRef[]>(row.required_skills, []),
    preferredSkills: parseJson<ItemRef[]>(row.preferred_skills, []),
    requiredCertificates: parseJson<ItemRef[]>(row.required_certificates, []),
    preferredCertificates: parseJson<ItemRef[]>(row.preferred_certificates, []),
    education: row.education as VacancyInput['education'],
    career: row.career as VacancyInput['career'],
    minCareerMonths: row.min_career_months,
    wage: { type: row.wage_type, amount: Number(row.wage_amount) },
    weeklyHours: Number(row.weekly_hours),
    shifts: parseJson<Shift[]>(row.shifts, []),
    employmentType: row.employment_type as VacancyInput['employmentType'],
    openings: row.openings,
    place: placeFromColumns(row),
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    preferredGroups: parseJson<PersonGroup[]>(row.preferred_groups, []),
    eligibleGroups: parseJson<PersonGroup[]>(row.eligible_groups, []),
    status: row.status === 'draft' ? 'draft' : 'open',
  };
}

/** Changes a vacancy's content (its company or managing staff); the checks of a new vacancy apply to the result. */
export async function changeVacancy(ctx: Ctx, id: number, patch: VacancyPatch): Promise<Vacancy> {
  const actor = requireUser(ctx.actor);
  const k = ctx.db.kysely;
  const row = checkVacancyEditable(actor, await repo.findVacancy(k, id));
  const { version, ...fields } = patch;
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const input = { ...inputFromRow(row), ...given } as VacancyInput;
  const errors = await checkVacancy(k, row.organisation_id, input, {
    skipMinimumWage: row.source === 'work24',
  });
  if (errors.length) throw validationError(errors);
  await k.transaction().execute((trx) =>
    writeVacancy(ctx, trx, {
      id,
      organisationId: row.organisation_id,
      employerId: row.employer_id,
      input,
      version,
      keepStatus: true,
    }),
  );
  return vacancyView(k, id);
}

const STATUS_WORDS: Record<VacancyStatus, { ko: string; en: string }> = {
  draft: { ko: '작성 중', en: 'draft' },
  open: { ko: '모집 중', en: 'open' },
  closed: { ko: '마감', en: 'closed' },
  filled: { ko: '채용 완료', en: 'filled' },
};

function invalidStatusChange(from: VacancyStatus, to: VacancyStatus): FieldError {
  const message = FIELD_MESSAGES.invalid_status_change;
  return {
    field: 'status',
    code: 'invalid_status_change',
    message: {
      ko: fillMessage(message, { from: STATUS_WORDS[from].ko, to: STATUS_WORDS[to].ko }).ko,
      en: fillMessage(message, { from: STATUS_WORDS[from].en, to: STATUS_WORDS[to].en }).en,
    },
  };
}

/** Publishes, closes, fills or reopens a vacancy (see STATUS_CHANGES). */
export async function changeVacancyStatus(
  ctx: Ctx,
  id: number,
  body: z.infer<typeof VacancyStatusBody>,
): Promise<Vacancy> {
  const actor = requireUser(ctx.actor);
  const k = ctx.db.kysely;
  const row = checkVacancyEditable(actor, await repo.findVacancy(k, id));
  // Whether a change is allowed depends on the status the caller saw: a stale one is a conflict.
  if (row.version !== body.version) throw new AppError('CONFLICT');
  if (!STATUS_CHANGES[row.status].includes(body.status)) {
    throw validationError([invalidStatusChange(row.status, body.status)]);
  }
  const now = new Date().toISOString();
  await k.transaction().execute(async (trx) => {
    const ends = body.status === 'closed' || body.status === 'filled';
    const changed = await repo.updateVacancyRow(trx, id, body.version, {
      status: body.status,
      closed_at: ends ? now : null,
      updated_at: now,
    });
    if (!changed) throw new AppError('CONFLICT');
    await recordChange(trx, 'vacancy', id);
    await audit(
      ctx,
      {
        action: 'vacancy.status',
        entityType: 'vacancy',
        entityId: id,
        before: { status: row.status },
        after: { status: body.status },
      },
      trx,
    );
  });
  return vacancyView(k, id);
}

/** A company's vacancies, every status: its own account and staff. */
export async function browseEmployerVacancies(
  ctx: Ctx,
  employerId: number,
  query: z.infer<typeof EmployerVacancyQuery>,
): Promise<Page<Vacancy>> {
  const actor = requireUser(ctx.actor);
  const k = ctx.db.kysely;
  checkEmployerReadable(actor, await findEmployer(k, employerId));
  const { rows, total } = await repo.listEmployerVacancies(k, employerId, { status: query.status }, query);
  return { items: await vacancyViews(k, rows), total, page: query.page, pageSize: query.pageSize };
}
