import { can, ROLES } from '@ilteo/shared';
import { describe, expect, it } from 'vitest';
import { landingFor, NAV_BY_ROLE, navFor, rolesFor } from './nav';
import { pageWindow } from './pageWindow';

describe('side navigation', () => {
  it('gives administrators user management, the audit log and the jobs plan', () => {
    const paths = navFor('admin').map((item) => item.to);
    expect(paths).toEqual([
      '/admin/users',
      '/admin/audit',
      '/plans',
      '/staff/seekers',
      '/staff/employers',
      '/staff/vacancies',
      '/staff/imports',
      '/staff/mismatch',
      '/admin/matching',
      '/admin/minimum-wages',
      '/jobs',
      '/account',
    ]);
    expect(landingFor('admin')).toBe('/admin/users');
  });

  it('shows no admin pages to anyone else, but everyone signed in has their account', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const paths = navFor(role).map((item) => item.to);
      expect(paths.some((p) => p.startsWith('/admin'))).toBe(false);
      expect(paths).toContain('/account');
    }
  });

  it('shows nothing to anonymous visitors', () => {
    expect(navFor(null)).toEqual([]);
  });

  it('derives who may open a page from the same table', () => {
    expect(rolesFor('adminAudit')).toEqual(['admin']);
    expect(rolesFor('account').sort()).toEqual([...ROLES].sort());
    expect(Object.keys(NAV_BY_ROLE).sort()).toEqual([...ROLES].sort());
  });
});

describe('navigation and permissions', () => {
  it('never offers a role a page whose API would refuse it', () => {
    const refused = ROLES.flatMap((role) =>
      navFor(role)
        .filter((item) => !can(role, item.permission))
        .map((item) => `${role} → ${item.to}`),
    );
    expect(refused).toEqual([]);
  });
});

describe('pagination window', () => {
  it('shows every page when there are few', () => {
    expect(pageWindow(1, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('marks gaps with 0 around the current page', () => {
    expect(pageWindow(10, 40)).toEqual([1, 0, 8, 9, 10, 11, 12, 0, 40]);
    expect(pageWindow(1, 40)).toEqual([1, 2, 3, 0, 40]);
  });
});

describe('the jobs plan in the navigation', () => {
  it('is where planners, reporters and council members land', () => {
    for (const role of ['planner', 'reporter', 'council'] as const) expect(landingFor(role)).toBe('/plans');
    for (const role of ['counsellor', 'employer', 'seeker'] as const) {
      expect(navFor(role).map((i) => i.to)).not.toContain('/plans');
    }
  });
});

describe('the registry in the navigation', () => {
  it('lands counsellors on seekers, employers on their vacancies and seekers on their profile', () => {
    expect(landingFor('counsellor')).toBe('/staff/seekers');
    expect(landingFor('employer')).toBe('/employer/vacancies');
    expect(landingFor('seeker')).toBe('/me/profile');
  });

  it('offers the public job search to citizens, employers and staff who serve them', () => {
    for (const role of ['admin', 'planner', 'counsellor', 'employer', 'seeker'] as const) {
      expect(navFor(role).map((i) => i.to)).toContain('/jobs');
    }
  });
});

describe('matching in the navigation', () => {
  it('offers the matching weights to administrators only, who may change them', () => {
    expect(rolesFor('adminMatching')).toEqual(['admin']);
    expect(can('admin', 'matching.manage')).toBe(true);
    expect(can('counsellor', 'matching.manage')).toBe(false);
  });
});
