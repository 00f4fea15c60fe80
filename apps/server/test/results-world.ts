/**
 * A fully known world for the group-results route tests (issue #8). Every number the tests expect
 * follows from the constants below:
 * - Group "Room 5" (ELA + Math) at Sample Elementary: 36 grade-5 students, taught by `teacher`.
 *   ELA summative 2024–25: levels 6 / 10 / 12 / 8 (one student tested at another school).
 *   Math summative 2024–25: only 8 students (target report hidden, aggregate view suppressed).
 *   ELA IAB 2024–25 with items: MC (key B), MS (key A,C), a 2-point constructed response.
 *   ELA summatives 2018–19 (claims) and 2021–22 (overall only) for year rules and Compare years.
 *   CAST 2024–25 (not in the group's subjects), ELA summative 2025–26 under embargo (reviewing).
 * - My Group "Readers" of `teacher` with 5 of the students.
 */
import type { CersDb } from '@cers/db';
import { insertExams } from '@cers/db';
import { releaseEmbargo, seedDistrict, seedGroup, seedSchool, seedStudent, seedSubjects, seedUser } from '@cers/db/test';
import { achievementLevel, LEVEL_SCHEMES, reportingRules } from '@cers/domain';

type Db = CersDb['db'];

export const ELA5_CUTS = [2442, 2502, 2582];
export const LEVEL_COUNTS = [6, 10, 12, 8];
/** ELA summative scale score of student i (0-based) of the group: levels 1..4 by LEVEL_COUNTS. */
export function elaScore(i: number): number {
  const bases = [2400, 2460, 2520, 2600];
  let k = i;
  for (let level = 0; level < 4; level++) {
    const count = LEVEL_COUNTS[level] as number;
    if (k < count) return (bases[level] as number) + k * 3;
    k -= count;
  }
  throw new Error('out of range');
}
export const ELA_SEM = 20;
export const GROUP_SIZE = 36;
/** Residuals per target: target A clearly better/above, target B clearly worse/below. */
export const residualA = (i: number) => 0.3 + (i % 2 === 0 ? 0.5 : -0.5);
export const residualB = (i: number) => -0.4 + (i % 2 === 0 ? 0.3 : -0.3);
/** MC item answers of the 36 students: 20 B (key), 6 A, 4 C, 4 D, 2 blank. */
export function mcAnswer(i: number): string | null {
  if (i < 20) return 'B';
  if (i < 26) return 'A';
  if (i < 30) return 'C';
  if (i < 34) return 'D';
  return null;
}
/** MS item answers: key A,C. */
export function msAnswer(i: number): string {
  return i % 3 === 0 ? 'A,C' : i % 3 === 1 ? 'A,B' : 'C';
}
export const lexileOf = (i: number) => 600 + 15 * i;

