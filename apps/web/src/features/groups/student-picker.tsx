import { gradeLabel } from '@cers/domain';
import {
  Anchor,
  Badge,
  Button,
  Collapse,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { type ReactNode, useId, useMemo, useRef, useState } from 'react';
import { type CandidateQuery, type GroupStudent, useCandidateSources, useCandidates } from '../../api/groups';
import { Busy } from '../../components/busy';
import {
  type AdvancedFilters,
  activeFilterCount,
  addStudents,
  ELAS_OPTIONS,
  EMPTY_FILTERS,
  ETHNICITY_OPTIONS,
  GENDER_OPTIONS,
  GRADE_OPTIONS,
  MILITARY_OPTIONS,
  parseSource,
  removeStudent,
} from './group-labels';

type Props = {
  selected: GroupStudent[];
  onChange: (students: GroupStudent[]) => void;
  /** Fixes the School or Group filter to one school (administrators editing a school's group). */
  schoolId?: number | null;
};

/**
 * The student picker of a group (user documents, "Create, Name and Save a Custom Group"): filter
 * the list by school or group, by student name or SSID, or with advanced filters; select a
 * student's name to add them, or Add All Students; the Students List removes one by one or with
 * Remove All Students. Candidates are only students the user may see (server side).
 */
export function StudentPicker({ selected, onChange, schoolId }: Props) {
  const [source, setSource] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [filters, setFilters] = useState<AdvancedFilters>(EMPTY_FILTERS);
  const [advancedOpen, advanced] = useDisclosure(false);
  const sources = useCandidateSources();
  const findId = useId();
  const listId = useId();
  // Keyboard users keep their place: after Add or Remove the focus moves to the neighbouring row's
  // button (the one pressed disappears), and a polite message says what happened.
  const addButtons = useRef(new Map<number, HTMLButtonElement>());
  const removeButtons = useRef(new Map<number, HTMLButtonElement>());
  const listHeading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusNeighbour = (rows: GroupStudent[], id: number, buttons: Map<number, HTMLButtonElement>) => {
    const i = rows.findIndex((r) => r.id === id);
    const next = rows[i + 1] ?? rows[i - 1];
    const target = next ? buttons.get(next.id) : undefined;
    if (target) target.focus();
    else listHeading.current?.focus();
  };

  const query: CandidateQuery = useMemo(() => {
    const fromSource = schoolId ? { schoolId } : parseSource(source);
    return { ...fromSource, q: q || undefined, ...filters };
  }, [schoolId, source, q, filters]);
  const candidates = useCandidates(query);
  const selectedIds = useMemo(() => new Set(selected.map((s) => s.id)), [selected]);
  const available = (candidates.data?.students ?? []).filter((s) => !selectedIds.has(s.id));

  const sourceData = [
    { group: 'Schools', items: (sources.data?.schools ?? []).map((s) => ({ value: `school:${s.id}`, label: s.name })) },
    {
      group: 'Groups',
      items: (sources.data?.groups ?? []).map((g) => ({ value: `group:${g.id}`, label: `${g.name} (${g.schoolName})` })),
    },
  ].filter((g) => g.items.length > 0);

  const set = <K extends keyof AdvancedFilters>(key: K, value: AdvancedFilters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  const yesNo = (key: 'iep' | 'section504' | 'economicDisadvantage' | 'migrant', label: string) => (
    <Select
      label={label}
      data={[
        { value: 'any', label: 'Any' },
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ]}
      value={filters[key] ?? 'any'}
      onChange={(v) => set(key, v === 'yes' || v === 'no' ? v : undefined)}
      allowDeselect={false}
    />
  );
  const activeCount = activeFilterCount(filters);

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper component="section" aria-labelledby={findId} withBorder p="sm" radius="md">
        <Stack gap="xs">
          <Title order={3} size="h5" id={findId}>
            Find Students
          </Title>
          {!schoolId && (
            <Select
              label="School or Group"
              placeholder="All my students"
              data={sourceData}
              value={source}
              onChange={setSource}
              clearable
              searchable
            />
          )}
          <TextInput label="Student Name or SSID" value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={100} />
          <Group gap="xs">
            <Button variant="outline" size="compact-sm" onClick={advanced.toggle} aria-expanded={advancedOpen}>
              Advanced Filters{activeCount > 0 ? ` (${activeCount})` : ''}
            </Button>
            {activeCount > 0 && (
              <Button variant="outline" size="compact-sm" onClick={() => setFilters(EMPTY_FILTERS)}>
                Clear filters
              </Button>
            )}
          </Group>
          <Collapse in={advancedOpen}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <MultiSelect label="Grade" data={GRADE_OPTIONS} value={filters.grade ?? []} onChange={(v) => set('grade', v)} />
              <MultiSelect label="Gender" data={GENDER_OPTIONS} value={filters.gender ?? []} onChange={(v) => set('gender', v)} />
              <MultiSelect
                label="Race/Ethnicity"
                data={ETHNICITY_OPTIONS}
                value={filters.ethnicity ?? []}
                onChange={(v) => set('ethnicity', v)}
              />
              <MultiSelect
                label="English Language Acquisition Status"
                data={ELAS_OPTIONS}
                value={filters.elas ?? []}
                onChange={(v) => set('elas', v)}
              />
              {yesNo('iep', 'IEP')}
              {yesNo('section504', '504 Plan')}
              {yesNo('economicDisadvantage', 'Economic Disadvantage')}
              {yesNo('migrant', 'Migrant Status')}
              <MultiSelect
                label="Military Student Identifier"
                data={MILITARY_OPTIONS}
                value={filters.military ?? []}
                onChange={(v) => set('military', v)}
              />
            </SimpleGrid>
          </Collapse>
          <Group justify="space-between">
            <Text size="sm" aria-live="polite">
              {candidates.isFetching && !candidates.data
                ? 'Loading students…'
                : `${available.length} ${available.length === 1 ? 'student' : 'students'} listed`}
              {candidates.data?.truncated
                ? ` (first ${candidates.data.students.length} of ${candidates.data.total}: narrow the filters)`
                : ''}
            </Text>
            <Anchor
              component="button"
              type="button"
              onClick={() => {
                onChange(addStudents(selected, available));
                setAnnouncement(`Added ${available.length} students. ${selected.length + available.length} in the Students List.`);
              }}
              disabled={available.length === 0}
            >
              {candidates.data?.truncated ? `Add These ${available.length} Students` : 'Add All Students'}
            </Anchor>
          </Group>
          {candidates.isError && (
            <Text c="red.9" size="sm" role="alert">
              {candidates.error.message}
            </Text>
          )}
          <StudentTable
            students={available}
            caption="Students you can add"
            action={(s) => (
              <UnstyledButton
                ref={(el: HTMLButtonElement | null) => {
                  if (el) addButtons.current.set(s.id, el);
                  else addButtons.current.delete(s.id);
                }}
                onClick={() => {
                  focusNeighbour(available, s.id, addButtons.current);
                  onChange(addStudents(selected, [s]));
                  setAnnouncement(`Added ${s.displayName}. ${selected.length + 1} in the Students List.`);
                }}
                className="cers-student-pick"
                aria-label={`Add ${s.displayName}`}
              >
                <Text span fw={600} c="blue.8">
                  {s.displayName}
                </Text>
              </UnstyledButton>
            )}
          />
          {candidates.isFetching && <Busy size="xs" label="Updating the list" />}
          <Text size="xs" c="dimmed" aria-live="polite">
            {announcement}
          </Text>
        </Stack>
      </Paper>
      <Paper component="section" aria-labelledby={listId} withBorder p="sm" radius="md">
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={3} size="h5" id={listId} ref={listHeading} tabIndex={-1}>
              Students List{' '}
              <Badge variant="filled" color="dark.6">
                {selected.length}
              </Badge>
            </Title>
            <Anchor
              component="button"
              type="button"
              onClick={() => {
                onChange([]);
                setAnnouncement('Removed every student from the Students List.');
              }}
              disabled={selected.length === 0}
            >
              Remove All Students
            </Anchor>
          </Group>
          {selected.length === 0 ? (
            <Text size="sm">No students yet. Select a student’s name in the list to add them.</Text>
          ) : (
            <StudentTable
              students={selected}
              caption="Students in the group"
              action={(s) => (
                <Group gap="xs" wrap="nowrap">
                  <Text span fw={600}>
                    {s.displayName}
                  </Text>
                  <Button
                    ref={(el: HTMLButtonElement | null) => {
                      if (el) removeButtons.current.set(s.id, el);
                      else removeButtons.current.delete(s.id);
                    }}
                    size="compact-xs"
                    variant="outline"
                    color="red.9"
                    onClick={() => {
                      focusNeighbour(selected, s.id, removeButtons.current);
                      onChange(removeStudent(selected, s.id));
                      setAnnouncement(`Removed ${s.displayName}. ${selected.length - 1} in the Students List.`);
                    }}
                    aria-label={`Remove ${s.displayName}`}
                  >
                    Remove
                  </Button>
                </Group>
              )}
            />
          )}
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}

function StudentTable({
  students,
  caption,
  action,
}: {
  students: GroupStudent[];
  caption: string;
  action: (s: GroupStudent) => ReactNode;
}) {
  if (students.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={360} mah={420}>
      <Table striped verticalSpacing={4} fz="sm">
        <caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Student</Table.Th>
            <Table.Th scope="col">SSID</Table.Th>
            <Table.Th scope="col">Grade</Table.Th>
            <Table.Th scope="col">School</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {students.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{action(s)}</Table.Td>
              <Table.Td>{s.ssid}</Table.Td>
              <Table.Td>{s.grade ? gradeLabel(s.grade) : '-'}</Table.Td>
              <Table.Td>{s.schoolName ?? '-'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
