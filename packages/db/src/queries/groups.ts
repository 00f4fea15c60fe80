import type { AccessScope } from '@cers/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import { assignedGroupInScope, schoolInScope, studentInScope } from '../scope.js';

/**
 * Assigned student groups (managed by administrators, taught by teachers) and My Groups (made by
 * one user from students they may see). Membership never widens access: member lists are always
 * intersected with the caller's individual scope.
 */
type Db = Kysely<Database>;

const idList = (values: readonly number[]) => sql<number[]>`${[...values]}::int[]`;

// ---------------------------------------------------------------- assigned groups

/**
 * Which assigned groups a caller may list: assignedGroupInScope(scope) — the scope's teacher
 * groups and every group of its schools and districts. assignedGroupIds only marks the rows
 * assigned to the caller (assignedToMe).
 */
export type GroupVisibility = { scope: AccessScope; assignedGroupIds: readonly number[] };

export type StudentGroupRow = {
  id: number;
  name: string;
  schoolId: number;
  schoolName: string;
  districtId: number;
  schoolYear: number;
  /** null = all subjects. */
  subjects: string[] | null;
  studentCount: number;
  assignedToMe: boolean;
};

export type StudentGroupFilters = {
  q?: string | undefined;
  schoolId?: number | undefined;
  schoolYear?: number | undefined;
  subject?: string | undefined;
};

function groupsQuery(db: Db, v: GroupVisibility) {
  return db
    .selectFrom('studentGroups as g')
    .innerJoin('organizations as sch', 'sch.id', 'g.schoolId')
    .select([
      'g.id',
      'g.name',
      'g.schoolId',
      'sch.name as schoolName',
      'g.districtId',
      'g.schoolYear',
      'g.subjects',
      sql<number>`(select count(*)::int from student_group_members m where m.group_id = g.id)`.as('studentCount'),
      sql<boolean>`g.id = any(${idList(v.assignedGroupIds)})`.as('assignedToMe'),
    ])
    .where(assignedGroupInScope(v.scope, 'g'));
}

export async function listStudentGroups(
  db: Db,
  args: { visibility: GroupVisibility; filters?: StudentGroupFilters; limit: number },
): Promise<StudentGroupRow[]> {
  const f = args.filters ?? {};
  let q = groupsQuery(db, args.visibility);
  const text = f.q?.trim().toLowerCase();
  if (text) q = q.where(sql`strpos(lower(g.name), ${text})`, '>', 0);
  if (f.schoolId !== undefined) q = q.where('g.schoolId', '=', f.schoolId);
  if (f.schoolYear !== undefined) q = q.where('g.schoolYear', '=', f.schoolYear);
  if (f.subject !== undefined) {
    const subject = f.subject.toLowerCase();
    q = q.where(sql<boolean>`(g.subjects is null or ${subject} = any(select lower(x) from unnest(g.subjects) x))`);
  }
  return q
    .orderBy(sql`g.id = any(${idList(args.visibility.assignedGroupIds)})`, 'desc')
    .orderBy('g.schoolYear', 'desc')
    .orderBy(sql`lower(g.name)`)
    .orderBy('g.id')
    .limit(args.limit)
    .execute();
}

export async function findStudentGroup(
  db: Db,
  args: { visibility: GroupVisibility; groupId: number },
): Promise<StudentGroupRow | undefined> {
  return groupsQuery(db, args.visibility).where('g.id', '=', args.groupId).executeTakeFirst();
}

export type GroupTeacher = { groupId: number; userId: number; displayName: string; login: string };

export async function listGroupTeachers(db: Db, groupIds: readonly number[]): Promise<GroupTeacher[]> {
  if (groupIds.length === 0) return [];
  return db
    .selectFrom('studentGroupTeachers as t')
    .innerJoin('users as u', 'u.id', 't.userId')
    .select(['t.groupId', 'u.id as userId', 'u.displayName', 'u.login'])
    .where('t.groupId', '=', sql<number>`any(${idList(groupIds)})`)
    .orderBy(sql`lower(u.display_name)`)
    .execute();
}

export async function listStudentGroupMemberIds(db: Db, groupId: number): Promise<number[]> {
  const rows = await db.selectFrom('studentGroupMembers').select('studentId').where('groupId', '=', groupId).execute();
  return rows.map((r) => r.studentId);
}

