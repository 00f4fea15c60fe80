import {
  completeReport,
  type Database,
  findPrincipal,
  findReportForJob,
  finishReport,
  listReportStudents,
  loadReportData,
  type ReportCandidate,
  type ReportTarget,
  recordAudit,
  startReport,
  updateReportProgress,
} from '@cers/db';
import { embargoScope, individualScope, isEmptyScope } from '@cers/domain';
import type { Kysely } from 'kysely';
import { ZipFile } from 'yazl';
import { groupResultsCsv } from '../csv/group-results-csv.js';
import { isrInputsFromData } from '../isr/isr-data.js';
import { buildIsrModel, type IsrModel } from '../isr/isr-model.js';
import { mergePdfs } from '../pdf/merge-pdf.js';
import type { PdfPool } from '../pdf/pdf-pool.js';
import type { RenderedPdf } from '../pdf/render-isr.js';
import { type ReportParams, ReportParamsSchema, reportFileName, type SortOrder } from '../report-params.js';

/** Above this many pages a report is delivered as a ZIP of PDFs of at most this many pages. */
export const MAX_PDF_PAGES = 1000;

export type ReportLogger = {
  info: (obj: object, msg?: string) => void;
  error: (obj: object, msg?: string) => void;
};

export type RunReportDeps = {
  db: Kysely<Database>;
  pool: PdfPool;
  logger: ReportLogger;
  reportTtlHours: number;
  /** Students per model-building batch and per render task. */
  chunkSize?: number;
  now?: () => Date;
  /** Pages per PDF before the report becomes a ZIP of PDFs (default MAX_PDF_PAGES). */
  maxPdfPages?: number;
  /** Called after each chunk is rendered (progress, tests). */
  onChunk?: (progress: { done: number; total: number }) => Promise<void> | void;
};

export type RunReportAttempt = { reportId: number; retryCount: number; retryLimit: number };

/** A failure whose message is safe and useful to show the requester as the report's reason. */
class ReportFailure extends Error {}

function dbTarget(params: ReportParams, ownerId: number): ReportTarget {
  const t = params.target;
  switch (t.type) {
    case 'student':
      return { type: 'student', studentId: t.studentId };
    case 'group':
      return { type: 'group', groupId: t.groupId };
    case 'userGroup':
      return { type: 'userGroup', userGroupId: t.userGroupId, ownerId };
    case 'schoolGrade':
      return { type: 'schoolGrade', schoolId: t.schoolId, grade: t.grade };
    default: {
      const never: never = t;
      return never;
    }
  }
}

const collator = new Intl.Collator('en-US', { sensitivity: 'base', numeric: true });

export function sortCandidates(list: readonly ReportCandidate[], order: SortOrder): ReportCandidate[] {
  const byName = (a: ReportCandidate, b: ReportCandidate) =>
    collator.compare(a.lastName ?? '', b.lastName ?? '') ||
    collator.compare(a.firstName ?? '', b.firstName ?? '') ||
    a.ssid.localeCompare(b.ssid);
  const sorted = [...list];
  if (order === 'ssid') sorted.sort((a, b) => a.ssid.localeCompare(b.ssid));
  else if (order === 'score')
    sorted.sort((a, b) => (b.maxScore ?? Number.NEGATIVE_INFINITY) - (a.maxScore ?? Number.NEGATIVE_INFINITY) || byName(a, b));
  else sorted.sort(byName);
  return sorted;
}

function chunked<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function typesFor(params: ReportParams): string[] {
  return [params.assessmentType];
}

type Built = { bytes: Buffer; contentType: string; extension: string; studentIds: number[] };

/**
 * Renders ISRs chunk by chunk: the main thread loads a chunk (scoped SQL) and builds its models
 * while the pool renders earlier chunks; the rendered chunks are merged in order, into one PDF
 * or, above MAX_PDF_PAGES, a ZIP of PDFs.
 */
