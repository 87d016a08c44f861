import path from 'node:path';
import { z } from 'zod';

const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((v) => v === 'on' || v === 'true' || v === '1');

/** A whole number within bounds: `z.coerce.number()` would take ' ' for 0 and '0x10' for 16. */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/**
 * Every setting ilteo reads, with its default. Environment variables are the only source.
 * The process refuses to start on a bad value and names the setting.
 */
const ConfigSchema = z.object({
  /** PORT: the HTTP port. */
  PORT: wholeNumber(0, 65535).default(3000),
  /** HOST: the address to listen on. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** DATA_DIR: where the embedded SQLite database and uploads live. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** DATABASE_URL: a postgres:// URL; when unset, SQLite in DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** DEMO: seed the Bupyeong 2019 demo on a new database. Default on for SQLite, off for PostgreSQL. */
  DEMO: onOff.optional(),
  /** LOG_LEVEL: pino level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** SESSION_TTL_HOURS: how long an idle session lives. */
  SESSION_TTL_HOURS: wholeNumber(1, 24 * 30).default(12),
  /** COOKIE_SECURE: mark cookies Secure (on behind HTTPS). */
  COOKIE_SECURE: onOff.default(false),
  /** LOGIN_MAX_ATTEMPTS: failed sign-ins before an account is locked. */
  LOGIN_MAX_ATTEMPTS: wholeNumber(1, 100).default(5),
  /** LOGIN_LOCK_MINUTES: how long a locked account stays locked. */
  LOGIN_LOCK_MINUTES: wholeNumber(1, 24 * 60).default(15),
  /** LOGIN_RATE_PER_MINUTE: sign-in attempts allowed per client address per minute. */
  LOGIN_RATE_PER_MINUTE: wholeNumber(1, 10_000).default(20),
  /** WEB_DIR: the built web app to serve; empty to serve the API only. */
  WEB_DIR: z.string().optional(),
  /** TRUST_PROXY: trust X-Forwarded-* headers (behind a load balancer). */
  TRUST_PROXY: onOff.default(false),
});

export type Config = Omit<z.infer<typeof ConfigSchema>, 'DEMO'> & { DEMO: boolean };

/** A setting was missing or malformed; the message names it. */
export class ConfigError extends Error {}

/** Reads and validates the configuration from an environment. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input = Object.fromEntries(
    Object.keys(ConfigSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = ConfigSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) =>
        `  ${issue.path.join('.')}=${JSON.stringify(input[String(issue.path[0])])}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration (설정 오류):\n${lines.join('\n')}`);
  }
  const value = parsed.data;
  return {
    ...value,
    DATA_DIR: path.resolve(value.DATA_DIR),
    DEMO: value.DEMO ?? !value.DATABASE_URL,
  };
}
