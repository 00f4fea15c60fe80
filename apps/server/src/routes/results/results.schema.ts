import { RESULTS_VIEWS, SCORE_TYPES } from '@cers/domain';
import { z } from 'zod';

export const ErrorSchema = z.object({ error: z.string(), message: z.string() });

const id = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * Who the results are about: exactly one of groupId (assigned group), userGroupId (My Groups) or
 * schoolId with grade (School/Grade results). Checked in population.ts (one clear 400 message).
 */
export const PopulationQuerySchema = z.object({
  groupId: id.optional(),
  userGroupId: id.optional(),
  schoolId: id.optional(),
  grade: z.string().trim().max(3).optional(),
});
export type PopulationQuery = z.infer<typeof PopulationQuerySchema>;

export const LevelCountSchema = z.object({
  level: z.number(),
  name: z.string(),
  shortName: z.string(),
  color: z.string(),
  count: z.number(),
  percent: z.number(),
});
export const DistributionSchema = z.object({
  tested: z.number(),
  levels: z.array(LevelCountSchema),
  atOrAboveStandard: z.number(),
  percentAtOrAboveStandard: z.number().nullable(),
});
export const MeanSchema = z.object({ n: z.number(), mean: z.number().nullable(), standardError: z.number().nullable() });

export const AssessmentSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  label: z.string(),
  family: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  subject: z.string(),
  grade: z.string(),
  gradeLabel: z.string(),
  schoolYear: z.number(),
  schoolYearLabel: z.string(),
  /** Null when suppressed for an aggregate-only user (10 students or fewer). */
  studentsTested: z.number().nullable(),
  latestCompletedAt: z.string(),
  scoreTypes: z.array(z.enum(SCORE_TYPES)),
  views: z.array(z.enum(RESULTS_VIEWS)),
  /** Views this assessment cannot show, with the reason (shown disabled, with the reason, on the page). */
  unavailableViews: z.array(z.object({ view: z.enum(RESULTS_VIEWS), reason: z.string() })),
  measureKind: z.string().nullable(),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummarySchema>;

export const PopulationSchema = z.object({
  kind: z.enum(['group', 'user-group', 'school']),
  id: z.number(),
  name: z.string(),
  schoolId: z.number().nullable(),
  schoolName: z.string().nullable(),
  grade: z.string().nullable(),
  schoolYear: z.number().nullable(),
  subjects: z.array(z.string()).nullable(),
  /** individual: names and student rows; aggregate: counts and means only, small groups suppressed. */
  access: z.enum(['individual', 'aggregate']),
});

export const AssessmentsQuerySchema = PopulationQuerySchema.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const AssessmentsResponseSchema = z.object({
  population: PopulationSchema,
  years: z.array(z.number()),
  year: z.number().nullable(),
  assessments: z.array(AssessmentSummarySchema),
  defaultAssessmentIds: z.array(z.number()),
});

export const SummaryQuerySchema = PopulationQuerySchema.extend({ assessmentId: id });
const SubScoreSummarySchema = z.object({
  code: z.string(),
  kind: z.enum(['claim', 'composite', 'domain']),
  name: z.string(),
  distribution: DistributionSchema.nullable(),
  mean: MeanSchema.nullable(),
});
export const SummaryResponseSchema = z.object({
  assessment: AssessmentSummarySchema,
  suppressed: z.boolean(),
  distribution: DistributionSchema.nullable(),
  mean: MeanSchema.nullable(),
  standardCutName: z.string().nullable(),
  subScores: z.array(SubScoreSummarySchema),
});

export const ViewQuerySchema = PopulationQuerySchema.extend({
  assessmentId: id,
  view: z.enum(RESULTS_VIEWS).default('student'),
  scoreType: z.enum(SCORE_TYPES).default('overall'),
  subgroup: z
    .enum(['overall', 'gender', 'ethnicity', 'elas', 'lep', 'iep', 'section504', 'economicDisadvantage', 'migrant', 'militaryConnected'])
    .default('overall'),
});
export type ViewQuery = z.infer<typeof ViewQuerySchema>;

