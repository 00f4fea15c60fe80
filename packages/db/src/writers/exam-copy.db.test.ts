import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbTargets } from '../../test/index.js';
import type { CersDb } from '../connect.js';
import { withCopySession } from '../copy.js';
import { copyExams, encodeExamRows } from './exam-copy.js';
import { type ExamDraft, insertExams } from './exams.js';

const targets = await testDbTargets();

/** Every column of an exam and its children, ids and timestamps of the write left out. */
async function snapshot(cers: CersDb, examId: number): Promise<unknown> {
  const exam =
    await sql`select to_jsonb(e) - 'id' - 'created_at' - 'updated_at' - 'import_id' - 'opportunity_id' as r from exams e where id = ${examId}`.execute(
      cers.db,
    );
  const child = async (table: string, order: string) =>
    (
      await sql`select to_jsonb(t) - 'exam_id' as r from ${sql.table(table)} t where exam_id = ${examId} order by ${sql.raw(order)}`.execute(
        cers.db,
      )
    ).rows;
  return {
    exam: exam.rows[0],
    scores: await child('exam_scores', 'code'),
    targets: await child('exam_target_scores', 'target_id'),
    traits: await child('exam_trait_scores', 'purpose, category'),
    items: await child('exam_items', 'item_id'),
  };
}

describe.each(targets)('copyExams on $name', ({ create }) => {
  let cers: CersDb;
  let draft: Omit<ExamDraft, 'opportunityId'>;

  beforeAll(async () => {
    cers = await create();
    const { db } = cers;
    const district = await db
      .insertInto('organizations')
      .values({ type: 'district', naturalId: '99000010000000', name: 'D' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const school = await db
      .insertInto('organizations')
      .values({ type: 'school', naturalId: '99000016000001', name: 'S', parentId: district.id, districtId: district.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('subjects').values({ code: 'ELA', name: 'ELA' }).execute();
    const student = await db.insertInto('students').values({ ssid: '1000000001' }).returning('id').executeTakeFirstOrThrow();
    const asmt = await db
      .insertInto('assessments')
      .values({ naturalId: 'X', family: 'SBAC', subject: 'ELA', type: 'ica', grade: '05', schoolYear: 2025, name: 'X', label: 'X' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const target = await db
      .insertInto('targets')
      .values({ subject: 'ELA', claimCode: '1-LT', naturalId: '1-5', name: 'T' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const items = await db
      .insertInto('items')
      .values([1, 2, 3].map((k) => ({ assessmentId: asmt.id, naturalId: `200-${k}`, bankKey: '200', itemKey: String(k), maxPoints: 2 })))
      .returning('id')
      .execute();
    const [i1, i2, i3] = items.map((i) => i.id) as [number, number, number];
    draft = {
      districtId: district.id,
      schoolId: school.id,
      studentId: student.id,
      assessmentId: asmt.id,
      schoolYear: 2025,
      opportunity: 2,
      sessionId: 'S-1\tx',
      status: 'scored',
      statusDate: '2025-03-04T10:00:00.1234567Z',
      startedAt: '2025-03-03T09:00:00+02:00',
      completedAt: new Date('2025-03-04T10:00:00Z'),
      forceSubmittedAt: null,
      completeness: 'Complete',
      administrationCondition: 'SD',
      scaleScore: 2510.25,
      scaleScoreSem: 23.1,
      thetaScore: -0.123456789012345,
      thetaSem: 0.3,
      achievementLevel: 3,
      lexile: 1050,
      quantile: null,
      enrolledGrade: '05',
      gender: 'Female',
      ethnicities: ['Asian', 'Two "or" more \\ races'],
      elas: 'EL',
      elasStartDate: '2020-08-15',
      lep: true,
      iep: false,
      section504: null,
      economicDisadvantage: true,
      migrant: false,
      militaryConnected: 'NotMilitaryConnected',
      languageCode: 'spa',
      primaryDisability: null,
      englishProficiencyLevel: null,
      title3Program: null,
      accommodations: ['TDS_ASL1', 'NEA_Abacus'],
      extras: { testReason: 'line\nbreak\ttab \\ back', itemCount: 3, nested: { a: [1, null] } },
      sourceHash: 'h/ash+==',
      scores: [
        { code: 'SOCK_R', kind: 'claim', scaleScore: 2500, sem: 30, level: 2 },
        { code: '2-W', kind: 'claim', scaleScore: null, sem: null, level: null },
      ],
      targetScores: [{ targetId: target.id, studentRelativeResidual: -0.1, standardMetRelativeResidual: 1e-7 }],
      traitScores: [{ purpose: 'ARGU', category: 'ORG', score: 3, maxScore: 4, conditionCode: null }],
      items: [
        {
          itemId: i1,
          position: 1,
          score: 2,
          scoreStatus: 'SCORED',
          response: 'A,"B"\r\nline two\\n\tend',
          responseType: 'value',
          administeredAt: '2025-03-04T09:00:00Z',
          submittedAt: '2025-03-04T09:10:00.5Z',
          submitted: true,
          numberVisits: 2,
          responseDuration: 12.5,
          pageNumber: 1,
          pageVisits: 1,
          pageTime: 3000,
          responseContentType: 'text/plain',
        },
        { itemId: i2, position: 2, score: null, traitOrgScore: 3, traitEviScore: 2, traitConScore: 1, traitOrgStatus: 'Scored' },
        { itemId: i3 },
      ],
    };
  });
  afterAll(async () => {
    await cers.close();
  });

  it('writes exactly the rows insertExams writes for the same draft', async () => {
    const [viaInsert] = await insertExams(cers.db, [{ ...draft, opportunityId: 'opp-insert' }]);
    const copyId = 1_000_000;
    await withCopySession(cers, (s) =>
      s.db.transaction().execute(async () => {
        await copyExams(s.copy, [
          { id: copyId, studentId: draft.studentId, importId: null, rows: encodeExamRows({ ...draft, opportunityId: 'opp-copy' }) },
        ]);
      }),
    );
    const a = await snapshot(cers, viaInsert as number);
    const b = await snapshot(cers, copyId);
    expect((a as { items: unknown[] }).items).toHaveLength(3);
    expect(b).toEqual(a);
  });

  it('a failed COPY rolls back with its transaction and leaves the session usable', async () => {
    await expect(
      withCopySession(cers, (s) =>
        s.db.transaction().execute(async () => {
          // The same exam id twice: the exams primary key rejects the second row.
          const row = {
            id: 2_000_000,
            studentId: draft.studentId,
            importId: null,
            rows: encodeExamRows({ ...draft, opportunityId: 'dup' }),
          };
          await copyExams(s.copy, [row, row]);
        }),
      ),
    ).rejects.toThrow();
    const n = await sql<{ n: number }>`select count(*)::int as n from exams where opportunity_id = 'dup'`.execute(cers.db);
    expect(n.rows[0]?.n).toBe(0);
    expect(await withCopySession(cers, async (s) => (await sql<{ x: number }>`select 1 as x`.execute(s.db)).rows[0]?.x)).toBe(1);
  });
});
