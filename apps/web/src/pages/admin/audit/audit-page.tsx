import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { type AuditFilters, auditSearchParams, useAuditLog } from '../../../api/audit';
import { ApiError } from '../../../api/client';
import { can, useMe } from '../../../api/me';
import { Busy } from '../../../components/busy';
import { auditActionLabel, auditViewLabel } from './audit-labels';

/** A local calendar day (yyyy-mm-dd) as the instant it starts, in ISO (the API compares instants). */
function localDayStart(day: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * Audit log of student-result reads (domain.md §Access): who read which student's results, in
 * which view, when and from where. District administrators see their district's students.
 */
export function AuditPage() {
  const { data: me } = useMe();
  const [form, setForm] = useState({ from: '', to: '', user: '', ssid: '' });
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(1);
  const log = useAuditLog(filters, page);

  if (!can(me, 'AUDIT_READ')) {
    return (
      <Alert color="gray" mt="lg" title="Audit Log">
        Your role does not include the audit log. It is available to LEA CAASPP and ELPAC coordinators.
      </Alert>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: AuditFilters = {};
    const from = localDayStart(form.from);
    const to = localDayStart(form.to, 1);
    if (from) next.from = from;
    if (to) next.to = to;
    if (form.user.trim()) next.user = form.user.trim();
    if (form.ssid.trim()) next.ssid = form.ssid.trim();
    setFilters(next);
    setPage(1);
  };
  const error = log.error instanceof ApiError ? log.error.message : log.error ? 'CERS is not reachable.' : null;
  const rows = log.data?.rows ?? [];

  return (
    <Stack py="md">
      <Group justify="space-between">
        <Title order={2}>Audit Log</Title>
        <Anchor component={Link} to="/">
          Home
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        Every view of a student’s individual results is recorded. You see the reads of students of your district
        {me?.roles.some((r) => r.orgType === 'state') ? ' (state: every district)' : ''}.
      </Text>
      <Paper withBorder p="md" component="form" onSubmit={onSubmit} aria-label="Filter the audit log">
        <Group align="flex-end">
          <TextInput label="From" type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.currentTarget.value })} />
          <TextInput label="To" type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.currentTarget.value })} />
          <TextInput label="User (email)" value={form.user} onChange={(e) => setForm({ ...form, user: e.currentTarget.value })} />
          <TextInput
            label="Student SSID"
            inputMode="numeric"
            maxLength={10}
            value={form.ssid}
            onChange={(e) => setForm({ ...form, ssid: e.currentTarget.value })}
          />
          <Button type="submit">Search</Button>
          <Button component="a" href={`/api/audit.csv?${auditSearchParams(filters)}`} variant="default" download>
            Export CSV
          </Button>
        </Group>
      </Paper>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {log.isPending ? (
        <Busy label="Loading" />
      ) : (
        <Table striped highlightOnHover withTableBorder aria-label="Audit log entries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date and Time</Table.Th>
              <Table.Th>User</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>View</Table.Th>
              <Table.Th>SSID</Table.Th>
              <Table.Th>IP Address</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>No audit entries match these filters.</Table.Td>
              </Table.Tr>
            )}
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{when.format(new Date(r.occurredAt))}</Table.Td>
                <Table.Td>{r.userLogin ?? '-'}</Table.Td>
                <Table.Td>{auditActionLabel(r.action)}</Table.Td>
                <Table.Td>{auditViewLabel(r.view)}</Table.Td>
                <Table.Td>{r.ssid ?? '-'}</Table.Td>
                <Table.Td>{r.ip ?? '-'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="space-between">
        <Button variant="default" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
          Previous
        </Button>
        <Text size="sm">Page {page}</Text>
        <Button variant="default" disabled={!log.data?.hasMore} onClick={() => setPage((p) => p + 1)}>
          Next
        </Button>
      </Group>
    </Stack>
  );
}
