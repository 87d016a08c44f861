export * from './errors.js';
export * from './permissions.js';
export * from './roles.js';
export * from './schemas/audit.js';
export * from './schemas/auth.js';
export * from './schemas/common.js';
export * from './schemas/plan.js';
export * from './validation.js';
