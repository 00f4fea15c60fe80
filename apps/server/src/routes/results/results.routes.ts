import {
  type AssessmentMeta,
  findAssessments,
  findItem,
  hasVisibleResults,
  listItemResponses,
  listResourcesForOrgs,
  listResultAssessmentCounts,
  orgChain,
  type ResultAssessmentCount,
  recordAudit,
  summaryMoments,
  yearOverYearMoments,
} from '@cers/db';
import {
  DOK_LABELS,
  defaultSelectedAssessments,
  invalidInput,
  isSuppressed,
  notFound,
  RESULTS_VIEW_LABELS,
  type ResourceRow,
  reportsProficiency,
  resolveResources,
  schoolYearLabel,
  scoreTypes,
  TOOLS_FOR_TEACHERS_HOME,
} from '@cers/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditIp, requirePrincipal } from '../../plugins/auth.js';
import { cachedAssessment, cachedAssessments } from './assessment-cache.js';
import { instructionalResourceRoutes } from './instructional-resources.routes.js';
import { auditView, type ResolvedPopulation, requireIndividual, resolvePopulation } from './population.js';
import { overallLevelDefs, presentAssessment, shapeMoments, standardCut, studentName, subScoreDef, subScoreDefs } from './present.js';
import {
  AssessmentsQuerySchema,
  AssessmentsResponseSchema,
  CompareQuerySchema,
  CompareResponseSchema,
  ErrorSchema,
  ItemDetailResponseSchema,
  ItemParamsSchema,
  ItemQuerySchema,
  ResourcesQuerySchema,
  ResourcesResponseSchema,
  SummaryQuerySchema,
  SummaryResponseSchema,
  ViewQuerySchema,
  ViewResponseSchema,
} from './results.schema.js';
import { distractorView, itemSummary, itemsView, measureView, studentView, targetView, traitView, type ViewResult } from './views.js';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema };

const TYPE_ORDER: Record<string, number> = { sum: 0, ica: 1 };
/** Subject, then summative, ICA, blocks, then grade and label (the Select Assessments order). */
function assessmentOrder(x: AssessmentMeta, y: AssessmentMeta): number {
  return (
    x.subject.localeCompare(y.subject) ||
    (TYPE_ORDER[x.type] ?? 2) - (TYPE_ORDER[y.type] ?? 2) ||
    x.grade.localeCompare(y.grade) ||
    x.label.localeCompare(y.label)
  );
}
const ASSESSMENT = 'The assessment';

/**
 * Group, My Group and School/Grade results (issue #8, docs/group-results.md): assessments per
 * school year, score distributions, the Results by Student views, item detail, year-over-year
 * comparison and instructional resources. Population access in population.ts; every student row
 * through scope.ts in SQL; individual reads audited.
 */
