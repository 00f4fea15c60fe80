import { REPORT_STATUSES } from '@cers/db';
import { REPORT_KINDS, REPORT_NAME_PATTERN, ReportParamsSchema } from '@cers/reports';
import { z } from 'zod';

export const ErrorSchema = z.object({ error: z.string(), message: z.string() });

export const CreateReportSchema = ReportParamsSchema.extend({
  kind: z.enum(REPORT_KINDS).default('isr'),
  name: z
    .string()
    .trim()
    .min(1, 'Enter a report name.')
    .max(100, 'The report name can be at most 100 characters.')
    .regex(REPORT_NAME_PATTERN, 'The report name cannot contain < > : ; , ? " * | \\ or /.'),
});
export type CreateReport = z.infer<typeof CreateReportSchema>;

export const ReportSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(REPORT_KINDS),
  targetType: z.enum(['student', 'group', 'userGroup', 'schoolGrade']).nullable(),
  assessmentType: z.string().nullable(),
  subject: z.string().nullable(),
  schoolYear: z.number().nullable(),
  language: z.enum(['en', 'es']).nullable(),
  status: z.enum(REPORT_STATUSES),
  progress: z.number(),
  total: z.number(),
  message: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  filename: z.string().nullable(),
  contentType: z.string().nullable(),
  sizeBytes: z.number().nullable(),
});
export type ReportDto = z.infer<typeof ReportSchema>;

export const ReportListSchema = z.object({ reports: z.array(ReportSchema) });
export const ReportIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const ReportOptionsQuerySchema = z.object({
  targetType: z.enum(['student', 'group', 'userGroup', 'schoolGrade']),
  id: z.coerce.number().int().positive(),
  grade: z
    .string()
    .regex(/^(KG|0[1-9]|1[0-2])$/, 'grade must be KG or 01–12')
    .optional(),
});
export const ReportOptionsSchema = z.object({
  schoolYears: z.array(z.number()),
  options: z.array(z.object({ schoolYear: z.number(), assessmentType: z.string(), subject: z.string() })),
});