const StudentRefSchema = z.object({
  examId: z.number(),
  studentId: z.number(),
  ssid: z.string(),
  name: z.string(),
});
const LevelDefSchema = z.object({ level: z.number(), name: z.string(), shortName: z.string(), color: z.string() });
/** Rows carry level numbers; the view carries the level names and colours once (smaller answers). */
const LevelRefSchema = z.number().nullable();

const SubScoreCellSchema = z.object({
  code: z.string(),
  scaleScore: z.number().nullable(),
  standardError: z.number().nullable(),
  level: LevelRefSchema,
});
export const StudentViewSchema = z.object({
  view: z.literal('student'),
  scoreType: z.enum(SCORE_TYPES),
  levels: z.array(LevelDefSchema),
  subScores: z.array(z.object({ code: z.string(), name: z.string(), levels: z.array(LevelDefSchema) })),
  rows: z.array(
    StudentRefSchema.extend({
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
      accommodations: z.array(z.string()),
      completedAt: z.string(),
      sessionId: z.string().nullable(),
      enrolledGrade: z.string().nullable(),
      schoolId: z.number(),
      schoolName: z.string(),
      testedElsewhere: z.boolean(),
      status: z.string(),
      level: LevelRefSchema,
      scaleScore: z.number().nullable(),
      standardError: z.number().nullable(),
      errorBandMin: z.number().nullable(),
      errorBandMax: z.number().nullable(),
      scores: z.array(SubScoreCellSchema),
    }),
  ),
});

const TraitSummarySchema = z.object({
  category: z.string(),
  name: z.string(),
  max: z.number(),
  n: z.number(),
  mean: z.number().nullable(),
  values: z.array(z.object({ points: z.number(), count: z.number(), percent: z.number() })),
});
export const TraitViewSchema = z.object({
  view: z.literal('writing-traits'),
  purposes: z.array(z.object({ purpose: z.string(), label: z.string(), students: z.number(), summaries: z.array(TraitSummarySchema) })),
  summaries: z.array(TraitSummarySchema),
  rows: z.array(
    StudentRefSchema.extend({
      purpose: z.string().nullable(),
      purposeLabel: z.string().nullable(),
      organization: z.number().nullable(),
      evidence: z.number().nullable(),
      conventions: z.number().nullable(),
      transformedPoints: z.number().nullable(),
      conditionCode: z.string().nullable(),
      werItemId: z.number().nullable(),
    }),
  ),
});

const TargetCellSchema = z.object({
  result: z.string(),
  label: z.string(),
  mean: z.number().nullable(),
  standardError: z.number().nullable(),
});
export const TargetViewSchema = z.object({
  view: z.literal('targets'),
  studentsTested: z.number(),
  rule: z.enum(['hidden', 'caution', 'ok']),
  message: z.string().nullable(),
  mathConceptsOnly: z.boolean(),
  subgroupDimension: z.string(),
  subgroups: z.array(z.object({ value: z.string(), label: z.string(), studentsTested: z.number() })),
  rows: z.array(
    z.object({
      claimCode: z.string(),
      claimName: z.string(),
      targetId: z.number(),
      targetCode: z.string(),
      targetName: z.string(),
      description: z.string().nullable(),
      subgroup: z.string(),
      subgroupLabel: z.string(),
      studentsTested: z.number(),
      excluded: z.boolean(),
      relativeToTest: TargetCellSchema,
      relativeToStandard: TargetCellSchema,
    }),
  ),
});

const RangeSchema = z.object({ low: z.number(), high: z.number() });
export const MeasureViewSchema = z.object({
  view: z.enum(['lexile', 'quantile']),
  levels: z.array(LevelDefSchema),
  band: RangeSchema.nullable(),
  bandLabel: z.string().nullable(),
  spread: z.object({
    n: z.number(),
    min: z.string().nullable(),
    max: z.string().nullable(),
    median: z.string().nullable(),
    lowerQuartile: z.string().nullable(),
    upperQuartile: z.string().nullable(),
    below: z.number(),
    within: z.number(),
    above: z.number(),
  }),
  rows: z.array(
    StudentRefSchema.extend({
      enrolledGrade: z.string().nullable(),
      scaleScore: z.number().nullable(),
      level: LevelRefSchema,
      measure: z.number().nullable(),
      formatted: z.string().nullable(),
      range: z.string().nullable(),
      position: z.enum(['below', 'within', 'above']).nullable(),
    }),
  ),
});

