/**
 * The randomized privacy test's world: the sandbox data plus a second district, moved students,
 * random users (grants, group assignments, My Groups), and the pure oracle that says what each
 * user may see. The oracle reads raw rows and applies only @cers/domain rules — never scope.ts or
 * findPrincipal, which are what the test checks.
 */
import { type CersDb, type ExamDraft, insertExams } from '@cers/db';
import { seedDistrict, seedGroup, seedSchool, seedStudent } from '@cers/db/test';
import {
  type AccessScope,
  type EmbargoScope,
  embargoAllowsExam,
  embargoScope,
  examInScope,
  type Grant,
  groupAccessAllowed,
  individualScope,
  isEmptyScope,
  isRoleCode,
  type OrgLevel,
  orgScope,
  type Principal,
  ROLES,
  type RoleCode,
  roleAllowedAt,
  studentVisible,
} from '@cers/domain';
import type { Rng } from '@cers/sandbox';

export type StudentFact = { id: number; ssid: string; schoolId: number | null; districtId: number | null };
export type ExamFact = {
  id: number;
  studentId: number;
  schoolId: number;
  districtId: number;
  assessmentId: number;
  completedAt: number;
  opportunityId: string;
};
export type AssessmentFact = { id: number; naturalId: string; subject: string; type: string; grade: string; schoolYear: number };
export type GroupFact = {
  id: number;
  schoolId: number;
  districtId: number;
  subjects: string[] | null;
  deleted: boolean;
  members: number[];
};
export type UserGroupFact = { id: number; userId: number; subjects: string[] | null; members: number[] };
export type OrgFact = { id: number; type: string; districtId: number | null };

export type Facts = {
  students: Map<number, StudentFact>;
  exams: ExamFact[];
  examsByStudent: Map<number, ExamFact[]>;
  assessments: Map<number, AssessmentFact>;
  groups: Map<number, GroupFact>;
  groupsByStudent: Map<number, number[]>;
  userGroups: Map<number, UserGroupFact>;
  orgs: Map<number, OrgFact>;
  roles: Map<number, { role: string; organizationId: number }[]>;
  teaches: Map<number, number[]>;
  released: Set<string>;
};

const ROLE_CODES = Object.keys(ROLES) as RoleCode[];

/**
 * Adds to the sandbox: district B (two schools, students, exams, groups), students who moved from
 * the sample district to B or out of the state, deleted groups, and `users` random users with
 * random grants (some at the wrong level), group assignments and My Groups. Returns the user ids.
 */
