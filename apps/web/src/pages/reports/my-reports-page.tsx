import { schoolYearLabel } from '@cers/domain';
import { Alert, Badge, Button, Center, Group, Loader, Menu, Progress, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { ApiError } from '../../api/client';
import { downloadReport, type Report, useDeleteReport, useReports } from '../../api/reports';
import { assessmentTypeLabel, reportTypeLabel, STATUS_LABELS, subjectLabel } from '../../features/printable-reports/labels';

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** Black-and-white-safe status: the word always shows; the badge style only repeats it. */
function StatusCell({ report }: { report: Report }) {
  const label = STATUS_LABELS[report.status];
  const variant = report.status === 'completed' ? 'filled' : 'outline';
  const color = report.status === 'failed' ? 'red.9' : 'dark';
  return (
    <Stack gap={4}>
      <Badge variant={variant} color={color} data-testid="report-status">
        {label}
      </Badge>
      {report.status === 'running' && report.total > 0 && (
        <>
          <Progress
            value={(100 * report.progress) / report.total}
            size="sm"
            aria-label={`${report.progress} of ${report.total} students`}
          />
          <Text size="xs">
            {report.progress} of {report.total} students
          </Text>
        </>
      )}
      {(report.status === 'failed' || report.status === 'no_results' || report.status === 'pending') && report.message && (
        <Text size="xs" c={report.status === 'failed' ? 'red.8' : 'dimmed'}>
          {report.message}
        </Text>
      )}
      {report.status === 'completed' && report.expiresAt && (
        <Text size="xs">Available until {dateTime.format(new Date(report.expiresAt))}</Text>
      )}
    </Stack>
  );
}

/** The report's name opens its context menu: Download Report Data, Delete Report. */
function NameMenu({ report, onDownloadError }: { report: Report; onDownloadError: (message: string | null) => void }) {
  const remove = useDeleteReport();
  const ready = report.status === 'completed';
  return (
    <Menu position="bottom-start" withinPortal shadow="md">
      <Menu.Target>
        <UnstyledButton aria-haspopup="menu" fw={600} td="underline">
          {report.name}
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{report.name}</Menu.Label>
        <Menu.Item
          disabled={!ready}
          onClick={() => {
            onDownloadError(null);
            downloadReport(report).catch((e: unknown) =>
              onDownloadError(e instanceof ApiError ? e.message : 'The report could not be downloaded. Try again.'),
            );
          }}
        >
          Download Report Data
        </Menu.Item>
        <Menu.Item
          color="red"
          onClick={() => {
            if (window.confirm(`Delete the report "${report.name}"?`)) remove.mutate(report.id);
          }}
        >
          Delete Report
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * My Reports (/reports, cers-features.md §3.7): the caller's printable reports with their Status
 * (Pending, Running, Completed, Failed with the reason, No Results, Expired) and progress. Select a
 * report's name, then Download Report Data.
 */
export function MyReportsPage() {
  const reports = useReports();
  const location = useLocation();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const created = (location.state as { created?: number } | null)?.created;
  if (reports.isLoading) {
    return (
      <Center py="xl" role="status" aria-label="Loading">
        <Loader />
      </Center>
    );
  }
  if (reports.error) {
    return (
      <Alert color="red" title="Something went wrong" mt="lg">
        {reports.error instanceof ApiError ? reports.error.message : 'My Reports could not be loaded.'}
      </Alert>
    );
  }
  const list = reports.data ?? [];
  return (
    <Stack py="lg" gap="md">
      <Group justify="space-between">
        <Title order={2}>My Reports</Title>
        <Button variant="default" onClick={() => reports.refetch()} loading={reports.isFetching}>
          Reload
        </Button>
      </Group>
      {created !== undefined && (
        <Alert variant="default" title="Creating report">
          Your report is being created. Its Status changes to Completed when it is ready; then select its name and choose Download Report
          Data.
        </Alert>
      )}
      {downloadError && (
        <Alert
          color="red"
          role="alert"
          title="The report was not downloaded"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setDownloadError(null)}
        >
          {downloadError}
        </Alert>
      )}
      {list.length === 0 ? (
        <Text>You have no reports. Use a Printable Reports button on a student, group or school page to create one.</Text>
      ) : (
        <Table striped withTableBorder verticalSpacing="sm" aria-label="My Reports">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Report Type</Table.Th>
              <Table.Th scope="col">Assessment Type</Table.Th>
              <Table.Th scope="col">Subject</Table.Th>
              <Table.Th scope="col">School Year</Table.Th>
              <Table.Th scope="col">Date</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((r) => (
              <Table.Tr key={r.id} data-report-id={r.id} aria-current={r.id === created ? 'true' : undefined}>
                <Table.Td>
                  <NameMenu report={r} onDownloadError={setDownloadError} />
                </Table.Td>
                <Table.Td>{reportTypeLabel(r)}</Table.Td>
                <Table.Td>{assessmentTypeLabel(r.assessmentType)}</Table.Td>
                <Table.Td>{subjectLabel(r.subject)}</Table.Td>
                <Table.Td>{r.schoolYear ? schoolYearLabel(r.schoolYear) : '-'}</Table.Td>
                <Table.Td>{dateTime.format(new Date(r.createdAt))}</Table.Td>
                <Table.Td>
                  <StatusCell report={r} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
