import { gradeLabel, type ResultsView, type ScoreType, schoolYearLabel } from '@cers/domain';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { type Population, useResultAssessments } from '../../api/results';
import { PageLoader } from '../../components/lazy-page';
import { AssessmentCard } from '../../features/results/assessment-card';
import { ItemDetailModal } from '../../features/results/item-detail';
import {
  type DisplayMode,
  parseResultsState,
  type ResultsState,
  serializeResultsState,
  toggleId,
  withYear,
} from '../../features/results/results-url';
import { SelectAssessmentsModal } from '../../features/results/select-assessments';
import type { RenderStudentMenuItems } from '../../features/results/student-menu';
import '../../features/results/results.css';
import { PageBreadcrumbs } from '../../components/page-breadcrumbs';

/** What the Printable Reports button of a results page prints (slot for the printable-reports feature). */
export type GroupPrintTarget = {
  kind: 'group' | 'user-group' | 'school';
  id: number;
  name: string;
  grade: string | null;
  schoolYear: number | null;
  schoolYears: number[];
};
export type ResultsPageSlots = {
  /** Extra items of a student's name menu, e.g. "Print {Student}'s Summative Report". */
  renderStudentMenu?: RenderStudentMenuItems;
  /** The page's Printable Reports button. */
  renderPrintableReports?: (target: GroupPrintTarget) => ReactNode;
};

const KIND_LABEL = { group: 'Assigned Group', 'user-group': 'My Group', school: 'School' } as const;

/**
 * The results page of an assigned group (/groups/:id), a My Group (/my-groups/:id) or a school's
 * grade (/schools/:schoolId?grade=&year=; without grade, the whole school). Everything shown is in the URL (results-url.ts).
 */
