import type { ResultsView, ScoreType } from '@cers/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/**
 * Group / My Group / School-Grade results. Mirrors apps/server/src/routes/results/results.schema.ts
 * (GET /api/results/assessments, /summary, /api/results, /items/:id, /compare-years, /resources)
 * and the instructional resource editor (/api/admin/instructional-resources).
 */
export type Population =
  | { kind: 'group'; id: number }
  | { kind: 'user-group'; id: number }
  | { kind: 'school'; id: number; grade: string | null };

export function populationQuery(p: Population): string {
  switch (p.kind) {
    case 'group':
      return `groupId=${p.id}`;
    case 'user-group':
      return `userGroupId=${p.id}`;
    case 'school':
      return p.grade === null ? `schoolId=${p.id}` : `schoolId=${p.id}&grade=${encodeURIComponent(p.grade)}`;
    default: {
      const never: never = p;
      return never;
    }
  }
}

export type LevelCount = { level: number; name: string; shortName: string; color: string; count: number; percent: number };
export type Distribution = { tested: number; levels: LevelCount[]; atOrAboveStandard: number; percentAtOrAboveStandard: number | null };
export type Mean = { n: number; mean: number | null; standardError: number | null };

export type AssessmentSummary = {
  id: number;
  name: string;
  label: string;
  family: string;
  type: string;
  typeLabel: string;
  subject: string;
  grade: string;
  gradeLabel: string;
  schoolYear: number;
  schoolYearLabel: string;
  studentsTested: number | null;
  latestCompletedAt: string;
  scoreTypes: ScoreType[];
  views: ResultsView[];
  /** Views this assessment cannot show, with the reason. */
  unavailableViews: { view: ResultsView; reason: string }[];
  measureKind: string | null;
};

export type PopulationInfo = {
  kind: 'group' | 'user-group' | 'school';
  id: number;
  name: string;
  schoolId: number | null;
  schoolName: string | null;
  grade: string | null;
  schoolYear: number | null;
  subjects: string[] | null;
  access: 'individual' | 'aggregate';
};

export type ResultAssessments = {
  population: PopulationInfo;
  years: number[];
  year: number | null;
  assessments: AssessmentSummary[];
  defaultAssessmentIds: number[];
};

export type SubScoreSummary = {
  code: string;
  kind: 'claim' | 'composite' | 'domain';
  name: string;
  distribution: Distribution | null;
  mean: Mean | null;
};
export type ResultSummary = {
  assessment: AssessmentSummary;
  suppressed: boolean;
  distribution: Distribution | null;
  mean: Mean | null;
  standardCutName: string | null;
  subScores: SubScoreSummary[];
};

export type LevelDef = { level: number; name: string; shortName: string; color: string };
/** Rows carry the level number; the view's `levels` give its name and colour. */
export type LevelRef = number | null;

/** The level definition of a level number, from a view's legend. */
export function findLevel(levels: readonly LevelDef[], level: LevelRef): LevelDef | null {
  return level === null ? null : (levels.find((l) => l.level === level) ?? null);
}
export type StudentRef = { examId: number; studentId: number; ssid: string; name: string };

export type StudentRow = StudentRef & {
  firstName: string | null;
  lastName: string | null;
  accommodations: string[];
  completedAt: string;
  sessionId: string | null;
  enrolledGrade: string | null;
  schoolId: number;
  schoolName: string;
  testedElsewhere: boolean;
  status: string;
  level: LevelRef;
  scaleScore: number | null;
  standardError: number | null;
  errorBandMin: number | null;
  errorBandMax: number | null;
  scores: { code: string; scaleScore: number | null; standardError: number | null; level: LevelRef }[];
};
export type StudentViewData = {
  view: 'student';
  scoreType: ScoreType;
  levels: LevelDef[];
  subScores: { code: string; name: string; levels: LevelDef[] }[];
  rows: StudentRow[];
};

export type TraitSummary = {
  category: string;
  name: string;
  max: number;
  n: number;
  mean: number | null;
  values: { points: number; count: number; percent: number }[];
};
export type TraitRow = StudentRef & {
  purpose: string | null;
  purposeLabel: string | null;
  organization: number | null;
  evidence: number | null;
  conventions: number | null;
  transformedPoints: number | null;
  conditionCode: string | null;
  werItemId: number | null;
};
export type TraitViewData = {
  view: 'writing-traits';
  purposes: { purpose: string; label: string; students: number; summaries: TraitSummary[] }[];
  summaries: TraitSummary[];
  rows: TraitRow[];
};

