import { z } from 'zod';
import { ROLES, SELF_SIGNUP_ROLES, STAFF_ROLES, UNIT_KINDS } from '../roles.js';
import { Email, Id, Password, pageOf, pageQuery, ShortText, Timestamp } from './common.js';

export const Locale = z.enum(['ko', 'en']);

/** The signed-in user as the client sees them. */
export const SessionUser = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  organisation: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  units: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.enum(UNIT_KINDS) })),
  employerId: z.number().int().nullable(),
  locale: Locale,
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionResponse = z.object({ user: SessionUser.nullable(), csrfToken: z.string() });

export const SignInBody = z.strictObject({ email: Email, password: z.string().min(1).max(128) });

export const SignUpBody = z.strictObject({
  accountType: z.enum(SELF_SIGNUP_ROLES),
  email: Email,
  password: Password,
  name: ShortText(50),
  /** Required for employers: the company they act for. */
  companyName: ShortText(100).optional(),
  agreeTerms: z.literal(true, { error: 'must_accept' }),
  agreePrivacy: z.literal(true, { error: 'must_accept' }),
  locale: Locale.default('ko'),
});
export type SignUpBody = z.infer<typeof SignUpBody>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: Password,
});

export const UpdateMeBody = z.strictObject({ name: ShortText(50).optional(), locale: Locale.optional() });

export const Consent = z.object({
  id: z.number().int(),
  purpose: z.string(),
  version: z.string(),
  grantedAt: Timestamp,
  withdrawnAt: Timestamp.nullable(),
});

export const MeResponse = z.object({ user: SessionUser, consents: z.array(Consent), createdAt: Timestamp });

/** Users as an admin lists them. */
export const UserListItem = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  units: z.array(z.object({ id: z.number().int(), name: z.string() })),
  status: z.enum(['active', 'disabled']),
  lastSignInAt: Timestamp.nullable(),
  createdAt: Timestamp,
});

export const UserListQuery = pageQuery(['createdAt', 'email', 'name', 'role'] as const, 'createdAt').extend({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
});
export const UserPage = pageOf(UserListItem);

export const CreateStaffBody = z.strictObject({
  email: Email,
  name: ShortText(50),
  role: z.enum(STAFF_ROLES),
  unitIds: z.array(Id).max(30).default([]),
  password: Password,
});
export type CreateStaffBody = z.infer<typeof CreateStaffBody>;

export const UpdateUserBody = z.strictObject({
  name: ShortText(50).optional(),
  role: z.enum(STAFF_ROLES).optional(),
  unitIds: z.array(Id).max(30).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export const ResetPasswordResponse = z.object({ temporaryPassword: z.string() });

export const Unit = z.object({
  id: z.number().int(),
  kind: z.enum(UNIT_KINDS),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
});
export const OrganisationResponse = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** True when this is the generated demo organisation (the UI labels its data as demo). */
  isDemo: z.boolean(),
  units: z.array(Unit),
});
