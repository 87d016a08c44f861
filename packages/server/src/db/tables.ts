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
  is_demo: Generated<number>;
  created_at: string;
  updated_at: string;
  /* The full profile (migration 2026112606_registry). */
  /** Ten digits, no hyphens. Unique in an organisation. */
  business_number: string | null;
  representative: string | null;
  /** KSIC section letter. */
  industry: string | null;
  size: string | null;
  address: string | null;
  region_scheme: string | null;
  dong_code: string | null;
  lat: number | null;
  lon: number | null;
  /** JSON array of EMPLOYER_FLAGS. */
  flags: Generated<string>;
  homepage: string | null;
  description: string | null;
  /** JSON array of { name, position, phone, email } (personal data: masked in lists). */
  contacts: Generated<string>;
  verified_at: string | null;
  verified_by: number | null;
  version: Generated<number>;
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

/* Seekers, employers' profiles, vacancies and what goes with them (migration 2026112606_registry). */
export interface Database {
  vacancies: VacancyTable;
  seekers: SeekerTable;
  seeker_consents: SeekerConsentTable;
  minimum_wages: MinimumWageTable;
  organisation_settings: OrganisationSettingTable;
  registry_imports: RegistryImportTable;
  retained_records: RetainedRecordTable;
  change_log: ChangeLogTable;
  match_feedback: MatchFeedbackTable;
}

/** JSON arrays of { scheme, code } are stored as text: `[{"scheme":"KECO-2018","code":"3040"}]`. */
export interface VacancyTable {
  id: Generated<number>;
  organisation_id: number;
  employer_id: number;
  title: string;
  description: string;
  occupation_scheme: string;
  occupation_code: string;
  required_skills: string;
  preferred_skills: string;
  required_certificates: string;
  preferred_certificates: string;
  education: string;
  career: string;
  min_career_months: number;
  wage_type: 'hourly' | 'daily' | 'monthly' | 'annual';
  wage_amount: number;
  /** Monthly equivalent on 209 hours (rules/wage.ts), for filters, facets and sorting. */
  wage_monthly: number;
  weekly_hours: number;
  /** JSON array of SHIFTS. */
  shifts: string;
  employment_type: string;
  openings: number;
  address: string | null;
  region_scheme: string | null;
  dong_code: string | null;
  region_name: string | null;
  lat: number | null;
  lon: number | null;
  /** YYYY-MM-DD. */
  opens_on: string;
  closes_on: string | null;
  preferred_groups: string;
  eligible_groups: string;
  status: 'draft' | 'open' | 'closed' | 'filled';
  source: 'own' | 'work24';
  external_id: string | null;
  external_url: string | null;
  created_by: number | null;
  is_demo: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface SeekerTable {
  id: Generated<number>;
  organisation_id: number;
  user_id: number | null;
  name: string;
  birth_year: number;
  gender: 'female' | 'male' | 'other' | null;
  /** Digits only. */
  phone: string | null;
  email: string | null;
  desired_occupations: string;
  skills: string;
  certificates: string;
  education: string;
  /** JSON array of { occupation: { scheme, code }, months, company? }. */
  careers: string;
  wage_type: 'hourly' | 'daily' | 'monthly' | 'annual' | null;
  wage_amount: number | null;
  wage_monthly: number | null;
  wage_firm: number;
  weekly_hours: number | null;
  shifts: string;
  employment_types: string;
  home_region_scheme: string | null;
  home_dong_code: string | null;
  commute_km: number;
  available_from: string | null;
  /** JSON array of declared groups; `disabled` only while the sensitive consent stands. */
  groups: string;
  status: 'active' | 'employed' | 'inactive';
  registered_by: 'self' | 'desk' | 'import';
  desk_unit_id: number | null;
  intake_note: string | null;
  is_demo: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  /** Last sign-in, profile change or service: what the retention job counts from. */
  last_active_at: string;
}

export interface SeekerConsentTable {
  id: Generated<number>;
  seeker_id: number;
  purpose: 'employment_services' | 'recommendation' | 'sensitive';
  version: string;
  granted_at: string;
  withdrawn_at: string | null;
  recorded_by: number | null;
}

export interface MinimumWageTable {
  year: number;
  /** Won an hour. */
  hourly: number;
  updated_at: string;
}

/** Per-organisation settings as JSON: `age_rules`, `retention_months`, later matching weights. */
export interface OrganisationSettingTable {
  organisation_id: number;
  key: string;
  value: string;
  updated_at: string;
}

export interface RegistryImportTable {
  id: Generated<number>;
  organisation_id: number;
  kind: 'seekers' | 'employers' | 'vacancies';
  format: 'csv' | 'xlsx' | 'work24';
  source: string;
  mode: 'all' | 'valid_only';
  total_rows: number;
  inserted: number;
  updated: number;
  skipped: number;
  /** JSON: the row-by-row report. */
  report: string;
  created_by: number | null;
  created_at: string;
}

/**
 * What other laws make us keep after a person deletes their account, kept apart from the
 * registry and without contact data (see docs/privacy.md): e.g. the services given, for
 * 보조금 정산 (5 years).
 */
export interface RetainedRecordTable {
  id: Generated<number>;
  organisation_id: number;
  kind: string;
  /** A pseudonymous reference (not the name), e.g. `seeker:123`. */
  subject_ref: string;
  payload: string;
  legal_basis: string;
  keep_until: string;
  created_at: string;
}

/**
 * Every write to a searchable entity appends a row here in the same transaction; each server
 * process's search index follows the log (modules/search), so several processes stay consistent.
 */
export interface ChangeLogTable {
  id: Generated<number>;
  entity: 'vacancy' | 'seeker' | 'employer';
  entity_id: number;
  op: 'upsert' | 'delete';
  at: string;
}

export type VacancyRow = Selectable<VacancyTable>;
export type SeekerRow = Selectable<SeekerTable>;
export type EmployerRow = Selectable<EmployerTable>;

/** One user's verdict on one recommended (seeker, vacancy) pair (#5). */
export interface MatchFeedbackTable {
  id: Generated<number>;
  organisation_id: number;
  seeker_id: number;
  vacancy_id: number;
  user_id: number;
  side: 'seeker' | 'employer' | 'staff';
  verdict: 'relevant' | 'not_relevant';
  created_at: string;
  updated_at: string;
}
