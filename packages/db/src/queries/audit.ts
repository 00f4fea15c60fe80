import { type Kysely, sql } from 'kysely';
import { PREPARED } from '../prepared.js';
import type { Database } from '../schema.js';

export type AuditEntry = {
  userId: number;
  userLogin: string;
  /** What happened: read-student-results, read-group-results, export, print-isr ... */
  action: string;
  /** The screen or endpoint that showed the data, e.g. "student-history", "group-results:claims". */
  view: string;
  studentIds?: readonly number[];
  ip?: string | null;
  detail?: Record<string, unknown>;
};

/**
 * Every read of individual student results is recorded: who, which student, which view, when,
 * from where (domain.md §Access). One row per student, stamped with the student's current
 * district so district administrators see their own district's log. Ids only — no names.
 */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  const studentIds = entry.studentIds ?? [];
  if (studentIds.length === 0) {
    await db
      .insertInto('auditLog')
      .values({
        userId: entry.userId,
        userLogin: entry.userLogin,
        action: entry.action,
        view: entry.view,
        ip: entry.ip ?? null,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
      })
      .execute();
    return;
  }
  // One statement with one array parameter (an export may name more students than the 65,535 bind
  // parameters allowed); prepared once per connection: it runs on every read of student results.
  await sql`${PREPARED}
    insert into audit_log (district_id, user_id, user_login, action, student_id, view, ip, detail)
    select coalesce(s.inferred_district_id, 0), ${entry.userId}::int, ${entry.userLogin}::text, ${entry.action}::text, s.id,
      ${entry.view}::text, ${entry.ip ?? null}::text, ${entry.detail ? JSON.stringify(entry.detail) : null}::jsonb
    from students s where s.id = any(${[...studentIds]}::int[])`.execute(db);
}

/** Who may read which part of the log: the whole state, or their districts (AUDIT_READ). */
export type AuditScope = { statewide: boolean; districtIds: readonly number[] };

export type AuditFilter = {
  from?: Date | undefined;
  /** Exclusive upper bound. */
  to?: Date | undefined;
  /** Exact login (case-insensitive) of the user who read the data. */
  userLogin?: string | undefined;
  /** Exact SSID of the student whose results were read. */
  ssid?: string | undefined;
  action?: string | undefined;
};

export type AuditRow = {
  id: number;
  occurredAt: Date;
  userId: number | null;
  userLogin: string | null;
  action: string;
  view: string | null;
  studentId: number | null;
  ssid: string | null;
  districtId: number;
  ip: string | null;
};

function auditQuery(db: Kysely<Database>, scope: AuditScope, filter: AuditFilter) {
  let q = db
    .selectFrom('auditLog as l')
    .leftJoin('students as s', 's.id', 'l.studentId')
    .select(['l.id', 'l.occurredAt', 'l.userId', 'l.userLogin', 'l.action', 'l.view', 'l.studentId', 's.ssid', 'l.districtId', 'l.ip']);
  if (!scope.statewide) {
    if (scope.districtIds.length === 0) return q.where(sql<boolean>`false`);
    q = q.where('l.districtId', 'in', [...scope.districtIds]);
  }
  if (filter.from) q = q.where('l.occurredAt', '>=', filter.from);
  if (filter.to) q = q.where('l.occurredAt', '<', filter.to);
  if (filter.userLogin) q = q.where(sql`lower(l.user_login)`, '=', filter.userLogin.trim().toLowerCase());
  if (filter.ssid) q = q.where('s.ssid', '=', filter.ssid.trim());
  if (filter.action) q = q.where('l.action', '=', filter.action);
  return q;
}

/** One page of the audit log, newest first, limited to the reader's districts. */
export async function listAudit(
  db: Kysely<Database>,
  args: { scope: AuditScope; filter: AuditFilter; offset: number; limit: number },
): Promise<{ rows: AuditRow[]; hasMore: boolean }> {
  const rows = await auditQuery(db, args.scope, args.filter)
    .orderBy('l.occurredAt', 'desc')
    .orderBy('l.id', 'desc')
    .offset(args.offset)
    .limit(args.limit + 1)
    .execute();
  return { rows: rows.slice(0, args.limit), hasMore: rows.length > args.limit };
}

/** The filtered log in batches (CSV export), newest first, keyset-paged so memory stays flat. */
export async function* streamAudit(
  db: Kysely<Database>,
  args: { scope: AuditScope; filter: AuditFilter; batchSize?: number },
): AsyncGenerator<AuditRow[]> {
  const size = args.batchSize ?? 2000;
  let after: { occurredAt: Date; id: number } | undefined;
  for (;;) {
    let q = auditQuery(db, args.scope, args.filter);
    if (after) {
      const { occurredAt, id } = after;
      q = q.where((eb) => eb.or([eb('l.occurredAt', '<', occurredAt), eb.and([eb('l.occurredAt', '=', occurredAt), eb('l.id', '<', id)])]));
    }
    const rows = await q.orderBy('l.occurredAt', 'desc').orderBy('l.id', 'desc').limit(size).execute();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < size) return;
    const last = rows[rows.length - 1] as AuditRow;
    after = { occurredAt: last.occurredAt, id: last.id };
  }
}

/**
 * The student whose exam a raw import file carried (imports.exam_id → exams), for the audit row
 * of a payload download; none for files that produced no exam (rejected, or not exam files).
 */
export async function importPayloadStudentIds(db: Kysely<Database>, importId: number): Promise<number[]> {
  const { rows } = await sql<{ studentId: number }>`
    select distinct e.student_id from imports i join exams e on e.id = i.exam_id where i.id = ${importId}`.execute(db);
  return rows.map((r) => r.studentId);
}
