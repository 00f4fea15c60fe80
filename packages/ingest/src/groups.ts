import type { Database } from '@cers/db';
import { ASSIGNED_GROUP_MAX_STUDENTS, GROUP_FILE_HEADERS, orgScope, type Principal } from '@cers/domain';
import { type Kysely, sql } from 'kysely';
import { readCsv, rowObject } from './csv.js';
import type { ProcessContext } from './processors.js';
import type { Outcome } from './statuses.js';

type Db = Kysely<Database>;
export const GROUP_HEADERS = GROUP_FILE_HEADERS;
export const MAX_GROUP_STUDENTS = ASSIGNED_GROUP_MAX_STUDENTS;
const MAX_LISTED = 100;

type GroupDraft = {
  name: string;
  schoolKey: string;
  schoolYear: number;
  subject: string | null | undefined; // undefined = not given in the file
  students: string[];
  users: string[];
};

type School = { id: number; districtId: number; naturalId: string };

function canWrite(principal: Principal | undefined, school: School): boolean {
  if (!principal) return true; // operator imports (CLI)
  const scope = orgScope(principal, 'GROUP_WRITE');
  return scope.statewide || scope.schoolIds.includes(school.id) || scope.districtIds.includes(school.districtId);
}

/**
 * GROUPS (formats.md §8): the whole file is validated first (every failing row reported with its
 * row and line number); then every group it names is replaced: subject, students and teachers
 * become exactly the file's rows. Groups not in the file are untouched.
 */
export async function importGroups(db: Db, bytes: Buffer, ctx: ProcessContext): Promise<Outcome> {
  const { header, rows } = readCsv(bytes, { comments: false });
  const failures: string[] = [];
  const fail = (line: number, text: string) => failures.push(`Row: ${Math.max(0, line - 1)} (line ${line}) Failure: ${text}`);
  const expected = GROUP_HEADERS.join(',');
  if (
    header
      .slice(0, 6)
      .map((h) => h.toLowerCase())
      .join(',') !== expected
  ) {
    return { status: 'BAD_DATA', message: `Row: 0 Failure: Invalid headers. Headers must be in order: [${expected}]` };
  }
  const schoolKeys = [
    ...new Set(rows.map((r) => (rowObject(header, r).school_natural_id ?? '').trim().toLowerCase()).filter((s) => s !== '')),
  ];
  const schoolRows =
    schoolKeys.length === 0
      ? []
      : await db
          .selectFrom('organizations')
          .select(['id', 'districtId', 'naturalId'])
          .where('type', '=', 'school')
          .where(sql`lower(natural_id)`, 'in', schoolKeys)
          .execute();
  const schools = new Map(
    schoolRows.map((s) => [s.naturalId.toLowerCase(), { id: s.id, districtId: s.districtId as number, naturalId: s.naturalId }]),
  );
  const subjectRows = await db.selectFrom('subjects').select('code').execute();
  const subjects = new Map(subjectRows.map((s) => [s.code.toLowerCase(), s.code]));

  const groups = new Map<string, GroupDraft>();
  const doneSchools = new Set<string>();
  const doneGroups = new Set<string>();
  let currentSchool: string | undefined;
  let currentGroup: string | undefined;
  for (const row of rows) {
    const r = rowObject(header, row);
    const name = (r.group_name ?? '').trim();
    const schoolId = (r.school_natural_id ?? '').trim();
    const yearText = (r.school_year ?? '').trim();
    const subjectText = (r.subject_code ?? '').trim();
    const ssid = (r.student_ssid ?? '').trim();
    const login = (r.group_user_login ?? '').trim();
    const before = failures.length;
    if (name === '') fail(row.line, 'group_name is required');
    else if (name.length > 255) fail(row.line, 'group_name is longer than 255 characters');
    if (schoolId === '') fail(row.line, 'school_natural_id is required');
    if (!/^\d{4}$/.test(yearText)) fail(row.line, `school_year must be a year such as 2025 (for 2024-25), not "${yearText}"`);
    const school = schools.get(schoolId.toLowerCase());
    if (schoolId !== '' && !school) fail(row.line, `unknown school [${schoolId}]`);
    else if (school && !canWrite(ctx.principal, school))
      fail(row.line, `you do not have permission to write groups for school [${schoolId}]`);
    let subject: string | null | undefined;
    if (subjectText !== '') {
      if (subjectText.toLowerCase() === 'all') subject = null;
      else {
        subject = subjects.get(subjectText.toLowerCase());
        if (!subject) fail(row.line, `unknown subject_code [${subjectText}]`);
      }
    }
    if (ssid.length > 65) fail(row.line, 'student_ssid is longer than 65 characters');
    if (login.length > 255) fail(row.line, 'group_user_login is longer than 255 characters');
    // Contiguity is checked on every row that names a school and group, valid or not.
    const schoolKey = schoolId.toLowerCase();
    const groupKey = `${schoolKey}|${name.toLowerCase()}|${yearText}`;
    if (schoolKey !== '' && schoolKey !== currentSchool) {
      if (doneSchools.has(schoolKey)) {
        fail(row.line, `school [${schoolId}] is out-of-order: sort CSV by school, group, year`);
        continue;
      }
      if (currentSchool !== undefined) doneSchools.add(currentSchool);
      currentSchool = schoolKey;
    }
    if (schoolKey !== '' && name !== '' && groupKey !== currentGroup) {
      if (doneGroups.has(groupKey)) {
        fail(row.line, `group [${name}] is out-of-order: sort CSV by school, group, year`);
        continue;
      }
      if (currentGroup !== undefined) doneGroups.add(currentGroup);
      currentGroup = groupKey;
    }
    if (failures.length > before) continue;
    const g = groups.get(groupKey) ?? { name, schoolKey, schoolYear: Number(yearText), subject: undefined, students: [], users: [] };
    if (subject !== undefined) {
      if (g.subject !== undefined && g.subject !== subject) fail(row.line, `group [${name}] subject may not be redefined`);
      else g.subject = subject;
    }
    if (ssid !== '' && !g.students.includes(ssid)) {
      g.students.push(ssid);
      if (g.students.length === MAX_GROUP_STUDENTS + 1)
        fail(row.line, `Maximum students allowed per group is ${MAX_GROUP_STUDENTS} (group [${name}])`);
    }
    if (login !== '' && !g.users.some((u) => u.toLowerCase() === login.toLowerCase())) g.users.push(login);
    groups.set(groupKey, g);
  }
  if (failures.length > 0) {
    const listed = failures.slice(0, MAX_LISTED);
    if (failures.length > MAX_LISTED) listed.push(`With ${failures.length - MAX_LISTED} additional validation failures`);
    return { status: 'BAD_DATA', message: listed.join('\n') };
  }
  const perSchool = new Map<string, number>();
  for (const g of groups.values()) {
    await replaceGroup(db, g, schools.get(g.schoolKey) as School, ctx.importId);
    perSchool.set(g.schoolKey, (perSchool.get(g.schoolKey) ?? 0) + 1);
  }
  const message = [...perSchool.entries()]
    .map(([k, n]) => `${n} group${n === 1 ? '' : 's'} accepted for ${(schools.get(k) as School).naturalId}.`)
    .join('\n');
  return { status: 'PROCESSED', message: message || '0 groups accepted.' };
}

