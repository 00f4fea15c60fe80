import { schoolYearLabel } from '@cers/domain';
import { Alert, Anchor, Button, Group, Paper, Stack, Table, Tabs, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAssignedGroups, useMyGroups } from '../../api/groups';
import { Busy } from '../../components/busy';
import { downloadCsv } from '../../components/csv';
import { ListPager } from '../../components/list-pager';
import { subjectsLabel } from './group-labels';

/** Paths of the group results pages (built by the group-results feature). */
export const assignedGroupPath = (id: number) => `/groups/${id}`;
export const myGroupPath = (id: number) => `/my-groups/${id}`;

/**
 * Home page tabs "Assigned Groups" and "My Groups" (cers-features.md §3.1). The open tab is in the
 * URL (?groups=mine), so "Save" in the group editor comes back to My Groups.
 */
export function GroupsPanel() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('groups') === 'mine' ? 'mine' : 'assigned';
  return (
    <Paper component="section" aria-label="Groups" withBorder p="md" radius="md">
      <Tabs
        value={tab}
        onChange={(v) =>
          setParams(
            (p) => {
              const next = new URLSearchParams(p);
              if (v === 'mine') next.set('groups', 'mine');
              else next.delete('groups');
              return next;
            },
            { replace: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="assigned">Assigned Groups</Tabs.Tab>
          <Tabs.Tab value="mine">My Groups</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="assigned" pt="sm">
          <AssignedGroupsTable />
        </Tabs.Panel>
        <Tabs.Panel value="mine" pt="sm">
          <MyGroupsTable />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}

/** Assigned groups per page (administrators see every group of their schools). */
const PAGE_SIZE = 20;

function AssignedGroupsTable() {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const groups = useAssignedGroups(q);
  const rows = groups.data?.groups ?? [];
  const [params, setParams] = useSearchParams();
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number(params.get('gpage')) || 1));
  const setPage = (p: number) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (p === 1) next.delete('gpage');
        else next.set('gpage', String(p));
        return next;
      },
      { replace: true },
    );
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <TextInput
          label="Search by group name"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setPage(1);
          }}
          maw={320}
        />
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            disabled={rows.length === 0}
            onClick={() =>
              downloadCsv('assigned-groups', [
                ['Group Name', 'School', 'School Year', 'Subjects', 'Students'],
                ...rows.map((g) => [g.name, g.schoolName, schoolYearLabel(g.schoolYear), subjectsLabel(g.subjects), g.studentCount]),
              ])
            }
          >
            Export CSV
          </Button>
        </Group>
      </Group>
      {groups.isPending && <Busy size="sm" label="Loading groups" />}
      {groups.isError && <Alert color="red">{groups.error.message}</Alert>}
      {groups.data && rows.length === 0 && (
        <Text size="sm">
          {q
            ? 'No groups match this name.'
            : 'No student groups are assigned to you yet. Your school or district administrator assigns groups.'}
        </Text>
      )}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Group Name</Table.Th>
                <Table.Th scope="col">School</Table.Th>
                <Table.Th scope="col">School Year</Table.Th>
                <Table.Th scope="col">Subjects</Table.Th>
                <Table.Th scope="col">Students</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((g) => (
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
        onChange={setPage}
        label="Pages of assigned groups"
        size="sm"
      />
      {groups.data?.truncated && <Text size="sm">Showing the first {rows.length} groups: search by name to find others.</Text>}
    </Stack>
  );
}

function MyGroupsTable() {
  const groups = useMyGroups();
  const rows = groups.data?.groups ?? [];
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          {groups.data?.canCreate ? (
            <Button component={Link} to="/my-groups/new">
              Create
            </Button>
          ) : (
            <Button disabled aria-describedby="my-groups-create-reason">
              Create
            </Button>
          )}
        </Group>
        <Button
          variant="default"
          size="xs"
          disabled={rows.length === 0}
          onClick={() =>
            downloadCsv('my-groups', [
              ['Group Name', 'Subjects', 'Students'],
              ...rows.map((g) => [g.name, subjectsLabel(g.subjects), g.studentCount]),
            ])
          }
        >
          Export CSV
        </Button>
      </Group>
      {groups.data && !groups.data.canCreate && (
        <Text size="sm" id="my-groups-create-reason">
          {groups.data.createDisabledReason}
        </Text>
      )}
      {groups.isPending && <Busy size="sm" label="Loading your groups" />}
      {groups.isError && <Alert color="red">{groups.error.message}</Alert>}
      {groups.data && rows.length === 0 && groups.data.canCreate && (
        <Text size="sm">You have no groups of your own yet. Select Create to make one from your students.</Text>
      )}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={420}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Group Name</Table.Th>
                <Table.Th scope="col">Subjects</Table.Th>
                <Table.Th scope="col">Students</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>
                    <Anchor component={Link} to={myGroupPath(g.id)}>
                      {g.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{subjectsLabel(g.subjects)}</Table.Td>
                  <Table.Td>{g.studentCount}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/my-groups/${g.id}/edit`} aria-label={`Edit ${g.name}`}>
                      Edit
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
