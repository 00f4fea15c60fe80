/**
 * A small world for printable-report tests: one district and school, a teacher with an assigned
 * group of three students, a fourth student outside the group, another teacher, a school
 * administrator; Smarter Balanced ELA summative exams for 2024–25 (released) and 2023–24.
 */
import type { CersDb } from '@cers/db';
import { releaseEmbargo, seedAssessment, seedDistrict, seedExam, seedGroup, seedSchool, seedStudent, seedUser } from '@cers/db/test';
import { LEVEL_SCHEMES, SB_COMPOSITES } from '@cers/domain';

export type ReportWorld = Awaited<ReturnType<typeof seedReportWorld>>;

export async function seedReportWorld(cers: CersDb) {
  const db = cers.db;
  const districtId = await seedDistrict(db, { name: 'Sample Unified School District' });
  const schoolId = await seedSchool(db, { districtId, name: 'Sample Elementary School' });
  const otherDistrictId = await seedDistrict(db, { name: 'Elsewhere District' });
  const otherSchoolId = await seedSchool(db, { districtId: otherDistrictId, name: 'Elsewhere School' });
  const names = [
    ['Ortega', 'Maria', '1000003718'],
    ['Nguyen', 'Daniel', '1000003719'],
    ['Abbott', 'Zoe', '1000003720'],
    ['Quinn', 'Outsider', '1000003721'],
  ] as const;
  const students: number[] = [];
  for (const [lastName, firstName, ssid] of names) {
    students.push(await seedStudent(db, { lastName, firstName, ssid, schoolId, districtId }));
  }
  const [s1, s2, s3, s4] = students as [number, number, number, number];
  const ela = await seedAssessment(db, {
    family: 'SBAC',
    subject: 'ELA',
    type: 'sum',
    grade: '05',
    schoolYear: 2025,
    name: 'Grade 5 ELA Summative',
  });
  const elaPrior = await seedAssessment(db, {
    family: 'SBAC',
    subject: 'ELA',
    type: 'sum',
    grade: '04',
    schoolYear: 2024,
    name: 'Grade 4 ELA Summative',
    minScore: 2131,
    maxScore: 2663,
    cutScores: [2416, 2473, 2533],
  });
  const math = await seedAssessment(db, {
    family: 'SBAC',
    subject: 'Math',
    type: 'sum',
    grade: '05',
    schoolYear: 2025,
    name: 'Grade 5 Math Summative',
    minScore: 2219,
    maxScore: 2700,
    cutScores: [2455, 2528, 2579],
  });
  for (const id of [ela, elaPrior, math]) {
    await db
      .updateTable('assessments')
      .set({
        levels: JSON.stringify(LEVEL_SCHEMES.SB4),
        hasComposites: id !== elaPrior,
        hasTraits: id === ela,
        measureKind: id === math ? 'quantile' : 'lexile',
      })
      .where('id', '=', id)
      .execute();
  }
  await db
    .insertInto('assessmentScores')
    .values(
      SB_COMPOSITES.ELA.map((c) => ({ assessmentId: ela, code: c.code, kind: 'composite', name: c.name, displayOrder: c.displayOrder })),
    )
    .execute();
  const scores = [2531, 2455, 2620, 2490];
  for (const [i, studentId] of students.entries()) {
    await seedExam(db, {
      studentId,
      assessmentId: ela,
      schoolId,
      districtId,
      scaleScore: scores[i] as number,
      scaleScoreSem: 23,
      achievementLevel: i === 1 ? 2 : i === 2 ? 4 : 3,
      lexile: 870 + i,
      accommodations: ['TDS_TTS'],
      scores: [
        { code: 'READ_LISTEN', kind: 'composite', level: 3 },
        { code: 'WRITE_RESEARCH', kind: 'composite', level: 2 },
      ],
      traitScores: [
        { purpose: 'ARGU', category: 'ORG', score: 3, maxScore: 4 },
        { purpose: 'ARGU', category: 'EVI', score: 2, maxScore: 4 },
        { purpose: 'ARGU', category: 'CON', score: 2, maxScore: 2 },
      ],
    });
  }
  await seedExam(db, {
    studentId: s1,
    assessmentId: elaPrior,
    schoolId,
    districtId,
    schoolYear: 2024,
    completedAt: '2024-04-20T16:00:00Z',
    scaleScore: 2468,
    scaleScoreSem: 24,
    achievementLevel: 2,
    enrolledGrade: '04',
  });
  // Math 2024–25 is still embargoed (no release row): it must never print.
  await seedExam(db, { studentId: s1, assessmentId: math, schoolId, districtId, scaleScore: 2560, scaleScoreSem: 20, achievementLevel: 3 });
  await db
    .insertInto('accommodations')
    .values({ code: 'TDS_TTS', labels: JSON.stringify({ eng: 'Text-to-speech', spa: 'Texto a voz' }) })
    .execute();
  await releaseEmbargo(db, { schoolYear: 2025, districtId, subject: 'ELA' });
  await releaseEmbargo(db, { schoolYear: 2024, districtId, subject: 'ELA' });

  const teacher = await seedUser(db, { login: 'teacher@example.org', roles: [{ role: 'TEST_ADMINISTRATOR', organizationId: schoolId }] });
  const otherTeacher = await seedUser(db, {
    login: 'other@example.org',
    roles: [{ role: 'TEST_ADMINISTRATOR', organizationId: schoolId }],
  });
  const admin = await seedUser(db, { login: 'site@example.org', roles: [{ role: 'SITE_COORDINATOR', organizationId: schoolId }] });
  const outsider = await seedUser(db, { login: 'far@example.org', roles: [{ role: 'SITE_COORDINATOR', organizationId: otherSchoolId }] });
  const groupId = await seedGroup(db, { schoolId, districtId, name: 'Room 12', studentIds: [s1, s2, s3], teacherIds: [teacher] });
  return {
    districtId,
    schoolId,
    otherSchoolId,
    students: { s1, s2, s3, s4 },
    assessments: { ela, elaPrior, math },
    users: { teacher, otherTeacher, admin, outsider },
    groupId,
  };
}

/** Polls until fn returns a value (not undefined) or the time runs out. */
export async function waitFor<T>(fn: () => Promise<T | undefined>, timeoutMs = 60_000, label = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