async function assessment(
  db: Db,
  o: {
    family: string;
    subject: string;
    type: string;
    grade: string;
    schoolYear: number;
    name: string;
    cuts: number[];
    min: number;
    max: number;
  },
): Promise<number> {
  await seedSubjects(db);
  const rules = reportingRules({
    family: o.family as 'SBAC',
    type: o.type as 'sum',
    subject: o.subject,
    grade: Number(o.grade),
    schoolYear: o.schoolYear,
  });
  const levels = o.type === 'iab' ? LEVEL_SCHEMES.THREE : LEVEL_SCHEMES.SB4;
  const row = await db
    .insertInto('assessments')
    .values({
      naturalId: `(TEST)${o.name}`,
      family: o.family,
      subject: o.subject,
      type: o.type,
      grade: o.grade,
      schoolYear: o.schoolYear,
      name: o.name,
      label: o.name,
      minScore: o.min,
      maxScore: o.max,
      cutScores: o.cuts,
      standardCutLevel: 3,
      levels: JSON.stringify(levels),
      ...rules,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function seedResultsWorld(cers: CersDb) {
  const db = cers.db;
  const district = await seedDistrict(db, { name: 'Sample District' });
  const otherDistrict = await seedDistrict(db, { name: 'Other District' });
  const school = await seedSchool(db, { districtId: district, name: 'Sample Elementary School' });
  const otherSchool = await seedSchool(db, { districtId: otherDistrict, name: 'Other Elementary' });

  const sb = { family: 'SBAC', grade: '05', min: 2201, max: 2701, cuts: ELA5_CUTS };
  const ela25 = await assessment(db, { ...sb, subject: 'ELA', type: 'sum', schoolYear: 2025, name: 'Grade 5 ELA Summative 2025' });
  const math25 = await assessment(db, {
    ...sb,
    subject: 'Math',
    type: 'sum',
    schoolYear: 2025,
    name: 'Grade 5 Math Summative 2025',
    cuts: [2455, 2528, 2579],
    min: 2219,
    max: 2700,
  });
  const iab25 = await assessment(db, { ...sb, subject: 'ELA', type: 'iab', schoolYear: 2025, name: 'Grade 5 ELA IAB Read Literary Texts' });
  const ela19 = await assessment(db, {
    ...sb,
    grade: '03',
    cuts: [2367, 2432, 2490],
    min: 2114,
    max: 2623,
    subject: 'ELA',
    type: 'sum',
    schoolYear: 2019,
    name: 'Grade 3 ELA Summative 2019',
  });
  const ela22 = await assessment(db, {
    ...sb,
    grade: '04',
    cuts: [2416, 2473, 2533],
    min: 2131,
    max: 2663,
    subject: 'ELA',
    type: 'sum',
    schoolYear: 2022,
    name: 'Grade 4 ELA Summative 2022',
  });
  const ela26 = await assessment(db, {
    ...sb,
    grade: '06',
    cuts: [2457, 2531, 2618],
    min: 2210,
    max: 2724,
    subject: 'ELA',
    type: 'sum',
    schoolYear: 2026,
    name: 'Grade 6 ELA Summative 2026',
  });
  const cast25 = await assessment(db, {
    ...sb,
    family: 'CAST',
    subject: 'Science',
    type: 'sum',
    schoolYear: 2025,
    name: 'Grade 5 CAST 2025',
    cuts: [176, 200, 225],
    min: 115,
    max: 285,
  });

  // Composite definitions for the 2024–25 ELA summative, claims for 2018–19.
  await db
    .insertInto('assessmentScores')
    .values([
      { assessmentId: ela25, code: 'READ_LISTEN', kind: 'composite', name: 'Reading and Listening', displayOrder: 1 },
      { assessmentId: ela25, code: 'WRITE_RESEARCH', kind: 'composite', name: 'Writing and Research', displayOrder: 2 },
      { assessmentId: ela19, code: 'SOCK_R', kind: 'claim', name: 'Reading', displayOrder: 1 },
    ])
    .execute();

  // Targets (ELA claim 1 and 2; a Math claim-3 target the report must leave out).
  const targets = await db
    .insertInto('targets')
    .values([
      { subject: 'ELA', claimCode: 'SOCK_R', naturalId: 'RL-1', name: 'Key Details' },
      { subject: 'ELA', claimCode: '2-W', naturalId: 'W-2', name: 'Compose Full Texts' },
      { subject: 'Math', claimCode: '1', naturalId: 'NF-A', name: 'Fractions' },
      { subject: 'Math', claimCode: '3', naturalId: 'CR-B', name: 'Reasoning' },
    ])
    .returning('id')
    .execute();
  const [tA, tB, tM1, tM3] = targets.map((t) => t.id) as [number, number, number, number];
  await db
    .insertInto('assessmentTargets')
    .values([
      { assessmentId: ela25, targetId: tA },
      { assessmentId: ela25, targetId: tB },
      { assessmentId: math25, targetId: tM1 },
      { assessmentId: math25, targetId: tM3 },
    ])
    .execute();

  const items = await db
    .insertInto('items')
    .values([
      {
        assessmentId: iab25,
        naturalId: '200-1001',
        bankKey: '200',
        itemKey: '1001',
        position: 1,
        format: 'MC',
        claimCode: 'SOCK_R',
        targetId: tA,
        dok: 2,
        maxPoints: 1,
        difficulty: -1.5,
        answerKey: 'B',
        optionCount: 4,
        options: JSON.stringify([
          { key: 'A', text: 'The fox' },
          { key: 'B', text: 'The crow' },
          { key: 'C', text: 'The cheese' },
          { key: 'D', text: 'The tree' },
        ]),
        stem: 'Who is flattered in the story?',
        standard: 'RL.5.1',
      },
      {
        assessmentId: iab25,
        naturalId: '200-1002',
        bankKey: '200',
        itemKey: '1002',
        position: 2,
        format: 'MS',
        claimCode: 'SOCK_R',
        dok: 3,
        maxPoints: 1,
        answerKey: 'A,C',
        optionCount: 5,
        difficulty: 0.2,
      },
      {
        assessmentId: iab25,
        naturalId: '200-1003',
        bankKey: '200',
        itemKey: '1003',
        position: 3,
        format: 'SA',
        claimCode: 'SOCK_R',
        dok: 3,
        maxPoints: 2,
        difficulty: 1.2,
        rubric: JSON.stringify([
          { points: 2, text: 'Full explanation with evidence' },
          { points: 1, text: 'Partial explanation' },
          { points: 0, text: 'No relevant explanation' },
        ]),
        exemplar: 'The crow drops the cheese because …',
      },
    ])
    .returning('id')
    .execute();
  const [mc, ms, sa] = items.map((i) => i.id) as [number, number, number];

  const teacher = await seedUser(db, { displayName: 'Teacher One' });
  const otherTeacher = await seedUser(db, { displayName: 'Teacher Two' });
  await db
    .insertInto('userRoles')
    .values([
      { userId: teacher, role: 'EDUCATOR_ROSTER', organizationId: school },
      { userId: otherTeacher, role: 'EDUCATOR_ROSTER', organizationId: school },
    ])
    .execute();
  const siteAdmin = await seedUser(db, { displayName: 'Site Coordinator', roles: [{ role: 'SITE_COORDINATOR', organizationId: school }] });
  const otherSiteAdmin = await seedUser(db, {
    displayName: 'Other Coordinator',
    roles: [{ role: 'SITE_COORDINATOR', organizationId: otherSchool }],
  });
  const leaAdmin = await seedUser(db, { displayName: 'LEA Coordinator', roles: [{ role: 'LEA_COORDINATOR', organizationId: district }] });
  const aggregateViewer = await seedUser(db, {
    displayName: 'Aggregate Viewer',
    roles: [{ role: 'DISTRICT_AGGREGATE_VIEWER', organizationId: district }],
  });

  const students: number[] = [];
  for (let i = 0; i < GROUP_SIZE; i++) {
    students.push(
      await seedStudent(db, {
        firstName: `Stu${String(i).padStart(2, '0')}`,
        lastName: `Pupil${String(i).padStart(2, '0')}`,
        schoolId: school,
        districtId: district,
      }),
    );
  }
  const group = await seedGroup(db, {
    schoolId: school,
    districtId: district,
    name: 'Room 5',
    subjects: ['ELA', 'Math'],
    studentIds: students,
    teacherIds: [teacher],
  });
  const elaOnly = await seedGroup(db, {
    schoolId: school,
    districtId: district,
    name: 'ELA Intervention',
    subjects: ['ELA'],
    studentIds: students.slice(0, 12),
  });
  const userGroup = await db
    .insertInto('userGroups')
    .values({ userId: teacher, name: 'Readers', subjects: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('userGroupMembers')
    .values(students.slice(0, 5).map((studentId) => ({ userGroupId: userGroup.id, studentId })))
    .execute();

  const base = (i: number, assessmentId: number, schoolYear: number, completedAt: string) => ({
    districtId: i === 35 ? otherDistrict : district,
    schoolId: i === 35 ? otherSchool : school,
    studentId: students[i] as number,
    assessmentId,
    schoolYear,
    opportunityId: `opp-${assessmentId}-${i}`,
    completedAt,
    completeness: 'Complete' as const,
    administrationCondition: 'Valid' as const,
    enrolledGrade: '05',
    gender: i % 2 === 0 ? 'Female' : 'Male',
    ethnicities: i % 3 === 0 ? ['HispanicOrLatinoEthnicity'] : ['White'],
    iep: i % 4 === 0,
  });
  const drafts = [];
  for (let i = 0; i < GROUP_SIZE; i++) {
    const score = elaScore(i);
    drafts.push({
      ...base(i, ela25, 2025, '2025-04-20T16:00:00Z'),
      scaleScore: score,
      scaleScoreSem: ELA_SEM,
      achievementLevel: achievementLevel(score, ELA5_CUTS),
      lexile: lexileOf(i),
      scores: [
        { code: 'READ_LISTEN', kind: 'composite' as const, level: (i % 3) + 1 },
        { code: 'WRITE_RESEARCH', kind: 'composite' as const, level: i < 12 ? 1 : 3 },
      ],
      targetScores: [
        { targetId: tA, studentRelativeResidual: residualA(i), standardMetRelativeResidual: residualA(i) },
        { targetId: tB, studentRelativeResidual: residualB(i), standardMetRelativeResidual: residualB(i) },
      ],
      traitScores:
        i < 30
          ? [
              { purpose: i < 20 ? 'ARGU' : 'NARR', category: 'ORG' as const, score: i % 5, maxScore: 4 },
              { purpose: i < 20 ? 'ARGU' : 'NARR', category: 'EVI' as const, score: (i + 1) % 5, maxScore: 4 },
              { purpose: i < 20 ? 'ARGU' : 'NARR', category: 'CON' as const, score: i % 3, maxScore: 2 },
            ]
          : [],
    });
    drafts.push({
      ...base(i, iab25, 2025, '2025-01-15T16:00:00Z'),
      scaleScore: 2480 + i,
      scaleScoreSem: 30,
      achievementLevel: (i % 3) + 1,
      items: [
        { itemId: mc, position: 1, score: mcAnswer(i) === 'B' ? 1 : mcAnswer(i) === null ? null : 0, response: mcAnswer(i) },
        { itemId: ms, position: 2, score: msAnswer(i) === 'A,C' ? 1 : 0, response: msAnswer(i) },
        { itemId: sa, position: 3, score: i % 3, response: `Answer ${i}` },
      ],
    });
    // An older IAB attempt of the same students: only the latest counts.
    if (i < 4)
      drafts.push({ ...base(i, iab25, 2025, '2024-11-01T16:00:00Z'), opportunityId: `old-${i}`, scaleScore: 2300, achievementLevel: 1 });
    drafts.push({
      ...base(i, ela19, 2019, '2019-04-20T16:00:00Z'),
      scaleScore: 2400 + i,
      scaleScoreSem: 25,
      achievementLevel: achievementLevel(2400 + i, [2367, 2432, 2490]),
      enrolledGrade: '03',
      scores: [{ code: 'SOCK_R', kind: 'claim' as const, level: 2 }],
    });
    drafts.push({
      ...base(i, ela22, 2022, '2022-04-20T16:00:00Z'),
      scaleScore: 2450 + i,
      scaleScoreSem: 25,
      achievementLevel: achievementLevel(2450 + i, [2416, 2473, 2533]),
      enrolledGrade: '04',
    });
    drafts.push({ ...base(i, ela26, 2026, '2026-04-20T16:00:00Z'), scaleScore: 2500, scaleScoreSem: 25, achievementLevel: 2 });
    drafts.push({ ...base(i, cast25, 2025, '2025-05-01T16:00:00Z'), scaleScore: 210, scaleScoreSem: 8, achievementLevel: 3 });
    if (i < 8) {
      drafts.push({
        ...base(i, math25, 2025, '2025-04-22T16:00:00Z'),
        scaleScore: 2500 + i,
        scaleScoreSem: 20,
        achievementLevel: achievementLevel(2500 + i, [2455, 2528, 2579]),
        quantile: 700 + 10 * i,
        targetScores: [
          { targetId: tM1, studentRelativeResidual: 0.1, standardMetRelativeResidual: 0.1 },
          { targetId: tM3, studentRelativeResidual: 0.1, standardMetRelativeResidual: 0.1 },
        ],
      });
    }
  }
  await insertExams(db, drafts);
  for (const d of [district, otherDistrict]) {
    for (const [year, subject] of [
      [2025, 'ELA'],
      [2025, 'Math'],
      [2025, 'Science'],
      [2019, 'ELA'],
      [2022, 'ELA'],
    ] as const) {
      await releaseEmbargo(db, { schoolYear: year, districtId: d, subject });
    }
    await db
      .insertInto('embargoes')
      .values({ schoolYear: 2026, districtId: d, subject: 'ELA', reportType: 'individual', status: 'reviewing' })
      .execute();
  }

  return {
    district,
    otherDistrict,
    school,
    otherSchool,
    assessments: { ela25, math25, iab25, ela19, ela22, ela26, cast25 },
    targets: { tA, tB, tM1, tM3 },
    items: { mc, ms, sa },
    users: { teacher, otherTeacher, siteAdmin, otherSiteAdmin, leaAdmin, aggregateViewer },
    students,
    group,
    elaOnly,
    userGroup: userGroup.id,
  };
}
export type ResultsWorld = Awaited<ReturnType<typeof seedResultsWorld>>;
