import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Printable reports (ISR PDFs, CSV downloads) as rows of `reports`, files in `report_files`.
 * Every read and write here is keyed by the owner: a user only ever sees their own reports.
 */
export const REPORT_STATUSES = ['pending', 'running', 'completed', 'failed', 'no_results', 'expired'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export type ReportRow = {
  id: number;
  userId: number;
  kind: string;
  name: string;
  params: unknown;
  status: ReportStatus;
  progress: number;
  total: number;
  message: string | null;
  jobId: string | null;
  contentType: string | null;
  filename: string | null;
  sizeBytes: number | null;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  expiresAt: Date | null;
  /** The students the finished file holds (null until it is finished). */
  studentIds: number[] | null;
  /** Where the report was asked for (null in the CERS Sandbox). */
  requestIp: string | null;
};

const COLUMNS = [
  'id',
  'userId',
  'kind',
  'name',
  'params',
  'status',
  'progress',
  'total',
  'message',
  'jobId',
  'contentType',
  'filename',
  'sizeBytes',
  'createdAt',
  'startedAt',
  'completedAt',
  'expiresAt',
  'studentIds',
  'requestIp',
] as const;

type Db = Kysely<Database>;
const asRow = (r: Record<string, unknown>) => r as ReportRow;

export async function createReport(
  db: Db,
  r: { userId: number; kind: string; name: string; params: unknown; requestIp?: string | null },
): Promise<ReportRow> {
  const row = await db
    .insertInto('reports')
    .values({
      userId: r.userId,
      kind: r.kind,
      name: r.name,
      params: JSON.stringify(r.params),
      status: 'pending',
      requestIp: r.requestIp ?? null,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return asRow(row);
}

export async function setReportJob(db: Db, id: number, jobId: string): Promise<void> {
  await db.updateTable('reports').set({ jobId }).where('id', '=', id).execute();
}

/** The caller's reports, newest first. */
export async function listReports(db: Db, userId: number, limit = 200): Promise<ReportRow[]> {
  const rows = await db
    .selectFrom('reports')
    .select(COLUMNS)
    .where('userId', '=', userId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(asRow);
}

/** One report of its owner; undefined when missing or someone else's. */
export async function findReport(db: Db, args: { userId: number; id: number }): Promise<ReportRow | undefined> {
  const row = await db.selectFrom('reports').select(COLUMNS).where('id', '=', args.id).where('userId', '=', args.userId).executeTakeFirst();
  return row ? asRow(row) : undefined;
}

/** For the job: the row whatever its owner (the job carries only the id). */
export async function findReportForJob(db: Db, id: number): Promise<ReportRow | undefined> {
  const row = await db.selectFrom('reports').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? asRow(row) : undefined;
}

/** Marks a report running (again, after a restart): clears any partial result. False when gone or finished. */
export async function startReport(db: Db, args: { id: number; now?: Date }): Promise<boolean> {
  const result = await db
    .updateTable('reports')
    .set({ status: 'running', startedAt: args.now ?? new Date(), progress: 0, total: 0, message: null })
    .where('id', '=', args.id)
    .where('status', 'in', ['pending', 'running'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function updateReportProgress(db: Db, args: { id: number; progress: number; total: number }): Promise<void> {
  await db
    .updateTable('reports')
    .set({ progress: args.progress, total: args.total })
    .where('id', '=', args.id)
    .where('status', '=', 'running')
    .execute();
}

/**
 * Stores the file and completes the report in one transaction. False when the report was deleted
 * (or finished by another attempt) meanwhile; the file is then not kept.
 */
export async function completeReport(
  db: Db,
  args: {
    id: number;
    content: Buffer;
    contentType: string;
    filename: string;
    expiresAt: Date;
    progress: number;
    /** The students the file holds. */
    studentIds: readonly number[];
    now?: Date;
  },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('reports')
      .set({
        status: 'completed',
        contentType: args.contentType,
        filename: args.filename,
        sizeBytes: args.content.length,
        completedAt: args.now ?? new Date(),
        expiresAt: args.expiresAt,
        progress: args.progress,
        total: args.progress,
        message: null,
        studentIds: [...args.studentIds],
      })
      .where('id', '=', args.id)
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    // Bytes travel as base64 text decoded by the server: PGlite converts bytea parameters byte by
    // byte in JavaScript (≈20 s for 14 MB); this takes well under a second on both databases.
    const b64 = args.content.toString('base64');
    await sql`insert into report_files (report_id, content) values (${args.id}, decode(${b64}, 'base64'))
      on conflict (report_id) do update set content = excluded.content`.execute(trx);
    return true;
  });
}

/** Ends a report without a file: failed (with a reason users can read) or no_results. */
export async function finishReport(
  db: Db,
  args: { id: number; status: 'failed' | 'no_results' | 'pending'; message: string | null; now?: Date },
): Promise<void> {
  await db
    .updateTable('reports')
    .set({ status: args.status, message: args.message, completedAt: args.status === 'pending' ? null : (args.now ?? new Date()) })
    .where('id', '=', args.id)
    .where('status', 'in', ['pending', 'running'])
    .execute();
}

export async function readReportFile(db: Db, args: { userId: number; id: number }): Promise<Buffer | undefined> {
  // base64 text for the same reason as in completeReport (PGlite's bytea parsing is slow).
  const r = await sql<{ b64: string }>`select encode(f.content, 'base64') as b64
    from report_files f join reports r on r.id = f.report_id
    where r.id = ${args.id} and r.user_id = ${args.userId} and r.status = 'completed'`.execute(db);
  const row = r.rows[0];
  return row ? Buffer.from(row.b64, 'base64') : undefined;
}

export async function deleteReport(db: Db, args: { userId: number; id: number }): Promise<boolean> {
  const result = await db.deleteFrom('reports').where('id', '=', args.id).where('userId', '=', args.userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Deletes the files of reports past their expiry and marks them expired; returns how many. */
export async function expireReports(db: Db, now: Date = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const expired = await trx
      .updateTable('reports')
      .set({ status: 'expired', message: null })
      .where('status', '=', 'completed')
      .where('expiresAt', '<=', now)
      .returning('id')
      .execute();
    const ids = expired.map((r) => r.id);
    if (ids.length > 0) await trx.deleteFrom('reportFiles').where('reportId', 'in', ids).execute();
    return ids.length;
  });
}

/**
 * Reports still pending/running whose pg-boss job has ended without finishing them (the worker
 * died on its last attempt, or the job was removed): they are failed with a readable reason so
 * no report waits forever.
 */
export async function failOrphanedReports(db: Db, args: { olderThan: Date; message: string; now?: Date }): Promise<number> {
  const result = await db
    .updateTable('reports')
    .set({ status: 'failed', message: args.message, completedAt: args.now ?? new Date() })
    .where('status', 'in', ['pending', 'running'])
    .where('createdAt', '<', args.olderThan)
    .where(
      sql<boolean>`(reports.job_id is null or not exists (
        select 1 from pgboss.job j where j.id::text = reports.job_id and j.state in ('created', 'retry', 'active')))`,
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
