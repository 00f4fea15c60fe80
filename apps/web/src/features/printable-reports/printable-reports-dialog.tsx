import { SUBJECTS, schoolYearLabel } from '@cers/domain';
import { Alert, Button, Group, Loader, Modal, SegmentedControl, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { type CreateReportRequest, type ReportKind, type ReportTarget, useCreateReport, useReportOptions } from '../../api/reports';
import { assessmentTypeLabel, LANGUAGE_LABELS, SORT_ORDER_LABELS, subjectLabel } from './labels';

/**
 * What a Printable Reports dialog prints. The shapes match the slots of the student page
 * (features/students/printable-reports-slot.ts) and of the results pages
 * (pages/group-results/results-page.tsx GroupPrintTarget), so they pass their target as is.
 */
export type PrintTarget =
  | { kind: 'student'; studentId: number; displayName: string; ssid?: string; schoolYears?: readonly number[] }
  | {
      kind: 'group' | 'user-group' | 'school';
      id: number;
      name: string;
      grade: string | null;
      schoolYear?: number | null;
      schoolYears?: readonly number[];
    };

export type PrintDefaults = {
  schoolYear?: number | null | undefined;
  assessmentType?: string | undefined;
  subject?: string | null | undefined;
};

export function reportTarget(t: PrintTarget): ReportTarget | null {
  switch (t.kind) {
    case 'student':
      return { type: 'student', studentId: t.studentId };
    case 'group':
      return { type: 'group', groupId: t.id };
    case 'user-group':
      return { type: 'userGroup', userGroupId: t.id };
    case 'school':
      return t.grade ? { type: 'schoolGrade', schoolId: t.id, grade: t.grade } : null;
    default: {
      const never: never = t;
      return never;
    }
  }
}

/** "Last, First" → "First Last": report names cannot hold commas (nor < > : ; ? " * | \\ /). */
export function studentReportName(displayName: string): string {
  const [last, first] = displayName.split(',').map((p) => p.trim());
  return first ? `${first} ${last}` : displayName.trim();
}

function defaultName(t: PrintTarget): string {
  const name =
    t.kind === 'student'
      ? studentReportName(t.displayName)
      : t.kind === 'school' && t.grade
        ? `${t.name} Grade ${t.grade === 'KG' ? 'K' : Number(t.grade)}`
        : t.name;
  return name
    .replace(/[<>:;,?"*|\\/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const TYPE_ORDER = ['sum', 'ica', 'iab', 'fiab', 'ia'];
const ALL = '';
const NAME_PATTERN = /^[^<>:;,?"*|\\/]+$/;

/**
 * The Printable Reports dialog (cers-features.md §3.6; user documents 000/001): Report Name,
 * School Year, Assessment Type, Subject, Sort Order, report language, accommodations →
 * Create Report. The job runs in the background; the user lands on My Reports to watch its Status.
 */
export function PrintableReportsDialog({
  opened,
  onClose,
  target,
  defaults,
}: {
  opened: boolean;
  onClose: () => void;
  target: PrintTarget;
  defaults?: PrintDefaults | undefined;
}) {
  const navigate = useNavigate();
  const apiTarget = reportTarget(target);
  const options = useReportOptions(apiTarget ?? { type: 'student', studentId: 0 }, opened && apiTarget !== null);
  const create = useCreateReport();
  const [name, setName] = useState(defaultName(target));
  const [kind, setKind] = useState<ReportKind>('isr');
  const [year, setYear] = useState<string | null>(null);
  const [type, setType] = useState<string | null>(null);
  const [subject, setSubject] = useState<string>(ALL);
  const [sortOrder, setSortOrder] = useState<keyof typeof SORT_ORDER_LABELS>('name');
  const [language, setLanguage] = useState<'en' | 'es'>('en');
  const [accommodations, setAccommodations] = useState(false);

  const combos = options.data?.options ?? [];
  const years = useMemo(() => {
    const fromApi = options.data?.schoolYears ?? [];
    const fallback = target.schoolYears ?? [];
    return (fromApi.length > 0 ? fromApi : [...fallback]).sort((a, b) => b - a);
  }, [options.data, target.schoolYears]);
  const types = useMemo(() => {
    const y = Number(year);
    const list = [...new Set(combos.filter((c) => c.schoolYear === y).map((c) => c.assessmentType))];
    return list.sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b));
  }, [combos, year]);
  const subjects = useMemo(() => {
    const y = Number(year);
    const list = [...new Set(combos.filter((c) => c.schoolYear === y && c.assessmentType === type).map((c) => c.subject))];
    return list.sort((a, b) => SUBJECTS.indexOf(a as never) - SUBJECTS.indexOf(b as never));
  }, [combos, year, type]);

  // Defaults: the page's year, type and subject when the target has them.
  useEffect(() => {
    if (year !== null || years.length === 0) return;
    const wanted = defaults?.schoolYear ?? (target.kind !== 'student' ? target.schoolYear : null);
    setYear(String(wanted && years.includes(wanted) ? wanted : years[0]));
  }, [years, year, defaults?.schoolYear, target]);
  useEffect(() => {
    if (types.length === 0) return;
    if (type !== null && types.includes(type)) return;
    const wanted = defaults?.assessmentType ?? 'sum';
    setType(types.includes(wanted) ? wanted : (types[0] ?? null));
  }, [types, type, defaults?.assessmentType]);
  useEffect(() => {
    if (subject !== ALL && !subjects.includes(subject)) setSubject(ALL);
    else if (subject === ALL && defaults?.subject && subjects.includes(defaults.subject)) setSubject(defaults.subject);
  }, [subjects, subject, defaults?.subject]);

  const nameError =
    name.trim() === ''
      ? 'Enter a report name.'
      : NAME_PATTERN.test(name)
        ? null
        : 'The report name cannot contain < > : ; , ? " * | \\ or /.';
  const ready = apiTarget !== null && year !== null && type !== null && nameError === null;

  const submit = () => {
    if (!ready || !apiTarget) return;
    const body: CreateReportRequest = {
      kind,
      name: name.trim(),
      target: apiTarget,
      schoolYear: Number(year),
      assessmentType: type,
      subject: subject === ALL ? null : subject,
      sortOrder,
      language,
      accommodations,
    };
    create.mutate(body, {
      onSuccess: (report) => {
        onClose();
        navigate('/reports', { state: { created: report.id } });
      },
    });
  };

  const error = create.error instanceof ApiError ? create.error.message : create.error ? 'The report could not be created.' : null;
  return (
    <Modal opened={opened} onClose={onClose} title="Printable Reports" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            Create Individual Student Reports (ISRs){target.kind === 'student' ? '' : ' for every student'}. The report is created in the
            background; follow its Status in My Reports.
          </Text>
          {target.kind !== 'student' && (
            <SegmentedControl
              aria-label="Report format"
              value={kind}
              onChange={(v) => setKind(v as ReportKind)}
              data={[
                { value: 'isr', label: 'Individual Student Reports (PDF)' },
                { value: 'group-csv', label: 'Results Data (CSV)' },
              ]}
            />
          )}
          <TextInput
            label="Report Name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={name ? nameError : null}
            required
            maxLength={100}
          />
          {options.isLoading && (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm">Finding available results…</Text>
            </Group>
          )}
          {options.isError && (
            <Alert color="red" role="alert" title="Results could not be listed">
              {options.error instanceof ApiError ? options.error.message : 'CERS is not reachable. Close this window and try again.'}
            </Alert>
          )}
          {options.isSuccess && years.length === 0 && (
            <Alert color="gray" title="No results">
              There are no results available to print for {target.kind === 'student' ? 'this student' : 'these students'}.
            </Alert>
          )}
          <Select
            label="School Year"
            data={years.map((y) => ({ value: String(y), label: schoolYearLabel(y) }))}
            value={year}
            onChange={(v) => {
              setYear(v);
              setType(null);
            }}
            allowDeselect={false}
            required
          />
          <Select
            label="Assessment Type"
            data={types.map((t) => ({ value: t, label: assessmentTypeLabel(t) }))}
            value={type}
            onChange={setType}
            allowDeselect={false}
            required
          />
          <Select
            label="Subject"
            data={[{ value: ALL, label: subjectLabel(null) }, ...subjects.map((s) => ({ value: s, label: subjectLabel(s) }))]}
            value={subject}
            onChange={(v) => {
              const next = v ?? ALL;
              setSubject(next);
              // scale scores of different subjects are on different scales: no score order across them
              if (next === ALL && sortOrder === 'score') setSortOrder('name');
            }}
            allowDeselect={false}
          />
          <Select
            label="Sort Order"
            data={Object.entries(SORT_ORDER_LABELS).map(([value, label]) =>
              value === 'score' && subject === ALL ? { value, label: `${label} — choose one subject`, disabled: true } : { value, label },
            )}
            value={sortOrder}
            onChange={(v) => setSortOrder((v ?? 'name') as keyof typeof SORT_ORDER_LABELS)}
            allowDeselect={false}
          />
          {kind === 'isr' && (
            <>
              <Select
                label="Report Language"
                data={Object.entries(LANGUAGE_LABELS).map(([value, label]) => ({ value, label }))}
                value={language}
                onChange={(v) => setLanguage((v ?? 'en') as 'en' | 'es')}
                allowDeselect={false}
              />
              <Switch
                label="Student Accommodations: include the accommodations made available"
                checked={accommodations}
                onChange={(e) => setAccommodations(e.currentTarget.checked)}
              />
            </>
          )}
          {error && (
            <Alert color="red" title="The report was not created" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!ready} loading={create.isPending}>
              Create Report
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
