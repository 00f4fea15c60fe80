import type { ScoreType } from '@cers/domain';
import { Alert, Anchor, Button, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useStudentHistory } from '../../api/students';
import { downloadCsv } from '../../components/csv';
import {
  filterExams,
  filterOptions,
  type HistoryState,
  historyCsvRows,
  historySearchParams,
  parseHistoryState,
  scoreHistorySeries,
  subjectSections,
} from '../../features/students/history-model';
import { HistorySection } from '../../features/students/history-section';
import type { RenderPrintableReports } from '../../features/students/printable-reports-slot';
import { ScoreHistoryChart } from '../../features/students/score-history-chart';
import '../../features/students/student-page.css';
import { Busy } from '../../components/busy';
import { PageBreadcrumbs } from '../../components/page-breadcrumbs';

const ALL = 'all';

/**
 * Student Test History (/students/:id, cers-features.md §3.2). Filters, open details and score
 * types live in the URL. `renderPrintableReports` is the slot for the Printable Reports button.
 */
export function StudentPage({ renderPrintableReports }: { renderPrintableReports?: RenderPrintableReports }) {
  const { id } = useParams();
  const studentId = id && /^\d{1,9}$/.test(id) ? Number(id) : null;
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseHistoryState(params), [params]);
  const history = useStudentHistory(studentId);

  const update = useCallback(
    (patch: Partial<HistoryState>) => setParams(historySearchParams({ ...parseHistoryState(params), ...patch }), { replace: true }),
    [params, setParams],
  );

  const [openIds, setOpenIds] = useState<Set<number>>(() => new Set(state.exam === null ? [] : [state.exam]));
  useEffect(() => {
    if (state.exam !== null) setOpenIds((prev) => (prev.has(state.exam as number) ? prev : new Set([...prev, state.exam as number])));
  }, [state.exam]);
  const examReady = history.isSuccess;
  useEffect(() => {
    if (!examReady || state.exam === null) return;
    document.getElementById(`exam-${state.exam}`)?.scrollIntoView({ block: 'center' });
  }, [examReady, state.exam]);

  const toggleExam = useCallback(
    (examId: number) => {
      setOpenIds((prev) => {
        const next = new Set(prev);
        if (next.has(examId)) next.delete(examId);
        else next.add(examId);
        return next;
      });
      update({ exam: state.exam === examId ? null : examId });
    },
    [state.exam, update],
  );

  if (studentId === null || (history.isError && history.error instanceof ApiError && history.error.status === 404)) {
    return <NotAvailable />;
  }
  if (history.isPending) return <Busy m="xl" label="Loading the student's results" />;
  if (history.isError) {
    return (
      <Alert color="red" title="The results could not be loaded" m="md">
        {history.error.message}
      </Alert>
    );
  }

  const { student, exams } = history.data;
  const options = filterOptions(exams);
  const shown = filterExams(exams, state);
  const sections = subjectSections(shown);
  const chartSeries = scoreHistorySeries(shown);
  const schoolYears = options.schoolYears.map((y) => Number(y.value));
  const allOpen = shown.length > 0 && shown.every((e) => openIds.has(e.id));

  return (
    <Stack gap="md" py="md" className="cers-student-page">
      <PageBreadcrumbs className="cers-no-print">
        <Anchor component={Link} to="/">
          Home
        </Anchor>
        <Text span aria-current="page">
          Student Test History
        </Text>
      </PageBreadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={2}>{student.displayName}</Title>
          <Text>
            SSID {student.ssid}
            {student.school ? ` · ${student.school.name}` : ''}
            {student.district ? ` · ${student.district.name}` : ''}
          </Text>
        </div>
        <Group gap="xs" className="cers-no-print">
          {renderPrintableReports?.({
            kind: 'student',
            studentId: student.id,
            ssid: student.ssid,
            displayName: student.displayName,
            schoolYears,
          })}
          <Button
            variant="default"
            onClick={() => downloadCsv(`${student.ssid}-test-history`, historyCsvRows(student, sectionsInOrder(sections)))}
          >
            Export CSV
          </Button>
          <Button variant="default" onClick={() => window.print()}>
            Print
          </Button>
        </Group>
      </Group>

      {exams.length === 0 ? (
        <Alert color="gray" title="No test results">
          Student does not exist or has no available test results.
        </Alert>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" className="cers-no-print" component="form" aria-label="Filter test results">
            <Select
              label="School Year"
              data={[{ value: ALL, label: 'All' }, ...options.schoolYears]}
              value={state.schoolYear === null ? ALL : String(state.schoolYear)}
              onChange={(v) => update({ schoolYear: v === null || v === ALL ? null : Number(v) })}
              allowDeselect={false}
            />
            <Select
              label="Subject"
              data={[{ value: ALL, label: 'All' }, ...options.subjects]}
              value={state.subject ?? ALL}
              onChange={(v) => update({ subject: v === null || v === ALL ? null : v })}
              allowDeselect={false}
            />
            <Select
              label="Assessment Type"
              data={[{ value: ALL, label: 'All' }, ...options.types]}
              value={state.type ?? ALL}
              onChange={(v) => update({ type: v === null || v === ALL ? null : v })}
              allowDeselect={false}
            />
          </SimpleGrid>

          {shown.length === 0 ? (
            <Alert color="gray" title="No results for these filters">
              No test results are available for the filters selected.
            </Alert>
          ) : (
            <>
              {chartSeries.length > 0 && <ScoreHistoryChart series={chartSeries} />}
              <Group justify="flex-end" className="cers-no-print">
                <Button variant="outline" onClick={() => setOpenIds(allOpen ? new Set() : new Set(shown.map((e) => e.id)))}>
                  {allOpen ? 'Collapse All' : 'Expand All'}
                </Button>
              </Group>
              {sections.map((section) => (
                <HistorySection
                  key={section.subject}
                  section={section}
                  view={state.views[section.subject] ?? 'overall'}
                  onViewChange={(view: ScoreType) => update({ views: { ...state.views, [section.subject]: view } })}
                  openExamIds={openIds}
                  onToggleExam={toggleExam}
                />
              ))}
              <Text size="sm">
                † Distance from Standard Met is our addition, not a CERS figure: the scale score minus the Standard Met cut score of the
                test (the California School Dashboard's “distance from standard” measure, for one student).
              </Text>
            </>
          )}
        </>
      )}
    </Stack>
  );
}

function sectionsInOrder(sections: ReturnType<typeof subjectSections>) {
  return sections.flatMap((s) => s.exams);
}

function NotAvailable() {
  return (
    <Stack py="md">
      <Title order={2}>Student Test History</Title>
      <Alert color="gray" title="No results">
        Student does not exist or has no available test results.
      </Alert>
      <Anchor component={Link} to="/">
        Back to Home
      </Anchor>
    </Stack>
  );
}
