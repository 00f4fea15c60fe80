/**
 * Privacy by property (STYLE.md §3.10): on the sandbox data plus random users, grants, groups and
 * moved students, thousands of random (user, target) pairs go through the real HTTP routes; every
 * answer must carry exactly what the pure rules of @cers/domain allow — never a student or exam
 * they hide, and every one they allow. Targets: a student (Search by Student, Student Test
 * History), an assigned group, a school grade and a My Group (Results by Student).
 *
 * Reproduce a failure with the printed seed and pair number; PRIVACY_PAIRS / PRIVACY_SEED override.
 */
import { type CersDb, findPrincipal } from '@cers/db';
import { testDbTargets } from '@cers/db/test';
import { isEmptyScope } from '@cers/domain';
import type { JobQueue } from '@cers/jobs';
import { createPdfPool, exportScopeOf, runReport, streamExamExport } from '@cers/reports';
import { Rng } from '@cers/sandbox';
import { openSandboxTestDb } from '@cers/sandbox/test';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../packages/reports/test/pdf-text.js';
import { buildTestApp, signIn } from './helpers.js';
import { type ExamFact, extendSandbox, type Facts, loadFacts, Oracle } from './privacy/world.js';

const targets = await testDbTargets();
const SEED = Number(process.env.PRIVACY_SEED ?? 4_2025);
const PAIRS = Number(process.env.PRIVACY_PAIRS ?? 10_000);
const MIN_PROBES = Number(process.env.PRIVACY_PROBES ?? 1_000);
const MAX_PROBES = 50_000;
const RANDOM_USERS = 60;
const REPORTS = Number(process.env.PRIVACY_REPORTS ?? 40);
const SILENT = { info: () => undefined, error: () => undefined };

type Headers = Awaited<ReturnType<typeof signIn>>;
type Stats = Record<string, number>;

function count(stats: Stats, key: string, n = 1): void {
  stats[key] = (stats[key] ?? 0) + n;
}

