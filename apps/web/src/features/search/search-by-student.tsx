import { isValidSsid, normalizeSsid, SSID_MESSAGE } from '@cers/domain';
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useStudentSearch } from '../../api/students';
import type { RenderPrintableReports } from '../students/printable-reports-slot';
import { StudentResultsCard } from './student-results-card';
import './search.css';
import { Busy } from '../../components/busy';

/**
 * Search by Student (home page): an SSID → the student's Student Results Cards. The SSID lives in
 * the URL (?ssid=), so a search is linkable and survives Back from the student page. A student
 * the user may not see answers exactly like one that does not exist.
 */
export function SearchByStudent({ renderPrintableReports }: { renderPrintableReports?: RenderPrintableReports }) {
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get('ssid');
  const ssid = fromUrl !== null && isValidSsid(fromUrl) ? normalizeSsid(fromUrl) : null;
  const [input, setInput] = useState(fromUrl ?? '');
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const search = useStudentSearch(ssid);

  useEffect(() => setInput(fromUrl ?? ''), [fromUrl]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!isValidSsid(input)) {
      setError(SSID_MESSAGE);
      return;
    }
    setError(null);
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('ssid', normalizeSsid(input));
        return next;
      },
      { replace: false },
    );
  }

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>
          Search by Student
        </Title>
        <form onSubmit={onSubmit} noValidate>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label="Statewide Student Identifier (SSID)"
              placeholder="Enter the Statewide Student Identifier (SSID)"
              value={input}
              onChange={(e) => setInput(e.currentTarget.value)}
              error={error}
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              style={{ flex: 1 }}
              name="ssid"
            />
            <Button type="submit">Search</Button>
          </Group>
        </form>
        <div aria-live="polite">
          {ssid !== null && <SearchResults key={ssid} ssid={ssid} search={search} renderPrintableReports={renderPrintableReports} />}
        </div>
      </Stack>
    </Paper>
  );
}

/** Cards shown before "Show all": the most recent results (a student may have dozens of interims). */
const INITIAL_CARDS = 12;

function SearchResults({
  ssid,
  search,
  renderPrintableReports,
}: {
  ssid: string;
  search: ReturnType<typeof useStudentSearch>;
  renderPrintableReports: RenderPrintableReports | undefined;
}) {
  const [showAll, setShowAll] = useState(false);
  if (search.isPending) return <Busy size="sm" label="Searching" />;
  if (search.isError) {
    return (
      <Alert color="red" title="The search did not complete">
        {search.error.message}
      </Alert>
    );
  }
  const { student, cards } = search.data;
  if (!student) {
    return (
      <Alert color="gray" title="No results">
        No results were found for SSID {ssid}. Check the number. You see only students in your groups, school or district: if this student
        should be in one of your groups, ask your school or district administrator.
      </Alert>
    );
  }
  const schoolYears = [...new Set(cards.map((c) => c.assessment.schoolYear))].sort((a, b) => b - a);
  const shown = showAll ? cards : cards.slice(0, INITIAL_CARDS);
  return (
    <Stack gap="sm" data-testid="student-search-results">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={4} size="h5">
            {student.displayName}
          </Title>
          <Text size="sm">
            SSID {student.ssid}
            {student.school ? ` · ${student.school.name}` : ''}
          </Text>
        </div>
        <Group gap="xs">
          {renderPrintableReports?.({
            kind: 'student',
            studentId: student.id,
            ssid: student.ssid,
            displayName: student.displayName,
            schoolYears,
          })}
          <Anchor component={Link} to={`/students/${student.id}`}>
            View test history
          </Anchor>
        </Group>
      </Group>
      {cards.length === 0 ? (
        <Text>No test results are available for this student.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {shown.map((card) => (
            <li key={card.examId}>
              <StudentResultsCard studentId={student.id} card={card} />
            </li>
          ))}
        </SimpleGrid>
      )}
      {cards.length > INITIAL_CARDS && (
        <Group>
          <Button variant="default" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
            {showAll ? `Show the ${INITIAL_CARDS} most recent only` : `Show all ${cards.length} Student Results Cards`}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
