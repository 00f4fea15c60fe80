import { hasPermission, PERMISSIONS, type Principal, ROLES } from '@cers/domain';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePrincipal } from '../../plugins/auth.js';
import { ErrorSchema, type Me, MeSchema } from './me.schema.js';

/** The presenter of GET /api/me (also answered by sign-in and Enter Sandbox). */
export async function buildMe(app: FastifyInstance, principal: Principal, session: { csrfToken: string; expiresAt: Date }): Promise<Me> {
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
    csrfToken: session.csrfToken,
    session: { expiresAt: session.expiresAt.toISOString(), idleMinutes: app.ctx.config.sessionTtlMinutes },
  };
}

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/me',
    { schema: { tags: ['session'], summary: 'The signed-in user, roles and permissions', response: { 200: MeSchema, 401: ErrorSchema } } },
    async (request) => {
      const principal = requirePrincipal(request);
      return buildMe(app, principal, { csrfToken: request.csrfToken ?? '', expiresAt: request.sessionExpiresAt ?? new Date() });
    },
  );
};
