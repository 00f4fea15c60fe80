import '@fastify/cookie';
import { deleteSession, findPrincipal, hashToken, sessionActivity, touchSession } from '@cers/db';
import { forbidden, hasPermission, type Permission, type Principal, unauthenticated } from '@cers/domain';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type CachedAuth, SessionCache } from '../auth/session-cache.js';

export const SESSION_COOKIE = 'cers_session';
export const CSRF_HEADER = 'x-csrf-token';

/** A route as registered (method + URL pattern); the access matrix test enumerates these. */
export type RegisteredRoute = { method: string; url: string };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after the auth plugin, i.e. every route of the app's API and pages. */
    routeCatalog: RegisteredRoute[];
    /** Signed-in users by session for AUTH_CACHE_SECONDS (see forgetSession / forgetUserSessions / forgetPrincipals). */
    sessionCache: SessionCache;
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
  const { cers, config } = app.ctx;
  const cache = new SessionCache(config.authCacheSeconds * 1000);
  app.decorate('sessionCache', cache);

  /** The session and its user from the database (slides the idle expiry); undefined when ended. */
  const load = async (request: FastifyRequest, reply: FastifyReply, token: string, id: string, now: Date) => {
    const epoch = cache.epoch;
    const session = await touchSession(cers.db, token, { ttlMinutes: config.sessionTtlMinutes, now });
    if (!session) {
      cache.forgetSession(id);
      clearSessionCookie(request, reply);
      return undefined;
    }
    const principal = await findPrincipal(cers.db, session.userId);
    // Disabled users, and sandbox users once the sandbox is switched off, lose their sessions.
    if (!principal || (principal.isSandbox && !config.sandbox)) {
      await deleteSession(cers.db, token);
      cache.forgetSession(id);
      clearSessionCookie(request, reply);
      return undefined;
    }
    const auth: CachedAuth = { session, principal };
    cache.set(id, auth, { epoch, now: now.getTime() });
    return auth;
  };

  app.addHook('onRequest', async (request, reply) => {
    // Pages and assets of the web app carry no data: only API calls resolve the session.
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const now = new Date();
    const id = hashToken(token);
    let auth = cache.get(id, now.getTime());
    if (auth) {
      // The same expiry rules as touchSession, on the cached times: an ended session, or one whose
      // idle expiry slides now (a write, at most once a minute), goes to the database.
      const activity = sessionActivity(auth.session, { ttlMinutes: config.sessionTtlMinutes, now });
      if (activity.ended || activity.slide) auth = undefined;
    }
    auth ??= await load(request, reply, token, id, now);
    if (!auth) return;
    const { session, principal } = auth;
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

/** Ends a session (sign-out, a new sign-in replacing the cookie): database row and cached entry. */
export async function endSession(app: FastifyInstance, token: string): Promise<void> {
  await deleteSession(app.ctx.cers.db, token);
  app.sessionCache.forgetSession(hashToken(token));
}

/** After this process ended every session of a user (password reset). */
export function forgetUserSessions(app: FastifyInstance, userId: number): void {
  app.sessionCache.forgetUser(userId);
}

/** After this process changed roles or assigned groups (group edits, imports): reload every principal. */
export function forgetPrincipals(app: FastifyInstance): void {
  app.sessionCache.clear();
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthenticated('Your session has expired or you are not signed in. Please sign in.');
  return request.principal;
}

/**
 * "From where" for the audit log: the client address, except in the CERS Sandbox. Sandbox roles are
 * shared by anonymous visitors and their data is fictitious, so a visitor's address would only be
 * shown to the next visitor who enters as an administrator (docs/access.md §Audit log).
 */
export function auditIp(request: FastifyRequest): string | null {
  return request.principal?.isSandbox ? null : request.ip;
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