async function buildIsrFile(deps: RunReportDeps, ctx: RunContext): Promise<Built | null> {
  const { params, candidates } = ctx;
  // Each chunk is one PDF document (fonts parsed and subset once per document), so chunks are
  // large; there are still at least two per worker so loading overlaps rendering.
  const size = deps.chunkSize ?? Math.max(5, Math.min(100, Math.ceil(candidates.length / (deps.pool.size * 2))));
  const chunks = chunked(candidates, size);
  const inFlight: Promise<RenderedPdf | null>[] = [];
  const included: number[] = [];
  let done = 0;
  const maxAhead = deps.pool.size * 2;
  const results: (RenderedPdf | null)[] = [];
  for (const chunk of chunks) {
    const data = await loadReportData(deps.db, {
      scope: ctx.scope,
      embargo: ctx.embargo,
      target: ctx.target,
      studentIds: chunk.map((c) => c.studentId),
      filter: ctx.filter,
      withHistory: true,
    });
    const inputs = isrInputsFromData(data, { schoolYear: params.schoolYear, language: params.language });
    const models: IsrModel[] = [];
    for (const c of chunk) {
      const list = inputs.get(c.studentId);
      if (!list) continue;
      included.push(c.studentId);
      for (const input of list)
        models.push(buildIsrModel(input, { language: params.language, includeAccommodations: params.accommodations }));
    }
    const count = chunk.length;
    const task =
      models.length === 0
        ? Promise.resolve(null)
        : deps.pool.render(models, { title: ctx.name, language: params.language, author: 'CERS' });
    const settled = task.then(async (r) => {
      done += count;
      await updateReportProgress(deps.db, { id: ctx.reportId, progress: done, total: candidates.length });
      await deps.onChunk?.({ done, total: candidates.length });
      return r;
    });
    // Awaited in order below; until then a failure must not count as an unhandled rejection.
    settled.catch(() => undefined);
    inFlight.push(settled);
    if (inFlight.length >= maxAhead) results.push(await (inFlight.shift() as Promise<RenderedPdf | null>));
  }
  for (const p of inFlight) results.push(await p);
  const rendered = results.filter((r): r is RenderedPdf => r !== null);
  if (rendered.length === 0) return null;
  const lang = params.language === 'es' ? 'es-US' : 'en-US';
  const parts: RenderedPdf[][] = [[]];
  let pages = 0;
  for (const r of rendered) {
    const current = parts[parts.length - 1] as RenderedPdf[];
    if (current.length > 0 && pages + r.pages > (deps.maxPdfPages ?? MAX_PDF_PAGES)) {
      parts.push([r]);
      pages = r.pages;
    } else {
      current.push(r);
      pages += r.pages;
    }
  }
  if (parts.length === 1) {
    const bytes = mergePdfs(
      rendered.map((r) => r.bytes),
      { title: ctx.name, lang },
    );
    return { bytes, contentType: 'application/pdf', extension: 'pdf', studentIds: included };
  }
  const zip = new ZipFile();
  parts.forEach((part, i) => {
    const title = `${ctx.name} (${i + 1} of ${parts.length})`;
    const pdf = mergePdfs(
      part.map((r) => r.bytes),
      { title, lang },
    );
    zip.addBuffer(pdf, reportFileName(`${ctx.name} part ${String(i + 1).padStart(2, '0')}`, 'pdf'), { compress: false });
  });
  zip.end();
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    const out: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => out.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(out)));
    zip.outputStream.on('error', reject);
  });
  return { bytes, contentType: 'application/zip', extension: 'zip', studentIds: included };
}

async function buildCsvFile(deps: RunReportDeps, ctx: RunContext): Promise<Built | null> {
  const data = await loadReportData(deps.db, {
    scope: ctx.scope,
    embargo: ctx.embargo,
    target: ctx.target,
    studentIds: ctx.candidates.map((c) => c.studentId),
    filter: ctx.filter,
    withHistory: false,
  });
  if (data.exams.length === 0) return null;
  const csv = groupResultsCsv(data, { schoolYear: ctx.params.schoolYear, studentOrder: ctx.candidates.map((c) => c.studentId) });
  await updateReportProgress(deps.db, { id: ctx.reportId, progress: ctx.candidates.length, total: ctx.candidates.length });
  return {
    bytes: Buffer.from(csv, 'utf8'),
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    studentIds: [...new Set(data.exams.map((e) => e.studentId))],
  };
}

