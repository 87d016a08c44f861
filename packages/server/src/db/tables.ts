import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Kysely table types. Conventions for both dialects: ids are integers, timestamps are ISO-8601
 * UTC text, booleans are 0/1 integers, JSON is text. See docs/decisions.md.
 */
export interface Database {
  organisations: OrganisationTable;
  units: UnitTable;
  employers: EmployerTable;
  users: UserTable;
  user_units: UserUnitTable;
  sessions: SessionTable;
  consents: ConsentTable;
  audit_log: AuditLogTable;
  app_meta: AppMetaTable;
}

export interface OrganisationTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string;
  is_demo: number;
  created_at: string;
}

export interface UnitTable {
  id: Generated<number>;
  organisation_id: number;
  kind: 'department' | 'agency' | 'dong_centre' | 'job_centre';
  code: string;
  name: string;
  name_en: string;
  sort_order: number;
}

export interface EmployerTable {
  id: Generated<number>;
  organisation_id: number;
  name: string;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Generated<number>;
  organisation_id: number;
  email: string;
  password_hash: string;
  name: string;
  role: 'admin' | 'planner' | 'reporter' | 'counsellor' | 'employer' | 'seeker';
  employer_id: number | null;
  locale: 'ko' | 'en';
  status: 'active' | 'disabled';
  must_change_password: Generated<number>;
  failed_attempts: Generated<number>;
  locked_until: string | null;
  last_sign_in_at: string | null;
  password_changed_at: string;
  is_demo: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface UserUnitTable {
  user_id: number;
  unit_id: number;
}

export interface SessionTable {
  /** SHA-256 of the cookie token: a leaked table does not leak sessions. */
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ConsentTable {
  id: Generated<number>;
  user_id: number;
  purpose: string;
  version: string;
  granted_at: string;
  withdrawn_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor_role: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
}

export interface AppMetaTable {
  key: string;
  value: string;
}

export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type UnitRow = Selectable<UnitTable>;
export type OrganisationRow = Selectable<OrganisationTable>;
export type AuditRow = Selectable<AuditLogTable>;