/** An assigned group with this (school, year, name) other than `exceptId` (names are unique per school and year). */
export async function findStudentGroupByName(
  db: Db,
  args: { schoolId: number; schoolYear: number; name: string; exceptId?: number },
): Promise<{ id: number } | undefined> {
  let q = db
    .selectFrom('studentGroups')
    .select('id')
    .where('schoolId', '=', args.schoolId)
    .where('schoolYear', '=', args.schoolYear)
    .where(sql`lower(name)`, '=', args.name.toLowerCase());
  if (args.exceptId !== undefined) q = q.where('id', '<>', args.exceptId);
  return q.executeTakeFirst();
}

export type StudentGroupInput = {
  name: string;
  schoolId: number;
  districtId: number;
  schoolYear: number;
  subjects: readonly string[] | null;
  studentIds: readonly number[];
  teacherIds: readonly number[];
};

/** Creates an assigned group with its members and teachers in one transaction. */
export async function createStudentGroup(db: Db, args: StudentGroupInput & { createdBy: number }): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('studentGroups')
      .values({
        name: args.name,
        schoolId: args.schoolId,
        districtId: args.districtId,
        schoolYear: args.schoolYear,
        subjects: args.subjects ? [...args.subjects] : null,
        createdBy: args.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeStudentGroupMembers(trx, row.id, args);
    return row.id;
  });
}

/** Replaces name, school, year, subjects, members and teachers of an assigned group. */
export async function updateStudentGroup(db: Db, args: StudentGroupInput & { groupId: number }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('studentGroups')
      .set({
        name: args.name,
        schoolId: args.schoolId,
        districtId: args.districtId,
        schoolYear: args.schoolYear,
        subjects: args.subjects ? [...args.subjects] : null,
        updatedAt: new Date(),
      })
      .where('id', '=', args.groupId)
      .execute();
    await trx.deleteFrom('studentGroupMembers').where('groupId', '=', args.groupId).execute();
    await trx.deleteFrom('studentGroupTeachers').where('groupId', '=', args.groupId).execute();
    await writeStudentGroupMembers(trx, args.groupId, args);
  });
}

async function writeStudentGroupMembers(trx: Db, groupId: number, args: StudentGroupInput): Promise<void> {
  const studentIds = [...new Set(args.studentIds)];
  if (studentIds.length > 0) {
    await trx
      .insertInto('studentGroupMembers')
      .columns(['districtId', 'groupId', 'studentId'])
      .expression(sql`select ${args.districtId}::int, ${groupId}::int, sid from unnest(${idList(studentIds)}) as sid` as never)
      .execute();
  }
  const teacherIds = [...new Set(args.teacherIds)];
  if (teacherIds.length > 0) {
    await trx
      .insertInto('studentGroupTeachers')
      .columns(['groupId', 'userId'])
      .expression(sql`select ${groupId}::int, uid from unnest(${idList(teacherIds)}) as uid` as never)
      .execute();
  }
}

/** Deletes an assigned group (members and teacher assignments go with it; not undoable). */
export async function deleteStudentGroup(db: Db, groupId: number): Promise<void> {
  await db.deleteFrom('studentGroups').where('id', '=', groupId).execute();
}

export type TeacherCandidate = { userId: number; displayName: string; login: string; roles: string[] };

/** Users who hold a role at the school (or its district) and may therefore be assigned its groups. */
export async function listTeacherCandidates(db: Db, args: { schoolId: number; districtId: number }): Promise<TeacherCandidate[]> {
  return db
    .selectFrom('users as u')
    .innerJoin('userRoles as r', 'r.userId', 'u.id')
    .select(['u.id as userId', 'u.displayName', 'u.login', sql<string[]>`array_agg(distinct r.role order by r.role)`.as('roles')])
    .where('u.disabled', '=', false)
    .where('r.organizationId', '=', sql<number>`any(${idList([args.schoolId, args.districtId])})`)
    .groupBy(['u.id', 'u.displayName', 'u.login'])
    .orderBy(sql`lower(u.display_name)`)
    .execute();
}

/** Users (ids only) among these that hold a role at the school or its district. */
export async function filterTeacherIds(
  db: Db,
  args: { schoolId: number; districtId: number; userIds: readonly number[] },
): Promise<number[]> {
  if (args.userIds.length === 0) return [];
  const rows = await db
    .selectFrom('userRoles as r')
    .select('r.userId')
    .distinct()
    .where('r.userId', '=', sql<number>`any(${idList(args.userIds)})`)
    .where('r.organizationId', '=', sql<number>`any(${idList([args.schoolId, args.districtId])})`)
    .execute();
  return rows.map((r) => r.userId);
}

