import { gradeLabel, schoolYearLabel } from '@cers/domain';
import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useSchoolOptions, useSchools } from '../../api/schools';

/** The whole school: every assessment grade on one results page. */
const ALL_GRADES = 'all';

/**
 * Search by School (administrators with individual access at a school or district; hidden for
 * teachers, cers-features.md §3.1): school typeahead → assessment grade → school year → the
 * school/grade results page at /schools/:schoolId?grade=..&year=.. (All Grades: no grade, the whole school).
 */
export function SearchBySchool() {
  const headingId = useId();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const [grade, setGrade] = useState<string | null>(null);
  const [year, setYear] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const schools = useSchools(debounced);
  const options = useSchoolOptions(schoolId === null ? null : Number(schoolId));

  // Most recent year by default; the grade too when the school has only one.
  useEffect(() => {
    if (!options.data) return;
    const [latest] = options.data.schoolYears;
    setYear((y) => y ?? (latest === undefined ? null : String(latest)));
    if (options.data.grades.length === 1) setGrade((g) => g ?? options.data?.grades[0] ?? null);
  }, [options.data]);

  const schoolData = useMemo(() => {
    const list = (schools.data?.schools ?? []).map((s) => ({ value: String(s.id), label: s.name }));
    const selected = options.data?.school;
    if (selected && !list.some((s) => s.value === String(selected.id))) list.unshift({ value: String(selected.id), label: selected.name });
    return list;
  }, [schools.data, options.data]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (schoolId === null || grade === null || year === null) {
      setError('Choose a school, a grade (or All Grades) and a school year.');
      return;
    }
    setError(null);
    const gradeParam = grade === ALL_GRADES ? '' : `grade=${encodeURIComponent(grade)}&`;
    navigate(`/schools/${schoolId}?${gradeParam}year=${encodeURIComponent(year)}`);
  }

  const noResults = options.data && options.data.grades.length === 0;
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md" radius="md">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id={headingId}>
            Search by School
          </Title>
          <Select
            label="School"
            placeholder="Enter name"
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={schoolData}
            filter={({ options: opts }) => opts}
            value={schoolId}
            onChange={(v) => {
              setSchoolId(v);
              setGrade(null);
              setYear(null);
            }}
            nothingFoundMessage={schools.isFetching ? 'Searching…' : 'No schools found.'}
            clearable
          />
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label="Grade"
              placeholder={schoolId === null ? 'Choose a school first' : 'Choose a grade'}
              data={[
                ...(options.data && options.data.grades.length > 1 ? [{ value: ALL_GRADES, label: 'All Grades' }] : []),
                ...(options.data?.grades ?? []).map((g) => ({ value: g, label: gradeLabel(g) })),
              ]}
              value={grade}
              onChange={setGrade}
              disabled={!options.data || options.data.grades.length === 0}
              miw={140}
            />
            <Select
              label="School Year"
              placeholder={schoolId === null ? 'Choose a school first' : 'Choose a year'}
              data={(options.data?.schoolYears ?? []).map((y) => ({ value: String(y), label: schoolYearLabel(y) }))}
              value={year}
              onChange={setYear}
              disabled={!options.data || options.data.schoolYears.length === 0}
              miw={140}
            />
          </Group>
          {noResults && <Text size="sm">No assessment results are available for this school.</Text>}
          {error && (
            <Text size="sm" c="red.9" role="alert">
              {error}
            </Text>
          )}
          <Group>
            <Button type="submit">Search</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
