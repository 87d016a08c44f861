import { type Actor, ROLES } from './roles.js';

const EVERYONE: readonly Actor[] = ['public', ...ROLES];
const SIGNED_IN: readonly Actor[] = ROLES;

/**
 * Which kinds of actor may call a route, by the permission the route declares.
 * Object-level rules (a reporter's own department, an employer's own company) live in each
 * module's policy; this table is the first gate every route passes.
 */
export const PERMISSIONS = {
  'health.read': EVERYONE,
  'session.read': EVERYONE,
  'auth.signIn': EVERYONE,
  'auth.signUp': EVERYONE,
  'auth.signOut': EVERYONE,
  'organisation.read': EVERYONE,
  'me.read': SIGNED_IN,
  'me.update': SIGNED_IN,
  'users.manage': ['admin'],
  'audit.read': ['admin'],
  'plan.read': ['admin', 'planner', 'reporter', 'council'],
  'plan.manage': ['admin', 'planner'],
  'results.report': ['admin', 'planner', 'reporter'],
  'results.review': ['admin', 'planner'],
  'opinions.post': EVERYONE,
  'opinions.moderate': ['admin', 'planner'],
  'public.read': EVERYONE,
  'taxonomy.read': EVERYONE,
  /** The public vacancy search and open vacancies' pages. */
  'vacancies.search': EVERYONE,
  /** Post and edit vacancies: staff for any company, an employer for its own (policy). */
  'vacancies.post': ['admin', 'counsellor', 'employer'],
  /** Company profiles: staff see all, an employer its own (policy). */
  'employers.read': ['admin', 'planner', 'counsellor', 'employer'],
  /** Edit company profiles: staff any, an employer its own; only staff verify (policy). */
  'employers.manage': ['admin', 'counsellor', 'employer'],
  /** A seeker's own profile, consents, data download and account deletion. */
  'seekers.self': ['seeker'],
  /** Staff search of seekers (masked) and audited full-profile reads. */
  'seekers.read': ['admin', 'counsellor'],
  /** Register seekers at a desk and edit their profiles. */
  'seekers.manage': ['admin', 'counsellor'],
  /** CSV, XLSX and 고용24 XML imports, and exports, of seekers, employers and vacancies. */
  'registry.import': ['admin', 'counsellor'],
  'registry.export': ['admin', 'counsellor'],
  'minimumWage.read': EVERYONE,
  'minimumWage.manage': ['admin'],
  /** Privacy jobs (retention) and settings (age rules, retention period). */
  'privacy.manage': ['admin'],
  /** The mismatch analytics (미스매치 분석): aggregates only, no person. */
  'analytics.read': ['admin', 'planner', 'counsellor', 'council'],
  /** Recommended vacancies: a seeker their own, desk staff any seeker's (policy). */
  'matching.recommendations': ['admin', 'counsellor', 'seeker'],
  /** Candidate seekers (masked): an employer for its own vacancies, desk staff any (policy). */
  'matching.candidates': ['admin', 'counsellor', 'employer'],
  /** Relevant / not relevant on a recommended pair, by the same people (policy). */
  'matching.feedback': ['admin', 'counsellor', 'employer', 'seeker'],
  /** The organisation's match weights, as the recommendations use them. */
  'matching.weights.read': ['admin', 'counsellor'],
  /** Change the match weights and evaluate a change before saving it. */
  'matching.manage': ['admin'],
} as const satisfies Record<string, readonly Actor[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether an actor of this kind holds a permission. */
export function can(actor: Actor, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Actor[]).includes(actor);
}