export function ResultsPage({ population, slots }: { population: Population; slots?: ResultsPageSlots | undefined }) {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseResultsState(params), [params]);
  const [picking, setPicking] = useState(false);
  const q = useResultAssessments(population, state.year);
  const update = (next: ResultsState) => {
    const out = serializeResultsState(next);
    if (population.kind === 'school' && population.grade !== null) out.set('grade', population.grade);
    setParams(out);
  };
  if (q.isLoading) return <PageLoader />;
  if (q.error) {
    const missing = q.error instanceof ApiError && q.error.status === 404;
    return (
      <Alert color={missing ? 'gray' : 'red'} title={missing ? 'Not available' : 'Something went wrong'} mt="lg">
        {q.error.message}
      </Alert>
    );
  }
  const data = q.data;
  if (!data) return null;
  const year = data.year;
  const selected = state.selected ?? data.defaultAssessmentIds;
  const cards = selected.map((id) => data.assessments.find((a) => a.id === id)).filter((a) => a !== undefined);
  const individual = data.population.access === 'individual';
  const setSelected = (ids: number[]) => update({ ...state, year: year ?? undefined, selected: ids });
  const pop = data.population;
  const heading = pop.kind === 'school' ? `${pop.name} — ${pop.grade ? gradeLabel(pop.grade) : 'All Grades'}` : pop.name;
  return (
    <Stack py="md" gap="md">
      <PageBreadcrumbs separator="/" className="cers-no-print">
        <Anchor component={Link} to="/">
          Home
        </Anchor>
        <Text span aria-current="page">
          {heading}
        </Text>
      </PageBreadcrumbs>
      <Group justify="space-between" align="flex-end">
        <div>
          <Text size="sm" c="dimmed">
            {KIND_LABEL[pop.kind]}
            {pop.schoolName && pop.kind !== 'school' ? ` · ${pop.schoolName}` : ''}
            {pop.subjects ? ` · ${pop.subjects.join(', ')}` : ''}
          </Text>
          <Title order={2}>{heading}</Title>
          {!individual && (
            <Badge variant="light" color="gray" mt={4}>
              Counts and averages only; groups of 10 or fewer are not shown
            </Badge>
          )}
        </div>
        <Group gap="sm" className="cers-no-print" align="flex-end">
          <NativeSelect
            label="School Year"
            value={year === null ? '' : String(year)}
            onChange={(e) => update(withYear(state, Number(e.currentTarget.value)))}
            data={data.years.map((y) => ({ value: String(y), label: schoolYearLabel(y) }))}
            w={140}
          />
          <div>
            <Text size="sm" fw={500} id="display-as">
              Display value as
            </Text>
            <SegmentedControl
              aria-labelledby="display-as"
              value={state.display}
              onChange={(v) => update({ ...state, display: v as DisplayMode })}
              data={[
                { value: 'number', label: 'Number' },
                { value: 'percent', label: 'Percent' },
              ]}
            />
          </div>
          {slots?.renderPrintableReports?.({
            kind: pop.kind,
            id: pop.id,
            name: pop.name,
            grade: pop.grade,
            schoolYear: year,
            schoolYears: data.years,
          })}
          <Button variant="default" onClick={() => window.print()}>
            Print
          </Button>
        </Group>
      </Group>

      <section aria-labelledby="selected-assessments" className="cers-no-print">
        <Group gap="xs" align="center">
          <Title order={3} size="h5" id="selected-assessments">
            Selected Assessments
          </Title>
          <ActionIcon variant="light" onClick={() => setPicking(true)} aria-label="Add assessments" title="Add assessments">
            <span aria-hidden="true">+</span>
          </ActionIcon>
          <Button size="xs" variant="default" onClick={() => setPicking(true)}>
            Select Assessments
          </Button>
        </Group>
        <Group gap="xs" mt="xs">
          {cards.length === 0 && <Text c="dimmed">No assessments selected. Use Select Assessments to add one.</Text>}
          {cards.map((a) => (
            <Badge
              key={a.id}
              size="lg"
              variant="outline"
              rightSection={
                <ActionIcon
                  size="xs"
                  variant="transparent"
                  aria-label={`Remove ${a.label}`}
                  onClick={() => setSelected(selected.filter((x) => x !== a.id))}
                >
                  <span aria-hidden="true">×</span>
                </ActionIcon>
              }
            >
              {a.label}
            </Badge>
          ))}
        </Group>
      </section>

      {data.assessments.length === 0 && (
        <Alert color="gray">No test results are available for {year ? schoolYearLabel(year) : 'any school year'}.</Alert>
      )}

      <SimpleGrid cols={{ base: 1, lg: cards.length > 1 ? 2 : 1 }} spacing="md" className="cers-results-grid">
        {cards.map((a) => {
          const open = state.open.includes(a.id);
          return (
            <div key={a.id} className={open || state.compare.includes(a.id) ? 'cers-full-width' : undefined}>
              <AssessmentCard
                population={population}
                populationName={heading}
                individual={individual}
                assessment={a}
                display={state.display}
                renderStudentMenu={slots?.renderStudentMenu}
                state={{
                  open,
                  view: state.views[a.id] ?? 'student',
                  scoreType: state.types[a.id] ?? 'overall',
                  subgroup: state.subgroups[a.id] ?? 'overall',
                  compare: state.compare.includes(a.id),
                }}
                actions={{
                  onRemove: () => setSelected(selected.filter((x) => x !== a.id)),
                  onToggleOpen: () => update({ ...state, selected, open: toggleId(state.open, a.id) }),
                  onView: (v: ResultsView) => update({ ...state, selected, views: { ...state.views, [a.id]: v } }),
                  onScoreType: (t: ScoreType) => update({ ...state, selected, types: { ...state.types, [a.id]: t } }),
                  onSubgroup: (sg: string) => update({ ...state, selected, subgroups: { ...state.subgroups, [a.id]: sg } }),
                  onToggleCompare: () => update({ ...state, selected, compare: toggleId(state.compare, a.id) }),
                  onOpenItem: (itemId: number, studentId?: number) => update({ ...state, selected, item: itemId, student: studentId }),
                }}
              />
            </div>
          );
        })}
      </SimpleGrid>

      <SelectAssessmentsModal
        opened={picking}
        onClose={() => setPicking(false)}
        assessments={data.assessments}
        selected={selected}
        onToggle={(id) => setSelected(toggleId(selected, id))}
        yearLabel={year ? schoolYearLabel(year) : ''}
      />
      {individual && (
        <ItemDetailModal
          population={population}
          itemId={state.item}
          studentId={state.student}
          onClose={() => update({ ...state, item: undefined, student: undefined })}
        />
      )}
    </Stack>
  );
}

function positiveId(value: string | undefined): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

function BadLink() {
  return (
    <Alert color="gray" title="Not available" mt="lg">
      This link does not name a group or school.
    </Alert>
  );
}

export function GroupResultsPage(slots: ResultsPageSlots) {
  const id = positiveId(useParams().id);
  return id === null ? <BadLink /> : <ResultsPage key={`g${id}`} population={{ kind: 'group', id }} slots={slots} />;
}

export function MyGroupResultsPage(slots: ResultsPageSlots) {
  const id = positiveId(useParams().id);
  return id === null ? <BadLink /> : <ResultsPage key={`u${id}`} population={{ kind: 'user-group', id }} slots={slots} />;
}

export function SchoolResultsPage(slots: ResultsPageSlots) {
  const id = positiveId(useParams().schoolId);
  const [params] = useSearchParams();
  const grade = params.get('grade') || null; // none: the whole school
  if (id === null) return <BadLink />;
  return <ResultsPage key={`s${id}-${grade ?? 'all'}`} population={{ kind: 'school', id, grade }} slots={slots} />;
}
