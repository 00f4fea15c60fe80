import type { CersDb } from '@cers/db';
import { testDbTargets } from '@cers/db/test';
import { SSID_MESSAGE } from '@cers/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHeaders, buildTestApp, signIn } from '../../../test/helpers.js';
import { auditCount, type StudentsWorld, seedStudentsWorld } from '../../../test/students-world.js';

const targets = await testDbTargets();

type Card = { examId: number; resultCount: number; assessment: { name: string; levels: { name: string }[] }; achievementLevel: number };
type Exam = {
  id: number;
  atOtherSchool: boolean;
  scores: { code: string; kind: string; name: string; level: number }[];
  traits: { purpose: string; category: string; score: number }[];
  accommodations: { code: string; label: string | null }[];
  assessment: { subject: string; type: string };
};

describe.each(targets)('students routes on $name', ({ create }) => {
  let cers: CersDb;
  let app: FastifyInstance;
  let w: StudentsWorld;
  const as: Record<string, AuthHeaders> = {};

  beforeAll(async () => {
    cers = await create();
    w = await seedStudentsWorld(cers);
    app = await buildTestApp(cers);
    for (const [key, id] of Object.entries(w.users)) as[key] = await signIn(cers, id);
  });
  afterAll(async () => {
    await app.close();
    await cers.close();
  });

  const get = (url: string, who?: keyof StudentsWorld['users']) => app.inject({ method: 'GET', url, ...(who ? { headers: as[who] } : {}) });

  describe('GET /api/students/search', () => {
    it('returns one Student Results Card per assessment, the latest result on each, most recent first', async () => {
      const res = await get('/api/students/search?ssid=1000003718', 'teacherA');
      expect(res.statusCode).toBe(200);
      const body = res.json() as { student: { displayName: string; ssid: string; school: { name: string } }; cards: Card[] };
      expect(body.student).toMatchObject({ displayName: 'Reyes, Ana', ssid: '1000003718', school: { name: 'Sample Elementary School' } });
      expect(body.cards.map((c) => c.examId)).toEqual([w.exams.anaEla25, w.exams.anaMathIca, w.exams.anaIab2, w.exams.anaEla19]);
      const iab = body.cards.find((c) => c.examId === w.exams.anaIab2);
      expect(iab?.resultCount).toBe(2);
      expect(body.cards[0]?.assessment.levels.map((l) => l.name)).toContain('Standard Met');
    });

    it('records where each read came from, except for a CERS Sandbox visitor (shared roles, fictitious data)', async () => {
      const lastIp = async () =>
        (
          await cers.db
            .selectFrom('auditLog')
            .select('ip')
            .where('userId', '=', w.users.teacherA)
            .orderBy('id', 'desc')
            .executeTakeFirstOrThrow()
        ).ip;
      const withSandbox = await buildTestApp(cers, { CERS_SANDBOX: 'true' });
      const search = (headers: AuthHeaders) =>
        withSandbox.inject({ method: 'GET', url: '/api/students/search?ssid=1000003718', headers, remoteAddress: '203.0.113.9' });
      try {
        expect((await search(as.teacherA as AuthHeaders)).statusCode).toBe(200);
        expect(await lastIp()).toBe('203.0.113.9');
        await cers.db.updateTable('users').set({ isSandbox: true }).where('id', '=', w.users.teacherA).execute();
        const visitor = await signIn(cers, w.users.teacherA);
        expect((await search(visitor)).statusCode).toBe(200);
        expect(await lastIp()).toBeNull();
      } finally {
        await cers.db.updateTable('users').set({ isSandbox: false }).where('id', '=', w.users.teacherA).execute();
        await withSandbox.close();
      }
    });

    it('accepts an SSID pasted with spaces', async () => {
      const res = await get('/api/students/search?ssid=100%20000%203718', 'teacherA');
      expect(res.json().student.ssid).toBe('1000003718');
    });

    it('answers a student outside the teacher’s groups exactly like a student that does not exist', async () => {
      const hidden = await get('/api/students/search?ssid=1000003718', 'teacherB');
      const missing = await get('/api/students/search?ssid=9999999999', 'teacherB');
      expect(hidden.statusCode).toBe(200);
      expect(hidden.json()).toEqual({ student: null, cards: [] });
      expect(hidden.body).toBe(missing.body);
    });

    it('rejects an SSID that is not 10 digits with a clear message', async () => {
      for (const ssid of ['12345', '10000037181', 'abcdefghij', '']) {
        const res = await get(`/api/students/search?ssid=${ssid}`, 'teacherA');
        expect(res.statusCode).toBe(400);
        expect(res.json().message).toContain(SSID_MESSAGE);
      }
      const none = await get('/api/students/search', 'teacherA');
      expect(none.statusCode).toBe(400);
    });

    it('shows a subject-limited teacher only the subjects of the group', async () => {
      const body = (await get('/api/students/search?ssid=1000003718', 'teacherEla')).json() as { cards: Card[] };
      expect(body.cards.map((c) => c.examId)).toEqual([w.exams.anaEla25, w.exams.anaIab2, w.exams.anaEla19]);
    });

    it('hides unreleased summatives except from the district’s embargo reviewers', async () => {
      const teacher = (await get('/api/students/search?ssid=1000003718', 'teacherA')).json() as { cards: Card[] };
      expect(teacher.cards.map((c) => c.examId)).not.toContain(w.exams.anaMath25);
      const site = (await get('/api/students/search?ssid=1000003718', 'siteAdmin')).json() as { cards: Card[] };
      expect(site.cards.map((c) => c.examId)).not.toContain(w.exams.anaMath25);
      const lea = (await get('/api/students/search?ssid=1000003718', 'leaAdmin')).json() as { cards: Card[] };
      expect(lea.cards.map((c) => c.examId)).toContain(w.exams.anaMath25);
    });

    it('shows another district only the exams taken there', async () => {
      const body = (await get('/api/students/search?ssid=1000003718', 'otherLea')).json() as { cards: Card[] };
      expect(body.cards.map((c) => c.examId)).toEqual([w.exams.anaEla19]);
    });

    it('records who read the student’s results', async () => {
      const before = await auditCount(cers, { studentId: w.students.ben, view: 'student-search' });
      await get('/api/students/search?ssid=3000002098', 'teacherA');
      expect(await auditCount(cers, { studentId: w.students.ben, view: 'student-search' })).toBe(before + 1);
    });

    it('requires a signed-in user', async () => {
      expect((await get('/api/students/search?ssid=1000003718')).statusCode).toBe(401);
    });
  });

  describe('GET /api/students/:id and /api/students/:id/exams', () => {
    it('gives the whole visible history with sub-scores, writing traits and accommodations', async () => {
      const res = await get(`/api/students/${w.students.ana}/exams`, 'teacherA');
      expect(res.statusCode).toBe(200);
      const body = res.json() as { student: { displayName: string }; exams: Exam[] };
      expect(body.student.displayName).toBe('Reyes, Ana');
      expect(body.exams.map((e) => e.id)).toEqual([
        w.exams.anaEla25,
        w.exams.anaMathIca,
        w.exams.anaIab2,
        w.exams.anaIab1,
        w.exams.anaEla19,
      ]);
      const ela25 = body.exams[0];
      expect(ela25?.traits).toHaveLength(3);
      expect(ela25?.traits.find((t) => t.category === 'ORG')).toMatchObject({ purpose: 'NARR', score: 3 });
      expect(ela25?.accommodations).toEqual([
        { code: 'TDS_ASL1', label: 'American Sign Language' },
        { code: 'NEDS_X', label: null },
      ]);
      const ela19 = body.exams.find((e) => e.id === w.exams.anaEla19);
      expect(ela19?.atOtherSchool).toBe(true);
      expect(ela19?.scores.map((s) => [s.code, s.kind, s.name, s.level])).toEqual([
        ['SOCK_R', 'claim', 'Reading', 2],
        ['2-W', 'claim', 'Writing', 1],
      ]);
    });

    it('filters by school year, subject and assessment type', async () => {
      const body = (await get(`/api/students/${w.students.ana}/exams?subject=ELA&type=sum&schoolYear=2025`, 'teacherA')).json() as {
        exams: Exam[];
      };
      expect(body.exams.map((e) => e.id)).toEqual([w.exams.anaEla25]);
      const bad = await get(`/api/students/${w.students.ana}/exams?type=weekly`, 'teacherA');
      expect(bad.statusCode).toBe(400);
    });

    it('shows composite claims to embargo reviewers once they see the summative', async () => {
      const body = (await get(`/api/students/${w.students.ana}/exams`, 'leaAdmin')).json() as { exams: Exam[] };
      const math = body.exams.find((e) => e.id === w.exams.anaMath25);
      expect(math?.scores).toEqual([
        expect.objectContaining({ code: 'CONCEPTS_PROC', kind: 'composite', name: 'Concepts and Procedures' }),
      ]);
    });

    it('gives teacher B a 404 on teacher A’s student by every route, same as a missing student', async () => {
      const missing = await get('/api/students/99999999', 'teacherB');
      expect(missing.statusCode).toBe(404);
      for (const url of [`/api/students/${w.students.ana}`, `/api/students/${w.students.ana}/exams`]) {
        const res = await get(url, 'teacherB');
        expect(res.statusCode).toBe(404);
        expect(res.json().message).toBe(missing.json().message);
      }
    });

    it('hides the other subjects from a subject-limited teacher', async () => {
      const body = (await get(`/api/students/${w.students.ana}/exams`, 'teacherEla')).json() as { exams: Exam[] };
      expect(new Set(body.exams.map((e) => e.assessment.subject))).toEqual(new Set(['ELA']));
    });

    it('audits each history read and never audits a refused one', async () => {
      const before = await auditCount(cers, { studentId: w.students.ana, view: 'student-history' });
      await get(`/api/students/${w.students.ana}/exams`, 'teacherA');
      await get(`/api/students/${w.students.ana}/exams`, 'teacherB');
      expect(await auditCount(cers, { studentId: w.students.ana, view: 'student-history' })).toBe(before + 1);
    });

    it('answers bad ids with 400, not 500', async () => {
      for (const id of ['abc', '0', '-4', '99999999999', '1.5']) {
        expect((await get(`/api/students/${id}`, 'teacherA')).statusCode).toBe(400);
      }
    });
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await get('/api/docs/json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/students/search', '/api/students/{id}', '/api/students/{id}/exams']),
    );
  });
});
