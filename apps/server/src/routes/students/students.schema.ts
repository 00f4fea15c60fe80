import { ASSESSMENT_TYPES, normalizeSsid, SSID_MESSAGE, SSID_PATTERN, SUBJECTS } from '@cers/domain';
import { z } from 'zod';

/** Request and response contracts of Search by Student and the Student Test History page. */

export const ErrorSchema = z.object({ error: z.string(), message: z.string() });

/** A database id in a path or query (int4, positive): anything else is a clear 400, never a 500. */
export const IdSchema = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .positive('must be positive')
  .max(2_147_483_647, 'is too large');

export const LevelSchema = z.object({ level: z.number(), name: z.string(), shortName: z.string(), color: z.string() });

export const AssessmentSchema = z.object({
  id: z.number(),
  name: z.string(),
  label: z.string(),
  family: z.string(),
  subject: z.string(),
  type: z.string(),
  grade: z.string(),
  schoolYear: z.number(),
  minScore: z.number().nullable(),
  maxScore: z.number().nullable(),
  /** Lower bounds of levels 2..n. */
  cutScores: z.array(z.number()),
  /** First level that meets the standard (3 for Smarter Balanced). */
  standardCutLevel: z.number().nullable(),
  levels: z.array(LevelSchema),
  hasClaims: z.boolean(),
  hasComposites: z.boolean(),
  hasDomains: z.boolean(),
  hasTraits: z.boolean(),
  measureKind: z.string().nullable(),
});

export const StudentSummarySchema = z.object({
  id: z.number(),
  ssid: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  /** "Last, First". */
  displayName: z.string(),
  school: z.object({ id: z.number(), name: z.string() }).nullable(),
  district: z.object({ id: z.number(), name: z.string() }).nullable(),
});

export const ResultCardSchema = z.object({
  examId: z.number(),
  completedAt: z.string(),
  scaleScore: z.number().nullable(),
  scaleScoreSem: z.number().nullable(),
  achievementLevel: z.number().nullable(),
  resultCount: z.number(),
  assessment: AssessmentSchema,
});

export const StudentSearchQuerySchema = z.object({
  ssid: z
    .string({ message: SSID_MESSAGE })
    .transform(normalizeSsid)
    .pipe(z.string().regex(SSID_PATTERN, SSID_MESSAGE))
    .describe('Statewide Student Identifier, 10 digits'),
});

export const StudentSearchResponseSchema = z.object({
  /** null when no student with this SSID exists or the user may not see them (indistinguishable). */
  student: StudentSummarySchema.nullable(),
  /** One card per assessment with visible results: the latest result on it, most recent first. */
  cards: z.array(ResultCardSchema),
});

export const StudentParamsSchema = z.object({ id: IdSchema });

export const StudentResponseSchema = z.object({ student: StudentSummarySchema });

export const StudentExamsQuerySchema = z.object({
  schoolYear: z.coerce.number().int().min(1990).max(2100).optional().describe('School year as its ending year: 2025 = 2024–25'),
  subject: z.enum(SUBJECTS).optional(),
  type: z.enum(ASSESSMENT_TYPES).optional(),
});

export const SubScoreSchema = z.object({
  code: z.string(),
  kind: z.enum(['claim', 'composite', 'domain', 'alt']),
  name: z.string(),
  displayOrder: z.number(),
  scaleScore: z.number().nullable(),
  sem: z.number().nullable(),
  level: z.number().nullable(),
  levels: z.array(LevelSchema),
  cutScores: z.array(z.number()),
  minScore: z.number().nullable(),
  maxScore: z.number().nullable(),
});

export const StudentExamSchema = z.object({
  id: z.number(),
  completedAt: z.string(),
  schoolYear: z.number(),
  sessionId: z.string().nullable(),
  school: z.object({ id: z.number(), name: z.string() }),
  /** The exam was taken at a school other than the student's current one. */
  atOtherSchool: z.boolean(),
  enrolledGrade: z.string().nullable(),
  completeness: z.string().nullable(),
  administrationCondition: z.string().nullable(),
  scaleScore: z.number().nullable(),
  scaleScoreSem: z.number().nullable(),
  achievementLevel: z.number().nullable(),
  lexile: z.number().nullable(),
  quantile: z.number().nullable(),
  assessment: AssessmentSchema,
  scores: z.array(SubScoreSchema),
  traits: z.array(
    z.object({
      purpose: z.string(),
      category: z.string(),
      score: z.number().nullable(),
      maxScore: z.number(),
      conditionCode: z.string().nullable(),
    }),
  ),
  accommodations: z.array(z.object({ code: z.string(), label: z.string().nullable() })),
});

export const StudentExamsResponseSchema = z.object({ student: StudentSummarySchema, exams: z.array(StudentExamSchema) });
