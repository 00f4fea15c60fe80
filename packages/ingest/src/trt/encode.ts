import { type EncodedExamRows, encodeExamRows } from '@cers/db';
import { processTrt } from './process.js';
import type { RefData } from './refs.js';
import type { Rejection, ValidExam } from './validate.js';

/**
 * A valid exam as the loader needs it: keys, student, a few exam facts, and the rows already
 * encoded for COPY (where the file is parsed — a worker thread — so the writer only adds ids and
 * the transfer between threads is a handful of strings instead of a deep object graph).
 */
export type EncodedExam = Omit<ValidExam, 'exam'> & {
  exam: { districtId: number; schoolId: number; schoolYear: number; completedAt: string };
  rows: EncodedExamRows;
};

export function encodeExam(v: ValidExam): EncodedExam {
  const { exam, ...rest } = v;
  return {
    ...rest,
    exam: { districtId: exam.districtId, schoolId: exam.schoolId, schoolYear: exam.schoolYear, completedAt: exam.completedAt as string },
    rows: encodeExamRows(exam, v.hash),
  };
}

/** processTrt, then the valid exam encoded for the loader. */
export function processTrtForLoad(bytes: Uint8Array, transformNames: readonly string[], ref: RefData): EncodedExam | Rejection {
  const r = processTrt(bytes, transformNames, ref);
  return r.ok ? encodeExam(r) : r;
}
