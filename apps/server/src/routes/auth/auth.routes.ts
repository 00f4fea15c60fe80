import '@fastify/rate-limit';
import { createSession, findPrincipal } from '@cers/db';
import { PASSWORD_POLICY, unauthenticated } from '@cers/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resetPasswordWithToken, signInWithPassword } from '../../auth/sign-in.js';
import { clearSessionCookie, endSession, forgetUserSessions, SESSION_COOKIE, setSessionCookie } from '../../plugins/auth.js';
import { buildMe } from '../me/me.routes.js';
import { ErrorSchema, MeSchema } from '../me/me.schema.js';
import { LoginBodySchema, ResetPasswordBodySchema, SignInOptionsSchema } from './auth.schema.js';

/** Sign-in attempts per client address and minute (argon2 costs CPU; lockout is per login). */
export const LOGIN_RATE_LIMIT = { max: 30, timeWindow: '1 minute' } as const;

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/auth/options',
    { schema: { tags: ['session'], summary: 'How users can sign in here', response: { 200: SignInOptionsSchema } } },
    async () => ({
      password: true,
      oidc: { enabled: app.ctx.config.oidc !== undefined, loginUrl: '/api/auth/oidc/login' },
      sandbox: app.ctx.config.sandbox,
      passwordPolicy: { minLength: PASSWORD_POLICY.minLength, maxLength: PASSWORD_POLICY.maxLength },
    }),
  );

  app.post(
    '/api/auth/login',
    {
      config: { csrfExempt: true, rateLimit: LOGIN_RATE_LIMIT },
      schema: {
        tags: ['session'],
        summary: 'Sign in with email and password',
        body: LoginBodySchema,
        response: { 200: MeSchema, 400: ErrorSchema, 401: ErrorSchema, 429: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { cers, config } = app.ctx;
      const userId = await signInWithPassword(cers, { login: request.body.login, password: request.body.password, ip: request.ip });
      const principal = await findPrincipal(cers.db, userId);
      if (!principal) throw unauthenticated('This account is disabled. Contact your CERS administrator.');
      // A new token on every sign-in: an old (possibly planted) session cookie is replaced.
      const old = request.cookies[SESSION_COOKIE];
      if (old) await endSession(app, old);
      const session = await createSession(cers.db, {
        userId,
        ttlMinutes: config.sessionTtlMinutes,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        method: 'password',
      });
      setSessionCookie(request, reply, session.token);
      request.log.info({ userId }, 'signed in');
      return buildMe(app, principal, session);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['session'], summary: 'Sign out (ends the session)', response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await endSession(app, token);
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/reset-password',
    {
      config: { csrfExempt: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['session'],
        summary: 'Set a new password with a one-time token from an administrator',
        body: ResetPasswordBodySchema,
        response: { 204: z.null(), 400: ErrorSchema, 429: ErrorSchema },
      },
    },
    async (request, reply) => {
      const userId = await resetPasswordWithToken(app.ctx.cers, { token: request.body.token, newPassword: request.body.newPassword });
      forgetUserSessions(app, userId); // their sessions ended in the database
      request.log.info({ userId }, 'password reset');
      return reply.code(204).send(null);
    },
  );
};
