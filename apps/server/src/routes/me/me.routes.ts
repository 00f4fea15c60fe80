import '@fastify/cookie';
import { deleteSession } from '@cers/db';
import { hasPermission, PERMISSIONS, ROLES } from '@cers/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal, SESSION_COOKIE } from '../../plugins/auth.js';
import { MeSchema } from './me.schema.js';

const ErrorSchema = z.object({ error: z.string(), message: z.string() });

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/me',
    { schema: { tags: ['session'], summary: 'The signed-in user, roles and permissions', response: { 200: MeSchema, 401: ErrorSchema } } },
    async (request) => {
      const principal = requirePrincipal(request);
      const orgIds = [...new Set(principal.grants.map((g) => g.orgId))];
      const orgs = orgIds.length
        ? await app.ctx.cers.db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', orgIds).execute()
        : [];
      const names = new Map(orgs.map((o) => [o.id, o.name]));
      const permissions = PERMISSIONS.filter((p) => hasPermission(principal, p));
      return {
        user: { id: principal.userId, login: principal.login, displayName: principal.displayName, isSandbox: principal.isSandbox },
        roles: principal.grants.map((g) => ({
          role: g.role,
          label: ROLES[g.role].label,
          orgType: g.orgType,
          orgId: g.orgId,
          orgName: names.get(g.orgId) ?? '',
        })),
        permissions,
        teacherOnly: !permissions.includes('INDIVIDUAL_READ') && permissions.includes('GROUP_PII_READ'),
        csrfToken: request.csrfToken ?? '',
      };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['session'], summary: 'Sign out (ends the session)', response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(app.ctx.cers.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
};
