import { z } from 'zod';

/** A database id as it appears in URLs and bodies. */
export const Id = z.coerce.number().int().positive().max(2_147_483_647);

/** Path parameters of a route addressing one entity. */
export const IdParams = z.strictObject({ id: Id });

/** ISO-8601 timestamp in UTC, as every API returns time. */
export const Timestamp = z.string().datetime();

/** Short free text; trimmed, bounded. */
export const ShortText = (max = 100) => z.string().trim().min(1).max(max);

/** Email, normalised to lower case. */
export const Email = z.string().trim().toLowerCase().max(254).email();

/** Password rule: 10–128 characters with at least one letter and one digit. */
export const Password = z
  .string()
  .min(10)
  .max(128)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { params: { messageCode: 'weak_password' } });

/** The one pagination and sorting convention: `?page=1&pageSize=20&sort=field&order=asc|desc`. */
export function pageQuery<S extends readonly [string, ...string[]]>(sortFields: S, defaultSort: S[number]) {
  return z.strictObject({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    sort: z.enum(sortFields).default(defaultSort as never),
    order: z.enum(['asc', 'desc']).default('desc'),
  });
}

/** A page of results: `items`, `total`, `page`, `pageSize`. */
export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export type PageQuery = { page: number; pageSize: number; sort: string; order: 'asc' | 'desc' };
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** Empty body, for 204-like answers that still return JSON. */
export const Ok = z.object({ ok: z.literal(true) });
