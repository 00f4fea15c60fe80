import { readTrtFast, TrtFormatError, TrtReader } from './parse.js';
import type { RefData } from './refs.js';
import { applyTransforms, resolveTransforms } from './transforms.js';
import { type Rejection, type ValidExam, validateExam } from './validate.js';

const CHUNK = 64 * 1024;

/**
 * The fast scanner when it can read the file (parse.ts readTrtFast), else saxes fed in slices so
 * a big file never becomes one huge string; both give the same result, saxes gives the errors.
 */
export function readTrt(bytes: Uint8Array) {
  const fast = readTrtFast(bytes);
  if (fast) return fast;
  const reader = new TrtReader();
  for (let at = 0; at < bytes.length; at += CHUNK) reader.write(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)));
  return reader.end();
}

/**
 * parse → transform hooks → validate, for one TRT payload. Pure apart from CPU: used in the
 * parse workers and in-process alike. Never throws for bad input: every file gets an outcome.
 */
export function processTrt(bytes: Uint8Array, transformNames: readonly string[], ref: RefData): ValidExam | Rejection {
  let trt: ReturnType<typeof readTrt>;
  try {
    trt = readTrt(bytes);
  } catch (error) {
    if (error instanceof TrtFormatError) return { ok: false, status: 'BAD_FORMAT', message: error.message };
    return { ok: false, status: 'BAD_FORMAT', message: `unreadable XML: ${(error as Error).message}` };
  }
  if (transformNames.length > 0) {
    try {
      trt = applyTransforms(trt, resolveTransforms(transformNames));
    } catch (error) {
      return { ok: false, status: 'PIPELINE_FAILURE', message: `transform failed: ${(error as Error).message}` };
    }
  }
  return validateExam(trt, ref);
}
