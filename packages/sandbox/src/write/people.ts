/** Writes students, staff (sandbox personas and ordinary teachers), role grants and assigned groups. */
import { type BulkColumn, bulkInsert, type CersDb, reserveIds } from '@cers/db';
import type { RoleCode } from '@cers/domain';
import type { StudentPlan } from '../population.js';
import type { GroupPlan, TeacherPlan } from '../world.js';
import type { Counts } from './counts.js';

type Db = CersDb['db'];

const STUDENT_COLUMNS: readonly BulkColumn<StudentPlan & { id: number; schoolId: number; districtId: number }>[] = [
  ['id', 'int', (r) => r.id],
  ['ssid', 'text', (r) => r.ssid],
  ['first_name', 'text', (r) => r.firstName],
  ['middle_name', 'text', (r) => r.middleName],
  ['last_name', 'text', (r) => r.lastName],
  ['birthday', 'date', (r) => r.birthday],
  ['gender', 'text', (r) => r.gender],
  ['first_entry_date', 'date', (r) => `${r.firstYear - 1}-08-${String(15 + (r.index % 14)).padStart(2, '0')}`],
  ['lep_entry_date', 'date', (r) => (r.entryElas === 'EL' ? `${r.firstYear - 1}-09-15` : null)],
  ['lep_exit_date', 'date', (r) => (r.reclassYear !== null ? `${r.reclassYear - 1}-10-15` : null)],
  ['inferred_school_id', 'int', (r) => r.schoolId],
  ['inferred_district_id', 'int', (r) => r.districtId],
];

/** Students with their current school; returns student index → students.id. */
export async function writeStudents(
  db: Db,
  students: readonly StudentPlan[],
  currentSchool: (s: StudentPlan) => { schoolId: number; districtId: number },
  counts: Counts,
): Promise<number[]> {
  const ids = await reserveIds(db, 'students', students.length);
  const rows = students.map((s, i) => ({ ...s, id: ids[i] as number, ...currentSchool(s) }));
  await bulkInsert(db, 'students', STUDENT_COLUMNS, rows);
  counts.add('students', rows.length);
  return ids;
}

export type UserInput = { key: string; login: string; displayName: string; firstName: string; lastName: string; isSandbox: boolean };
export type RoleInput = { userKey: string; role: RoleCode; organizationId: number };

/** Users (no passwords: sandbox personas sign in without one, ordinary teachers through SSO) and their roles. */
export async function writeUsers(
  db: Db,
  users: readonly UserInput[],
  roles: readonly RoleInput[],
  counts: Counts,
): Promise<Map<string, number>> {
  const ids = await reserveIds(db, 'users', users.length);
  const byKey = new Map(users.map((u, i) => [u.key, ids[i] as number]));
  type U = UserInput & { id: number };
  await bulkInsert(
    db,
    'users',
    [
      ['id', 'int', (r: U) => r.id],
      ['login', 'text', (r: U) => r.login],
      ['display_name', 'text', (r: U) => r.displayName],
      ['first_name', 'text', (r: U) => r.firstName],
      ['last_name', 'text', (r: U) => r.lastName],
      ['is_sandbox', 'bool', (r: U) => r.isSandbox],
    ],
    users.map((u, i) => ({ ...u, id: ids[i] as number })),
  );
  counts.add('users', users.length);
  type R = { userId: number; role: string; organizationId: number };
  const roleRows: R[] = roles.map((r) => ({ userId: byKey.get(r.userKey) as number, role: r.role, organizationId: r.organizationId }));
  await bulkInsert(
    db,
    'user_roles',
    [
      ['user_id', 'int', (r: R) => r.userId],
      ['role', 'text', (r: R) => r.role],
      ['organization_id', 'int', (r: R) => r.organizationId],
    ],
    roleRows,
    { onConflict: 'on conflict do nothing' },
  );
  counts.add('user_roles', roleRows.length);
  return byKey;
}

export function teacherUser(t: TeacherPlan): UserInput {
  return {
    key: t.key,
    login: t.login,
    displayName: `${t.firstName} ${t.lastName}`,
    firstName: t.firstName,
    lastName: t.lastName,
    isSandbox: false,
  };
}

/** Assigned groups with members and teachers; returns group index → student_groups.id. */
export async function writeGroups(
  db: Db,
  groups: readonly GroupPlan[],
  orgs: { schoolIds: readonly number[]; schoolDistrictIds: readonly number[] },
  studentIds: readonly number[],
  userIds: Map<string, number>,
  extraTeachers: Map<number, string[]>,
  counts: Counts,
): Promise<number[]> {
  const ids = await reserveIds(db, 'student_groups', groups.length);
  type G = GroupPlan & { id: number };
  const rows: G[] = groups.map((g, i) => ({ ...g, id: ids[i] as number }));
  // Kysely rather than bulkInsert: subjects must stay NULL (all subjects) for homerooms, and
  // bulkInsert writes an empty array for a null text[].
  for (let start = 0; start < rows.length; start += 1000) {
    await db
      .insertInto('studentGroups')
      .values(
        rows.slice(start, start + 1000).map((r) => ({
          id: r.id,
          districtId: orgs.schoolDistrictIds[r.schoolIndex] as number,
          schoolId: orgs.schoolIds[r.schoolIndex] as number,
          schoolYear: r.year,
          name: r.name,
          subjects: r.subjects === null ? null : [...r.subjects],
        })),
      )
      .execute();
  }
  counts.add('student_groups', rows.length);
  type M = { districtId: number; groupId: number; studentId: number };
  const members: M[] = rows.flatMap((g) =>
    g.studentIndices.map((i) => ({
      districtId: orgs.schoolDistrictIds[g.schoolIndex] as number,
      groupId: g.id,
      studentId: studentIds[i] as number,
    })),
  );
  await bulkInsert(
    db,
    'student_group_members',
    [
      ['district_id', 'int', (r: M) => r.districtId],
      ['group_id', 'int', (r: M) => r.groupId],
      ['student_id', 'int', (r: M) => r.studentId],
    ],
    members,
  );
  counts.add('student_group_members', members.length);
  type T = { groupId: number; userId: number };
  const teachers: T[] = rows.flatMap((g, i) =>
    [...g.teacherKeys, ...(extraTeachers.get(i) ?? [])].map((key) => ({ groupId: g.id, userId: userIds.get(key) as number })),
  );
  await bulkInsert(
    db,
    'student_group_teachers',
    [
      ['group_id', 'int', (r: T) => r.groupId],
      ['user_id', 'int', (r: T) => r.userId],
    ],
    teachers,
    { onConflict: 'on conflict do nothing' },
  );
  counts.add('student_group_teachers', teachers.length);
  return ids;
}
