/**
 * scope.ts against its pure twins (@cers/domain examInScope, studentVisible, embargoAllowsExam)
 * on random worlds and random scopes: the SQL must return exactly the rows the rules allow.
 */
import {
  type AccessScope,
  type EmbargoScope,
  embargoAllowsExam,
  examInScope as examAllowed,
  studentVisible,
  type TeacherGroup,
} from '@cers/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAssessment, seedDistrict, seedExam, seedGroup, seedSchool, seedStudent, testDbTargets } from '../test/index.js';
import type { CersDb } from './connect.js';
import { assignedGroupInScope, embargoAllows, examInScope, schoolInScope, studentInScope } from './scope.js';

const targets = await testDbTargets();
const SEED = 20_251_129;

type World = {
  districts: number[];
  schools: { id: number; districtId: number }[];
  students: { id: number; schoolId: number | null; districtId: number | null }[];
  exams: { id: number; studentId: number; schoolId: number; districtId: number; subject: string; type: string; schoolYear: number }[];
  groups: { id: number; schoolId: number; districtId: number; subjects: string[] | null; deleted: boolean; members: number[] }[];
  released: Set<string>;
};

/** A small random world, the same for a given seed. */
async function buildWorld(cers: CersDb): Promise<World> {
  const db = cers.db;
  const rand = fc.sample(fc.integer({ min: 0, max: 1_000_000 }), { numRuns: 2000, seed: SEED });
  let i = 0;
  const pick = <T>(xs: readonly T[]): T => xs[(rand[i++ % rand.length] as number) % xs.length] as T;
  const chance = (p: number) => ((rand[i++ % rand.length] as number) % 1000) / 1000 < p;
  const districts = [await seedDistrict(db), await seedDistrict(db), await seedDistrict(db)];
  const schools: World['schools'] = [];
  for (const d of districts) for (let k = 0; k < 2; k++) schools.push({ id: await seedSchool(db, { districtId: d }), districtId: d });
  const assessments = [
    { id: await seedAssessment(db, { subject: 'ELA', type: 'sum' }), subject: 'ELA', type: 'sum' },
    { id: await seedAssessment(db, { subject: 'Math', type: 'sum' }), subject: 'Math', type: 'sum' },
    { id: await seedAssessment(db, { subject: 'ELA', type: 'iab' }), subject: 'ELA', type: 'iab' },
    { id: await seedAssessment(db, { subject: 'Science', type: 'sum' }), subject: 'Science', type: 'sum' },
  ];
  const students: World['students'] = [];
  for (let k = 0; k < 40; k++) {
    const school = chance(0.15) ? null : pick(schools);
    const id = await seedStudent(db, { schoolId: school?.id ?? null, districtId: school?.districtId ?? null });
    students.push({ id, schoolId: school?.id ?? null, districtId: school?.districtId ?? null });
  }
  const exams: World['exams'] = [];
  for (let k = 0; k < 160; k++) {
    const student = pick(students);
    const school = chance(0.7) && student.schoolId ? (schools.find((s) => s.id === student.schoolId) ?? pick(schools)) : pick(schools);
    const a = pick(assessments);
    const schoolYear = pick([2024, 2025]);
    const id = await seedExam(db, {
      studentId: student.id,
      assessmentId: a.id,
      schoolId: school.id,
      districtId: school.districtId,
      schoolYear,
    });
    exams.push({
      id,
      studentId: student.id,
      schoolId: school.id,
      districtId: school.districtId,
      subject: a.subject,
      type: a.type,
      schoolYear,
    });
  }
  const groups: World['groups'] = [];
  for (let k = 0; k < 8; k++) {
    const school = pick(schools);
    const subjects = pick([null, ['ELA'], ['Math', 'Science'], ['math']]);
    const members = [...new Set(Array.from({ length: 6 }, () => pick(students).id))];
    const id = await seedGroup(db, { schoolId: school.id, districtId: school.districtId, subjects, studentIds: members });
    const deleted = k === 7;
    if (deleted) await db.updateTable('studentGroups').set({ deletedAt: new Date() }).where('id', '=', id).execute();
    groups.push({ id, schoolId: school.id, districtId: school.districtId, subjects, deleted, members });
  }
  const released = new Set<string>();
  for (const d of districts) {
    for (const subject of ['ELA', 'Math', 'Science']) {
      for (const year of [2024, 2025]) {
        if (!chance(0.5)) continue;
        released.add(`${year}:${d}:${subject}`);
        await db
          .insertInto('embargoes')
          .values({ schoolYear: year, districtId: d, subject, reportType: 'individual', status: 'released' })
          .execute();
      }
    }
  }
  return { districts, schools, students, exams, groups, released };
}

function scopeArb(w: World): fc.Arbitrary<AccessScope> {
  const group = fc.record({
    groupId: fc.constantFrom(...w.groups.map((g) => g.id)),
    subjects: fc.constantFrom<readonly string[] | null>(null, ['ELA'], ['Math'], ['Science', 'ELA'], ['math']),
  });
  return fc.record({
    statewide: fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 }),
    districtIds: fc.subarray(w.districts, { maxLength: 2 }),
    schoolIds: fc.subarray(
      w.schools.map((s) => s.id),
      { maxLength: 3 },
    ),
    groups: fc.uniqueArray(group, { maxLength: 4, selector: (g) => g.groupId }),
  });
}

