/**
 * A small, fully known world for the students and groups route tests: two districts, three
 * schools, teachers with assigned groups (one subject-limited), administrators at each level,
 * and exams across families, years and embargo states.
 */
import type { CersDb } from '@cers/db';
import { releaseEmbargo, seedAssessment, seedDistrict, seedExam, seedGroup, seedSchool, seedStudent, seedUser } from '@cers/db/test';
import { LEVEL_SCHEMES } from '@cers/domain';
import { sql } from 'kysely';

export type StudentsWorld = Awaited<ReturnType<typeof seedStudentsWorld>>;

export async function seedStudentsWorld(cers: CersDb) {
  const db = cers.db;
  const d1 = await seedDistrict(db, { name: 'Sample District' });
  const d2 = await seedDistrict(db, { name: 'Other District' });
  const elementary = await seedSchool(db, { districtId: d1, name: 'Sample Elementary School' });
  const middle = await seedSchool(db, { districtId: d1, name: 'Sample Middle School' });
  const other = await seedSchool(db, { districtId: d2, name: 'Other Elementary' });

  const ela25 = await seedAssessment(db, { subject: 'ELA', type: 'sum', grade: '05', schoolYear: 2025, name: 'Grade 5 ELA Summative' });
  const math25 = await seedAssessment(db, {
    subject: 'Math',
    type: 'sum',
    grade: '05',
    schoolYear: 2025,
    name: 'Grade 5 Math Summative',
    cutScores: [2455, 2528, 2579],
    minScore: 2219,
    maxScore: 2700,
  });
  const ela19 = await seedAssessment(db, {
    subject: 'ELA',
    type: 'sum',
    grade: '03',
    schoolYear: 2019,
    name: 'Grade 3 ELA Summative',
    cutScores: [2367, 2432, 2490],
    minScore: 2114,
    maxScore: 2623,
    hasClaims: true,
  });
  const iab25 = await seedAssessment(db, {
    subject: 'ELA',
    type: 'iab',
    grade: '05',
    schoolYear: 2025,
    name: 'Grade 5 ELA - Read Literary Texts',
  });
  const mathIca = await seedAssessment(db, {
    subject: 'Math',
    type: 'ica',
    grade: '05',
    schoolYear: 2025,
    name: 'Grade 5 Math ICA',
    cutScores: [2455, 2528, 2579],
    minScore: 2219,
    maxScore: 2700,
    hasClaims: true,
  });
  await db
    .updateTable('assessments')
    .set({ levels: JSON.stringify(LEVEL_SCHEMES.SB4) })
    .where('id', '=', mathIca)
    .execute();
  await db
    .updateTable('assessments')
    .set({ levels: JSON.stringify(LEVEL_SCHEMES.SB4), hasTraits: true, measureKind: 'lexile' })
    .where('id', '=', ela25)
    .execute();
  await db
    .updateTable('assessments')
    .set({ levels: JSON.stringify(LEVEL_SCHEMES.SB4), hasComposites: true })
    .where('id', '=', math25)
    .execute();
  await db
    .updateTable('assessments')
    .set({ levels: JSON.stringify(LEVEL_SCHEMES.SB4) })
    .where('id', '=', ela19)
    .execute();
  await db
    .updateTable('assessments')
    .set({ levels: JSON.stringify(LEVEL_SCHEMES.THREE) })
    .where('id', '=', iab25)
    .execute();
  await db
    .insertInto('assessmentScores')
    .values([
      { assessmentId: ela19, code: 'SOCK_R', kind: 'claim', name: 'Reading', displayOrder: 1, levels: JSON.stringify(LEVEL_SCHEMES.THREE) },
      { assessmentId: ela19, code: '2-W', kind: 'claim', name: 'Writing', displayOrder: 2, levels: JSON.stringify(LEVEL_SCHEMES.THREE) },
      {
        assessmentId: math25,
        code: 'CONCEPTS_PROC',
        kind: 'composite',
        name: 'Concepts and Procedures',
        displayOrder: 1,
        levels: JSON.stringify(LEVEL_SCHEMES.THREE),
      },
    ])
    .execute();
  await db
    .insertInto('accommodations')
    .values({ code: 'TDS_ASL1', labels: JSON.stringify({ eng: 'American Sign Language' }) })
    .execute();

  // Students: ana and ben at the elementary school, cam at the middle school, dee in another district.
  const ana = await seedStudent(db, { ssid: '1000003718', firstName: 'Ana', lastName: 'Reyes', schoolId: elementary, districtId: d1 });
  const ben = await seedStudent(db, { ssid: '3000002098', firstName: 'Ben', lastName: 'Okafor', schoolId: elementary, districtId: d1 });
  const cam = await seedStudent(db, { ssid: '4000012949', firstName: 'Cam', lastName: 'Nguyen', schoolId: middle, districtId: d1 });
  const dee = await seedStudent(db, { ssid: '5000000001', firstName: 'Dee', lastName: 'Smith', schoolId: other, districtId: d2 });

  const at = (schoolId: number, districtId: number) => ({ schoolId, districtId });
  const anaEla25 = await seedExam(db, {
    studentId: ana,
    assessmentId: ela25,
    ...at(elementary, d1),
    scaleScore: 2520,
    scaleScoreSem: 24,
    achievementLevel: 3,
    completedAt: '2025-04-10T16:00:00Z',
    lexile: 820,
    accommodations: ['TDS_ASL1', 'NEDS_X'],
    gender: 'Female',
    ethnicities: ['HispanicOrLatinoEthnicity'],
    elas: 'EL',
    iep: false,
    economicDisadvantage: true,
    traitScores: [
      { purpose: 'NARR', category: 'ORG', score: 3, maxScore: 4 },
      { purpose: 'NARR', category: 'EVI', score: 2, maxScore: 4 },
      { purpose: 'NARR', category: 'CON', score: 2, maxScore: 2 },
    ],
  });
  const anaMath25 = await seedExam(db, {
    studentId: ana,
    assessmentId: math25,
    ...at(elementary, d1),
    scaleScore: 2450,
    scaleScoreSem: 20,
    achievementLevel: 1,
    completedAt: '2025-04-12T16:00:00Z',
    scores: [{ code: 'CONCEPTS_PROC', kind: 'composite', level: 1 }],
    // demographics are recorded on every exam; pickers use those of the latest one
    gender: 'Female',
    ethnicities: ['HispanicOrLatinoEthnicity'],
    elas: 'EL',
    iep: false,
    economicDisadvantage: true,
  });
  const anaEla19 = await seedExam(db, {
    studentId: ana,
    assessmentId: ela19,
    ...at(other, d2),
    schoolYear: 2019,
    scaleScore: 2440,
    scaleScoreSem: 22,
    achievementLevel: 3,
    completedAt: '2019-04-10T16:00:00Z',
    enrolledGrade: '03',
    scores: [
      { code: 'SOCK_R', kind: 'claim', scaleScore: 2460, sem: 30, level: 2 },
      { code: '2-W', kind: 'claim', scaleScore: 2400, sem: 30, level: 1 },
    ],
  });
  const anaIab1 = await seedExam(db, {
    studentId: ana,
    assessmentId: iab25,
    ...at(elementary, d1),
    scaleScore: 2480,
    scaleScoreSem: 40,
    achievementLevel: 2,
    completedAt: '2024-11-01T16:00:00Z',
    administrationCondition: 'SD',
  });
  const anaIab2 = await seedExam(db, {
    studentId: ana,
    assessmentId: iab25,
    ...at(elementary, d1),
    scaleScore: 2530,
    scaleScoreSem: 40,
    achievementLevel: 3,
    completedAt: '2025-01-15T16:00:00Z',
    administrationCondition: 'SD',
    completeness: 'Partial',
  });
  const anaMathIca = await seedExam(db, {
    studentId: ana,
    assessmentId: mathIca,
    ...at(elementary, d1),
    scaleScore: 2500,
    scaleScoreSem: 30,
    achievementLevel: 2,
    completedAt: '2025-02-01T16:00:00Z',
    administrationCondition: 'SD',
  });
  const benEla25 = await seedExam(db, {
    studentId: ben,
    assessmentId: ela25,
    ...at(elementary, d1),
    scaleScore: 2600,
    scaleScoreSem: 25,
    achievementLevel: 4,
    gender: 'Male',
    elas: 'EO',
    iep: true,
  });
  const camEla25 = await seedExam(db, { studentId: cam, assessmentId: ela25, ...at(middle, d1), gender: 'Female', enrolledGrade: '06' });
  const deeEla25 = await seedExam(db, { studentId: dee, assessmentId: ela25, ...at(other, d2) });

  // 2025 ELA summatives released in district 1; Math 2025 still loading; 2019 ELA released in district 2.
  await releaseEmbargo(db, { schoolYear: 2025, districtId: d1, subject: 'ELA' });
  await releaseEmbargo(db, { schoolYear: 2019, districtId: d2, subject: 'ELA' });

  const teacherA = await seedUser(db, { displayName: 'Teacher A', roles: [{ role: 'EDUCATOR_ROSTER', organizationId: elementary }] });
  const teacherB = await seedUser(db, { displayName: 'Teacher B', roles: [{ role: 'EDUCATOR_ROSTER', organizationId: middle }] });
  const teacherEla = await seedUser(db, { displayName: 'Teacher ELA', roles: [{ role: 'TEST_EXAMINER', organizationId: elementary }] });
  const teacherNoGroups = await seedUser(db, {
    displayName: 'Teacher New',
    roles: [{ role: 'EDUCATOR_ROSTER', organizationId: elementary }],
  });
  const siteAdmin = await seedUser(db, { displayName: 'Site Admin', roles: [{ role: 'SITE_COORDINATOR', organizationId: elementary }] });
  const leaAdmin = await seedUser(db, { displayName: 'LEA Admin', roles: [{ role: 'LEA_COORDINATOR', organizationId: d1 }] });
  const otherLea = await seedUser(db, { displayName: 'Other LEA', roles: [{ role: 'LEA_COORDINATOR', organizationId: d2 }] });

  const groupA = await seedGroup(db, {
    schoolId: elementary,
    districtId: d1,
    name: 'Room 5 All Subjects',
    studentIds: [ana, ben],
    teacherIds: [teacherA],
  });
  const groupB = await seedGroup(db, { schoolId: middle, districtId: d1, name: 'Room 6', studentIds: [cam], teacherIds: [teacherB] });
  const groupEla = await seedGroup(db, {
    schoolId: elementary,
    districtId: d1,
    name: 'Reading Intervention',
    subjects: ['ELA'],
    studentIds: [ana],
    teacherIds: [teacherEla],
  });

  return {
    districts: { d1, d2 },
    schools: { elementary, middle, other },
    assessments: { ela25, math25, ela19, iab25, mathIca },
    students: { ana, ben, cam, dee },
    exams: { anaEla25, anaMath25, anaEla19, anaIab1, anaIab2, anaMathIca, benEla25, camEla25, deeEla25 },
    users: { teacherA, teacherB, teacherEla, teacherNoGroups, siteAdmin, leaAdmin, otherLea },
    groups: { groupA, groupB, groupEla },
  };
}

/** Number of audit rows for a student and view (audit is part of the contract). */
export async function auditCount(cers: CersDb, args: { studentId: number; view: string }): Promise<number> {
  const row = await cers.db
    .selectFrom('auditLog')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('studentId', '=', args.studentId)
    .where('view', '=', args.view)
    .executeTakeFirstOrThrow();
  return row.n;
}
