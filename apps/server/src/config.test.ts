import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('works with no environment at all: PGlite under ./data, port 3000, sandbox on', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/data$/);
    expect(c.port).toBe(3000);
    expect(c.sandbox).toBe(true);
    expect([...c.services].sort()).toEqual(['web', 'worker']);
    expect(c.authCacheSeconds).toBe(5);
  });

  it('reads every documented variable', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@h:5432/db',
      PORT: '8080',
      CERS_SANDBOX: 'false',
      SESSION_TTL_MINUTES: '15',
      CERS_SERVICES: 'worker',
      AUTH_CACHE_SECONDS: '0',
    });
    expect(c).toMatchObject({
      databaseUrl: 'postgres://u@h:5432/db',
      port: 8080,
      sandbox: false,
      sessionTtlMinutes: 15,
      authCacheSeconds: 0,
    });
    expect([...c.services]).toEqual(['worker']);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a number between 0 (any free port) and 65535'],
    [{ PORT: '70000' }, 'PORT must be a number between 0 (any free port) and 65535'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with postgres://'],
    [{ CERS_SANDBOX: 'maybe' }, 'CERS_SANDBOX must be true or false, got "maybe"'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET must be at least 32 characters'],
    [{ AUTH_CACHE_SECONDS: '61' }, 'AUTH_CACHE_SECONDS must be a whole number of seconds between 0 (no cache) and 60'],
    [{ AUTH_CACHE_SECONDS: '2.5' }, 'AUTH_CACHE_SECONDS must be a whole number'],
    [{ CERS_SERVICES: 'web,cron' }, 'CERS_SERVICES must list web and/or worker'],
    [{ OIDC_ISSUER: 'https://idp.example.org' }, 'OIDC_ISSUER and OIDC_CLIENT_ID must be set together'],
    [{ NODE_ENV: 'production' }, 'SESSION_SECRET is required when NODE_ENV=production'],
  ])('rejects %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
