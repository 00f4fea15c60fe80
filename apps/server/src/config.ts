import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads process.env (STYLE.md §3.5). Every variable is documented in the
 * README's configuration table; a bad value stops start-up with a message naming it.
 */
const bool = (name: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      const t = v.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(t)) return true;
      if (['0', 'false', 'no', 'off'].includes(t)) return false;
      ctx.addIssue({ code: 'custom', message: `${name} must be true or false, got "${v}"` });
      return z.NEVER;
    });

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || v === '' || /^postgres(ql)?:\/\//.test(v),
      'DATABASE_URL must start with postgres:// or postgresql://',
    ),
  DATA_DIR: z.string().optional(),
  PORT: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || v === '' || (/^\d+$/.test(v) && Number(v) < 65536),
      'PORT must be a number between 0 (any free port) and 65535',
    ),
  HOST: z.string().optional(),
  CERS_SANDBOX: bool('CERS_SANDBOX'),
  SESSION_SECRET: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || v.length >= 32, 'SESSION_SECRET must be at least 32 characters'),
  SESSION_TTL_MINUTES: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || v === '' || (/^\d+$/.test(v) && Number(v) >= 1),
      'SESSION_TTL_MINUTES must be a whole number of minutes ≥ 1',
    ),
  AUTH_CACHE_SECONDS: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || v === '' || (/^\d+$/.test(v) && Number(v) <= 60),
      'AUTH_CACHE_SECONDS must be a whole number of seconds between 0 (no cache) and 60',
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  CERS_SERVICES: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || v.split(',').every((s) => ['web', 'worker'].includes(s.trim())),
      'CERS_SERVICES must list web and/or worker, e.g. "web,worker"',
    ),
  TRUST_PROXY: bool('TRUST_PROXY'),
  OIDC_ISSUER: z.string().url('OIDC_ISSUER must be a URL').optional().or(z.literal('')),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_REDIRECT_URL: z.string().url('OIDC_REDIRECT_URL must be a URL').optional().or(z.literal('')),
  PUBLIC_URL: z.string().url('PUBLIC_URL must be a URL').optional().or(z.literal('')),
  REPORT_TTL_HOURS: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || v === '' || (/^\d+$/.test(v) && Number(v) >= 1),
      'REPORT_TTL_HOURS must be a whole number of hours ≥ 1',
    ),
  PDF_WORKERS: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || v === '' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 64),
      'PDF_WORKERS must be a number between 1 and 64',
    ),
  NODE_ENV: z.string().optional(),
});

export type Config = Readonly<{
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  sandbox: boolean;
  sessionSecret: string | undefined;
  sessionTtlMinutes: number;
  /** How long a process may reuse a session's user, roles and groups without asking the database (0 = never). */
  authCacheSeconds: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  services: ReadonlySet<'web' | 'worker'>;
  trustProxy: boolean;
  oidc: Readonly<{ issuer: string; clientId: string; clientSecret: string | undefined; redirectUrl: string | undefined }> | undefined;
  publicUrl: string | undefined;
  reportTtlHours: number;
  pdfWorkers: number | undefined;
  production: boolean;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const nonEmpty = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const issuer = nonEmpty(e.OIDC_ISSUER);
  const clientId = nonEmpty(e.OIDC_CLIENT_ID);
  if ((issuer && !clientId) || (!issuer && clientId))
    problems.push('OIDC_ISSUER and OIDC_CLIENT_ID must be set together to enable single sign-on');
  const production = e.NODE_ENV === 'production';
  if (production && !nonEmpty(e.SESSION_SECRET)) problems.push('SESSION_SECRET is required when NODE_ENV=production');
  if (problems.length > 0) throw new ConfigError(problems);
  const services = new Set((e.CERS_SERVICES ?? 'web,worker').split(',').map((s) => s.trim()) as ('web' | 'worker')[]);
  return Object.freeze({
    databaseUrl: nonEmpty(e.DATABASE_URL),
    dataDir: resolve(nonEmpty(e.DATA_DIR) ?? './data'),
    port: e.PORT ? Number(e.PORT) : 3000,
    host: nonEmpty(e.HOST) ?? '0.0.0.0',
    sandbox: e.CERS_SANDBOX ?? true,
    sessionSecret: nonEmpty(e.SESSION_SECRET),
    sessionTtlMinutes: e.SESSION_TTL_MINUTES ? Number(e.SESSION_TTL_MINUTES) : 30,
    authCacheSeconds: e.AUTH_CACHE_SECONDS ? Number(e.AUTH_CACHE_SECONDS) : 5,
    logLevel: e.LOG_LEVEL ?? 'info',
    services,
    trustProxy: e.TRUST_PROXY ?? false,
    oidc:
      issuer && clientId
        ? { issuer, clientId, clientSecret: nonEmpty(e.OIDC_CLIENT_SECRET), redirectUrl: nonEmpty(e.OIDC_REDIRECT_URL) }
        : undefined,
    publicUrl: nonEmpty(e.PUBLIC_URL),
    reportTtlHours: e.REPORT_TTL_HOURS ? Number(e.REPORT_TTL_HOURS) : 72,
    pdfWorkers: e.PDF_WORKERS ? Number(e.PDF_WORKERS) : undefined,
    production,
  });
}

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR. */
export function databaseOptions(config: Config): { url: string } | { dataDir: string } {
  return config.databaseUrl ? { url: config.databaseUrl } : { dataDir: resolve(config.dataDir, 'pglite') };
}
