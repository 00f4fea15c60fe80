import '@fastify/cookie';
import { findPrincipal, touchSession } from '@cers/db';
import { type Principal, unauthenticated } from '@cers/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'cers_session';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Resolves the session cookie into request.principal on every request and enforces CSRF on
 * state-changing API calls that come with a session. Routes call requirePrincipal().
 */
export async function authPlugin(app: FastifyInstance): Promise<void> {
  app.decorateRequest('principal', undefined);
  app.decorateRequest('sessionId', undefined);
  app.decorateRequest('csrfToken', undefined);
  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const { cers, config } = app.ctx;
    const session = await touchSession(cers.db, token, { ttlMinutes: config.sessionTtlMinutes });
    if (!session) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    const principal = await findPrincipal(cers.db, session.userId);
    if (!principal) return;
    request.principal = principal;
    request.sessionId = session.id;
    request.csrfToken = session.csrfToken;
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
    if (unsafe && request.headers[CSRF_HEADER] !== session.csrfToken) {
      await reply.code(403).send({ error: 'FORBIDDEN', message: 'Missing or invalid CSRF token. Reload the page and try again.' });
    }
  });
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthenticated('Your session has expired or you are not signed in. Please sign in.');
  return request.principal;
}