export const ItemSummarySchema = z.object({
  id: z.number(),
  number: z.number(),
  naturalId: z.string(),
  format: z.string().nullable(),
  claimCode: z.string().nullable(),
  claimName: z.string().nullable(),
  targetCode: z.string().nullable(),
  targetName: z.string().nullable(),
  standard: z.string().nullable(),
  dok: z.number().nullable(),
  difficulty: z.string().nullable(),
  maxPoints: z.number(),
  answerKey: z.string().nullable(),
});
export const ItemsViewSchema = z.object({
  view: z.literal('items'),
  items: z.array(
    ItemSummarySchema.extend({
      scored: z.number(),
      average: z.number().nullable(),
      averagePercent: z.number().nullable(),
      fullCreditPercent: z.number().nullable(),
      points: z.array(z.object({ points: z.number(), count: z.number(), percent: z.number() })),
    }),
  ),
  rows: z.array(StudentRefSchema.extend({ points: z.record(z.string(), z.number().nullable()), total: z.number() })),
});
export const DistractorViewSchema = z.object({
  view: z.literal('distractors'),
  items: z.array(
    ItemSummarySchema.extend({
      responders: z.number(),
      options: z.array(z.object({ option: z.string(), count: z.number(), percent: z.number(), isKey: z.boolean() })),
    }),
  ),
});

export const ViewResponseSchema = z.discriminatedUnion('view', [
  StudentViewSchema,
  TraitViewSchema,
  TargetViewSchema,
  MeasureViewSchema,
  ItemsViewSchema,
  DistractorViewSchema,
]);
export type ViewResponse = z.infer<typeof ViewResponseSchema>;

export const ItemParamsSchema = z.object({ itemId: id });
export const ItemQuerySchema = PopulationQuerySchema.extend({ studentId: id.optional() });
export const ItemDetailResponseSchema = z.object({
  assessment: AssessmentSummarySchema,
  item: ItemSummarySchema.extend({
    dokLabel: z.string().nullable(),
    targetDescription: z.string().nullable(),
    stem: z.string().nullable(),
    options: z.array(z.object({ key: z.string(), text: z.string() })),
    rubric: z.array(z.object({ points: z.number(), text: z.string() })),
    exemplar: z.string().nullable(),
    writingPurpose: z.string().nullable(),
    mathPractice: z.string().nullable(),
    allowCalculator: z.boolean().nullable(),
    difficultyParameter: z.number().nullable(),
  }),
  responses: z.array(
    StudentRefSchema.extend({
      points: z.number().nullable(),
      maxPoints: z.number(),
      correctness: z.number().nullable(),
      response: z.string().nullable(),
      traits: z
        .object({ organization: z.number().nullable(), evidence: z.number().nullable(), conventions: z.number().nullable() })
        .nullable(),
    }),
  ),
});

export const CompareQuerySchema = PopulationQuerySchema.extend({
  subject: z.string().trim().min(1).max(20),
  type: z.enum(['sum', 'ica', 'iab', 'fiab', 'ia']).default('sum'),
});
export const CompareResponseSchema = z.object({
  subject: z.string(),
  type: z.string(),
  years: z.array(
    z.object({
      schoolYear: z.number(),
      schoolYearLabel: z.string(),
      assessmentId: z.number(),
      label: z.string(),
      grade: z.string(),
      suppressed: z.boolean(),
      distribution: DistributionSchema.nullable(),
      mean: MeanSchema.nullable(),
    }),
  ),
});

export const ResourcesQuerySchema = PopulationQuerySchema.extend({
  assessmentId: id,
  claimCode: z.string().trim().max(40).optional(),
  targetId: id.optional(),
  level: z.coerce.number().int().min(1).max(6).optional(),
});
const ResourceLinkSchema = z.object({
  id: z.number().nullable(),
  title: z.string(),
  url: z.string(),
  organizationName: z.string().nullable(),
});
export const ResourcesResponseSchema = z.object({
  district: z.array(ResourceLinkSchema),
  toolsForTeachers: z.array(ResourceLinkSchema),
});
