import { Readable } from 'node:stream';
import { type AuditFilter, type AuditRow, listAudit, streamAudit } from '@cers/db';
import { invalidInput, orgScope } from '@cers/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePermission } from '../../plugins/auth.js';
import { ErrorSchema } from '../me/me.schema.js';
import { AuditPageSchema, type AuditQuery, AuditQuerySchema } from './audit.schema.js';

const DAY = 86_400_000;

function toFilter(q: AuditQuery): AuditFilter {
  const from = q.from ? new Date(q.from.length === 10 ? `${q.from}T00:00:00Z` : q.from) : undefined;
  const to = q.to ? (q.to.length === 10 ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + DAY) : new Date(q.to)) : undefined;
  if (from && to && from.getTime() >= to.getTime()) throw invalidInput('The start of the period must be before its end.');
  return { from, to, userLogin: q.user || undefined, ssid: q.ssid, action: q.action || undefined };
}

const present = (r: AuditRow) => ({
  id: r.id,
  occurredAt: r.occurredAt.toISOString(),
  userLogin: r.userLogin,
  action: r.action,
  view: r.view,
  ssid: r.ssid,
  ip: r.ip,
});

/** Spreadsheet-safe CSV cell (quotes, and no leading = + - @ that would run as a formula). */
function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const CSV_HEADER = 'Occurred At (UTC),User,Action,View,SSID,IP Address\n';

/**
 * The audit log of student-result reads (domain.md §Access), for users with AUDIT_READ: district
 * administrators see reads of their district's students, state administrators everything.
 */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log of student-result reads (paged, newest first)',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema },
      },
    },
    async (request) => {
      const principal = requirePermission(request, 'AUDIT_READ');
      const q = request.query;
      const { rows, hasMore } = await listAudit(app.ctx.cers.db, {
        scope: orgScope(principal, 'AUDIT_READ'),
        filter: toFilter(q),
        offset: (q.page - 1) * q.pageSize,
        limit: q.pageSize,
      });
      return { rows: rows.map(present), page: q.page, pageSize: q.pageSize, hasMore };
    },
  );

  app.get(
    '/api/audit.csv',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log as CSV (same filters, every page)',
        querystring: AuditQuerySchema.omit({ page: true, pageSize: true }),
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, 'AUDIT_READ');
      const filter = toFilter({ ...request.query, page: 1, pageSize: 1 });
      const batches = streamAudit(app.ctx.cers.db, { scope: orgScope(principal, 'AUDIT_READ'), filter });
      async function* lines() {
        yield CSV_HEADER;
        for await (const batch of batches) {
          yield batch
            .map((r) => [r.occurredAt.toISOString(), r.userLogin, r.action, r.view, r.ssid, r.ip].map(csvCell).join(','))
            .join('\n')
            .concat('\n');
        }
      }
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="cers-audit-log-${day}.csv"`)
        .send(Readable.from(lines()));
    },
  );
};
