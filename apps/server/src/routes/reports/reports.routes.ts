import {
  createReport,
  deleteReport,
  filterVisibleStudentIds,
  findReport,
  isReportTargetVisible,
  listReportOptions,
  listReports,
  type ReportRow,
  type ReportTarget,
  readReportFile,
  recordAudit,
  setReportJob,
} from '@cers/db';
import { AppError, conflict, embargoScope, forbidden, individualScope, invalidInput, notFound, type Principal } from '@cers/domain';
import { enqueuePrintableReport } from '@cers/jobs';
import { REPORT_KINDS, ReportParamsSchema, type ReportTargetParams } from '@cers/reports';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditIp, requirePrincipal } from '../../plugins/auth.js';
import {
  CreateReportSchema,
  ErrorSchema,
  type ReportDto,
  ReportIdParamsSchema,
  ReportListSchema,
  ReportOptionsQuerySchema,
  ReportOptionsSchema,
  ReportSchema,
} from './reports.schema.js';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };
const REPORT = 'The report';
const ACCESS_CHANGED =
  'You can no longer see every student in this report: your access changed after it was created. Create the report again to get the students you can see now.';

function dbTarget(t: ReportTargetParams, principal: Principal): ReportTarget {
  switch (t.type) {
    case 'student':
      return { type: 'student', studentId: t.studentId };
    case 'group':
      return { type: 'group', groupId: t.groupId };
    case 'userGroup':
      return { type: 'userGroup', userGroupId: t.userGroupId, ownerId: principal.userId };
    case 'schoolGrade':
      return { type: 'schoolGrade', schoolId: t.schoolId, grade: t.grade };
    default: {
      const never: never = t;
      return never;
    }
  }
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The presenter: only these fields of a report leave the server. */
export function presentReport(r: ReportRow): ReportDto {
  const params = ReportParamsSchema.safeParse(r.params);
  const p = params.success ? params.data : null;
  const kind = (REPORT_KINDS as readonly string[]).includes(r.kind) ? (r.kind as ReportDto['kind']) : 'isr';
  return {
    id: r.id,
    name: r.name,
    kind,
    targetType: p?.target.type ?? null,
    assessmentType: p?.assessmentType ?? null,
    subject: p?.subject ?? null,
    schoolYear: p?.schoolYear ?? null,
    language: p?.language ?? null,
    status: r.status,
    progress: r.progress,
    total: r.total,
    message: r.message,
    createdAt: new Date(r.createdAt).toISOString(),
    completedAt: iso(r.completedAt),
    expiresAt: iso(r.expiresAt),
    filename: r.filename,
    contentType: r.contentType,
    sizeBytes: r.sizeBytes,
  };
}

function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Printable reports (issue #7, docs/printable-reports.md): create an ISR PDF or group CSV job, list
 * and read one's own reports, download, delete. A user only ever reaches their own reports; the
 * job re-checks access to every student when it runs.
 */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.cers.db;

  app.post(
    '/api/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'Create a printable report (ISR PDF or group CSV); it runs in the background',
        body: CreateReportSchema,
        response: { 202: ReportSchema, ...errors, 503: ErrorSchema },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { kind, name, ...params } = request.body;
      if (kind === 'group-csv' && params.target.type === 'student')
        throw invalidInput('The group results download needs a group or a school and grade.');
      const visible = await isReportTargetVisible(db(), { scope: individualScope(principal), target: dbTarget(params.target, principal) });
      if (!visible)
        throw notFound(
          params.target.type === 'student' ? 'The student' : params.target.type === 'schoolGrade' ? 'The school' : 'The group',
        );
      const queue = app.ctx.jobs;
      if (!queue) throw new AppError('UNAVAILABLE', 'Reports cannot be created right now because the background worker is not running.');
      const report = await createReport(db(), { userId: principal.userId, kind, name, params, requestIp: auditIp(request) });
      const jobId = await enqueuePrintableReport(queue, report.id);
      if (jobId) await setReportJob(db(), report.id, jobId);
      return reply.code(202).send(presentReport({ ...report, jobId }));
    },
  );

  app.get(
    '/api/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'My Reports: the caller’s reports, newest first',
        response: { 200: ReportListSchema, 401: ErrorSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const rows = await listReports(db(), principal.userId);
      return { reports: rows.map(presentReport) };
    },
  );

  app.get(
    '/api/reports/options',
    {
      schema: {
        tags: ['reports'],
        summary: 'School years, assessment types and subjects with visible results for a report target',
        querystring: ReportOptionsQuerySchema,
        response: { 200: ReportOptionsSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const q = request.query;
      const targetParams = (() => {
        switch (q.targetType) {
          case 'student':
            return { type: 'student' as const, studentId: q.id };
          case 'group':
            return { type: 'group' as const, groupId: q.id };
          case 'userGroup':
            return { type: 'userGroup' as const, userGroupId: q.id };
          case 'schoolGrade':
            if (!q.grade) throw invalidInput('Choose a grade for a school report.');
            return { type: 'schoolGrade' as const, schoolId: q.id, grade: q.grade };
          default: {
            const never: never = q.targetType;
            return never;
          }
        }
      })();
      const scope = individualScope(principal);
      const target = dbTarget(targetParams, principal);
      if (!(await isReportTargetVisible(db(), { scope, target }))) throw notFound();
      const rows = await listReportOptions(db(), { scope, embargo: embargoScope(principal), target });
      return {
        schoolYears: [...new Set(rows.map((r) => r.schoolYear))],
        options: rows.map((r) => ({ schoolYear: r.schoolYear, assessmentType: r.type, subject: r.subject })),
      };
    },
  );

  app.get(
    '/api/reports/:id',
    {
      schema: { tags: ['reports'], summary: 'One of my reports', params: ReportIdParamsSchema, response: { 200: ReportSchema, ...errors } },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const report = await findReport(db(), { userId: principal.userId, id: request.params.id });
      if (!report) throw notFound(REPORT);
      return presentReport(report);
    },
  );

  app.get(
    '/api/reports/:id/download',
    {
      schema: {
        tags: ['reports'],
        summary: 'Download Report Data: the PDF, ZIP of PDFs or CSV of a completed report',
        params: ReportIdParamsSchema,
        response: { 200: z.any(), ...errors, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const report = await findReport(db(), { userId: principal.userId, id: request.params.id });
      if (!report) throw notFound(REPORT);
      if (report.status === 'expired') throw conflict('This report has expired. Create it again to download it.');
      if (report.status !== 'completed') throw conflict('This report is not ready yet.');
      // Access is what it is now, not what it was when the report was made: a role or group taken
      // away since then keeps the file from its owner.
      const inReport = report.studentIds ?? [];
      const visible = await filterVisibleStudentIds(db(), { scope: individualScope(principal), studentIds: inReport });
      if (visible.length < new Set(inReport).size) throw forbidden(ACCESS_CHANGED);
      const content = await readReportFile(db(), { userId: principal.userId, id: report.id });
      if (!content) throw conflict('This report has expired. Create it again to download it.');
      await recordAudit(db(), {
        userId: principal.userId,
        userLogin: principal.login,
        action: 'download-report',
        view: report.kind === 'group-csv' ? 'group-csv' : 'isr',
        studentIds: inReport,
        ip: auditIp(request),
        detail: { reportId: report.id },
      });
      return reply
        .header('content-type', report.contentType ?? 'application/octet-stream')
        .header('content-disposition', contentDisposition(report.filename ?? `report-${report.id}`))
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );

  app.delete(
    '/api/reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'Delete one of my reports',
        params: ReportIdParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      if (!(await deleteReport(db(), { userId: principal.userId, id: request.params.id }))) throw notFound(REPORT);
      return reply.code(204).send(null);
    },
  );
};
