import { formatScoreWithError, gradeLabel } from '@cers/domain';
import { Badge, Text } from '@mantine/core';
import { type AssessmentSummary, findLevel, type LevelDef, type StudentRow, type StudentViewData } from '../../api/results';
import { type ColumnDef, DataTable } from './data-table';
import { type RenderStudentMenuItems, StudentNameMenu, shortName } from './student-menu';

export function LevelCell({ level }: { level: LevelDef | null }) {
  if (!level)
    return (
      <Text span c="dimmed">
        -
      </Text>
    );
  return (
    <span className="cers-level">
      <span className="cers-swatch" style={{ background: level.color }} aria-hidden="true" />
      {level.name}
    </span>
  );
}

/** Results by Student (cers-features.md §3.3): one row per student, sortable, score type columns. */
export function StudentView({
  assessment,
  data,
  renderStudentMenu,
}: {
  assessment: AssessmentSummary;
  data: StudentViewData;
  renderStudentMenu?: RenderStudentMenuItems | undefined;
}) {
  const isBlock = assessment.type === 'iab' || assessment.type === 'fiab';
  const columns: ColumnDef<StudentRow, unknown>[] = [
    {
      id: 'student',
      header: 'Student',
      accessorFn: (r) => r.name,
      cell: ({ row }) => (
        <StudentNameMenu
          extra={renderStudentMenu}
          target={{
            studentId: row.original.studentId,
            ssid: row.original.ssid,
            displayName: row.original.name,
            shortName: row.original.firstName ?? shortName(row.original.name),
            assessmentId: assessment.id,
            assessmentType: assessment.type,
            subject: assessment.subject,
            schoolYear: assessment.schoolYear,
          }}
        />
      ),
    },
    {
      id: 'date',
      header: 'Date',
      accessorFn: (r) => r.completedAt,
      cell: ({ row }) => new Date(row.original.completedAt).toLocaleDateString('en-US'),
    },
    { id: 'session', header: 'Session', accessorFn: (r) => r.sessionId ?? '', cell: ({ row }) => row.original.sessionId ?? 'Not provided' },
    {
      id: 'grade',
      header: 'Enrolled Grade',
      accessorFn: (r) => r.enrolledGrade ?? '',
      cell: ({ row }) => (row.original.enrolledGrade ? gradeLabel(row.original.enrolledGrade) : '-'),
    },
    {
      id: 'school',
      header: 'School',
      accessorFn: (r) => r.schoolName,
      cell: ({ row }) => (
        <>
          {row.original.schoolName}
          {row.original.testedElsewhere && (
            <Badge ml={6} size="xs" variant="outline" color="gray">
              tested elsewhere
            </Badge>
          )}
        </>
      ),
    },
    { id: 'status', header: 'Status', accessorFn: (r) => r.status },
    {
      id: 'level',
      header: isBlock ? 'Reporting Category' : 'Achievement Level',
      accessorFn: (r) => r.level ?? -1,
      cell: ({ row }) => <LevelCell level={findLevel(data.levels, row.original.level)} />,
    },
    {
      id: 'score',
      header: 'Scale Score / Error Band',
      accessorFn: (r) => r.scaleScore ?? -1,
      cell: ({ row }) => formatScoreWithError(row.original.scaleScore, row.original.standardError),
    },
    ...data.subScores.map<ColumnDef<StudentRow, unknown>>((s) => ({
      id: `sub-${s.code}`,
      header: s.name,
      accessorFn: (r) => r.scores.find((c) => c.code === s.code)?.level ?? -1,
      cell: ({ row }) => {
        const c = row.original.scores.find((x) => x.code === s.code);
        if (!c) return '-';
        return (
          <>
            <LevelCell level={findLevel(s.levels, c.level)} />
            {c.scaleScore !== null && (
              <Text span size="xs" c="dimmed" ml={4}>
                ({formatScoreWithError(c.scaleScore, c.standardError)})
              </Text>
            )}
          </>
        );
      },
    })),
  ];
  return (
    <DataTable
      data={data.rows}
      columns={columns}
      caption={`Results by Student: ${assessment.label}`}
      initialSort={[{ id: 'student', desc: false }]}
      rowClassName={(r) => (r.testedElsewhere ? 'cers-row-elsewhere' : undefined)}
      testId="student-results-table"
    />
  );
}
