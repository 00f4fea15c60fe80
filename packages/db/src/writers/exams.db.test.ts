import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbTargets } from '../../test/index.js';
import type { CersDb } from '../connect.js';
import { insertExams } from './exams.js';

const targets = await testDbTargets();

describe.each(targets)('insertExams on $name', ({ create }) => {
  let cers: CersDb;
  let ids: { district: number; school: number; student: number; assessment: number; target: number; item: number };

  beforeAll(async () => {
    cers = await create();
    const { db } = cers;
    const state = await db
      .insertInto('organizations')
      .values({ type: 'state', naturalId: 'CA', name: 'California' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const district = await db
      .insertInto('organizations')
      .values({ type: 'district', naturalId: '99000010000000', name: 'D', parentId: state.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('organizations').set({ districtId: district.id }).where('id', '=', district.id).execute();
    const school = await db
      .insertInto('organizations')
      .values({ type: 'school', naturalId: '99000016000001', name: 'S', parentId: district.id, districtId: district.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('subjects').values({ code: 'ELA', name: 'ELA' }).execute();
    const student = await db
      .insertInto('students')
      .values({ ssid: '1000000001', firstName: 'A', lastName: 'B' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const asmt = await db
      .insertInto('assessments')
      .values({
        naturalId: 'X',
        family: 'SBAC',
        subject: 'ELA',
        type: 'ica',
        grade: '05',
        schoolYear: 2025,
        name: 'X',
        label: 'X',
        cutScores: [2442, 2502, 2582],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const target = await db
      .insertInto('targets')
      .values({ subject: 'ELA', claimCode: '1-LT', naturalId: '1-5', name: 'T' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const item = await db
      .insertInto('items')
      .values({ assessmentId: asmt.id, naturalId: '200-1', bankKey: '200', itemKey: '1', maxPoints: 2 })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids = { district: district.id, school: school.id, student: student.id, assessment: asmt.id, target: target.id, item: item.id };
  });
  afterAll(async () => {
    await cers.close();
  });

  it('writes an exam with its children in order and reads back the same values', async () => {
    const [examId] = await insertExams(cers.db, [
      {
        districtId: ids.district,
        schoolId: ids.school,
        studentId: ids.student,
        assessmentId: ids.assessment,
        schoolYear: 2025,
        opportunityId: 'opp-1',
        completedAt: '2025-03-04T10:00:00Z',
        scaleScore: 2510,
        scaleScoreSem: 23,
        achievementLevel: 3,
        ethnicities: ['Asian', 'White'],
        accommodations: [],
        extras: { testReason: 'x' },
        scores: [{ code: 'SOCK_R', kind: 'claim', scaleScore: 2500, sem: 30, level: 2 }],
        targetScores: [{ targetId: ids.target, studentRelativeResidual: -0.1, standardMetRelativeResidual: 0.2 }],
        traitScores: [{ purpose: 'ARGU', category: 'ORG', score: 3, maxScore: 4 }],
        items: [{ itemId: ids.item, position: 1, score: 2, response: 'A,"B"' }],
      },
    ]);
    const exam = await cers.db
      .selectFrom('exams')
      .select(['scaleScore', 'ethnicities', 'accommodations', 'extras', 'completedAt'])
      .where('id', '=', examId as number)
      .executeTakeFirstOrThrow();
    expect(exam).toMatchObject({ scaleScore: 2510, ethnicities: ['Asian', 'White'], accommodations: [], extras: { testReason: 'x' } });
    expect(exam.completedAt.toISOString()).toBe('2025-03-04T10:00:00.000Z');
    const counts = await sql<{
      n: number;
    }>`select (select count(*) from exam_scores) + (select count(*) from exam_target_scores) + (select count(*) from exam_trait_scores) + (select count(*) from exam_items) as n`.execute(
      cers.db,
    );
    expect(Number(counts.rows[0]?.n)).toBe(4);
    const item = await cers.db.selectFrom('examItems').select('response').executeTakeFirstOrThrow();
    expect(item.response).toBe('A,"B"');
  });
});
