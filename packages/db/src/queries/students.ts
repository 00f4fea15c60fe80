import type { AccessScope } from '@cers/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { studentInScope } from '../scope.js';
import type { StudentSummary } from './student-history.js';

/**
 * Finding one student (name, SSID, current school) within the caller's scope. A student outside
 * the scope is simply not returned, exactly like one that does not exist. The history and the
 * Student Results Cards are in student-history.ts.
 */
type Db = Kysely<Database>;

function studentSummaryQuery(db: Db, scope: AccessScope) {
  return db
    .selectFrom('students as s')
    .leftJoin('organizations as sch', 'sch.id', 's.inferredSchoolId')
    .leftJoin('organizations as dis', 'dis.id', 's.inferredDistrictId')
    .select([
      's.id',
      's.ssid',
      's.firstName',
      's.lastName',
      's.inferredSchoolId as schoolId',
      'sch.name as schoolName',
      's.inferredDistrictId as districtId',
      'dis.name as districtName',
    ])
    .where(studentInScope(scope, 's'));
}

/** The student with this SSID when the scope reaches them; undefined for missing and hidden alike. */
export async function findStudentBySsid(db: Db, args: { scope: AccessScope; ssid: string }): Promise<StudentSummary | undefined> {
  return studentSummaryQuery(db, args.scope).where('s.ssid', '=', args.ssid).executeTakeFirst();
}

export async function findStudent(db: Db, args: { scope: AccessScope; studentId: number }): Promise<StudentSummary | undefined> {
  return studentSummaryQuery(db, args.scope).where('s.id', '=', args.studentId).executeTakeFirst();
}