describe.each(targets)('randomized privacy on the sandbox data ($name)', ({ name }) => {
  let cers: CersDb;
  let app: FastifyInstance;
  let facts: Facts;
  let oracle: Oracle;
  const sessions = new Map<number, Headers>();
  let users: number[] = [];

  beforeAll(async () => {
    cers = await openSandboxTestDb(name);
    const rng = new Rng(SEED);
    const random = await extendSandbox(cers, rng, RANDOM_USERS);
    const personas = await cers.db.selectFrom('users').select('id').where('isSandbox', '=', true).execute();
    users = [...personas.map((p) => p.id), ...random];
    facts = await loadFacts(cers);
    oracle = new Oracle(facts);
    app = await buildTestApp(cers, { CERS_SANDBOX: 'true' }); // the sandbox personas are among the users
    for (const id of users) sessions.set(id, await signIn(cers, id));
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await cers?.close();
  });

  const get = async (userId: number, url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: sessions.get(userId) as Headers });
    return { status: res.statusCode, body: res.statusCode === 200 ? res.json() : res.json() };
  };
  const sorted = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);

  /** Search by Student and Student Test History for one student. */
  async function probeStudent(userId: number, studentId: number, stats: Stats, where: string) {
    const student = facts.students.get(studentId);
    if (!student) throw new Error('unknown student');
    const visible = oracle.studentVisible(userId, studentId);
    const allowed = oracle.allowedExams(userId, studentId);
    count(stats, visible ? 'student-visible' : 'student-hidden');

    const search = await get(userId, `/api/students/search?ssid=${student.ssid}`);
    expect(search.status, where).toBe(200);
    if (visible) {
      expect(search.body.student?.id, `${where}: search must find a visible student`).toBe(studentId);
      const allowedIds = new Set(allowed.map((e) => e.id));
      for (const card of search.body.cards as { examId: number }[]) expect(allowedIds.has(card.examId), `${where}: card exam`).toBe(true);
      expect(sorted(new Set((search.body.cards as { assessment: { id: number } }[]).map((c) => c.assessment.id))), where).toEqual(
        sorted(new Set(allowed.map((e) => e.assessmentId))),
      );
    } else {
      expect(search.body, `${where}: a hidden student answers like a missing one`).toEqual({ student: null, cards: [] });
    }

    const history = await get(userId, `/api/students/${studentId}/exams`);
    if (visible) {
      expect(history.status, where).toBe(200);
      expect(sorted((history.body.exams as { id: number }[]).map((e) => e.id)), `${where}: history exams`).toEqual(
        sorted(allowed.map((e) => e.id)),
      );
    } else {
      expect(history.status, `${where}: history of a hidden student`).toBe(404);
    }
  }

  /** Results by Student rows must be exactly the latest allowed exam of each population member. */
  async function probeRows(userId: number, query: string, population: { members: number; exams: ExamFact[] }, stats: Stats, where: string) {
    count(stats, 'pairs', 1 + population.members);
    const expected = (assessmentId: number) => oracle.latestRows(userId, assessmentId, population.exams);
    const list = await get(userId, `/api/results/assessments?${query}`);
    expect(list.status, where).toBe(200);
    const assessments = list.body.assessments as { id: number }[];
    // Only assessments the user may see a result of are offered.
    const withResults = new Set(population.exams.filter((e) => oracle.examAllowed(userId, e)).map((e) => e.assessmentId));
    for (const a of assessments) expect(withResults.has(a.id), `${where}: assessment ${a.id} offered without a visible result`).toBe(true);
    if (assessments.length === 0) return;
    const rng = new Rng(userId * 7919 + assessments.length);
    const assessmentId = rng.pick(assessments).id;
    const view = await get(userId, `/api/results?${query}&assessmentId=${assessmentId}&view=student`);
    expect(view.status, where).toBe(200);
    const rows = new Map((view.body.rows as { studentId: number; examId: number }[]).map((r) => [r.studentId, r.examId]));
    const want = expected(assessmentId);
    for (const [studentId, examId] of rows) {
      expect(want.get(studentId), `${where}: row of student ${studentId} (assessment ${assessmentId})`).toBe(examId);
    }
    expect(sorted(rows.keys()), `${where}: every allowed student is listed (assessment ${assessmentId})`).toEqual(sorted(want.keys()));
    count(stats, 'rows-checked', rows.size);
  }

  async function probeGroup(userId: number, groupId: number, stats: Stats, where: string) {
    const group = facts.groups.get(groupId);
    if (!group) throw new Error('unknown group');
    if (!oracle.groupMayOpen(userId, groupId)) {
      count(stats, 'group-denied');
      count(stats, 'pairs');
      expect((await get(userId, `/api/results/assessments?groupId=${groupId}`)).status, where).toBe(404);
      return;
    }
    count(stats, 'group-open');
    const exams = oracle.populationExams(group.members, group.subjects);
    await probeRows(userId, `groupId=${groupId}`, { members: group.members.length, exams }, stats, where);
  }

  async function probeSchool(userId: number, schoolId: number, grade: string, stats: Stats, where: string) {
    const access = oracle.schoolAccess(userId, schoolId);
    const query = `schoolId=${schoolId}&grade=${grade}`;
    if (!access) {
      count(stats, 'school-denied');
      count(stats, 'pairs');
      expect((await get(userId, `/api/results/assessments?${query}`)).status, where).toBe(404);
      return;
    }
    if (access === 'aggregate') {
      count(stats, 'school-aggregate');
      count(stats, 'pairs');
      const list = await get(userId, `/api/results/assessments?${query}`);
      expect(list.status, where).toBe(200);
      expect(list.body.population.access, where).toBe('aggregate');
      const first = (list.body.assessments as { id: number }[])[0];
      if (first) {
        const view = await get(userId, `/api/results?${query}&assessmentId=${first.id}&view=student`);
        expect(view.status, `${where}: aggregate-only users never get student rows`).toBe(404);
      }
      return;
    }
    count(stats, 'school-open');
    const exams = facts.exams.filter((e) => e.schoolId === schoolId && facts.assessments.get(e.assessmentId)?.grade === grade);
    await probeRows(userId, query, { members: new Set(exams.map((e) => e.studentId)).size, exams }, stats, where);
  }

  async function probeUserGroup(userId: number, userGroupId: number, stats: Stats, where: string) {
    const ug = facts.userGroups.get(userGroupId);
    if (!ug) throw new Error('unknown My Group');
    if (ug.userId !== userId) {
      count(stats, 'my-group-other');
      count(stats, 'pairs');
      expect((await get(userId, `/api/results/assessments?userGroupId=${userGroupId}`)).status, where).toBe(404);
      return;
    }
    count(stats, 'my-group-own');
    const exams = oracle.populationExams(ug.members, ug.subjects);
    await probeRows(userId, `userGroupId=${userGroupId}`, { members: ug.members.length, exams }, stats, where);
  }

  it(`at least ${PAIRS} random (user, student | group | school | My Group) pairs answer exactly what the rules allow`, async () => {
    const rng = new Rng(SEED + 1);
    const studentIds = [...facts.students.keys()];
    const groupIds = [...facts.groups.keys()];
    const userGroupIds = [...facts.userGroups.keys()];
    const schoolGrades = [...new Set(facts.exams.map((e) => `${e.schoolId}:${facts.assessments.get(e.assessmentId)?.grade}`))];
    const stats: Stats = {};
    let probes = 0;
    // A pair is one (user, target) whose answer was checked: a student looked up, a population
    // opened or refused, and every member of an opened population (shown with the right exam, or
    // left out).
    while (stats.pairs === undefined || stats.pairs < PAIRS || probes < MIN_PROBES) {
      const pair = probes++;
      const userId = rng.pick(users);
      const kind = rng.weighted([
        ['student', 45],
        ['group', 25],
        ['school', 15],
        ['my-group', 15],
      ] as const);
      const where = `seed ${SEED}, probe ${pair}, user ${userId}, ${kind}`;
      if (kind === 'student') {
        // Half the time a student the user can reach (when there is one), so both answers are tested.
        let studentId = rng.pick(studentIds);
        if (!isEmptyScope(oracle.scope(userId)) && rng.bool(0.5)) {
          for (let tries = 0; tries < 30 && !oracle.studentVisible(userId, studentId); tries++) studentId = rng.pick(studentIds);
        }
        await probeStudent(userId, studentId, stats, `${where} ${studentId}`);
        count(stats, 'pairs', 1);
      } else if (kind === 'group') {
        const open = groupIds.filter((g) => oracle.groupMayOpen(userId, g));
        const groupId = open.length > 0 && rng.bool(0.7) ? rng.pick(open) : rng.pick(groupIds);
        await probeGroup(userId, groupId, stats, `${where} ${groupId}`);
      } else if (kind === 'school') {
        const reachable = schoolGrades.filter((sg) => oracle.schoolAccess(userId, Number(sg.split(':')[0])) !== undefined);
        const [schoolId, grade] = (reachable.length > 0 && rng.bool(0.7) ? rng.pick(reachable) : rng.pick(schoolGrades)).split(':');
        await probeSchool(userId, Number(schoolId), grade ?? '', stats, `${where} ${schoolId}/${grade}`);
      } else {
        const own = userGroupIds.filter((id) => facts.userGroups.get(id)?.userId === userId);
        const ug = own.length > 0 && rng.bool(0.7) ? rng.pick(own) : rng.pick(userGroupIds);
        await probeUserGroup(userId, ug, stats, `${where} ${ug}`);
      }
      if (probes > MAX_PROBES) throw new Error(`only ${stats.pairs} pairs after ${MAX_PROBES} probes`);
    }
    stats.probes = probes;
    process.stdout.write(`privacy property (${name}): ${JSON.stringify(stats)}\n`);
    // Both sides of every rule were exercised.
    for (const key of [
      'student-visible',
      'student-hidden',
      'group-open',
      'group-denied',
      'school-open',
      'school-denied',
      'my-group-own',
      'my-group-other',
    ]) {
      expect(stats[key] ?? 0, `${key} probes`).toBeGreaterThan(MIN_PROBES / 100);
    }
    expect(stats['rows-checked'] ?? 0).toBeGreaterThan(probes);
  }, 3_600_000);

  it(`${REPORTS} random printable reports (ISR PDF, group CSV) carry only students the rules allow`, async () => {
    const rng = new Rng(SEED + 2);
    const pool = createPdfPool({ size: 1, idleMs: 2000 });
    const queued: number[] = [];
    // The route enqueues on pg-boss; here the job runs inline, as the worker would.
    app.ctx.jobs = { boss: { send: async () => `job-${queued.length}` } } as unknown as JobQueue;
    const studentIds = [...facts.students.keys()];
    const bySsid = new Map([...facts.students.values()].map((s) => [s.ssid, s.id]));
    const years = [...new Set([...facts.assessments.values()].map((a) => a.schoolYear))];
    const stats: Stats = {};
    try {
      const readers = users.filter((u) => !isEmptyScope(oracle.scope(u)));
      for (let n = 0; n < REPORTS; n++) {
        const userId = rng.bool(0.8) ? rng.pick(readers) : rng.pick(users);
        const schoolYear = rng.pick(years);
        const assessmentType = rng.pick(['sum', 'ica', 'iab'] as const);
        const subject = rng.pick(['ELA', 'Math', null] as const);
        let target: Record<string, unknown>;
        let visible: boolean;
        let kind: 'isr' | 'group-csv' = 'isr';
        const pickKind = rng.weighted([
          ['student', 3],
          ['group', 2],
        ] as const);
        if (pickKind === 'student') {
          let studentId = rng.pick(studentIds);
          const reachable = rng.bool(0.7);
          for (let t = 0; t < 50 && reachable && !oracle.studentVisible(userId, studentId); t++) studentId = rng.pick(studentIds);
          target = { type: 'student', studentId };
          visible = oracle.studentVisible(userId, studentId);
        } else {
          const open = [...facts.groups.values()].filter((g) => oracle.groupMayOpen(userId, g.id));
          const group = open.length > 0 && rng.bool(0.7) ? rng.pick(open) : rng.pick([...facts.groups.values()]);
          target = { type: 'group', groupId: group.id };
          const scope = oracle.scope(userId);
          visible =
            !group.deleted &&
            (scope.groups.some((g) => g.groupId === group.id) ||
              scope.statewide ||
              scope.districtIds.includes(group.districtId) ||
              scope.schoolIds.includes(group.schoolId));
          kind = rng.bool(0.5) ? 'group-csv' : 'isr';
        }
        const where = `seed ${SEED}, report ${n}, user ${userId}, ${kind} ${JSON.stringify(target)} ${schoolYear} ${assessmentType} ${subject}`;
        const res = await app.inject({
          method: 'POST',
          url: '/api/reports',
          headers: sessions.get(userId) as Headers,
          payload: { kind, name: `Probe ${n}`, target, schoolYear, assessmentType, subject },
        });
        expect(res.statusCode, where).toBe(visible ? 202 : 404);
        if (!visible) {
          count(stats, 'refused');
          continue;
        }
        const reportId = res.json().id as number;
        await runReport({ db: cers.db, pool, logger: SILENT, reportTtlHours: 1 }, { reportId, retryCount: 0, retryLimit: 0 });
        const file = await app.inject({
          method: 'GET',
          url: `/api/reports/${reportId}/download`,
          headers: sessions.get(userId) as Headers,
        });
        const status = (await cers.db.selectFrom('reports').select('status').where('id', '=', reportId).executeTakeFirstOrThrow()).status;
        let printed: number[] = [];
        if (file.statusCode === 200) {
          const type = String(file.headers['content-type']);
          const text = type.startsWith('application/pdf') ? pdfText(file.rawPayload) : type.startsWith('text/csv') ? file.body : '';
          printed = [...new Set(text.match(/\b\d{10}\b/g) ?? [])].flatMap((ssid) => bySsid.get(ssid) ?? []);
          count(stats, type.startsWith('application/pdf') ? 'pdf' : type.startsWith('text/csv') ? 'csv' : 'other');
        } else {
          expect(status, where).toBe('no_results');
          count(stats, 'no-results');
        }
        for (const studentId of printed) {
          expect(oracle.studentVisible(userId, studentId), `${where}: printed student ${studentId}`).toBe(true);
          const allowed = oracle
            .allowedExams(userId, studentId)
            .filter((e) => facts.assessments.get(e.assessmentId)?.schoolYear === schoolYear);
          expect(allowed.length, `${where}: printed student ${studentId} has a visible result that year`).toBeGreaterThan(0);
        }
        if (pickKind === 'student') {
          const id = target.studentId as number;
          const expected = oracle.allowedExams(userId, id).some((e) => {
            const a = facts.assessments.get(e.assessmentId);
            return a?.schoolYear === schoolYear && a.type === assessmentType && (subject === null || a.subject === subject);
          });
          expect(printed.includes(id), `${where}: the student's own report`).toBe(expected);
        }
        count(stats, 'students-printed', printed.length);
      }
    } finally {
      await pool.close();
    }
    process.stdout.write(`privacy reports (${name}): ${JSON.stringify(stats)}\n`);
    expect(stats.refused ?? 0).toBeGreaterThan(0);
    expect(stats['students-printed'] ?? 0).toBeGreaterThan(0);
  }, 1_800_000);

  it('an exam export run as a user (cers export exams --as) holds exactly the exams the rules allow that user', async () => {
    // The sandbox personas and 15 random users (a full export per user is costly).
    for (const userId of users.slice(0, 20)) {
      const principal = await findPrincipal(cers.db, userId);
      if (!principal) continue;
      const exported: string[] = [];
      for await (const row of streamExamExport(cers, { scope: exportScopeOf(principal) })) {
        exported.push(`${row.student_ssid}|${row.assessment_id}|${row.opportunity_id}`);
      }
      const expected = [...facts.students.values()].flatMap((s) =>
        oracle.allowedExams(userId, s.id).map((e) => `${s.ssid}|${facts.assessments.get(e.assessmentId)?.naturalId}|${e.opportunityId}`),
      );
      expect(exported.sort(), `export as user ${userId}`).toEqual(expected.sort());
    }
  }, 600_000);
});
