import { createOidcRequest, createSession, recordLoginAttempt, recordSignIn, takeOidcRequest } from '@cers/db';
import { notFound } from '@cers/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { matchOidcUser, OidcRelyingParty } from '../../auth/oidc.js';
import { sessionCookieOptions, setSessionCookie } from '../../plugins/auth.js';

export const OIDC_COOKIE = 'cers_oidc';
const OIDC_PATH = '/api/auth/oidc';
const REQUEST_TTL_MINUTES = 10;

/** Where to go after sign-in: a path of this app only (no open redirects). */
export function safeReturnTo(value: string | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value.slice(0, 500);
}

/**
 * OpenID Connect single sign-on (docs/access.md §OIDC): /login redirects to the provider with
 * state, nonce and a PKCE challenge; /callback checks them, matches the user and opens a session.
 * Failures return to the sign-in page with an error code the page explains; details go to the log
 * (no personal data).
 */
export const oidcRoutes: FastifyPluginAsyncZod = async (app) => {
  const settings = app.ctx.config.oidc;
  const rp = settings ? new OidcRelyingParty(settings) : undefined;

  const redirectUri = (request: FastifyRequest) => {
    const { config } = app.ctx;
    if (config.oidc?.redirectUrl) return config.oidc.redirectUrl;
    const base = config.publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
    return `${base}${OIDC_PATH}/callback`;
  };
  const fail = (reply: FastifyReply, code: string) => reply.redirect(`/signin?error=${encodeURIComponent(code)}`, 302);
  const stateCookie = (request: FastifyRequest) => ({
    ...sessionCookieOptions(request),
    path: OIDC_PATH,
    maxAge: REQUEST_TTL_MINUTES * 60,
  });

  app.get(
    `${OIDC_PATH}/login`,
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['session'],
        summary: 'Single sign-on: redirect to the OpenID Connect provider',
        querystring: z.object({ returnTo: z.string().max(500).optional() }),
      },
    },
    async (request, reply) => {
      if (!rp) throw notFound('Single sign-on');
      let started: Awaited<ReturnType<OidcRelyingParty['authorizationRequest']>>;
      try {
        started = await rp.authorizationRequest(redirectUri(request));
      } catch (error) {
        request.log.error({ err: error }, 'OIDC provider unavailable');
        return fail(reply, 'sso-unavailable');
      }
      await createOidcRequest(app.ctx.cers.db, {
        state: started.state,
        codeVerifier: started.codeVerifier,
        nonce: started.nonce,
        returnTo: safeReturnTo(request.query.returnTo),
        ttlMinutes: REQUEST_TTL_MINUTES,
      });
      reply.setCookie(OIDC_COOKIE, started.state, stateCookie(request));
      return reply.redirect(started.url.href, 302);
    },
  );

  app.get(
    `${OIDC_PATH}/callback`,
    {
      schema: {
        tags: ['session'],
        summary: 'Single sign-on: the provider returns here with an authorization code',
        querystring: z.object({
          code: z.string().max(4096).optional(),
          state: z.string().max(512).optional(),
          error: z.string().max(256).optional(),
          error_description: z.string().max(2048).optional(),
          iss: z.string().max(2048).optional(),
          session_state: z.string().max(2048).optional(),
        }),
      },
    },
    async (request, reply) => {
      if (!rp) throw notFound('Single sign-on');
      const { cers, config } = app.ctx;
      const cookieState = request.cookies[OIDC_COOKIE];
      reply.clearCookie(OIDC_COOKIE, stateCookie(request));
      if (request.query.error) {
        request.log.warn({ oidcError: request.query.error }, 'OIDC provider returned an error');
        return fail(reply, request.query.error === 'access_denied' ? 'sso-cancelled' : 'sso-failed');
      }
      const state = request.query.state;
      // The state must come back to the browser that started the sign-in (login CSRF).
      if (!state || !cookieState || state !== cookieState) return fail(reply, 'sso-expired');
      const pending = await takeOidcRequest(cers.db, state);
      if (!pending) return fail(reply, 'sso-expired');
      const callbackUrl = new URL(redirectUri(request));
      callbackUrl.search = new URL(request.url, 'http://callback.invalid').search;
      let identity: Awaited<ReturnType<OidcRelyingParty['identity']>>;
      try {
        identity = await rp.identity(callbackUrl, { state, nonce: pending.nonce, codeVerifier: pending.codeVerifier });
      } catch (error) {
        request.log.warn({ err: error }, 'OIDC code exchange failed');
        return fail(reply, 'sso-failed');
      }
      const match = await matchOidcUser(cers, identity);
      const login = identity.email ?? `oidc:${identity.subject}`;
      if (!match.ok) {
        await recordLoginAttempt(cers.db, { login, ip: request.ip, succeeded: false, at: new Date() });
        return fail(reply, match.reason === 'disabled' ? 'sso-disabled' : 'sso-unknown-user');
      }
      const now = new Date();
      await recordLoginAttempt(cers.db, { login, ip: request.ip, succeeded: true, at: now });
      await recordSignIn(cers.db, match.userId, now);
      const session = await createSession(cers.db, {
        userId: match.userId,
        ttlMinutes: config.sessionTtlMinutes,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        method: 'oidc',
      });
      setSessionCookie(request, reply, session.token);
      request.log.info({ userId: match.userId }, 'signed in with single sign-on');
      return reply.redirect(safeReturnTo(pending.returnTo ?? undefined), 302);
    },
  );
};
