import { type AccessScope, gradeNumber } from '@cers/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import { schoolInScope } from '../scope.js';

/** Schools for Search by School and school pickers: only those the scope reaches. */
type Db = Kysely<Database>;

export type SchoolRow = { id: number; name: string; naturalId: string; districtId: number | null; districtName: string | null };

const ESCAPE_LIKE = /[\\%_]/g;

/** Schools whose name contains `q` (or whose CDS code starts with it), best matches first. */
export async function listSchools(db: Db, args: { scope: AccessScope; q?: string | undefined; limit: number }): Promise<SchoolRow[]> {
  let q = db
    .selectFrom('organizations as sch')
    .leftJoin('organizations as dis', 'dis.id', 'sch.districtId')
    .select(['sch.id', 'sch.name', 'sch.naturalId', 'sch.districtId', 'dis.name as districtName'])
    .where('sch.type', '=', 'school')
    .where(schoolInScope(args.scope, 'sch'));
  const text = args.q?.trim().toLowerCase();
  if (text) {
    const pattern = `%${text.replace(ESCAPE_LIKE, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([eb(sql`lower(sch.name)`, 'like', pattern), eb('sch.naturalId', 'like', `${text.replace(ESCAPE_LIKE, '')}%`)]),
    );
    // names that start with the text first, then the rest alphabetically
    q = q.orderBy(sql`strpos(lower(sch.name), ${text}) = 1`, 'desc');
  }
  return q.orderBy(sql`lower(sch.name)`).orderBy('sch.id').limit(args.limit).execute();
}

export type SchoolOptions = { school: SchoolRow; grades: string[]; schoolYears: number[] };

/**
 * The assessment grades and school years that have results at a school the scope reaches: the
 * dependent drop-downs of Search by School. Undefined when the school is outside the scope.
 */
export async function findSchoolOptions(db: Db, args: { scope: AccessScope; schoolId: number }): Promise<SchoolOptions | undefined> {
  const [school] = await db
    .selectFrom('organizations as sch')
    .leftJoin('organizations as dis', 'dis.id', 'sch.districtId')
    .select(['sch.id', 'sch.name', 'sch.naturalId', 'sch.districtId', 'dis.name as districtName'])
    .where('sch.id', '=', args.schoolId)
    .where('sch.type', '=', 'school')
    .where(schoolInScope(args.scope, 'sch'))
    .execute();
  if (!school) return undefined;
  const rows = await db
    .selectFrom(
      db.selectFrom('exams as e').select(['e.assessmentId', 'e.schoolYear']).distinct().where('e.schoolId', '=', args.schoolId).as('x'),
    )
    .innerJoin('assessments as a', 'a.id', 'x.assessmentId')
    .select(['a.grade', 'x.schoolYear'])
    .distinct()
    .execute();
  const grades = [...new Set(rows.map((r) => r.grade))].sort(gradeOrder);
  const schoolYears = [...new Set(rows.map((r) => r.schoolYear))].sort((a, b) => b - a);
  return { school, grades, schoolYears };
}

function gradeOrder(a: string, b: string): number {
  return gradeNumber(a) - gradeNumber(b) || a.localeCompare(b);
}
