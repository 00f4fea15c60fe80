import type { Kysely } from 'kysely';
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
  await db
    .insertInto('auditLog')
    .columns(['districtId', 'userId', 'userLogin', 'action', 'studentId', 'view', 'ip', 'detail'])
    .expression((eb) =>
      eb
        .selectFrom('students')
        .select((s) => [
          s.fn.coalesce('students.inferredDistrictId', s.lit(0)).as('districtId'),
          s.val(entry.userId).as('userId'),
          s.val(entry.userLogin).as('userLogin'),
          s.val(entry.action).as('action'),
          'students.id as studentId',
          s.val(entry.view).as('view'),
          s.val(entry.ip ?? null).as('ip'),
          s.val(entry.detail ? JSON.stringify(entry.detail) : null).as('detail'),
        ])
        .where('students.id', 'in', [...studentIds]),
    )
    .execute();
}
