import { RESULTS_VIEW_LABELS, type ResultsView, SCORE_TYPE_LABELS, type ScoreType } from '@cers/domain';
import { ActionIcon, Alert, Button, Card, Collapse, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import {
  type AssessmentSummary,
  type Population,
  type ResultSummary,
  useResultSummary,
  useResultView,
  type ViewData,
} from '../../api/results';
import { Busy } from '../../components/busy';
import { downloadCsv } from '../../components/csv';
import { CompareYears } from './compare-years';
import { DistractorsView } from './distractors-view';
import { OverallDistribution, SubScoreDistributions } from './distribution-panel';
import { ItemsView } from './items-view';
import { MeasureView } from './measure-view';
import { ResourceButtons } from './resource-buttons';
import { csvFileName, distractorRowsCsv, itemRowsCsv, measureRowsCsv, studentRowsCsv, targetRowsCsv, traitRowsCsv } from './results-csv';
import type { DisplayMode } from './results-url';
import type { RenderStudentMenuItems } from './student-menu';
import { StudentView } from './student-view';
import { TargetsView } from './targets-view';
import { TraitsView } from './traits-view';

export type CardState = { open: boolean; view: ResultsView; scoreType: ScoreType; subgroup: string; compare: boolean };
export type CardActions = {
  onRemove: () => void;
  onToggleOpen: () => void;
  onView: (view: ResultsView) => void;
  onScoreType: (t: ScoreType) => void;
  onSubgroup: (s: string) => void;
  onToggleCompare: () => void;
  onOpenItem: (itemId: number, studentId?: number) => void;
};

const SUB_TITLE: Record<ScoreType, string> = {
  overall: 'Student Score Distribution',
  composite: 'Student Composite Claim Score Distribution',
  claim: 'Student Claim Score Distribution',
  domain: 'Student Domain Score Distribution',
};

function exportRows(groupName: string, a: AssessmentSummary, summary: ResultSummary | undefined, data: ViewData, display: DisplayMode) {
  switch (data.view) {
    case 'student':
      return studentRowsCsv(a, data);
    case 'writing-traits':
      return traitRowsCsv(a, data, display);
    case 'targets':
      return targetRowsCsv(groupName, a, summary, data);
    case 'lexile':
    case 'quantile':
      return measureRowsCsv(a, data);
    case 'items':
      return itemRowsCsv(a, data, display);
    case 'distractors':
      return distractorRowsCsv(a, data, display);
    default: {
      const never: never = data;
      return never;
    }
  }
}

/** One Selected Assessment: distribution, score-type toggle, resources, Show Results and the views. */
export function AssessmentCard({
  population,
  populationName,
  individual,
  assessment,
  state,
  actions,
  display,
  renderStudentMenu,
}: {
  population: Population;
  populationName: string;
  individual: boolean;
  assessment: AssessmentSummary;
  state: CardState;
  actions: CardActions;
  display: DisplayMode;
  renderStudentMenu?: RenderStudentMenuItems | undefined;
}) {
  const summary = useResultSummary(population, assessment.id);
  const view = assessment.views.includes(state.view) ? state.view : 'student';
  const scoreType = assessment.scoreTypes.includes(state.scoreType) ? state.scoreType : 'overall';
  const viewQuery = useResultView(
    population,
    { assessmentId: assessment.id, view, scoreType, subgroup: state.subgroup },
    individual && state.open,
  );
  const title = `${assessment.label}`;
  const s = summary.data;
  const subScores = s?.subScores.filter((x) => x.kind === scoreType) ?? [];
  const headingId = `assessment-${assessment.id}-title`;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby={headingId}
      className="cers-card"
      data-assessment={assessment.id}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={3} size="h4" id={headingId}>
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {assessment.gradeLabel} · {assessment.typeLabel} · {assessment.schoolYearLabel}
            </Text>
          </div>
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={actions.onRemove}
            aria-label={`Remove ${assessment.label}`}
            className="cers-no-print"
            title="Remove"
          >
            <span aria-hidden="true">×</span>
          </ActionIcon>
        </Group>
        {assessment.scoreTypes.length > 1 && (
          <Button.Group aria-label="Score type" className="cers-no-print">
            {assessment.scoreTypes.map((t) => (
              <Button
                key={t}
                size="xs"
                variant={t === scoreType ? 'filled' : 'default'}
                aria-pressed={t === scoreType}
                onClick={() => actions.onScoreType(t)}
              >
                {SCORE_TYPE_LABELS[t]}
              </Button>
            ))}
          </Button.Group>
        )}
        <Title order={4} size="h5">
          {SUB_TITLE[scoreType]}
        </Title>
        {summary.isLoading && <Busy size="sm" label="Loading distribution" />}
        {summary.error && <Alert color="red">{summary.error.message}</Alert>}
        {s?.suppressed && <Text>* Results are not shown for groups of 10 students or fewer.</Text>}
        {s?.distribution && scoreType === 'overall' && (
          <OverallDistribution
            distribution={s.distribution}
            mean={s.mean}
            standardCutName={s.standardCutName}
            display={display}
            title={title}
          />
        )}
        {s && !s.suppressed && scoreType !== 'overall' && (
          <SubScoreDistributions subScores={subScores} display={display} title={`${SCORE_TYPE_LABELS[scoreType]} results: ${title}`} />
        )}
        <Group gap="xs" className="cers-no-print">
          <ResourceButtons population={population} assessmentId={assessment.id} />
          <Button size="xs" variant="subtle" onClick={actions.onToggleCompare} aria-expanded={state.compare}>
            {state.compare ? 'Hide year comparison' : 'Compare years'}
          </Button>
        </Group>
        {state.compare && <CompareYears population={population} subject={assessment.subject} type={assessment.type} display={display} />}
        {individual && (
          <section aria-label={`Results: ${title}`}>
            <Group justify="space-between">
              <Title order={4} size="h5">
                Results
              </Title>
              <Button variant="subtle" size="xs" onClick={actions.onToggleOpen} aria-expanded={state.open} className="cers-no-print">
                {state.open ? 'Hide Results' : 'Show Results'}
              </Button>
            </Group>
            <Collapse in={state.open}>
              {state.open && (
                <Stack gap="sm" mt="xs">
                  <Group gap="sm" align="flex-end" className="cers-no-print">
                    <NativeSelect
                      label="Select a results view"
                      value={view}
                      onChange={(e) => actions.onView(e.currentTarget.value as ResultsView)}
                      data={[
                        ...assessment.views.map((v) => ({ value: v, label: RESULTS_VIEW_LABELS[v] })),
                        ...assessment.unavailableViews.map((u) => ({
                          value: u.view,
                          label: `${RESULTS_VIEW_LABELS[u.view]} (not available)`,
                          disabled: true,
                        })),
                      ]}
                      w={260}
                    />
                    <Button
                      variant="default"
                      size="sm"
                      disabled={!viewQuery.data}
                      onClick={() =>
                        viewQuery.data &&
                        downloadCsv(
                          csvFileName(populationName, assessment.label, RESULTS_VIEW_LABELS[view]),
                          exportRows(populationName, assessment, s, viewQuery.data, display),
                        )
                      }
                    >
                      Export CSV
                    </Button>
                  </Group>
                  {assessment.unavailableViews.length > 0 && (
                    <Text size="xs" c="dimmed" className="cers-no-print" data-testid="unavailable-views">
                      {assessment.unavailableViews.map((u) => `${RESULTS_VIEW_LABELS[u.view]}: ${u.reason}`).join(' ')}
                    </Text>
                  )}
                  {viewQuery.isLoading && <Busy size="sm" label="Loading results" />}
                  {viewQuery.error && <Alert color="red">{viewQuery.error.message}</Alert>}
                  {viewQuery.data && (
                    <ViewBody data={viewQuery.data} {...{ population, assessment, display, actions, state, renderStudentMenu }} />
                  )}
                </Stack>
              )}
            </Collapse>
          </section>
        )}
      </Stack>
    </Card>
  );
}

