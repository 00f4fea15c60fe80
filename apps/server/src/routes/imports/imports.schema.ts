import { IMPORT_STATUSES, UPLOAD_CONTENTS } from '@cers/ingest';
import { z } from 'zod';

const Status = z.enum(IMPORT_STATUSES);
const Content = z.enum(['EXAM', 'PACKAGE', 'CODES', 'ORGANIZATION', 'GROUPS', 'EMBARGO', 'NORMS', 'SUBJECT', 'STUDENTS']);
const list = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]));

export const ImportRecordSchema = z.object({
  id: z.number(),
  content: Content,
  contentType: z.string().nullable(),
  digest: z.string(),
  status: Status,
  filename: z.string().nullable(),
  batch: z.string().nullable(),
  creator: z.string().nullable(),
  message: z.string().nullable(),
  payloadSize: z.number(),
  attempts: z.number(),
  retries: z.number(),
  examId: z.number().nullable(),
  transforms: z.array(z.string()),
  createdAt: z.date(),
  updatedAt: z.date(),
  processedAt: z.date().nullable(),
  /** True when the same bytes had been imported before (this is that import). */
  duplicate: z.boolean().optional(),
});
export type ImportRecordJson = z.infer<typeof ImportRecordSchema>;

export const ImportDetailSchema = ImportRecordSchema.extend({
  warnings: z.array(z.object({ elementName: z.string(), value: z.string().optional(), error: z.string() })),
  properties: z.record(z.string(), z.unknown()).nullable(),
});

export const UploadQuerySchema = z.object({
  content: z.enum(UPLOAD_CONTENTS).optional().describe('EXAM, PACKAGE, ... (default: detected from the file)'),
  filename: z.string().max(255).optional(),
  batch: z.string().max(255).optional(),
  transform: z.string().max(200).optional().describe('comma-separated TRT transform hooks, e.g. external-vendor'),
});

export const UploadResponseSchema = z.object({ imports: z.array(ImportRecordSchema) });

export const ListQuerySchema = z.object({
  status: list(Status),
  content: list(Content),
  from: z.coerce.date().optional().describe('created on or after (ISO date)'),
  to: z.coerce.date().optional().describe('created before (ISO date)'),
  filename: z.string().max(200).optional(),
  before: z.coerce.number().int().positive().optional().describe('page: ids below this one'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const ListResponseSchema = z.object({
  imports: z.array(ImportRecordSchema),
  counts: z.record(z.string(), z.number()),
  nextBefore: z.number().nullable(),
});

export const IdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const RetryBodySchema = z.object({
  statuses: z
    .array(z.enum(['UNKNOWN_ASMT', 'UNKNOWN_SCHOOL', 'UNKNOWN_STUDENT', 'FAILED', 'BAD_DATA', 'ACCEPTED']))
    .min(1)
    .default(['UNKNOWN_ASMT', 'UNKNOWN_SCHOOL', 'UNKNOWN_STUDENT']),
  ids: z.array(z.number().int().positive()).max(10_000).optional(),
  content: z.enum(UPLOAD_CONTENTS).optional(),
});

export const RetryResponseSchema = z.object({ retried: z.number(), statuses: z.record(z.string(), z.number()) });
