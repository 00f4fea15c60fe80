import { formatScoreWithError, gradeLabel, type ScoreType, schoolYearLabel } from '@cers/domain';
import { Button, Group, Paper, SegmentedControl, Table, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { type ColumnDef, flexRender, getCoreRowModel, getSortedRowModel, type SortingState, useReactTable } from '@tanstack/react-table';
import { Fragment, useId, useMemo, useState } from 'react';
import type { StudentExam } from '../../api/students';
import { ExamDetails } from './exam-details';
import {
  assessmentTitle,
  bandScale,
  distanceFromStandardMet,
  examScoreTypes,
  findLevel,
  formatSigned,
  isReportingCategory,
  missingSubScoreReason,
  type SubjectSection,
  scoreTypeLabel,
  statusLabel,
  subScoreColumns,
  typeLabel,
} from './history-model';
import { LevelBadge } from './level-badge';
import { ScoreBand } from './score-band';

/** Readable widths for the wordy columns (the table scrolls sideways on narrow screens). */
const MIN_WIDTHS: Record<string, number> = { assessment: 200, school: 150, level: 150, score: 190 };

type Props = {
  section: SubjectSection;
  view: ScoreType;
  onViewChange: (view: ScoreType) => void;
  openExamIds: ReadonlySet<number>;
  onToggleExam: (examId: number) => void;
};

/**
 * One subject of the Student Test History (cers-features.md §3.2): a sortable table, newest first,
 * with the Overall / Composite / Claim / Domain toggle offering only what the exams carry, and a
 * details row per exam.
 */
export function HistorySection({ section, view, onViewChange, openExamIds, onToggleExam }: Props) {
  const headingId = useId();
  const [sorting, setSorting] = useState<SortingState>([{ id: 'date', desc: true }]);
  const effectiveView = section.scoreTypes.includes(view) ? view : 'overall';
  const columns = useMemo(
    () => buildColumns(section.exams, effectiveView, openExamIds, onToggleExam),
    [section.exams, effectiveView, openExamIds, onToggleExam],
  );
  const table = useReactTable({
    data: section.exams,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (e) => String(e.id),
  });
  const columnCount = table.getVisibleLeafColumns().length;
  const minWidth = (id: string) => MIN_WIDTHS[id];

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="sm" className="cers-history-section">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={3} size="h4" id={headingId}>
          {section.label}
        </Title>
        {section.scoreTypes.length > 1 && (
          <SegmentedControl
            className="cers-no-print"
            aria-label={`Score type for ${section.label}`}
            value={effectiveView}
            onChange={(v) => onViewChange(v as ScoreType)}
            data={section.scoreTypes.map((t) => ({ value: t, label: scoreTypeLabel(t) }))}
          />
        )}
      </Group>
      <Table.ScrollContainer minWidth={1150}>
        <Table striped highlightOnHover withTableBorder verticalSpacing="xs">
          <caption>
            <VisuallyHidden>
              {section.label} test history, {scoreTypeLabel(effectiveView)} results. Column headers with buttons sort the table.
            </VisuallyHidden>
          </caption>
          <Table.Thead>
            {table.getHeaderGroups().map((hg) => (
              <Table.Tr key={hg.id}>
                {hg.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  const label = flexRender(h.column.columnDef.header, h.getContext());
                  return (
                    <Table.Th
                      key={h.id}
                      style={{ minWidth: minWidth(h.column.id) }}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    >
                      {h.column.getCanSort() ? (
                        <UnstyledButton onClick={h.column.getToggleSortingHandler()} fw={700} fz="sm" className="cers-sort">
                          {label}
                          <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ↕'}</span>
                        </UnstyledButton>
                      ) : (
                        label
                      )}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {table.getRowModel().rows.map((row) => {
              const open = openExamIds.has(row.original.id);
              return (
                <Fragment key={row.id}>
                  <Table.Tr
                    id={`exam-${row.original.id}`}
                    className={row.original.atOtherSchool ? 'cers-other-school' : undefined}
                    data-testid="history-row"
                  >
                    {row.getVisibleCells().map((cell) => (
                      <Table.Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
                    ))}
                  </Table.Tr>
                  {open && (
                    <Table.Tr className="cers-details-row">
                      <Table.Td colSpan={columnCount} id={`exam-${row.original.id}-details`}>
                        <ExamDetails exam={row.original} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {section.exams.some((e) => e.atOtherSchool) && (
        <Text size="xs" mt={4}>
          Rows marked “previous school” are results from a school other than the student’s current school.
        </Text>
      )}
    </Paper>
  );
}

function buildColumns(
  exams: readonly StudentExam[],
  view: ScoreType,
  openExamIds: ReadonlySet<number>,
  onToggleExam: (id: number) => void,
): ColumnDef<StudentExam>[] {
  const columns: ColumnDef<StudentExam>[] = [
    {
      id: 'date',
      header: 'Date',
      accessorFn: (e) => e.completedAt,
      cell: ({ row }) => new Date(row.original.completedAt).toLocaleDateString('en-US'),
    },
    {
      id: 'schoolYear',
      header: 'School Year',
      accessorFn: (e) => e.schoolYear,
      cell: ({ row }) => schoolYearLabel(row.original.schoolYear),
    },
    {
      id: 'assessment',
      header: 'Assessment',
      accessorFn: (e) => assessmentTitle(e.assessment),
      cell: ({ row }) => (
        <>
          {assessmentTitle(row.original.assessment)}
          <Text span size="xs" display="block">
            {typeLabel(row.original.assessment.type)}
          </Text>
        </>
      ),
    },
    {
      id: 'school',
      header: 'School',
      accessorFn: (e) => e.school.name,
      cell: ({ row }) => (
        <>
          {row.original.school.name}
          {row.original.atOtherSchool && (
            <Text span size="xs" display="block" fw={600}>
              previous school
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'grade',
      header: 'Enrolled Grade',
      accessorFn: (e) => e.enrolledGrade ?? '',
      cell: ({ row }) => (row.original.enrolledGrade ? gradeLabel(row.original.enrolledGrade) : '-'),
    },
    { id: 'status', header: 'Status', accessorFn: (e) => statusLabel(e) },
    {
      id: 'level',
      header: exams.every((e) => isReportingCategory(e.assessment)) ? 'Reporting Category' : 'Achievement Level',
      accessorFn: (e) => e.achievementLevel ?? -1,
      cell: ({ row }) => (
        <LevelBadge level={findLevel(row.original.assessment.levels, row.original.achievementLevel)} fallback="No Score Recorded" />
      ),
    },
    {
      id: 'score',
      header: 'Scale Score / Error Band',
      accessorFn: (e) => e.scaleScore ?? -1,
      cell: ({ row }) => {
        const e = row.original;
        return (
          <Group gap={6} wrap="nowrap">
            <span>{formatScoreWithError(e.scaleScore, e.scaleScoreSem)}</span>
            <ScoreBand
              score={e.scaleScore}
              sem={e.scaleScoreSem}
              min={e.assessment.minScore}
              max={e.assessment.maxScore}
              {...bandScale(e.assessment)}
              width={90}
            />
          </Group>
        );
      },
    },
    {
      id: 'dfs',
      header: 'Distance from Standard Met †',
      accessorFn: (e) => distanceFromStandardMet(e) ?? Number.NEGATIVE_INFINITY,
      cell: ({ row }) => {
        const d = distanceFromStandardMet(row.original);
        return d === undefined ? '-' : formatSigned(d);
      },
    },
  ];
  if (view !== 'overall') {
    for (const col of subScoreColumns(exams, view)) {
      columns.push({
        id: `sub-${view}-${col.key}`,
        header: col.name,
        enableSorting: false,
        cell: ({ row }) => {
          const e = row.original;
          const s = e.scores.find((x) => x.kind === view && x.name === col.name);
          if (s) return <LevelBadge level={findLevel(s.levels, s.level)} fallback={s.level === null ? 'Not Scored' : `Level ${s.level}`} />;
          const carries = examScoreTypes(e.assessment).includes(view);
          return (
            <Text span size="xs" title={missingSubScoreReason(e, view)}>
              {carries ? 'Not Scored' : '-'}
            </Text>
          );
        },
      });
    }
  }
  columns.unshift({
    id: 'details',
    header: () => <VisuallyHidden>Details</VisuallyHidden>,
    enableSorting: false,
    cell: ({ row }) => {
      const open = openExamIds.has(row.original.id);
      return (
        <Button
          size="compact-sm"
          variant="default"
          className="cers-no-print"
          aria-expanded={open}
          aria-controls={open ? `exam-${row.original.id}-details` : undefined}
          onClick={() => onToggleExam(row.original.id)}
        >
          {open ? 'Hide' : 'Details'}
          <VisuallyHidden>
            {open ? ' details' : ''} for {assessmentTitle(row.original.assessment)},{' '}
            {new Date(row.original.completedAt).toLocaleDateString('en-US')}
          </VisuallyHidden>
        </Button>
      );
    },
  });
  return columns;
}
