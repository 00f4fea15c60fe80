import { type CopySession, copyExams, type Database, deleteExams, type ExamCopyRow, reserveIds } from '@cers/db';
import { type Kysely, sql } from 'kysely';
import { claimAccepted, finishImports, type ImportOutcome } from './records.js';
import type { DataError } from './statuses.js';
import type { EncodedExam } from './trt/encode.js';
import type { StudentDraft } from './trt/examinee.js';
import type { Rejection } from './trt/validate.js';
import { instantMillis } from './trt/values.js';

type Db = Kysely<Database>;
type ValidExam = EncodedExam;

/** One processed file: its import id and what validation made of it (valid exams encoded for COPY). */
export type ExamFile = { importId: number; result: EncodedExam | Rejection };

type Current = { examId: number; districtId: number; studentId: number; statusDate: number | null; hash: string | null; inDb: boolean };

const key = (assessmentId: number, opportunityId: string) => `${assessmentId}:${opportunityId}`;

/**
 * Writes a batch of validated exam files in ONE transaction, together with their final statuses:
 * after commit every file has its status and every exam is whole; on any error nothing of the
 * batch is written (the runner then retries the files one by one). Update rules: formats.md §3.9.
 *
 * Lock order (imports → exam keys → students → groups, each sorted) keeps concurrent importers
 * free of deadlocks; the exam key is serialised by pg_advisory_xact_lock (docs/adr/0003).
 */
export async function loadExamBatch(session: CopySession, files: readonly ExamFile[]): Promise<ImportOutcome[]> {
  return session.db.transaction().execute(async (trx) => {
    const claimed = await claimAccepted(
      trx,
      files.map((f) => f.importId),
    );
    const mine = files.filter((f) => claimed.has(f.importId));
    const outcomes: ImportOutcome[] = [];
    const valid: { importId: number; v: ValidExam }[] = [];
    for (const f of mine) {
      if (f.result.ok) valid.push({ importId: f.importId, v: f.result });
      else outcomes.push({ id: f.importId, status: f.result.status, message: f.result.message });
    }
    if (valid.length > 0) outcomes.push(...(await writeExams(trx, session, valid)));
    await finishImports(trx, outcomes);
    return outcomes;
  });
}

