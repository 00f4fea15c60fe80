import type { Database } from '@cers/db';
import { type Kysely, sql } from 'kysely';
import { readCsv, rowObject } from './csv.js';
import type { ProcessContext } from './processors.js';
import type { DataError, Outcome } from './statuses.js';
import { isDate } from './trt/values.js';

type Db = Kysely<Database>;

/**
 * STUDENTS (formats.md §10): the CA enrollment extract. Applied per row: the student (must exist)
 * moves to ResponsibleSchoolIdentifier when the row's event time (InfoUpdate, or now) is not older
 * than the student's latest_info_update. Bad rows are skipped and listed (line numbers, no student
 * data); the file is PROCESSED, or UNKNOWN_STUDENT when nothing applied only because students are
 * not loaded yet (retry later).
 */
export async function importStudents(db: Db, bytes: Buffer, ctx: ProcessContext): Promise<Outcome> {
  const { header, rows } = readCsv(bytes, { delimiter: '^', comments: false });
  if (!header.includes('SSID') || !header.includes('ResponsibleSchoolIdentifier')) {
    return { status: 'BAD_DATA', message: 'missing required column(s): SSID and ResponsibleSchoolIdentifier' };
  }
  const warnings: DataError[] = [];
  const parsed = rows.map((row) => {
    const r = rowObject(header, row);
    return {
      line: row.line,
      ssid: (r.SSID ?? '').trim(),
      school: (r.ResponsibleSchoolIdentifier ?? '').trim(),
      info: (r.InfoUpdate ?? '').trim(),
    };
  });
  const ssids = [...new Set(parsed.map((p) => p.ssid).filter((s) => s !== ''))];
  const schoolKeys = [...new Set(parsed.map((p) => p.school.toLowerCase()).filter((s) => s !== ''))];
  const students = ssids.length ? await db.selectFrom('students').select(['id', 'ssid']).where('ssid', 'in', ssids).execute() : [];
  const schools = schoolKeys.length
    ? await db
        .selectFrom('organizations')
        .select(['id', 'districtId', 'naturalId'])
        .where('type', '=', 'school')
        .where(sql`lower(natural_id)`, 'in', schoolKeys)
        .execute()
    : [];
  const studentId = new Map(students.map((s) => [s.ssid, s.id]));
  const schoolBy = new Map(schools.map((s) => [s.naturalId.toLowerCase(), s]));
  let updated = 0;
  let unknownStudents = 0;
  for (const p of parsed) {
    const skip = (error: string) => warnings.push({ elementName: `line ${p.line}`, error });
    if (p.info !== '' && !isDate(p.info)) {
      skip('InfoUpdate must be a date YYYY-MM-DD');
      continue;
    }
    const id = studentId.get(p.ssid);
    if (id === undefined) {
      unknownStudents++;
      skip('unknown student (SSID not loaded)');
      continue;
    }
    const school = schoolBy.get(p.school.toLowerCase());
    if (!school) {
      skip(`unknown school [${p.school}]`);
      continue;
    }
    const at = p.info === '' ? ctx.now.toISOString() : `${p.info}T00:00:00`;
    const r = await sql`update students set inferred_school_id = ${school.id}, inferred_district_id = ${school.districtId},
        latest_info_update = ${at}::timestamptz, updated_at = now()
      where id = ${id} and (latest_info_update is null or latest_info_update <= ${at}::timestamptz) returning id`.execute(db);
    if (r.rows.length > 0) updated++;
    else skip('older than the student record (InfoUpdate before latest update)');
  }
  if (updated === 0 && unknownStudents > 0) {
    return {
      status: 'UNKNOWN_STUDENT',
      message: `Students updated: 0 (${unknownStudents} row(s) name students that are not loaded yet)`,
      warnings,
    };
  }
  return { status: 'PROCESSED', message: `Students updated: ${updated}`, warnings };
}
