import { ASSESSMENT_TYPES, K12_GRADES, SUBJECTS } from '@cers/domain';
import { z } from 'zod';
import { REPORT_LANGUAGES } from './i18n/strings.js';

/**
 * What a printable report asks for (stored in reports.params). The job reads it back and
 * re-evaluates who the requester may see: ids here are never trusted on their own.
 */
export const REPORT_KINDS = ['isr', 'group-csv'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const SORT_ORDERS = ['name', 'ssid', 'score'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

const id = z.number().int().positive();
export const ReportTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('student'), studentId: id }),
  z.object({ type: z.literal('group'), groupId: id }),
  z.object({ type: z.literal('userGroup'), userGroupId: id }),
  z.object({ type: z.literal('schoolGrade'), schoolId: id, grade: z.enum(K12_GRADES as unknown as [string, ...string[]]) }),
]);
export type ReportTargetParams = z.infer<typeof ReportTargetSchema>;

export const ReportParamsSchema = z.object({
  target: ReportTargetSchema,
  schoolYear: z.number().int().min(2000).max(2100),
  assessmentType: z.enum(ASSESSMENT_TYPES),
  /** null = every subject (one report per subject the student has). */
  subject: z.enum(SUBJECTS).nullable(),
  sortOrder: z.enum(SORT_ORDERS).default('name'),
  language: z.enum(REPORT_LANGUAGES).default('en'),
  /** Accommodations print only when asked for (reports can go to colleges without them). */
  accommodations: z.boolean().default(false),
});
export type ReportParams = z.infer<typeof ReportParamsSchema>;

/** Report names avoid characters that break file names (cers-features.md §3.8). */
export const REPORT_NAME_PATTERN = /^[^<>:;,?"*|\\/]+$/;

export function reportFileName(name: string, extension: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 ._-]+/g, '_')
    .trim()
    .slice(0, 80);
  return `${base || 'report'}.${extension}`;
}
