import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

/** The error loadConfig throws for an environment, or a failure when it throws none. */
function refusal(env: Record<string, string>): Error {
  try {
    loadConfig(env);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('configuration', () => {
  it('an empty environment starts on port 3000 with the SQLite demo', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      DEMO: true,
      LOG_LEVEL: 'info',
      SESSION_TTL_HOURS: 12,
      COOKIE_SECURE: false,
      LOGIN_MAX_ATTEMPTS: 5,
      LOGIN_LOCK_MINUTES: 15,
      LOGIN_RATE_PER_MINUTE: 20,
      TRUST_PROXY: false,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DATA_DIR).toBe(path.resolve('./data'));
  });

  it('with a PostgreSQL URL the demo is off unless asked for', () => {
    const url = 'postgres://ilteo@db.example:5432/ilteo';
    expect(loadConfig({ DATABASE_URL: url })).toMatchObject({ DATABASE_URL: url, DEMO: false });
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/ilteo' }).DEMO).toBe(false);
    expect(loadConfig({ DATABASE_URL: url, DEMO: 'on' }).DEMO).toBe(true);
    expect(loadConfig({ DEMO: 'off' }).DEMO).toBe(false);
  });

  it('values are read from strings, and an empty value means the default', () => {
    const config = loadConfig({
      PORT: '8080',
      COOKIE_SECURE: 'true',
      TRUST_PROXY: '1',
      DEMO: '0',
      LOG_LEVEL: '',
      DATA_DIR: '/srv/ilteo',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      COOKIE_SECURE: true,
      TRUST_PROXY: true,
      DEMO: false,
      LOG_LEVEL: 'info',
      DATA_DIR: '/srv/ilteo',
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['PORT', ' '],
    ['PORT', '0x10'],
    ['LOGIN_RATE_PER_MINUTE', '1e3'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://x'],
    ['DEMO', 'maybe'],
    ['COOKIE_SECURE', 'yes please'],
    ['SESSION_TTL_HOURS', '0'],
    ['LOGIN_MAX_ATTEMPTS', 'many'],
  ])('a bad %s (%s) stops the start with a message naming the setting and the value', (setting, value) => {
    const error = refusal({ [setting]: value });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain(`${setting}=${JSON.stringify(value)}`);
  });

  it('every bad setting is named at once, and good ones are not', () => {
    const error = refusal({ PORT: 'abc', LOG_LEVEL: 'loud', HOST: 'localhost' });
    expect(error.message).toMatch(/PORT=/);
    expect(error.message).toMatch(/LOG_LEVEL=/);
    expect(error.message).not.toMatch(/HOST=/);
  });
});
