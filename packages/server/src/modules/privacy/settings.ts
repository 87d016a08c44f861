import { type AgeRule, AgeRuleInput, DEFAULT_AGE_RULES } from '@ilteo/shared';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/tables.js';
import { readSetting } from './privacy.repository.js';

/** organisation_settings keys this module owns. */
export const AGE_RULES_KEY = 'age_rules';
export const RETENTION_MONTHS_KEY = 'retention_months';

/** Months after a seeker's last activity before the retention job removes them, unless set. */
export const DEFAULT_RETENTION_MONTHS = 36;

const StoredAgeRules = z.array(AgeRuleInput);
const StoredMonths = z.number().int().min(1);

function parsed<T>(schema: z.ZodType<T>, text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    const result = schema.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/** The district's age rules (청년, 신중년, 노인), or the defaults; an unreadable value counts as unset. */
export async function ageRulesOf(k: Kysely<Database>, organisationId: number): Promise<AgeRule[]> {
  return (
    parsed(StoredAgeRules, await readSetting(k, organisationId, AGE_RULES_KEY)) ?? DEFAULT_AGE_RULES.slice()
  );
}

/** How many months inactive seekers are kept, or the default (36). */
export async function retentionMonthsOf(k: Kysely<Database>, organisationId: number): Promise<number> {
  return (
    parsed(StoredMonths, await readSetting(k, organisationId, RETENTION_MONTHS_KEY)) ??
    DEFAULT_RETENTION_MONTHS
  );
}
