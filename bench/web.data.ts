/**
 * The 10,000-student high school of bench/web.bench.ts (the district profile's schools have about
 * 1,000 students): grades 9–12, 2,500 per grade; grade 11 took the 2025–26 Smarter Balanced ELA and
 * Math summatives of the profile (composites, target residuals, writing traits, Lexile/Quantile).
 * Deterministic (seeded), written with the bulk writers.
 */
import type { CersDb, ExamDraft, insertExams as InsertExams } from '@cers/db';
import { achievementLevel } from '@cers/domain';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedBigSchool(cers: CersDb, o: { students: number; insertExams: typeof InsertExams }): Promise<void> {
  const db = cers.db;
  const random = rng(97);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const state = await db.selectFrom('organizations').select('id').where('type', '=', 'state').executeTakeFirstOrThrow();
  const district = await db
    .insertInto('organizations')
    .values({ type: 'district', naturalId: '97970010000000', name: 'Bench Big School District', parentId: state.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('organizations').set({ districtId: district.id }).where('id', '=', district.id).execute();
  const school = await db
    .insertInto('organizations')
    .values({ type: 'school', naturalId: '97970016000001', name: 'Bench Mega High School', parentId: district.id, districtId: district.id })
    .returning('id')
    .executeTakeFirstOrThrow();

  const grades = ['09', '10', '11', '12'];
  const students = Array.from({ length: o.students }, (_, i) => ({
    ssid: `97${String(i + 1).padStart(8, '0')}`,
    firstName: `Student${i + 1}`,
    lastName: `Mega${String(i % 997).padStart(3, '0')}`,
    inferredSchoolId: school.id,
    inferredDistrictId: district.id,
  }));
  const ids: number[] = [];
  for (let start = 0; start < students.length; start += 2000) {
    const rows = await db
      .insertInto('students')
      .values(students.slice(start, start + 2000))
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  }

  const assessments = await db
    .selectFrom('assessments')
    .select(['id', 'subject', 'cutScores', 'minScore', 'maxScore'])
    .where('type', '=', 'sum')
    .where('family', '=', 'SBAC')
    .where('grade', '=', '11')
    .where('schoolYear', '=', 2026)
    .execute();
  const drafts: ExamDraft[] = [];
  for (const a of assessments) {
    const composites = await db
      .selectFrom('assessmentScores')
      .select('code')
      .where('assessmentId', '=', a.id)
      .where('kind', '=', 'composite')
      .execute();
    const targets = await db.selectFrom('assessmentTargets').select('targetId').where('assessmentId', '=', a.id).execute();
    const cuts = a.cutScores;
    const mid = cuts[1] ?? 2600;
    ids.forEach((studentId, i) => {
      if (grades[i % 4] !== '11') return;
      const ability = normal();
      const score = Math.round(Math.min(a.maxScore ?? 2900, Math.max(a.minScore ?? 2200, mid + ability * 110)));
      const sem = Math.round(18 + random() * 20);
      drafts.push({
        districtId: district.id,
        schoolId: school.id,
        studentId,
        assessmentId: a.id,
        schoolYear: 2026,
        opportunityId: `bench-big-${a.id}-${studentId}`,
        completedAt: `2026-04-${String(10 + (i % 18)).padStart(2, '0')}T16:00:00Z`,
        completeness: 'Complete',
        administrationCondition: 'Valid',
        scaleScore: score,
        scaleScoreSem: sem,
        achievementLevel: achievementLevel(score, cuts),
        enrolledGrade: '11',
        gender: i % 2 === 0 ? 'Female' : 'Male',
        ethnicities: [['HispanicOrLatinoEthnicity', 'White', 'Asian', 'BlackOrAfricanAmerican', 'Filipino'][i % 5] as string],
        lexile: a.subject === 'ELA' ? Math.round(1100 + ability * 250) : null,
        quantile: a.subject === 'Math' ? Math.round(1150 + ability * 260) : null,
        scores: composites.map((c) => ({
          code: c.code,
          kind: 'composite' as const,
          level: 1 + Math.min(2, Math.max(0, Math.round(ability + random()))),
        })),
        targetScores: targets.map((t) => ({
          targetId: t.targetId,
          studentRelativeResidual: Math.round(normal() * 0.9 * 1000) / 1000,
          standardMetRelativeResidual: Math.round((ability + normal() * 0.6) * 1000) / 1000,
        })),
        traitScores:
          a.subject === 'ELA'
            ? [
                { purpose: 'ARGU', category: 'ORG', score: Math.floor(random() * 5), maxScore: 4 },
                { purpose: 'ARGU', category: 'EVI', score: Math.floor(random() * 5), maxScore: 4 },
                { purpose: 'ARGU', category: 'CON', score: Math.floor(random() * 3), maxScore: 2 },
              ]
            : [],
      });
    });
  }
  for (let start = 0; start < drafts.length; start += 2000) await o.insertExams(db, drafts.slice(start, start + 2000));
  for (const subject of ['ELA', 'Math']) {
    for (const reportType of ['individual', 'aggregate'] as const) {
      await db
        .insertInto('embargoes')
        .values({ schoolYear: 2026, districtId: district.id, subject, reportType, status: 'released' })
        .execute();
    }
  }
  const user = await db
    .insertInto('users')
    .values({ login: 'bench.bigschool.admin@bench.example', displayName: 'Bench Site Coordinator' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('userRoles').values({ userId: user.id, role: 'SITE_COORDINATOR', organizationId: school.id }).execute();
}