type RunContext = {
  reportId: number;
  name: string;
  params: ReportParams;
  candidates: ReportCandidate[];
  scope: ReturnType<typeof individualScope>;
  embargo: ReturnType<typeof embargoScope>;
  target: ReportTarget;
  filter: { schoolYear: number; types: string[]; subject: string | null };
};

const NO_RESULTS = 'No results match the selected school year, assessment type and subject for the students you can see.';

/**
 * The printable-report job. Safe to run again after a crash or restart: it starts over, and it
 * re-reads the requester's access (findPrincipal → individualScope) instead of trusting the ids
 * captured when the report was requested. Never throws for a report that no longer exists.
 */
export async function runReport(deps: RunReportDeps, attempt: RunReportAttempt): Promise<void> {
  const { db, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const report = await findReportForJob(db, attempt.reportId);
  if (!report || (report.status !== 'pending' && report.status !== 'running')) return;
  if (!(await startReport(db, { id: report.id, now: now() }))) return;
  const log = { reportId: report.id, kind: report.kind, attempt: attempt.retryCount };
  try {
    const parsed = ReportParamsSchema.safeParse(report.params);
    if (!parsed.success) throw new ReportFailure('The report request is not valid. Please create the report again.');
    const params = parsed.data;
    const principal = await findPrincipal(db, report.userId);
    if (!principal) throw new ReportFailure('The account that requested this report is no longer active.');
    const scope = individualScope(principal);
    if (isEmptyScope(scope)) throw new ReportFailure('You no longer have access to individual student results.');
    const ctx: RunContext = {
      reportId: report.id,
      name: report.name,
      params,
      scope,
      embargo: embargoScope(principal),
      target: dbTarget(params, report.userId),
      filter: { schoolYear: params.schoolYear, types: typesFor(params), subject: params.subject },
      candidates: [],
    };
    ctx.candidates = sortCandidates(
      await listReportStudents(db, { scope: ctx.scope, embargo: ctx.embargo, target: ctx.target, filter: ctx.filter }),
      params.sortOrder,
    );
    if (ctx.candidates.length === 0) {
      await finishReport(db, { id: report.id, status: 'no_results', message: NO_RESULTS, now: now() });
      logger.info(log, 'report has no results');
      return;
    }
    await updateReportProgress(db, { id: report.id, progress: 0, total: ctx.candidates.length });
    const built = report.kind === 'group-csv' ? await buildCsvFile(deps, ctx) : await buildIsrFile(deps, ctx);
    if (!built) {
      await finishReport(db, { id: report.id, status: 'no_results', message: NO_RESULTS, now: now() });
      return;
    }
    const finished = now();
    const stored = await completeReport(db, {
      id: report.id,
      content: built.bytes,
      contentType: built.contentType,
      filename: reportFileName(report.name, built.extension),
      expiresAt: new Date(finished.getTime() + deps.reportTtlHours * 3_600_000),
      progress: ctx.candidates.length,
      studentIds: built.studentIds,
      now: finished,
    });
    if (!stored) return;
    await recordAudit(db, {
      userId: principal.userId,
      userLogin: principal.login,
      action: report.kind === 'group-csv' ? 'export-group-csv' : 'print-isr',
      view: report.kind === 'group-csv' ? 'group-csv' : 'isr',
      studentIds: built.studentIds,
      ip: report.requestIp,
      detail: { reportId: report.id },
    });
    logger.info({ ...log, students: built.studentIds.length, bytes: built.bytes.length }, 'report completed');
  } catch (error) {
    const finalAttempt = attempt.retryCount >= attempt.retryLimit;
    if (error instanceof ReportFailure) {
      await finishReport(db, { id: report.id, status: 'failed', message: error.message, now: now() });
      logger.info({ ...log, reason: error.message }, 'report failed');
      return;
    }
    logger.error({ ...log, err: error }, 'report attempt failed');
    await finishReport(db, {
      id: report.id,
      status: finalAttempt ? 'failed' : 'pending',
      message: finalAttempt
        ? 'The report could not be created because of an unexpected error. Please try again.'
        : 'The report was interrupted and will be retried.',
      now: now(),
    }).catch(() => undefined);
    throw error;
  }
}