async function replaceGroup(db: Db, g: GroupDraft, school: School, importId: number): Promise<void> {
  const subjects = g.subject === undefined || g.subject === null ? null : [g.subject];
  const row = await sql<{ id: number }>`
    insert into student_groups as sg (district_id, school_id, school_year, name, subjects, import_id)
    values (${school.districtId}, ${school.id}, ${g.schoolYear}, ${g.name}, ${subjects}::text[], ${importId})
    on conflict (school_id, school_year, lower(name)) do update set subjects = excluded.subjects, deleted_at = null,
      import_id = excluded.import_id, district_id = excluded.district_id, updated_at = now()
    returning id`.execute(db);
  const groupId = (row.rows[0] as { id: number }).id;
  if (g.students.length > 0) {
    await sql`insert into students (ssid) select unnest(${g.students}::text[]) on conflict (ssid) do nothing`.execute(db);
    // Student rows move an existing student's inferred school to the group's school (formats.md §8).
    await sql`update students set inferred_school_id = ${school.id}, inferred_district_id = ${school.districtId}, updated_at = now()
      where ssid = any(${g.students}::text[]) and inferred_school_id is not null and inferred_school_id <> ${school.id}`.execute(db);
  }
  await sql`delete from student_group_members m using students s
    where m.group_id = ${groupId} and s.id = m.student_id and not (s.ssid = any(${g.students}::text[]))`.execute(db);
  await sql`insert into student_group_members (district_id, group_id, student_id)
    select ${school.districtId}, ${groupId}, s.id from students s where s.ssid = any(${g.students}::text[])
    on conflict do nothing`.execute(db);
  if (g.users.length > 0) {
    // A login is the user's identity (TOMS e-mail): teachers who never signed in get an account row.
    await sql`insert into users (login, display_name) select l, l from unnest(${g.users}::text[]) l on conflict (lower(login)) do nothing`.execute(
      db,
    );
  }
  const lower = g.users.map((u) => u.toLowerCase());
  await sql`delete from student_group_teachers t using users u
    where t.group_id = ${groupId} and u.id = t.user_id and not (lower(u.login) = any(${lower}::text[]))`.execute(db);
  await sql`insert into student_group_teachers (group_id, user_id)
    select ${groupId}, u.id from users u where lower(u.login) = any(${lower}::text[]) on conflict do nothing`.execute(db);
}