/** A school the scope reaches (id, name, district), or undefined. */
export async function findSchoolInScope(
  db: Db,
  args: { scope: AccessScope; schoolId: number },
): Promise<{ id: number; name: string; districtId: number } | undefined> {
  const row = await db
    .selectFrom('organizations as sch')
    .select(['sch.id', 'sch.name', 'sch.districtId'])
    .where('sch.id', '=', args.schoolId)
    .where('sch.type', '=', 'school')
    .where(schoolInScope(args.scope, 'sch'))
    .executeTakeFirst();
  if (!row || row.districtId === null) return undefined;
  return { id: row.id, name: row.name, districtId: row.districtId };
}

// ---------------------------------------------------------------- My Groups (user groups)

export type UserGroupRow = {
  id: number;
  name: string;
  subjects: string[] | null;
  /** Members the user may still see (students who left the user's scope are not counted). */
  studentCount: number;
  createdAt: Date;
  updatedAt: Date;
};

function userGroupsQuery(db: Db, args: { userId: number; scope: AccessScope }) {
  return db
    .selectFrom('userGroups as ug')
    .select([
      'ug.id',
      'ug.name',
      'ug.subjects',
      'ug.createdAt',
      'ug.updatedAt',
      (eb) =>
        eb
          .selectFrom('userGroupMembers as um')
          .innerJoin('students as s', 's.id', 'um.studentId')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('um.userGroupId', '=', 'ug.id')
          .where(studentInScope(args.scope, 's'))
          .as('studentCount'),
    ])
    .where('ug.userId', '=', args.userId);
}

export async function listUserGroups(db: Db, args: { userId: number; scope: AccessScope }): Promise<UserGroupRow[]> {
  const rows = await userGroupsQuery(db, args).orderBy(sql`lower(ug.name)`).orderBy('ug.id').execute();
  return rows.map((r) => ({ ...r, studentCount: r.studentCount ?? 0 }));
}

/** One of the user's own groups; another user's group is undefined, like a missing one. */
export async function findUserGroup(
  db: Db,
  args: { userId: number; scope: AccessScope; groupId: number },
): Promise<UserGroupRow | undefined> {
  const row = await userGroupsQuery(db, args).where('ug.id', '=', args.groupId).executeTakeFirst();
  return row ? { ...row, studentCount: row.studentCount ?? 0 } : undefined;
}

export async function listUserGroupMemberIds(db: Db, groupId: number): Promise<number[]> {
  const rows = await db.selectFrom('userGroupMembers').select('studentId').where('userGroupId', '=', groupId).execute();
  return rows.map((r) => r.studentId);
}

export async function findUserGroupByName(
  db: Db,
  args: { userId: number; name: string; exceptId?: number },
): Promise<{ id: number } | undefined> {
  let q = db.selectFrom('userGroups').select('id').where('userId', '=', args.userId).where(sql`lower(name)`, '=', args.name.toLowerCase());
  if (args.exceptId !== undefined) q = q.where('id', '<>', args.exceptId);
  return q.executeTakeFirst();
}

export type UserGroupInput = { userId: number; name: string; subjects: readonly string[] | null; studentIds: readonly number[] };

export async function createUserGroup(db: Db, args: UserGroupInput): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('userGroups')
      .values({ userId: args.userId, name: args.name, subjects: args.subjects ? [...args.subjects] : null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeUserGroupMembers(trx, row.id, args.studentIds);
    return row.id;
  });
}

/**
 * Replaces the group's name, subjects and members. Members the user can no longer see are kept
 * (`keepStudentIds`): editing must not silently drop students another role added earlier.
 */
export async function updateUserGroup(
  db: Db,
  args: UserGroupInput & { groupId: number; keepStudentIds?: readonly number[] },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('userGroups')
      .set({ name: args.name, subjects: args.subjects ? [...args.subjects] : null, updatedAt: new Date() })
      .where('id', '=', args.groupId)
      .where('userId', '=', args.userId)
      .execute();
    await trx.deleteFrom('userGroupMembers').where('userGroupId', '=', args.groupId).execute();
    await writeUserGroupMembers(trx, args.groupId, [...args.studentIds, ...(args.keepStudentIds ?? [])]);
  });
}

async function writeUserGroupMembers(trx: Db, groupId: number, studentIds: readonly number[]): Promise<void> {
  const ids = [...new Set(studentIds)];
  if (ids.length === 0) return;
  await trx
    .insertInto('userGroupMembers')
    .columns(['userGroupId', 'studentId'])
    .expression(sql`select ${groupId}::int, sid from unnest(${idList(ids)}) as sid` as never)
    .execute();
}

export async function deleteUserGroup(db: Db, args: { userId: number; groupId: number }): Promise<boolean> {
  const result = await db.deleteFrom('userGroups').where('id', '=', args.groupId).where('userId', '=', args.userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