export type TargetCell = { result: string; label: string; mean: number | null; standardError: number | null };
export type TargetRow = {
  claimCode: string;
  claimName: string;
  targetId: number;
  targetCode: string;
  targetName: string;
  description: string | null;
  subgroup: string;
  subgroupLabel: string;
  studentsTested: number;
  excluded: boolean;
  relativeToTest: TargetCell;
  relativeToStandard: TargetCell;
};
export type TargetViewData = {
  view: 'targets';
  studentsTested: number;
  rule: 'hidden' | 'caution' | 'ok';
  message: string | null;
  mathConceptsOnly: boolean;
  subgroupDimension: string;
  subgroups: { value: string; label: string; studentsTested: number }[];
  rows: TargetRow[];
};

export type MeasureRow = StudentRef & {
  enrolledGrade: string | null;
  scaleScore: number | null;
  level: LevelRef;
  measure: number | null;
  formatted: string | null;
  range: string | null;
  position: 'below' | 'within' | 'above' | null;
};
export type MeasureViewData = {
  view: 'lexile' | 'quantile';
  levels: LevelDef[];
  band: { low: number; high: number } | null;
  bandLabel: string | null;
  spread: {
    n: number;
    min: string | null;
    max: string | null;
    median: string | null;
    lowerQuartile: string | null;
    upperQuartile: string | null;
    below: number;
    within: number;
    above: number;
  };
  rows: MeasureRow[];
};

export type ItemSummary = {
  id: number;
  number: number;
  naturalId: string;
  format: string | null;
  claimCode: string | null;
  claimName: string | null;
  targetCode: string | null;
  targetName: string | null;
  standard: string | null;
  dok: number | null;
  difficulty: string | null;
  maxPoints: number;
  answerKey: string | null;
};
export type ItemResult = ItemSummary & {
  scored: number;
  average: number | null;
  averagePercent: number | null;
  fullCreditPercent: number | null;
  points: { points: number; count: number; percent: number }[];
};
export type ItemsViewData = {
  view: 'items';
  items: ItemResult[];
  rows: (StudentRef & { points: Record<string, number | null>; total: number })[];
};
export type DistractorItem = ItemSummary & {
  responders: number;
  options: { option: string; count: number; percent: number; isKey: boolean }[];
};
export type DistractorViewData = { view: 'distractors'; items: DistractorItem[] };

export type ViewData = StudentViewData | TraitViewData | TargetViewData | MeasureViewData | ItemsViewData | DistractorViewData;

export type ItemDetail = {
  assessment: AssessmentSummary;
  item: ItemSummary & {
    dokLabel: string | null;
    targetDescription: string | null;
    stem: string | null;
    options: { key: string; text: string }[];
    rubric: { points: number; text: string }[];
    exemplar: string | null;
    writingPurpose: string | null;
    mathPractice: string | null;
    allowCalculator: boolean | null;
    difficultyParameter: number | null;
  };
  responses: (StudentRef & {
    points: number | null;
    maxPoints: number;
    correctness: number | null;
    response: string | null;
    traits: { organization: number | null; evidence: number | null; conventions: number | null } | null;
  })[];
};

export type CompareYears = {
  subject: string;
  type: string;
  years: {
    schoolYear: number;
    schoolYearLabel: string;
    assessmentId: number;
    label: string;
    grade: string;
    suppressed: boolean;
    distribution: Distribution | null;
    mean: Mean | null;
  }[];
};

export type ResourceLink = {
  id: number | null;
  title: string;
  url: string;
  organizationName: string | null;
  performanceLevel: number | null;
};
export type Resources = { district: ResourceLink[]; toolsForTeachers: ResourceLink[] };

const KEY = 'results';

