import type {
  AuditEntry,
  AuditPage,
  Consent,
  MeResponse,
  OrganisationResponse,
  ResetPasswordResponse,
  SessionResponse,
  SessionUser,
  Unit,
  UserListItem,
  UserPage,
} from '@ilteo/shared';
import type { z } from 'zod';

/** Response shapes, inferred from the shared zod schemas so web and server cannot drift apart. */
export type { AuditEntry, SessionUser };
export type Session = z.infer<typeof SessionResponse>;
export type Me = z.infer<typeof MeResponse>;
export type ConsentRecord = z.infer<typeof Consent>;
/** The organisation, with `isDemo` for the generated demo. */
export type Organisation = z.infer<typeof OrganisationResponse>;
export type OrgUnit = z.infer<typeof Unit>;
export type UserRow = z.infer<typeof UserListItem>;
export type UsersPage = z.infer<typeof UserPage>;
export type AuditEntriesPage = z.infer<typeof AuditPage>;
export type TemporaryPassword = z.infer<typeof ResetPasswordResponse>;
