import { createSession, findPrincipal } from '@cers/db';
import { notFound, ROLES, type RoleCode } from '@cers/domain';
import { SANDBOX_PERSONAS, type SandboxPersona } from '@cers/sandbox';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { endSession, SESSION_COOKIE, setSessionCookie } from '../../plugins/auth.js';
import { buildMe } from '../me/me.routes.js';
import { ErrorSchema, MeSchema } from '../me/me.schema.js';
import { EnterSandboxBodySchema, SandboxPersonasSchema } from './sandbox.schema.js';

function describe(role: RoleCode): string {
  const def = ROLES[role];
  if (def.teacher) return 'Sees the students of the groups assigned to the teacher, for the groups’ subjects.';
  if (def.level === 'school') return 'Sees every student of the school and manages its groups.';
  if (def.level === 'district') return 'Sees every student of the district and uses the administrator tools.';
  return 'Sees every student.';
}

/**
 * The CERS Sandbox (user documents: "Select the CERS Sandbox button", "Select one of the Teacher
 * roles", "Select the Enter Sandbox button"): password-less sessions for the generated sandbox
 * users only (users.is_sandbox), and only while CERS_SANDBOX is on.
 */
export const sandboxRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Personas whose sandbox user exists (the data may still be loading on first start). */
  async function availablePersonas(): Promise<Map<string, { persona: SandboxPersona; userId: number }>> {
    const logins = SANDBOX_PERSONAS.map((p) => p.login.toLowerCase());
    const users = await app.ctx.cers.db
      .selectFrom('users')
      .select(['id', 'login'])
      .where(sql<boolean>`lower(login) = any(${logins}::text[])`)
      .where('isSandbox', '=', true)
      .where('disabled', '=', false)
      .execute();
    const byLogin = new Map(users.map((u) => [u.login.toLowerCase(), u.id]));
    const out = new Map<string, { persona: SandboxPersona; userId: number }>();
    for (const persona of SANDBOX_PERSONAS) {
      const userId = byLogin.get(persona.login.toLowerCase());
      if (userId !== undefined) out.set(persona.key, { persona, userId });
    }
    return out;
  }

  app.get(
    '/api/sandbox/personas',
    {
      schema: {
        tags: ['session'],
        summary: 'Roles offered by the CERS Sandbox',
        response: { 200: SandboxPersonasSchema, 404: ErrorSchema },
      },
    },
    async () => {
      if (!app.ctx.config.sandbox) throw notFound('The CERS Sandbox');
      const available = await availablePersonas();
      return {
        personas: [...available.values()].map(({ persona }) => ({
          key: persona.key,
          label: persona.label,
          role: persona.role,
          roleLabel: ROLES[persona.role].label,
          description: describe(persona.role),
        })),
      };
    },
  );

  app.post(
    '/api/sandbox/enter',
    {
      config: { csrfExempt: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['session'],
        summary: 'Enter the CERS Sandbox as one of its roles (no password)',
        body: EnterSandboxBodySchema,
        response: { 200: MeSchema, 400: ErrorSchema, 404: ErrorSchema, 429: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { cers, config } = app.ctx;
      if (!config.sandbox) throw notFound('The CERS Sandbox');
      const entry = (await availablePersonas()).get(request.body.persona);
      if (!entry) throw notFound('That sandbox role');
      const principal = await findPrincipal(cers.db, entry.userId);
      if (!principal?.isSandbox) throw notFound('That sandbox role');
      const old = request.cookies[SESSION_COOKIE];
      if (old) await endSession(app, old);
      const session = await createSession(cers.db, {
        userId: entry.userId,
        ttlMinutes: config.sessionTtlMinutes,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        method: 'sandbox',
      });
      setSessionCookie(request, reply, session.token);
      return buildMe(app, principal, session);
    },
  );
};