export function useResultAssessments(p: Population, year: number | undefined) {
  return useQuery({
    queryKey: [KEY, 'assessments', p, year ?? null],
    queryFn: ({ signal }) =>
      api<ResultAssessments>(`/api/results/assessments?${populationQuery(p)}${year ? `&year=${year}` : ''}`, { signal }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useResultSummary(p: Population, assessmentId: number) {
  return useQuery({
    queryKey: [KEY, 'summary', p, assessmentId],
    queryFn: ({ signal }) => api<ResultSummary>(`/api/results/summary?${populationQuery(p)}&assessmentId=${assessmentId}`, { signal }),
    retry: false,
  });
}

export type ViewParams = { assessmentId: number; view: ResultsView; scoreType: ScoreType; subgroup: string };

export function useResultView(p: Population, v: ViewParams, enabled: boolean) {
  const qs = `${populationQuery(p)}&assessmentId=${v.assessmentId}&view=${v.view}&scoreType=${v.scoreType}&subgroup=${v.subgroup}`;
  return useQuery({
    queryKey: [KEY, 'view', p, v],
    queryFn: ({ signal }) => api<ViewData>(`/api/results?${qs}`, { signal }),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useItemDetail(p: Population, itemId: number | null, studentId: number | null) {
  return useQuery({
    queryKey: [KEY, 'item', p, itemId, studentId],
    queryFn: ({ signal }) =>
      api<ItemDetail>(`/api/results/items/${itemId}?${populationQuery(p)}${studentId ? `&studentId=${studentId}` : ''}`, { signal }),
    enabled: itemId !== null,
    retry: false,
  });
}

export function useCompareYears(p: Population, subject: string, type: string, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, 'compare', p, subject, type],
    queryFn: ({ signal }) =>
      api<CompareYears>(`/api/results/compare-years?${populationQuery(p)}&subject=${encodeURIComponent(subject)}&type=${type}`, { signal }),
    enabled,
    retry: false,
  });
}

export type ResourceContext = { targetId?: number; claimCode?: string; level?: number };

export function useResources(p: Population, assessmentId: number, context: ResourceContext = {}, enabled = true) {
  const extra = [
    context.targetId ? `&targetId=${context.targetId}` : '',
    context.claimCode ? `&claimCode=${encodeURIComponent(context.claimCode)}` : '',
    context.level ? `&level=${context.level}` : '',
  ].join('');
  return useQuery({
    queryKey: [KEY, 'resources', p, assessmentId, context],
    queryFn: ({ signal }) =>
      api<Resources>(`/api/results/resources?${populationQuery(p)}&assessmentId=${assessmentId}${extra}`, { signal }),
    staleTime: 5 * 60_000,
    enabled,
    retry: false,
  });
}

// ---------------------------------------------------------------- instructional resource editor

export type ResourceKind = 'district' | 'tools_for_teachers';
export type InstructionalResource = {
  id: number;
  kind: ResourceKind;
  title: string;
  url: string;
  organizationId: number;
  organizationName: string;
  orgType: string;
  assessmentName: string | null;
  subject: string | null;
  assessmentType: string | null;
  claimCode: string | null;
  targetId: number | null;
  targetCode: string | null;
  targetName: string | null;
  performanceLevel: number | null;
  updatedAt: string;
};
export type ResourceInput = Omit<InstructionalResource, 'id' | 'organizationName' | 'orgType' | 'targetCode' | 'targetName' | 'updatedAt'>;
export type ResourceOptions = {
  organizations: { id: number; type: string; name: string }[];
  assessments: { name: string; subject: string; type: string; label: string }[];
  targets: { id: number; claimCode: string; naturalId: string; name: string }[];
};

const ADMIN = '/api/admin/instructional-resources';

export function useInstructionalResources(q: string) {
  return useQuery({
    queryKey: [KEY, 'admin', q],
    queryFn: ({ signal }) => api<{ resources: InstructionalResource[] }>(`${ADMIN}${q ? `?q=${encodeURIComponent(q)}` : ''}`, { signal }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useResourceOptions(q: string, assessment: string, subject: string | null) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (assessment) params.set('assessment', assessment);
  if (subject) params.set('subject', subject);
  return useQuery({
    queryKey: [KEY, 'admin-options', q, assessment, subject],
    queryFn: ({ signal }) => api<ResourceOptions>(`${ADMIN}/options?${params.toString()}`, { signal }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useSaveResource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: number | null; input: ResourceInput }) =>
      args.id === null
        ? api<InstructionalResource>(ADMIN, { method: 'POST', body: args.input })
        : api<InstructionalResource>(`${ADMIN}/${args.id}`, { method: 'PUT', body: args.input }),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useDeleteResource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`${ADMIN}/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
}