async function lockKeys(trx: Db, keys: readonly string[]): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  await sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest(${sorted}::text[]) with ordinality as t(k, n) order by n`.execute(
    trx,
  );
}

async function existingExams(trx: Db, valid: readonly { v: ValidExam }[]): Promise<Map<string, Current>> {
  const asmt = valid.map((x) => x.v.assessmentId);
  const opp = valid.map((x) => x.v.opportunityId);
  const r = await sql<{
    id: number;
    districtId: number;
    studentId: number;
    assessmentId: number;
    opportunityId: string;
    statusDate: Date | null;
    sourceHash: string | null;
  }>`
    select e.id, e.district_id, e.student_id, e.assessment_id, e.opportunity_id, e.status_date, e.source_hash
    from exams e join (select distinct * from unnest(${asmt}::int[], ${opp}::text[]) as k(a, o)) k
      on e.assessment_id = k.a and e.opportunity_id = k.o
    order by e.id`.execute(trx);
  const out = new Map<string, Current>();
  for (const row of r.rows) {
    const k = key(row.assessmentId, row.opportunityId);
    if (out.has(k)) continue; // a duplicate key from another writer: the oldest wins, others are replaced below
    out.set(k, {
      examId: row.id,
      districtId: row.districtId,
      studentId: row.studentId,
      statusDate: row.statusDate ? row.statusDate.getTime() : null,
      hash: row.sourceHash,
      inDb: true,
    });
  }
  return out;
}

/**
 * Student upsert by SSID (formats.md §3.9): names are overwritten when the newest of this exam's
 * completion and the student's other exams is not older than latest_info_update (a STUDENTS
 * extract moves that forward). Within a batch the last file of an SSID wins, as sequential
 * processing would give.
 */
async function upsertStudents(trx: Db, valid: readonly { v: ValidExam }[]): Promise<Map<string, number>> {
  const last = new Map<string, { s: StudentDraft; at: string }>();
  for (const { v } of valid) last.set(v.student.ssid, { s: v.student, at: v.exam.completedAt as string });
  const rows = [...last.values()].sort((a, b) => (a.s.ssid < b.s.ssid ? -1 : a.s.ssid > b.s.ssid ? 1 : 0));
  const col = <T>(f: (r: { s: StudentDraft; at: string }) => T) => rows.map(f);
  await sql`
    insert into students as s (ssid, first_name, last_name, middle_name, alias_name, birthday, gender, first_entry_date, lep_entry_date, lep_exit_date, latest_info_update)
    select * from unnest(${col((r) => r.s.ssid)}::text[], ${col((r) => r.s.firstName)}::text[], ${col((r) => r.s.lastName)}::text[],
      ${col((r) => r.s.middleName)}::text[], ${col((r) => r.s.aliasName)}::text[], ${col((r) => r.s.birthday)}::date[], ${col((r) => r.s.gender)}::text[],
      ${col((r) => r.s.firstEntryDate)}::date[], ${col((r) => r.s.lepEntryDate)}::date[], ${col((r) => r.s.lepExitDate)}::date[], ${col((r) => r.at)}::timestamptz[])
    on conflict (ssid) do update set
      first_name = excluded.first_name, last_name = excluded.last_name, middle_name = excluded.middle_name, alias_name = excluded.alias_name,
      birthday = excluded.birthday, gender = excluded.gender, first_entry_date = excluded.first_entry_date,
      lep_entry_date = excluded.lep_entry_date, lep_exit_date = excluded.lep_exit_date,
      latest_info_update = greatest(excluded.latest_info_update, (select max(e.completed_at) from exams e where e.student_id = s.id)),
      updated_at = now()
    where s.latest_info_update is null
       or greatest(excluded.latest_info_update, (select max(e.completed_at) from exams e where e.student_id = s.id)) >= s.latest_info_update`.execute(
    trx,
  );
  const ids = await trx
    .selectFrom('students')
    .select(['id', 'ssid'])
    .where(
      'ssid',
      'in',
      rows.map((r) => r.s.ssid),
    )
    .execute();
  return new Map(ids.map((r) => [r.ssid, r.id]));
}

function newer(statusDate: string | null, current: Current): boolean {
  const incoming = instantMillis(statusDate);
  return incoming === null || current.statusDate === null || incoming >= current.statusDate;
}

async function writeExams(trx: Db, session: CopySession, valid: readonly { importId: number; v: ValidExam }[]): Promise<ImportOutcome[]> {
  await lockKeys(
    trx,
    valid.map((x) => key(x.v.assessmentId, x.v.opportunityId)),
  );
  const studentIds = await upsertStudents(trx, valid);
  const state = await existingExams(trx, valid);
  const deletes = new Set<number>();
  const pending = new Map<string, { id: number | null; studentId: number; importId: number; v: ValidExam }>();
  const touched = new Set<number>();
  const outcomes: (ImportOutcome & { examKey?: string })[] = [];
  for (const { importId, v } of valid) {
    const k = key(v.assessmentId, v.opportunityId);
    const current = state.get(k);
    const studentId = studentIds.get(v.student.ssid) as number;
    const warnings: DataError[] | null = v.warnings.length > 0 ? v.warnings : null;
    const dbId = current?.inDb ? current.examId : null;
    if (v.reset) {
      if (current) {
        if (current.inDb) deletes.add(current.examId);
        pending.delete(k);
        state.delete(k);
        touched.add(current.studentId);
        outcomes.push({ id: importId, status: 'PROCESSED', message: 'Exam deleted (status reset)', warnings, examId: dbId });
      } else {
        outcomes.push({
          id: importId,
          status: 'PROCESSED',
          message: 'Status reset: no exam with this assessment and opportunity id to delete',
          warnings,
        });
      }
      continue;
    }
    if (current && !newer(v.statusDate, current)) {
      outcomes.push({
        id: importId,
        status: 'NO_UPDATE',
        message: 'Prior date -- Earlier status date than existing exam record',
        warnings,
        examKey: k,
      });
      continue;
    }
    if (current && current.hash === v.hash) {
      outcomes.push({
        id: importId,
        status: 'NO_UPDATE',
        message: 'Duplicate -- no changes triggered an exam update',
        warnings,
        examKey: k,
      });
      continue;
    }
    if (current?.inDb) deletes.add(current.examId);
    if (current) touched.add(current.studentId);
    touched.add(studentId);
    pending.set(k, { id: dbId, studentId, importId, v });
    state.set(k, {
      examId: dbId ?? -1,
      districtId: v.exam.districtId,
      studentId,
      statusDate: instantMillis(v.statusDate),
      hash: v.hash,
      inDb: dbId !== null,
    });
    outcomes.push({ id: importId, status: 'PROCESSED', message: current ? 'Exam updated' : 'Exam created', warnings, examKey: k });
  }
  await deleteExams(trx, [...deletes]);
  const drafts = [...pending.values()];
  const fresh = await reserveIds(trx, 'exams', drafts.filter((d) => d.id === null).length);
  let next = 0;
  const rows: ExamCopyRow[] = drafts.map((d) => ({
    id: d.id ?? (fresh[next++] as number),
    studentId: d.studentId,
    importId: d.importId,
    rows: d.v.rows,
  }));
  await copyExams(session.copy, rows);
  const idByKey = new Map<string, number>();
  drafts.forEach((d, i) => {
    idByKey.set(key(d.v.assessmentId, d.v.opportunityId), (rows[i] as ExamCopyRow).id);
  });
  for (const o of outcomes) {
    if (o.examKey === undefined) continue;
    const current = state.get(o.examKey);
    o.examId = idByKey.get(o.examKey) ?? (current?.inDb ? current.examId : null);
    delete o.examKey;
  }
  await refreshInferredSchools(trx, [...touched]);
  await joinGroups(trx, valid, studentIds);
  return outcomes;
}

/** Inferred school/district = school of the student's newest exam; none left ⇒ null (formats.md §3.9). */
export async function refreshInferredSchools(trx: Db, studentIds: readonly number[]): Promise<void> {
  if (studentIds.length === 0) return;
  await sql`
    update students s set inferred_school_id = x.school_id, inferred_district_id = x.district_id, updated_at = now()
    from (select st.id, e.school_id, e.district_id
          from unnest(${[...studentIds].sort((a, b) => a - b)}::int[]) as st(id)
          left join lateral (select school_id, district_id from exams where student_id = st.id
                             order by completed_at desc, id desc limit 1) e on true) x
    where s.id = x.id and (s.inferred_school_id is distinct from x.school_id or s.inferred_district_id is distinct from x.district_id)`.execute(
    trx,
  );
}

/** StudentGroupName attributes: group (name, exam school, exam year) created if missing, student added (§3.9). */
async function joinGroups(trx: Db, valid: readonly { v: ValidExam }[], studentIds: Map<string, number>): Promise<void> {
  const rows: { name: string; schoolId: number; districtId: number; schoolYear: number; studentId: number }[] = [];
  for (const { v } of valid) {
    if (v.reset) continue;
    for (const name of v.groupNames) {
      rows.push({
        name,
        schoolId: v.exam.schoolId,
        districtId: v.exam.districtId,
        schoolYear: v.exam.schoolYear,
        studentId: studentIds.get(v.student.ssid) as number,
      });
    }
  }
  if (rows.length === 0) return;
  rows.sort((a, b) => a.schoolId - b.schoolId || a.schoolYear - b.schoolYear || a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
  await sql`
    insert into student_groups (district_id, school_id, school_year, name)
    select distinct on (s, y, lower(n)) d, s, y, n from unnest(${col((r) => r.districtId)}::int[], ${col((r) => r.schoolId)}::int[],
      ${col((r) => r.schoolYear)}::int[], ${col((r) => r.name)}::text[]) as t(d, s, y, n)
    order by s, y, lower(n)
    on conflict (school_id, school_year, lower(name)) do nothing`.execute(trx);
  await sql`
    insert into student_group_members (district_id, group_id, student_id)
    select distinct g.district_id, g.id, t.st
    from unnest(${col((r) => r.schoolId)}::int[], ${col((r) => r.schoolYear)}::int[], ${col((r) => r.name)}::text[], ${col((r) => r.studentId)}::int[]) as t(s, y, n, st)
    join student_groups g on g.school_id = t.s and g.school_year = t.y and lower(g.name) = lower(t.n)
    on conflict do nothing`.execute(trx);
}
