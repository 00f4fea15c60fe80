/**
 * Import contents and statuses (formats.md §1.1, §1.2). Numeric ids are RDW's, kept for API
 * compatibility; CERS stores the names.
 */
export const IMPORT_CONTENTS = ['EXAM', 'PACKAGE', 'CODES', 'ORGANIZATION', 'GROUPS', 'EMBARGO', 'NORMS', 'SUBJECT', 'STUDENTS'] as const;
export type ImportContent = (typeof IMPORT_CONTENTS)[number];

/** Contents a file can carry (EMBARGO records are written by the admin screen, not uploaded). */
export const UPLOAD_CONTENTS = ['EXAM', 'PACKAGE', 'CODES', 'ORGANIZATION', 'GROUPS', 'NORMS', 'SUBJECT', 'STUDENTS'] as const;
export type UploadContent = (typeof UPLOAD_CONTENTS)[number];

export const IMPORT_STATUSES = [
  'ACCEPTED',
  'PROCESSED',
  'NO_UPDATE',
  'BAD_FORMAT',
  'BAD_DATA',
  'UNKNOWN_ASMT',
  'UNKNOWN_SCHOOL',
  'UNKNOWN_STUDENT',
  'INVALID',
  'UNAUTHORIZED',
  'FAILED',
  'PIPELINE_FAILURE',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export type FinalStatus = Exclude<ImportStatus, 'ACCEPTED'>;

export const STATUS_IDS: Record<ImportStatus, number> = {
  PIPELINE_FAILURE: -7,
  UNKNOWN_SCHOOL: -6,
  UNKNOWN_ASMT: -5,
  UNAUTHORIZED: -4,
  BAD_DATA: -3,
  BAD_FORMAT: -2,
  INVALID: -1,
  ACCEPTED: 0,
  PROCESSED: 1,
  NO_UPDATE: 2,
  // CERS additions (no RDW id): a student the file needs does not exist; an internal error.
  UNKNOWN_STUDENT: -8,
  FAILED: -9,
};

/** Statuses a re-run can change once the missing reference data has arrived. */
export const RETRYABLE_STATUSES = [
  'UNKNOWN_ASMT',
  'UNKNOWN_SCHOOL',
  'UNKNOWN_STUDENT',
  'FAILED',
] as const satisfies readonly ImportStatus[];

export const STATUS_LABELS: Record<ImportStatus, string> = {
  ACCEPTED: 'Accepted',
  PROCESSED: 'Processed',
  NO_UPDATE: 'No update',
  BAD_FORMAT: 'Bad format',
  BAD_DATA: 'Bad data',
  UNKNOWN_ASMT: 'Unknown assessment',
  UNKNOWN_SCHOOL: 'Unknown school',
  UNKNOWN_STUDENT: 'Unknown student',
  INVALID: 'Invalid',
  UNAUTHORIZED: 'Unauthorized',
  FAILED: 'Failed',
  PIPELINE_FAILURE: 'Pipeline failure',
};

/** One validation problem (formats.md §1.4); value is omitted when the raw value is absent. */
export type DataError = { elementName: string; value?: string; error: string };

/** Collects errors in check order and renders RDW's JSON list. */
export class ErrorCollector {
  readonly messages: DataError[] = [];

  add(elementName: string, value: string | null | undefined, error: string): void {
    this.messages.push(value === undefined || value === null ? { elementName, error } : { elementName, value, error });
  }

  get ok(): boolean {
    return this.messages.length === 0;
  }

  toJson(): string {
    return errorJson(this.messages);
  }
}

export function errorJson(messages: readonly DataError[]): string {
  return JSON.stringify({ messages });
}

/** The outcome of processing one file: its final status and the message stored with it. */
export type Outcome = {
  status: FinalStatus;
  message: string;
  warnings?: readonly DataError[] | undefined;
  examId?: number | null | undefined;
};