export const resultsRoutes: FastifyPluginAsyncZod = async (app) => {
  const cers = () => app.ctx.cers;

  /** The assessment, if the population has visible results for it (else 404 like missing). */
  async function loadAssessment(p: ResolvedPopulation, assessmentId: number) {
    const a = await cachedAssessment(cers(), assessmentId);
    if (!a || !(await hasVisibleResults(cers().db, p.ref, p.access, assessmentId))) throw notFound(ASSESSMENT);
    return a;
  }

  app.get(
    '/api/results/assessments',
    {
      schema: {
        tags: ['results'],
        summary: 'School years and assessments a group, My Group or school grade has results for, with the default selection',
        querystring: AssessmentsQuerySchema,
        response: { 200: AssessmentsResponseSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const p = await resolvePopulation(cers(), principal, request.query);
      const counts = await listResultAssessmentCounts(cers().db, p.ref, p.access);
      const years = [...new Set(counts.map((c) => c.schoolYear))].sort((x, y) => y - x);
      const preferred =
        request.query.year ??
        (p.population.schoolYear !== null && years.includes(p.population.schoolYear) ? p.population.schoolYear : years[0]);
      const year = preferred ?? null;
      const ofYear = counts.filter((c) => c.schoolYear === year);
      const metas = new Map(
        (
          await cachedAssessments(
            cers(),
            ofYear.map((c) => c.assessmentId),
          )
        ).map((m) => [m.id, m]),
      );
      const rows = ofYear
        .map((c) => ({ c, a: metas.get(c.assessmentId) }))
        .filter((x): x is { c: ResultAssessmentCount; a: AssessmentMeta } => x.a !== undefined)
        .sort((x, y) => assessmentOrder(x.a, y.a));
      const assessments = rows.map(({ c, a }) => presentAssessment(a, p.ref.kind, c.students, c.latestCompletedAt, !p.individual));
      const choices = rows.map(({ c, a }) => ({
        id: a.id,
        subject: a.subject,
        type: a.type,
        students: c.students,
        latestCompletedAt: c.latestCompletedAt.toISOString(),
      }));
      return {
        population: {
          kind: p.population.kind,
          id: p.population.id,
          name: p.population.name,
          schoolId: p.population.schoolId,
          schoolName: p.population.schoolName,
          grade: p.population.grade,
          schoolYear: p.population.schoolYear,
          subjects: p.population.subjects,
          access: p.individual ? ('individual' as const) : ('aggregate' as const),
        },
        years,
        year,
        assessments,
        defaultAssessmentIds: defaultSelectedAssessments(choices, p.population.subjects),
      };
    },
  );

  app.get(
    '/api/results/summary',
    {
      schema: {
        tags: ['results'],
        summary:
          'Student Score Distribution of one assessment: students per level, mean ± standard error, claim/composite/domain distributions',
        querystring: SummaryQuerySchema,
        response: { 200: SummaryResponseSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const p = await resolvePopulation(cers(), principal, request.query);
      const a = await cachedAssessment(cers(), request.query.assessmentId);
      if (!a) throw notFound(ASSESSMENT);
      const types = scoreTypes(a);
      const kinds = types.filter((t) => t !== 'overall') as ('claim' | 'composite' | 'domain')[];
      const rows = await summaryMoments(cers().db, p.ref, p.access, a.id, kinds);
      const moments = rows.filter((r) => r.kind === 'overall');
      const studentsTested = moments.find((m) => m.isTotal)?.n ?? 0;
      if (studentsTested === 0) throw notFound(ASSESSMENT);
      const assessment = presentAssessment(a, p.ref.kind, studentsTested, null, !p.individual);
      const suppressed = !p.individual && isSuppressed(studentsTested);
      const levels = overallLevelDefs(a);
      // Interim blocks report a category (Below/Near/Above), not proficiency: no "at or above".
      const cutLevel = reportsProficiency(a.type) ? standardCut(a) : null;
      if (suppressed) {
        return { assessment, suppressed, distribution: null, mean: null, standardCutName: null, subScores: [] };
      }
      const overall = shapeMoments(levels, moments, cutLevel);
      const subScores = [];
      for (const kind of kinds) {
        const own = rows.filter((r) => r.kind === kind);
        const defs = subScoreDefs(a, kind);
        const codes = [...new Set([...defs.map((d) => d.code), ...own.map((r) => r.code as string)])];
        for (const code of codes) {
          const def = subScoreDef(defs, a, code, kind);
          const ofCode = own.filter((r) => r.code === code);
          if (ofCode.length === 0) continue;
          const shaped = shapeMoments(def.levels, ofCode, null);
          const hide = !p.individual && isSuppressed(shaped.distribution.tested);
          subScores.push({ code, kind, name: def.name, distribution: hide ? null : shaped.distribution, mean: hide ? null : shaped.mean });
        }
      }
      return {
        assessment,
        suppressed,
        distribution: overall.distribution,
        mean: overall.mean,
        standardCutName: levels.find((l) => l.level === cutLevel)?.name ?? null,
        subScores,
      };
    },
  );

  app.get(
    '/api/results',
    {
      schema: {
        tags: ['results'],
        summary: 'A Results by Student view of one assessment (student, writing-traits, targets, lexile, quantile, items, distractors)',
        querystring: ViewQuerySchema,
        response: { 200: ViewResponseSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const q = request.query;
      const p = await resolvePopulation(cers(), principal, q);
      requireIndividual(p);
      const a = await cachedAssessment(cers(), q.assessmentId);
      if (!a) throw notFound(ASSESSMENT);
      const visible = async () => {
        if (!(await hasVisibleResults(cers().db, p.ref, p.access, a.id))) throw notFound(ASSESSMENT);
      };
      const summary = presentAssessment(a, p.ref.kind, 0, null, false);
      const refused = !summary.views.includes(q.view)
        ? invalidInput(`${RESULTS_VIEW_LABELS[q.view]} is not available for ${a.label} (${schoolYearLabel(a.schoolYear)}).`)
        : q.view === 'student' && !summary.scoreTypes.includes(q.scoreType)
          ? invalidInput(`${a.label} (${schoolYearLabel(a.schoolYear)}) has no ${q.scoreType} results.`)
          : undefined;
      // 404 (no visible results of the assessment) before 400, before any view. Results by Student
      // answers it with its own rows — exactly the population's visible results — so it saves the query.
      if (refused || q.view !== 'student') await visible();
      if (refused) throw refused;
      let audit: Promise<void> = Promise.resolve();
      const onStudents = (studentIds: number[]) => {
        if (studentIds.length === 0) return;
        audit = recordAudit(cers().db, {
          userId: principal.userId,
          userLogin: principal.login,
          action: 'read-group-results',
          view: auditView(p, q.view === 'student' ? q.scoreType : q.view),
          studentIds,
          ip: auditIp(request),
          detail: { population: p.ref.kind, populationId: p.population.id, assessmentId: a.id },
        });
        // Awaited below; this only keeps a failure from surfacing as unhandled if the view throws first.
        audit.catch(() => undefined);
      };
      const ctx = { cers: cers(), p, a, onStudents };
      let result: ViewResult;
      switch (q.view) {
        case 'student':
          result = await studentView(ctx, q.scoreType);
          if (result.body.view === 'student' && result.body.rows.length === 0) await visible();
          break;
        case 'writing-traits':
          result = await traitView(ctx);
          break;
        case 'targets':
          result = await targetView(ctx, q.subgroup);
          break;
        case 'lexile':
        case 'quantile':
          result = await measureView(ctx, q.view);
          break;
        case 'items':
          result = await itemsView(ctx);
          break;
        case 'distractors':
          result = await distractorView(ctx);
          break;
        default: {
          const never: never = q.view;
          throw invalidInput(`Unknown view ${String(never)}`);
        }
      }
      // The read is on record before any student row leaves the server.
      await audit;
      return result.body;
    },
  );

  app.get(
    '/api/results/items/:itemId',
    {
      schema: {
        tags: ['results'],
        summary: 'Item detail: Student Points and Responses, Item Viewer, Rubric and Exemplar, Item Information',
        params: ItemParamsSchema,
        querystring: ItemQuerySchema,
        response: { 200: ItemDetailResponseSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const p = await resolvePopulation(cers(), principal, request.query);
      requireIndividual(p);
      const item = await findItem(cers().db, request.params.itemId);
      if (!item) throw notFound('The item');
      const a = await loadAssessment(p, item.assessmentId);
      const all = await listItemResponses(cers().db, p.ref, p.access, a.id, item.id);
      const responses = request.query.studentId === undefined ? all : all.filter((r) => r.studentId === request.query.studentId);
      if (responses.length > 0) {
        await recordAudit(cers().db, {
          userId: principal.userId,
          userLogin: principal.login,
          action: 'read-group-results',
          view: auditView(p, 'item-detail'),
          studentIds: responses.map((r) => r.studentId),
          ip: auditIp(request),
          detail: { population: p.ref.kind, populationId: p.population.id, assessmentId: a.id, itemId: item.id },
        });
      }
      const options = Array.isArray(item.options)
        ? (item.options as { key?: unknown; text?: unknown }[])
            .filter((o) => typeof o?.key === 'string')
            .map((o) => ({ key: String(o.key), text: typeof o.text === 'string' ? o.text : '' }))
        : [];
      const rubric = Array.isArray(item.rubric)
        ? (item.rubric as { points?: unknown; text?: unknown }[])
            .filter((r) => typeof r?.points === 'number')
            .map((r) => ({ points: Number(r.points), text: typeof r.text === 'string' ? r.text : '' }))
        : [];
      return {
        assessment: presentAssessment(a, p.ref.kind, all.length, null, false),
        item: {
          ...itemSummary(a, item, (item.position ?? 1) - 1),
          dokLabel: item.dok !== null ? (DOK_LABELS[item.dok] ?? null) : null,
          targetDescription: item.targetDescription,
          stem: item.stem,
          options,
          rubric,
          exemplar: item.exemplar,
          writingPurpose: item.writingPurpose,
          mathPractice: item.mathPractice,
          allowCalculator: item.allowCalculator,
          difficultyParameter: item.difficulty,
        },
        responses: responses.map((r) => ({
          examId: r.examId,
          studentId: r.studentId,
          ssid: r.ssid,
          name: studentName(r),
          points: r.score,
          maxPoints: item.maxPoints,
          correctness: r.score === null || item.maxPoints === 0 ? null : r.score / item.maxPoints,
          response: r.response,
          traits:
            r.traitOrgScore === null && r.traitEviScore === null && r.traitConScore === null
              ? null
              : { organization: r.traitOrgScore, evidence: r.traitEviScore, conventions: r.traitConScore },
        })),
      };
    },
  );

  app.get(
    '/api/results/compare-years',
    {
      schema: {
        tags: ['results'],
        summary: "Compare years: the population's distribution on one subject and assessment type in every school year",
        querystring: CompareQuerySchema,
        response: { 200: CompareResponseSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const p = await resolvePopulation(cers(), principal, request.query);
      const { subject, type } = request.query;
      const rows = await yearOverYearMoments(cers().db, p.ref, p.access, subject, type);
      const ids = [...new Set(rows.map((r) => r.assessmentId))];
      const metas = await findAssessments(cers().db, ids);
      const years = metas
        .map((a) => {
          const own = rows.filter((r) => r.assessmentId === a.id);
          const tested = own.find((r) => r.isTotal)?.n ?? 0;
          const suppressed = !p.individual && isSuppressed(tested);
          const shaped = shapeMoments(overallLevelDefs(a), own, standardCut(a));
          return {
            schoolYear: a.schoolYear,
            schoolYearLabel: schoolYearLabel(a.schoolYear),
            assessmentId: a.id,
            label: a.label,
            grade: a.grade,
            suppressed,
            distribution: suppressed ? null : shaped.distribution,
            mean: suppressed ? null : shaped.mean,
          };
        })
        .sort((x, y) => x.schoolYear - y.schoolYear || x.grade.localeCompare(y.grade));
      return { subject, type, years };
    },
  );

  app.get(
    '/api/results/resources',
    {
      schema: {
        tags: ['results'],
        summary: 'District Resources and Tools for Teachers links for an assessment (most specific first)',
        querystring: ResourcesQuerySchema,
        response: { 200: ResourcesResponseSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const q = request.query;
      const p = await resolvePopulation(cers(), principal, q);
      const a = await cachedAssessment(cers(), q.assessmentId);
      if (!a) throw notFound(ASSESSMENT);
      const roots = p.population.schoolId !== null ? [p.population.schoolId] : [...new Set(principal.grants.map((g) => g.orgId))];
      const chains = await Promise.all(roots.map((id) => orgChain(cers().db, id)));
      const records = await listResourcesForOrgs(cers().db, [...new Set(chains.flat())]);
      const rows: ResourceRow[] = records;
      const ctx = {
        assessmentName: a.name,
        subject: a.subject,
        assessmentType: a.type,
        claimCode: q.claimCode ?? null,
        targetId: q.targetId ?? null,
        performanceLevel: q.level ?? null,
      };
      const link = (r: (typeof records)[number]) => ({
        id: r.id,
        title: r.title,
        url: r.url,
        organizationName: r.organizationName,
        performanceLevel: r.performanceLevel,
      });
      const byId = new Map(records.map((r) => [r.id, r]));
      const pick = (kind: 'district' | 'tools_for_teachers') =>
        resolveResources(rows, kind, ctx).map((r) => link(byId.get(r.id) as (typeof records)[number]));
      const tools = pick('tools_for_teachers');
      return {
        district: pick('district'),
        toolsForTeachers:
          tools.length > 0
            ? tools
            : [{ id: null, title: 'Tools for Teachers', url: TOOLS_FOR_TEACHERS_HOME, organizationName: null, performanceLevel: null }],
      };
    },
  );

  await app.register(instructionalResourceRoutes);
};
