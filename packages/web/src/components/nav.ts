import type { Permission, Role } from '@ilteo/shared';
import type { MessageKey } from '../i18n/messages';

/** One destination in the side navigation. */
export interface NavItem {
  to: string;
  label: MessageKey;
  /** The permission the page's API needs; a test checks every role shown the item holds it. */
  permission: Permission;
}

/** Every destination the side navigation knows; modules add theirs here. */
export const NAV_ITEMS = {
  plans: { to: '/plans', label: 'nav.plans', permission: 'plan.read' },
  account: { to: '/account', label: 'nav.account', permission: 'me.read' },
  adminUsers: { to: '/admin/users', label: 'nav.adminUsers', permission: 'users.manage' },
  adminAudit: { to: '/admin/audit', label: 'nav.adminAudit', permission: 'audit.read' },
  jobs: { to: '/jobs', label: 'nav.jobs', permission: 'vacancies.search' },
  employerVacancies: {
    to: '/employer/vacancies',
    label: 'nav.employerVacancies',
    permission: 'vacancies.post',
  },
  employerProfile: { to: '/employer/profile', label: 'nav.employerProfile', permission: 'employers.manage' },
  seekerProfile: { to: '/me/profile', label: 'nav.seekerProfile', permission: 'seekers.self' },
  staffSeekers: { to: '/staff/seekers', label: 'nav.staffSeekers', permission: 'seekers.read' },
  staffEmployers: { to: '/staff/employers', label: 'nav.staffEmployers', permission: 'employers.read' },
  staffVacancies: { to: '/staff/vacancies', label: 'nav.staffVacancies', permission: 'vacancies.post' },
  staffImports: { to: '/staff/imports', label: 'nav.staffImports', permission: 'registry.import' },
  mismatch: { to: '/staff/mismatch', label: 'nav.mismatch', permission: 'analytics.read' },
  adminMatching: { to: '/admin/matching', label: 'nav.adminMatching', permission: 'matching.manage' },
  adminMinimumWages: {
    to: '/admin/minimum-wages',
    label: 'nav.adminMinimumWages',
    permission: 'minimumWage.manage',
  },
} as const satisfies Record<string, NavItem>;

export type NavItemId = keyof typeof NAV_ITEMS;

/**
 * What each role sees, in order. The first entry is where the role lands after signing in.
 * TypeScript requires a row for every role, so a new role cannot silently get no menu.
 */
export const NAV_BY_ROLE: Record<Role, readonly NavItemId[]> = {
  admin: [
    'adminUsers',
    'adminAudit',
    'plans',
    'staffSeekers',
    'staffEmployers',
    'staffVacancies',
    'staffImports',
    'mismatch',
    'adminMatching',
    'adminMinimumWages',
    'jobs',
    'account',
  ],
  planner: ['plans', 'mismatch', 'jobs', 'account'],
  reporter: ['plans', 'account'],
  counsellor: [
    'staffSeekers',
    'staffEmployers',
    'staffVacancies',
    'staffImports',
    'mismatch',
    'jobs',
    'account',
  ],
  council: ['plans', 'account'],
  employer: ['employerVacancies', 'employerProfile', 'jobs', 'account'],
  seeker: ['seekerProfile', 'jobs', 'account'],
};

/** The side navigation of a role (empty for anonymous visitors). */
export function navFor(role: Role | null | undefined): NavItem[] {
  if (!role) return [];
  return NAV_BY_ROLE[role].map((id) => NAV_ITEMS[id]);
}

/** Roles allowed to open a destination, read from the same table. */
export function rolesFor(id: NavItemId): Role[] {
  return (Object.keys(NAV_BY_ROLE) as Role[]).filter((role) => NAV_BY_ROLE[role].includes(id));
}

/** Where a role lands after signing in. */
export function landingFor(role: Role): string {
  return navFor(role)[0]?.to ?? '/';
}
