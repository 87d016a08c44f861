import { z } from 'zod';
import { isValidBusinessNumber } from '../rules/business-number.js';
import { Email, pageOf, pageQuery, ShortText, Timestamp } from './common.js';
import { EMPLOYER_FLAGS, EMPLOYER_SIZES, KSIC_SECTIONS, Place, PlaceOut } from './registry.js';

/** 사업자등록번호 with or without hyphens; the check digit is verified. Stored as ten digits. */
export const BusinessNumber = z
  .string()
  .trim()
  .refine((v) => isValidBusinessNumber(v), { params: { messageCode: 'invalid_business_number' } })
  .transform((v) => v.replace(/[\s-]/g, ''));

/** A phone number: Korean digits with or without hyphens. */
export const Phone = z
  .string()
  .trim()
  .refine((v) => /^0\d{1,2}-?\d{3,4}-?\d{4}$/.test(v), { params: { messageCode: 'invalid_phone' } });

/** A contact person at a company (personal data: masked in lists). */
export const EmployerContact = z.strictObject({
  name: ShortText(50),
  position: z.string().trim().max(50).optional(),
  phone: Phone.optional(),
  email: Email.optional(),
});
export type EmployerContact = z.infer<typeof EmployerContact>;

/** What a company's profile holds, as an employer or staff types it. */
export const EmployerInput = z.strictObject({
  businessNumber: BusinessNumber,
  name: ShortText(100),
  representative: ShortText(50),
  industry: z.enum(KSIC_SECTIONS),
  size: z.enum(EMPLOYER_SIZES),
  place: Place,
  flags: z.array(z.enum(EMPLOYER_FLAGS)).max(EMPLOYER_FLAGS.length).default([]),
  homepage: z.string().trim().url().max(300).optional(),
  description: z.string().trim().max(2000).optional(),
  contacts: z.array(EmployerContact).max(5).default([]),
});
export type EmployerInput = z.infer<typeof EmployerInput>;

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

/**
 * `.partial()` without the fields' defaults: zod 4 applies a default inside an optional, so a
 * plain `.partial()` would reset every left-out field with a default (flags, contacts…) on PATCH.
 */
export function partialWithoutDefaults<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional(),
    ]),
  );
  return z.strictObject(shape as unknown as { [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>> });
}

/**
 * A partial update; `version` is the one read (optimistic concurrency). Fields left out stay as
 * they are; a company registered at sign-up (name only) completes its profile with its first PATCH.
 */
export const EmployerPatch = partialWithoutDefaults(EmployerInput).extend({
  version: z.number().int().min(1),
});
export type EmployerPatch = z.infer<typeof EmployerPatch>;

export const EmployerContactOut = z.object({
  name: z.string(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

/** A company's full profile (its own employer account and staff see it). */
export const Employer = z.object({
  id: z.number().int(),
  businessNumber: z.string().nullable(),
  name: z.string(),
  representative: z.string().nullable(),
  industry: z.string().nullable(),
  size: z.string().nullable(),
  place: PlaceOut,
  flags: z.array(z.enum(EMPLOYER_FLAGS)),
  homepage: z.string().nullable(),
  description: z.string().nullable(),
  contacts: z.array(EmployerContactOut),
  verified: z.boolean(),
  verifiedAt: Timestamp.nullable(),
  openVacancies: z.number().int(),
  isDemo: z.boolean(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Employer = z.infer<typeof Employer>;

/** A company in a staff list: contact data masked. */
export const EmployerListItem = Employer.pick({
  id: true,
  businessNumber: true,
  name: true,
  industry: true,
  size: true,
  flags: true,
  verified: true,
  openVacancies: true,
  isDemo: true,
  updatedAt: true,
}).extend({ dongName: z.string().nullable(), contact: EmployerContactOut.nullable() });

export const EmployerQuery = pageQuery(['name', 'updatedAt', 'openVacancies'] as const, 'updatedAt').extend({
  q: z.string().trim().max(100).optional(),
  verified: z.enum(['true', 'false']).optional(),
  flag: z.enum(EMPLOYER_FLAGS).optional(),
  industry: z.enum(KSIC_SECTIONS).optional(),
  dongCode: z.string().max(40).optional(),
});
export type EmployerQuery = z.infer<typeof EmployerQuery>;

export const EmployerPage = pageOf(EmployerListItem);

/** Staff verify (or un-verify) a company. */
export const VerifyEmployerBody = z.strictObject({ verified: z.boolean(), version: z.number().int().min(1) });
