/**
 * Route-test helpers: build the real app on a test database and sign users in without the
 * login form (sessions are created directly).
 */
import { type CersDb, createSession } from '@cers/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import { createLogger } from '../src/logger.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/plugins/auth.js';

export async function buildTestApp(cers: CersDb, env: Record<string, string> = {}): Promise<FastifyInstance> {
  const config = loadConfig({ CERS_SANDBOX: 'false', LOG_LEVEL: 'silent', ...env });
  const ctx: AppContext = { config, cers, logger: createLogger({ level: 'silent', pretty: false }) };
  const app = await buildApp(ctx);
  await app.ready();
  return app;
}

export type AuthHeaders = { cookie: string; [CSRF_HEADER]: string };

/** Headers that make app.inject() requests as this user (cookie + CSRF token). */
export async function signIn(cers: CersDb, userId: number): Promise<AuthHeaders> {
  const session = await createSession(cers.db, { userId, ttlMinutes: 30 });
  return { cookie: `${SESSION_COOKIE}=${session.token}`, [CSRF_HEADER]: session.csrfToken };
}