export async function extendSandbox(cers: CersDb, rng: Rng, users: number): Promise<number[]> {
  const db = cers.db;
  const sample = await db.selectFrom('organizations').select(['id', 'type', 'districtId']).execute();
  const stateId = sample.find((o) => o.type === 'state')?.id;
  const districtA = sample.find((o) => o.type === 'district')?.id;
  if (stateId === undefined || districtA === undefined) throw new Error('sandbox without a state or district');
  const districtB = await seedDistrict(db, { name: 'Other District' });
  const b1 = await seedSchool(db, { districtId: districtB, name: 'Other Elementary' });
  const b2 = await seedSchool(db, { districtId: districtB, name: 'Other High' });
  const assessments = await db.selectFrom('assessments').select(['id', 'schoolYear', 'type']).execute();
  const sandboxStudents = await db.selectFrom('students').select(['id']).execute();

  // New students of district B, some of whom tested in the sample district before moving.
  const aSchools = sample.filter((o) => o.type === 'school');
  const bStudents: number[] = [];
  const drafts: ExamDraft[] = [];
  for (let i = 0; i < 30; i++) {
    const school = rng.pick([b1, b2]);
    const id = await seedStudent(db, { schoolId: school, districtId: districtB });
    bStudents.push(id);
    for (const a of rng.sample(assessments, rng.int(2, 8))) {
      const elsewhere = rng.bool(0.25) ? rng.pick(aSchools) : undefined;
      drafts.push({
        studentId: id,
        assessmentId: a.id,
        schoolId: elsewhere?.id ?? school,
        districtId: elsewhere ? districtA : districtB,
        schoolYear: a.schoolYear,
        opportunityId: `privacy-${id}-${a.id}`,
        completedAt: `${a.schoolYear - 1}-11-${String(rng.int(10, 28))}T16:00:00Z`,
        scaleScore: 2300 + rng.int(0, 400),
        scaleScoreSem: 20,
        achievementLevel: rng.int(1, 4),
        completeness: 'Complete',
        administrationCondition: 'Valid',
      });
    }
  }
  await insertExams(db, drafts);
  // Sandbox students who moved to district B (their sample-district exams stay there) or left.
  for (const s of rng.sample(sandboxStudents, 40)) {
    const left = rng.bool(0.25);
    const school = left ? null : rng.pick([b1, b2]);
    await db
      .updateTable('students')
      .set({ inferredSchoolId: school, inferredDistrictId: left ? null : districtB })
      .where('id', '=', s.id)
      .execute();
  }
  for (const embargo of [
    { subject: 'ELA', status: 'released' },
    { subject: 'Math', status: 'reviewing' },
  ] as const) {
    for (const year of new Set(assessments.map((a) => a.schoolYear))) {
      await db
        .insertInto('embargoes')
        .values({ schoolYear: year, districtId: districtB, subject: embargo.subject, reportType: 'individual', status: embargo.status })
        .execute();
    }
  }
  // Groups of district B (some with moved sandbox students) and a few deleted sandbox groups.
  const moved = await db.selectFrom('students').select('id').where('inferredDistrictId', '=', districtB).execute();
  for (let i = 0; i < 6; i++) {
    await seedGroup(db, {
      schoolId: rng.pick([b1, b2]),
      districtId: districtB,
      subjects: rng.pick([null, ['ELA'], ['Math'], ['ELA', 'Science']]),
      studentIds: rng.sample([...new Set([...bStudents, ...moved.map((m) => m.id)])], rng.int(3, 12)),
    });
  }
  const groupIds = (await db.selectFrom('studentGroups').select('id').execute()).map((g) => g.id);
  for (const id of rng.sample(groupIds, 5)) {
    await db.updateTable('studentGroups').set({ deletedAt: new Date() }).where('id', '=', id).execute();
  }

  // Random users. Roles at random organizations of the role's level, sometimes of the wrong level.
  const orgs = await db.selectFrom('organizations').select(['id', 'type']).where('type', 'in', ['state', 'district', 'school']).execute();
  const allStudents = (await db.selectFrom('students').select('id').execute()).map((s) => s.id);
  const ids: number[] = [];
  for (let i = 0; i < users; i++) {
    const user = await db
      .insertInto('users')
      .values({ login: `privacy.${i}@example.org`, displayName: `Privacy ${i}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(user.id);
    const grantCount = rng.weighted([
      [0, 1],
      [1, 6],
      [2, 3],
    ] as const);
    for (let g = 0; g < grantCount; g++) {
      const role = rng.weighted(ROLE_CODES.map((r) => [r, ROLES[r].teacher ? 3 : 1] as const));
      const candidates = rng.bool(0.1) ? orgs : orgs.filter((o) => roleAllowedAt(role, o.type));
      await db
        .insertInto('userRoles')
        .values({ userId: user.id, role, organizationId: rng.pick(candidates).id })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    for (const groupId of rng.sample(groupIds, rng.int(0, 4))) {
      await db.insertInto('studentGroupTeachers').values({ groupId, userId: user.id }).execute();
    }
    if (rng.bool(0.4)) {
      // My Groups may name students the user cannot see: they must never widen access.
      const ug = await db
        .insertInto('userGroups')
        .values({ userId: user.id, name: `Mine ${i}`, subjects: rng.pick([null, ['ELA'], ['Math', 'ELA']]) })
        .returning('id')
        .executeTakeFirstOrThrow();
      const members = rng.sample(allStudents, rng.int(3, 15));
      await db
        .insertInto('userGroupMembers')
        .values(members.map((studentId) => ({ userGroupId: ug.id, studentId })))
        .execute();
    }
  }
  return ids;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Raw rows, read once after the world is built. */
export async function loadFacts(cers: CersDb): Promise<Facts> {
  const db = cers.db;
  const students = new Map(
    (await db.selectFrom('students').select(['id', 'ssid', 'inferredSchoolId', 'inferredDistrictId']).execute()).map((s) => [
      s.id,
      { id: s.id, ssid: s.ssid, schoolId: s.inferredSchoolId, districtId: s.inferredDistrictId },
    ]),
  );
  const exams = (
    await db
      .selectFrom('exams')
      .select(['id', 'studentId', 'schoolId', 'districtId', 'assessmentId', 'completedAt', 'opportunityId'])
      .execute()
  ).map((e) => ({ ...e, completedAt: e.completedAt.getTime() }));
  const examsByStudent = new Map<number, ExamFact[]>();
  for (const e of exams) push(examsByStudent, e.studentId, e);
  const assessments = new Map(
    (await db.selectFrom('assessments').select(['id', 'naturalId', 'subject', 'type', 'grade', 'schoolYear']).execute()).map((a) => [
      a.id,
      a,
    ]),
  );
  const groupRows = await db.selectFrom('studentGroups').select(['id', 'schoolId', 'districtId', 'subjects', 'deletedAt']).execute();
  const memberRows = await db.selectFrom('studentGroupMembers').select(['groupId', 'studentId']).execute();
  const members = new Map<number, number[]>();
  for (const m of memberRows) push(members, m.groupId, m.studentId);
  const groups = new Map(
    groupRows.map((g) => [
      g.id,
      {
        id: g.id,
        schoolId: g.schoolId,
        districtId: g.districtId,
        subjects: g.subjects,
        deleted: g.deletedAt !== null,
        members: members.get(g.id) ?? [],
      },
    ]),
  );
  const groupsByStudent = new Map<number, number[]>();
  for (const g of groups.values()) if (!g.deleted) for (const s of g.members) push(groupsByStudent, s, g.id);
  const ugRows = await db.selectFrom('userGroups').select(['id', 'userId', 'subjects']).execute();
  const ugMembers = new Map<number, number[]>();
  for (const m of await db.selectFrom('userGroupMembers').select(['userGroupId', 'studentId']).execute())
    push(ugMembers, m.userGroupId, m.studentId);
  const userGroups = new Map(ugRows.map((g) => [g.id, { ...g, members: ugMembers.get(g.id) ?? [] }]));
  const orgs = new Map((await db.selectFrom('organizations').select(['id', 'type', 'districtId']).execute()).map((o) => [o.id, o]));
  const roles = new Map<number, { role: string; organizationId: number }[]>();
  for (const r of await db.selectFrom('userRoles').select(['userId', 'role', 'organizationId']).execute()) push(roles, r.userId, r);
  const teaches = new Map<number, number[]>();
  for (const t of await db.selectFrom('studentGroupTeachers').select(['userId', 'groupId']).execute()) push(teaches, t.userId, t.groupId);
  const released = new Set(
    (
      await db
        .selectFrom('embargoes')
        .select(['schoolYear', 'districtId', 'subject'])
        .where('reportType', '=', 'individual')
        .where('status', '=', 'released')
        .execute()
    ).map((e) => `${e.schoolYear}:${e.districtId}:${e.subject}`),
  );
  return { students, exams, examsByStudent, assessments, groups, groupsByStudent, userGroups, orgs, roles, teaches, released };
}

/** What a user may see, from the raw facts and the pure rules of @cers/domain. */
export class Oracle {
  private readonly cache = new Map<number, { principal: Principal; scope: AccessScope; embargo: EmbargoScope }>();

  constructor(readonly facts: Facts) {}

  private user(userId: number) {
    const hit = this.cache.get(userId);
    if (hit) return hit;
    const grants: Grant[] = [];
    for (const r of this.facts.roles.get(userId) ?? []) {
      const org = this.facts.orgs.get(r.organizationId);
      if (!org || !isRoleCode(r.role) || !roleAllowedAt(r.role, org.type)) continue;
      grants.push({ role: r.role, orgType: org.type as OrgLevel, orgId: org.id, districtId: org.districtId });
    }
    const assignedGroups = (this.facts.teaches.get(userId) ?? [])
      .map((id) => this.facts.groups.get(id))
      .filter((g): g is GroupFact => g !== undefined && !g.deleted && groupAccessAllowed(grants, g))
      .map((g) => ({ groupId: g.id, subjects: g.subjects }));
    const principal: Principal = { userId, login: '', displayName: '', grants, assignedGroups, isSandbox: false };
    const entry = { principal, scope: individualScope(principal), embargo: embargoScope(principal) };
    this.cache.set(userId, entry);
    return entry;
  }

  scope(userId: number): AccessScope {
    return this.user(userId).scope;
  }

  studentVisible(userId: number, studentId: number): boolean {
    const s = this.facts.students.get(studentId);
    if (!s) return false;
    const exams = this.facts.examsByStudent.get(studentId) ?? [];
    return studentVisible(this.scope(userId), {
      studentSchoolId: s.schoolId,
      studentDistrictId: s.districtId,
      examDistrictIds: exams.map((e) => e.districtId),
      examSchoolIds: exams.map((e) => e.schoolId),
      studentGroupIds: this.facts.groupsByStudent.get(studentId) ?? [],
    });
  }

  examAllowed(userId: number, e: ExamFact): boolean {
    const { scope, embargo } = this.user(userId);
    const s = this.facts.students.get(e.studentId);
    const a = this.facts.assessments.get(e.assessmentId);
    if (!s || !a) return false;
    const inScope = examInScope(scope, {
      districtId: e.districtId,
      schoolId: e.schoolId,
      subject: a.subject,
      studentSchoolId: s.schoolId,
      studentDistrictId: s.districtId,
      studentGroupIds: this.facts.groupsByStudent.get(e.studentId) ?? [],
    });
    return (
      inScope &&
      embargoAllowsExam(embargo, {
        assessmentType: a.type,
        districtId: e.districtId,
        released: this.facts.released.has(`${a.schoolYear}:${e.districtId}:${a.subject}`),
      })
    );
  }

  allowedExams(userId: number, studentId: number): ExamFact[] {
    return (this.facts.examsByStudent.get(studentId) ?? []).filter((e) => this.examAllowed(userId, e));
  }

  /** Assigned group results: its teachers, or GROUP_READ / INDIVIDUAL_READ at its school or district. */
  groupMayOpen(userId: number, groupId: number): boolean {
    const g = this.facts.groups.get(groupId);
    if (!g || g.deleted) return false;
    const { principal, scope } = this.user(userId);
    if (scope.groups.some((x) => x.groupId === groupId)) return true;
    return [orgScope(principal, 'GROUP_READ'), orgScope(principal, 'INDIVIDUAL_READ')].some(
      (s) => s.statewide || s.districtIds.includes(g.districtId) || s.schoolIds.includes(g.schoolId),
    );
  }

  /** School/grade results: 'individual' with INDIVIDUAL_READ there, 'aggregate' with AGGREGATE_READ only. */
  schoolAccess(userId: number, schoolId: number): 'individual' | 'aggregate' | undefined {
    const org = this.facts.orgs.get(schoolId);
    if (!org || org.type !== 'school') return undefined;
    const { principal } = this.user(userId);
    const reaches = (s: AccessScope) =>
      !isEmptyScope(s) &&
      (s.statewide || s.schoolIds.includes(schoolId) || (org.districtId !== null && s.districtIds.includes(org.districtId)));
    if (reaches(orgScope(principal, 'INDIVIDUAL_READ'))) return 'individual';
    if (reaches(orgScope(principal, 'AGGREGATE_READ'))) return 'aggregate';
    return undefined;
  }

  /**
   * The latest allowed exam per student of a population on one assessment: studentId → examId
   * (latest completedAt, then highest id), the rows of the Results by Student view.
   */
  latestRows(userId: number, assessmentId: number, candidates: Iterable<ExamFact>): Map<number, number> {
    const best = new Map<number, ExamFact>();
    for (const e of candidates) {
      if (e.assessmentId !== assessmentId || !this.examAllowed(userId, e)) continue;
      const cur = best.get(e.studentId);
      if (!cur || e.completedAt > cur.completedAt || (e.completedAt === cur.completedAt && e.id > cur.id)) best.set(e.studentId, e);
    }
    return new Map([...best].map(([s, e]) => [s, e.id]));
  }

  /** Exams a population (members + its subjects) can show. */
  populationExams(members: readonly number[], subjects: readonly string[] | null): ExamFact[] {
    const allowedSubjects = subjects?.map((s) => s.toLowerCase());
    return members.flatMap((m) =>
      (this.facts.examsByStudent.get(m) ?? []).filter((e) => {
        const a = this.facts.assessments.get(e.assessmentId);
        return !allowedSubjects || (a !== undefined && allowedSubjects.includes(a.subject.toLowerCase()));
      }),
    );
  }
}
