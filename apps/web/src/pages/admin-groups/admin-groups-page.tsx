import { SUBJECTS, schoolYearLabel } from '@cers/domain';
import { Alert, Anchor, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAdminGroups, useDeleteAdminGroup } from '../../api/groups';
import { useSchools } from '../../api/schools';
import { Busy } from '../../components/busy';
import { downloadCsv } from '../../components/csv';
import { ListPager } from '../../components/list-pager';
import { PageBreadcrumbs } from '../../components/page-breadcrumbs';
import { DeleteGroupButton } from '../../features/groups/group-form-parts';
import { subjectsLabel } from '../../features/groups/group-labels';
import { assignedGroupPath } from '../../features/groups/groups-panel';

const ALL = 'all';
/** Rows per page: a district can hold hundreds of groups. */
const PAGE_SIZE = 50;

/**
 * Manage Student Groups (/admin/groups, cers-features.md §3.10): the assigned groups of the
 * administrator's schools, filtered by School, School Year, Subject and name (state in the URL);
 * Create, Edit (teachers, students, subjects) and Delete. Upload Groups opens the imports page for
 * student group files (upload, the template, and the history of the uploads).
 */
export function AdminGroupsPage() {
  const [params, setParams] = useSearchParams();
  const schoolId = positive(params.get('school'));
  const schoolYear = positive(params.get('year'));
  const subject = params.get('subject');
  const [text, setText] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(text.trim(), 250);
  const schools = useSchools('', { limit: 500 });
  const groups = useAdminGroups({ schoolId: schoolId ?? undefined, schoolYear: schoolYear ?? undefined, subject: subject ?? undefined, q });
  const remove = useDeleteAdminGroup();
  const rows = groups.data?.groups ?? [];
  const years = [...new Set(rows.map((g) => g.schoolYear))].sort((a, b) => b - a);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(pages, positive(params.get('page')) ?? 1);
  const pageRows = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === null || value === ALL || value === '') next.delete(key);
        else next.set(key, value);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="md" py="md">
      <PageBreadcrumbs>
        <Anchor component={Link} to="/">
          Home
        </Anchor>
        <Text span aria-current="page">
          Student Groups
        </Text>
      </PageBreadcrumbs>
      <Group justify="space-between">
        <Title order={2}>Student Groups</Title>
        <Group gap="xs">
          <Button component={Link} to="/admin/groups/new">
            Create
          </Button>
          <Button component={Link} to="/admin/imports?content=GROUPS" variant="default">
            Upload Groups
          </Button>
          <Button
            variant="default"
            disabled={rows.length === 0}
            onClick={() =>
              downloadCsv('student-groups', [
                ['Name', 'School', 'School Year', 'Subjects', 'Num. of Students', 'Teachers'],
                ...rows.map((g) => [
                  g.name,
                  g.schoolName,
                  schoolYearLabel(g.schoolYear),
                  subjectsLabel(g.subjects),
                  g.studentCount,
                  g.teachers.map((t) => t.displayName).join('; '),
                ]),
              ])
            }
          >
            Export CSV
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
        <Select
          label="School"
          data={[{ value: ALL, label: 'All' }, ...(schools.data?.schools ?? []).map((s) => ({ value: String(s.id), label: s.name }))]}
          value={schoolId === null ? ALL : String(schoolId)}
          onChange={(v) => set('school', v)}
          searchable
          allowDeselect={false}
        />
        <Select
          label="School Year"
          data={[{ value: ALL, label: 'All' }, ...years.map((y) => ({ value: String(y), label: schoolYearLabel(y) }))]}
          value={schoolYear === null ? ALL : String(schoolYear)}
          onChange={(v) => set('year', v)}
          allowDeselect={false}
        />
        <Select
          label="Subject"
          data={[{ value: ALL, label: 'All' }, ...SUBJECTS.map((s) => ({ value: s, label: s }))]}
          value={subject ?? ALL}
          onChange={(v) => set('subject', v)}
          allowDeselect={false}
        />
        <TextInput
          label="Search groups by name"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            set('q', e.currentTarget.value.trim());
          }}
        />
      </SimpleGrid>
      {groups.isPending && <Busy label="Loading groups" />}
      {groups.isError && <Alert color="red">{groups.error.message}</Alert>}
      {remove.isError && (
        <Alert color="red" role="alert">
          {remove.error.message}
        </Alert>
      )}
      {groups.data && rows.length === 0 && <Text>No groups match these filters.</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">School</Table.Th>
                <Table.Th scope="col">School Year</Table.Th>
                <Table.Th scope="col">Subjects</Table.Th>
                <Table.Th scope="col">Num. of Students</Table.Th>
                <Table.Th scope="col">Teachers</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pageRows.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>
                    <Anchor component={Link} to={assignedGroupPath(g.id)}>
                      {g.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{g.schoolName}</Table.Td>
                  <Table.Td>{schoolYearLabel(g.schoolYear)}</Table.Td>
                  <Table.Td>{subjectsLabel(g.subjects)}</Table.Td>
                  <Table.Td>{g.studentCount}</Table.Td>
                  <Table.Td>{g.teachers.length === 0 ? 'None' : g.teachers.map((t) => t.displayName).join(', ')}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component={Link} to={`/admin/groups/${g.id}/edit`} aria-label={`Edit ${g.name}`}>
                        Edit
                      </Anchor>
                      <DeleteGroupButton name={g.name} pending={remove.isPending} onConfirm={() => remove.mutate(g.id)} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ListPager
        noun="Groups"
        page={page}
        pageSize={PAGE_SIZE}
        total={rows.length}
        onChange={(p) => set('page', String(p))}
        label="Pages of groups"
      />
      {groups.data?.truncated && <Text size="sm">Showing the first {rows.length} groups: filter to find others.</Text>}
    </Stack>
  );
}

function positive(value: string | null): number | null {
  return value !== null && /^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : null;
}