function ViewBody({
  population,
  data,
  assessment,
  display,
  actions,
  state,
  renderStudentMenu,
}: {
  population: Population;
  data: ViewData;
  assessment: AssessmentSummary;
  display: DisplayMode;
  actions: CardActions;
  state: CardState;
  renderStudentMenu?: RenderStudentMenuItems | undefined;
}) {
  switch (data.view) {
    case 'student':
      return <StudentView assessment={assessment} data={data} renderStudentMenu={renderStudentMenu} />;
    case 'writing-traits':
      return (
        <TraitsView
          assessment={assessment}
          data={data}
          display={display}
          onOpenItem={(item, student) => actions.onOpenItem(item, student)}
        />
      );
    case 'targets':
      return (
        <TargetsView
          population={population}
          assessment={assessment}
          data={data}
          subgroup={state.subgroup}
          onSubgroup={actions.onSubgroup}
        />
      );
    case 'lexile':
    case 'quantile':
      return <MeasureView assessment={assessment} data={data} />;
    case 'items':
      return <ItemsView assessment={assessment} data={data} display={display} onOpenItem={(id) => actions.onOpenItem(id)} />;
    case 'distractors':
      return <DistractorsView assessment={assessment} data={data} display={display} onOpenItem={(id) => actions.onOpenItem(id)} />;
    default: {
      const never: never = data;
      return never;
    }
  }
}