describe.each(targets)('scope.ts ≡ the pure rules on $name', ({ create }) => {
  let cers: CersDb;
  let w: World;
  beforeAll(async () => {
    cers = await create();
    w = await buildWorld(cers);
  });
  afterAll(async () => cers.close());

  const groupsOf = (studentId: number) => w.groups.filter((g) => !g.deleted && g.members.includes(studentId)).map((g) => g.id);

  it('examInScope returns exactly the exams examInScope (pure) allows', async () => {
    await fc.assert(
      fc.asyncProperty(scopeArb(w), async (scope) => {
        const rows = await cers.db
          .selectFrom('exams as e')
          .innerJoin('assessments as a', 'a.id', 'e.assessmentId')
          .select('e.id')
          .where(examInScope(scope, { exam: 'e', assessment: 'a' }))
          .execute();
        const expected = w.exams
          .filter((e) => {
            const s = w.students.find((x) => x.id === e.studentId);
            return examAllowed(scope, {
              districtId: e.districtId,
              schoolId: e.schoolId,
              subject: e.subject,
              studentSchoolId: s?.schoolId ?? null,
              studentDistrictId: s?.districtId ?? null,
              studentGroupIds: groupsOf(e.studentId),
            });
          })
          .map((e) => e.id);
        expect(rows.map((r) => r.id).sort((x, y) => x - y)).toEqual(expected.sort((x, y) => x - y));
      }),
      { numRuns: 250, seed: SEED },
    );
  });

  it('studentInScope returns exactly the students studentVisible allows', async () => {
    await fc.assert(
      fc.asyncProperty(scopeArb(w), async (scope) => {
        const rows = await cers.db.selectFrom('students as s').select('s.id').where(studentInScope(scope, 's')).execute();
        const expected = w.students
          .filter((s) =>
            studentVisible(scope, {
              studentSchoolId: s.schoolId,
              studentDistrictId: s.districtId,
              examDistrictIds: w.exams.filter((e) => e.studentId === s.id).map((e) => e.districtId),
              examSchoolIds: w.exams.filter((e) => e.studentId === s.id).map((e) => e.schoolId),
              studentGroupIds: groupsOf(s.id),
            }),
          )
          .map((s) => s.id);
        expect(rows.map((r) => r.id).sort((x, y) => x - y)).toEqual(expected.sort((x, y) => x - y));
      }),
      { numRuns: 250, seed: SEED + 1 },
    );
  });

  it('embargoAllows hides unreleased summative results except from reviewers of the exam’s district', async () => {
    const embargoArb = fc.record({ reviewStatewide: fc.boolean(), reviewDistrictIds: fc.subarray(w.districts) });
    await fc.assert(
      fc.asyncProperty(embargoArb, async (embargo: EmbargoScope) => {
        const rows = await cers.db
          .selectFrom('exams as e')
          .innerJoin('assessments as a', 'a.id', 'e.assessmentId')
          .select('e.id')
          .where(embargoAllows(embargo, { exam: 'e', assessment: 'a' }))
          .execute();
        const expected = w.exams
          .filter((e) =>
            embargoAllowsExam(embargo, {
              assessmentType: e.type,
              districtId: e.districtId,
              released: w.released.has(`${e.schoolYear}:${e.districtId}:${e.subject}`),
            }),
          )
          .map((e) => e.id);
        expect(rows.map((r) => r.id).sort((x, y) => x - y)).toEqual(expected.sort((x, y) => x - y));
      }),
      { numRuns: 60, seed: SEED + 2 },
    );
  });

  it('schoolInScope and assignedGroupInScope reach the scope’s schools, districts and live groups', async () => {
    await fc.assert(
      fc.asyncProperty(scopeArb(w), async (scope) => {
        const schools = await cers.db
          .selectFrom('organizations as o')
          .select('o.id')
          .where('o.type', '=', 'school')
          .where(schoolInScope(scope, 'o'))
          .execute();
        const expectedSchools = w.schools
          .filter((s) => scope.statewide || scope.districtIds.includes(s.districtId) || scope.schoolIds.includes(s.id))
          .map((s) => s.id);
        expect(schools.map((r) => r.id).sort((x, y) => x - y)).toEqual(expectedSchools.sort((x, y) => x - y));
        const groups = await cers.db.selectFrom('studentGroups as g').select('g.id').where(assignedGroupInScope(scope, 'g')).execute();
        const expectedGroups = w.groups
          .filter(
            (g) =>
              !g.deleted &&
              (scope.statewide ||
                scope.districtIds.includes(g.districtId) ||
                scope.schoolIds.includes(g.schoolId) ||
                scope.groups.some((x: TeacherGroup) => x.groupId === g.id)),
          )
          .map((g) => g.id);
        expect(groups.map((r) => r.id).sort((x, y) => x - y)).toEqual(expectedGroups.sort((x, y) => x - y));
      }),
      { numRuns: 100, seed: SEED + 3 },
    );
  });
});
