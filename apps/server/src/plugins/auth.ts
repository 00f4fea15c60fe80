import '@fastify/cookie';
import { deleteSession, findPrincipal, touchSession } from '@cers/db';
import { forbidden, hasPermission, type Permission, type Principal, unauthenticated } from '@cers/domain';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'cers_session';
export const CSRF_HEADER = 'x-csrf-token';

/** A route as registered (method + URL pattern); the access matrix test enumerates these. */
export type RegisteredRoute = { method: string; url: string };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after the auth plugin, i.e. every route of the app's API and pages. */
    routeCatalog: RegisteredRoute[];
  }
  interface FastifyContextConfig {
    /**
     * Skip the CSRF header check for this route (sign-in endpoints that start a session: they
     * accept JSON bodies only, which a cross-site form cannot send without a CORS preflight).
     */
    csrfExempt?: boolean;
  }
}

/**
 * Session cookie attributes (docs/access.md §Sessions): HttpOnly, SameSite=Lax, Secure when the
 * request came over TLS (directly or, with TRUST_PROXY, through the proxy) or PUBLIC_URL is https.
 * No Max-Age: the browser forgets it on close; the server enforces idle and absolute expiry.
 */
export function sessionCookieOptions(request: FastifyRequest): CookieSerializeOptions {
  const publicHttps = request.server.ctx.config.publicUrl?.startsWith('https:') ?? false;
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' || publicHttps };
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(request));
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
}

/**
 * Resolves the session cookie into request.principal on every request and enforces CSRF on
 * state-changing calls that come with a session. Routes call requirePrincipal(). Registered
 * without encapsulation so the hook covers every route of the app.
 */
async function auth(app: FastifyInstance): Promise<void> {
  app.decorateRequest('principal', undefined);
  app.decorateRequest('sessionId', undefined);
  app.decorateRequest('csrfToken', undefined);
  app.decorateRequest('sessionExpiresAt', undefined);
  const catalog: RegisteredRoute[] = [];
  app.decorate('routeCatalog', catalog);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) catalog.push({ method, url: route.url });
  });
  app.addHook('onRequest', async (request, reply) => {
    // Pages and assets of the web app carry no data: only API calls resolve the session.
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const { cers, config } = app.ctx;
    const session = await touchSession(cers.db, token, { ttlMinutes: config.sessionTtlMinutes });
    if (!session) {
      clearSessionCookie(request, reply);
      return;
    }
    const principal = await findPrincipal(cers.db, session.userId);
    // Disabled users, and sandbox users once the sandbox is switched off, lose their sessions.
    if (!principal || (principal.isSandbox && !config.sandbox)) {
      await deleteSession(cers.db, token);
      clearSessionCookie(request, reply);
      return;
    }
    request.principal = principal;
    request.sessionId = session.id;
    request.csrfToken = session.csrfToken;
    request.sessionExpiresAt = session.expiresAt;
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
    if (unsafe && !request.routeOptions.config.csrfExempt && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw forbidden('Missing or invalid CSRF token. Reload the page and try again.');
    }
  });
}
// Same effect as fastify-plugin: the decorators and hook apply to the whole app, not a child context.
Object.assign(auth, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'cers-auth' });
export const authPlugin = auth;

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthenticated('Your session has expired or you are not signed in. Please sign in.');
  return request.principal;
}

/**
 * For administrative endpoints whose existence is no secret (audit log, user administration):
 * 401 when signed out, 403 without the permission. Student data answers 404 instead (scope.ts).
 */
export function requirePermission(request: FastifyRequest, permission: Permission): Principal {
  const principal = requirePrincipal(request);
  if (!hasPermission(principal, permission)) throw forbidden('Your role does not allow this.');
  return principal;
}
