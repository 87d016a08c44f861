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
  plans: PlanTable;
  strategies: StrategyTable;
  programs: ProgramTable;
  program_results: ProgramResultTable;
  result_evidence: ResultEvidenceTable;
  opinions: OpinionTable;
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
  role: 'admin' | 'planner' | 'reporter' | 'counsellor' | 'council' | 'employer' | 'seeker';
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

export interface PlanTable {
  id: Generated<number>;
  organisation_id: number;
  year: number;
  title: string;
  vision: string;
  master_plan: string;
  previous_year_target: number | null;
  employment_rate_target: number | null;
  employed_increase_target: number | null;
  pace_behind_below: number;
  pace_ahead_above: number;
  status: 'draft' | 'published';
  published_at: string | null;
  is_demo: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface StrategyTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  name: string;
  description: string;
  version: Generated<number>;
}

export interface ProgramTable {
  id: Generated<number>;
  plan_id: number;
  strategy_id: number;
  position: number;
  name: string;
  description: string;
  owner_unit_id: number;
  job_type: string;
  /** JSON array of target-group keys. */
  target_groups: string;
  budget_national: number;
  budget_city: number;
  budget_district: number;
  budget_other: number;
  annual_target: number;
  /** JSON array of twelve monthly targets. */
  phasing: string;
  phasing_mode: 'even' | 'custom';
  /** JSON object: target group → jobs. */
  group_targets: string;
  illustrative: number;
  /** Sum of the newest approved figure of each month, kept by the approval's transaction. */
  approved_jobs: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ProgramResultTable {
  id: Generated<number>;
  program_id: number;
  month: number;
  revision: number;
  status: 'draft' | 'submitted' | 'approved' | 'returned';
  jobs: number;
  group_jobs: string;
  note: string;
  review_comment: string | null;
  correction_reason: string | null;
  source: string;
  created_by: number | null;
  submitted_by: number | null;
  submitted_at: string | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ResultEvidenceTable {
  id: Generated<number>;
  result_id: number;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number | null;
  created_at: string;
}

export interface OpinionTable {
  id: Generated<number>;
  plan_id: number;
  program_id: number | null;
  author_user_id: number | null;
  author_name: string;
  author_kind: 'council' | 'citizen' | 'staff';
  body: string;
  answer: string | null;
  answered_by: number | null;
  answered_at: string | null;
  hidden: Generated<number>;
  hidden_reason: string | null;
  created_at: string;
}

export type PlanRow = Selectable<PlanTable>;
export type StrategyRow = Selectable<StrategyTable>;
export type ProgramRow = Selectable<ProgramTable>;
export type ProgramResultRow = Selectable<ProgramResultTable>;
export type OpinionRow = Selectable<OpinionTable>;

/* Taxonomies and regions (migration 2026112604_taxonomy); merged into Database above. */
export interface Database {
  taxonomy_items: TaxonomyItemTable;
  taxonomy_mappings: TaxonomyMappingTable;
  regions: RegionTable;
  taxonomy_imports: TaxonomyImportTable;
}

export interface TaxonomyItemTable {
  id: Generated<number>;
  kind: 'occupation' | 'skill' | 'certificate';
  scheme: string;
  code: string;
  label: string;
  label_en: string | null;
  parent_code: string | null;
  /** Depth in the parent chain, 1 = top; recomputed by every import. */
  level: number;
  /** JSON array of strings. */
  aliases: string;
  created_at: string;
  updated_at: string;
}

export interface TaxonomyMappingTable {
  id: Generated<number>;
  kind: 'occupation' | 'skill' | 'certificate';
  from_scheme: string;
  from_code: string;
  to_scheme: string;
  to_code: string;
}

export interface RegionTable {
  id: Generated<number>;
  scheme: string;
  code: string;
  name: string;
  name_en: string | null;
  level: 'sido' | 'sigungu' | 'dong';
  parent_code: string | null;
  /** 행정안전부 code (e.g. 28237 for 부평구), where known. */
  admin_code: string | null;
  /** Area-weighted centroid, WGS84. */
  lon: number | null;
  lat: number | null;
  /** GeoJSON geometry text. */
  geometry: string | null;
  created_at: string;
  updated_at: string;
}

export interface TaxonomyImportTable {
  id: Generated<number>;
  kind: 'occupation' | 'skill' | 'certificate' | 'region';
  scheme: string;
  mode: 'default' | 'merge' | 'replace';
  source: string;
  inserted: number;
  updated: number;
  deleted: number;
  created_at: string;
}

export type TaxonomyItemRow = Selectable<TaxonomyItemTable>;
export type RegionRow = Selectable<RegionTable>;
