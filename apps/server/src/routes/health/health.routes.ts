import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';

const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean(), latencyMs: z.number(), message: z.string().optional() }),
  version: z.string(),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: 'Service and database status', response: { 200: HealthSchema, 503: HealthSchema } } },
    async (_request, reply) => {
      const started = performance.now();
      const { cers } = app.ctx;
      try {
        await sql`select 1`.execute(cers.db);
        return {
          status: 'ok' as const,
          database: { kind: cers.kind, ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 },
          version: VERSION,
        };
      } catch {
        return reply.code(503).send({
          status: 'degraded' as const,
          database: { kind: cers.kind, ok: false, latencyMs: Math.round(performance.now() - started), message: 'database unreachable' },
          version: VERSION,
        });
      }
    },
  );
};

const VERSION = '0.1.0';
