/** Roles a signed-in user can hold; `public` is the anonymous visitor. */
/** `council` is an invited member of the 노사민정협의회 (labour-management-civic-government council). */
export const ROLES = ['admin', 'planner', 'reporter', 'counsellor', 'council', 'employer', 'seeker'] as const;
export type Role = (typeof ROLES)[number];
export type Actor = Role | 'public';

/** Staff and council accounts are created (invited) by an admin; the others sign up themselves. */
export const STAFF_ROLES = [
  'admin',
  'planner',
  'reporter',
  'counsellor',
  'council',
] as const satisfies readonly Role[];
export const SELF_SIGNUP_ROLES = ['seeker', 'employer'] as const satisfies readonly Role[];

/** Kinds of organisational unit inside a local government. */
export const UNIT_KINDS = ['department', 'agency', 'dong_centre', 'job_centre'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Which unit kinds a scoped role may be attached to. */
export const ROLE_UNIT_KINDS: Partial<Record<Role, readonly UnitKind[]>> = {
  reporter: ['department', 'agency'],
  counsellor: ['dong_centre', 'job_centre'],
};
