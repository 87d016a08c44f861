import { type MinimumWage, type MinimumWageBody, MONTHLY_HOURS } from '@ilteo/shared';
import type { z } from 'zod';
import type { Ctx } from '../../http/context.js';
import { audit } from '../audit/audit.service.js';
import * as repo from './vacancies.repository.js';

function present(row: { year: number; hourly: number }): z.infer<typeof MinimumWage> {
  return { year: row.year, hourly: row.hourly, monthly: row.hourly * MONTHLY_HOURS };
}

/** The minimum wage table, oldest year first, with each year's monthly equivalent on 209 hours. */
export async function listMinimumWages(ctx: Ctx) {
  return { items: (await repo.minimumWageRows(ctx.db.kysely)).map(present) };
}

/** Sets a year's minimum wage (a new year's rate is announced each August), audited. */
export async function setMinimumWage(ctx: Ctx, body: z.infer<typeof MinimumWageBody>) {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await repo.findMinimumWage(trx, body.year);
    await repo.upsertMinimumWage(trx, body.year, body.hourly, new Date().toISOString());
    await audit(
      ctx,
      {
        action: 'minimum_wage.set',
        entityType: 'minimum_wage',
        entityId: body.year,
        before: before ? { hourly: before.hourly } : null,
        after: { hourly: body.hourly },
      },
      trx,
    );
  });
  return present(body);
}
