import { type CersDb, expireReports, failOrphanedReports } from '@cers/db';
import { createPdfPool, type PdfPool, type ReportLogger, runReport } from '@cers/reports';
import { z } from 'zod';
import type { JobDefinition, JobQueue } from './queue.js';

/**
 * Printable reports (ISR PDFs, group CSV) as pg-boss jobs. The payload is only the report id: the
 * handler reads the request back from `reports` and re-evaluates the requester's access.
 * Restart safety: an active job whose process died expires after expireInSeconds and is retried
 * (the handler starts the report over); the maintenance job fails reports whose job is gone, and
 * deletes files of expired reports.
 */
export const PrintableReportPayload = z.object({ reportId: z.number().int().positive() });
export const PRINTABLE_REPORT_JOB = 'printable-report';
export const REPORT_MAINTENANCE_JOB = 'report-maintenance';

export type ReportJobDeps = {
  cers: CersDb;
  logger: ReportLogger;
  reportTtlHours: number;
  /** PDF_WORKERS; default cores − 1 (at least 1). */
  pdfWorkers?: number | undefined;
  /** A pool to use instead of one made on first use (tests). */
  pool?: PdfPool;
  /** Longest a report may run before pg-boss retries it (default 30 minutes). */
  expireInSeconds?: number;
  retryLimit?: number;
  chunkSize?: number;
  onChunk?: (progress: { done: number; total: number }) => Promise<void> | void;
};

export function printableReportJob(deps: ReportJobDeps): JobDefinition<typeof PrintableReportPayload> {
  let pool = deps.pool;
  const retryLimit = deps.retryLimit ?? 2;
  return {
    name: PRINTABLE_REPORT_JOB,
    payload: PrintableReportPayload,
    expireInSeconds: deps.expireInSeconds ?? 30 * 60,
    retryLimit,
    handler: async (payload, job) => {
      pool ??= createPdfPool({ size: deps.pdfWorkers });
      await runReport(
        {
          db: deps.cers.db,
          pool,
          logger: deps.logger,
          reportTtlHours: deps.reportTtlHours,
          ...(deps.chunkSize ? { chunkSize: deps.chunkSize } : {}),
          ...(deps.onChunk ? { onChunk: deps.onChunk } : {}),
        },
        { reportId: payload.reportId, retryCount: job.retryCount, retryLimit },
      );
    },
  };
}

/** Enqueues a report (the web process may only enqueue; a worker process runs it). */
export async function enqueuePrintableReport(queue: JobQueue, reportId: number): Promise<string | null> {
  return queue.boss.send(PRINTABLE_REPORT_JOB, PrintableReportPayload.parse({ reportId }));
}

/** Expires reports past REPORT_TTL_HOURS and fails reports whose job ended without them. */
export async function runReportMaintenance(cers: CersDb, args: { now?: Date; orphanAfterMinutes?: number } = {}) {
  const now = args.now ?? new Date();
  const expired = await expireReports(cers.db, now);
  const orphaned = await failOrphanedReports(cers.db, {
    olderThan: new Date(now.getTime() - (args.orphanAfterMinutes ?? 5) * 60_000),
    message: 'The report stopped before it was finished (the server was restarted or the report took too long). Please create it again.',
    now,
  });
  return { expired, orphaned };
}

export function reportMaintenanceJob(deps: { cers: CersDb; logger: ReportLogger; schedule?: string }): JobDefinition<z.ZodObject> {
  return {
    name: REPORT_MAINTENANCE_JOB,
    payload: z.object({}),
    schedule: deps.schedule ?? '*/5 * * * *',
    retryLimit: 0,
    expireInSeconds: 5 * 60,
    handler: async () => {
      const result = await runReportMaintenance(deps.cers);
      if (result.expired > 0 || result.orphaned > 0) deps.logger.info(result, 'report maintenance');
    },
  };
}
