import { ASSIGNED_GROUP_MAX_STUDENTS, GROUP_FILE_HEADERS } from '@cers/domain';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Code,
  FileInput,
  Group,
  List,
  Modal,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client';
import {
  CONTENT_LABELS,
  errorList,
  IMPORT_STATUSES,
  type ImportFilters,
  type ImportRecord,
  type ImportStatus,
  STATUS_LABELS,
  UPLOAD_CONTENTS,
  type UploadContent,
  useImport,
  useImports,
  useRetry,
  useUpload,
} from '../../../api/imports';
import { can, useMe } from '../../../api/me';
import { Busy } from '../../../components/busy';
import { downloadCsv } from '../../../components/csv';
import { PageBreadcrumbs } from '../../../components/page-breadcrumbs';

const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const GOOD: ImportStatus[] = ['PROCESSED', 'NO_UPDATE'];
const WAITING: ImportStatus[] = ['ACCEPTED', 'UNKNOWN_ASMT', 'UNKNOWN_SCHOOL', 'UNKNOWN_STUDENT'];

/** Filled badges in shades whose text (white, or black on yellow) meets WCAG AA contrast. */
function statusColor(s: ImportStatus): string {
  if (GOOD.includes(s)) return 'teal.9';
  if (WAITING.includes(s)) return 'yellow.9';
  return 'red.9';
}

function StatusBadge({ status }: { status: ImportStatus }) {
  return (
    <Badge color={statusColor(status)} variant="filled" autoContrast>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A local calendar day (yyyy-mm-dd) as the instant it starts. */
function dayStart(day: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

function Message({ message }: { message: string | null }) {
  const list = errorList(message);
  if (!list) return <Text style={{ whiteSpace: 'pre-wrap' }}>{message ?? '-'}</Text>;
  return (
    <List size="sm" spacing={4}>
      {list.map((e, i) => (
        <List.Item key={`${e.elementName}-${i}`}>
          <Code>{e.elementName}</Code>
          {e.value !== undefined && (
            <>
              {' '}
              = <Code>{e.value}</Code>
            </>
          )}
          : {e.error}
        </List.Item>
      ))}
    </List>
  );
}

function Details({ id, onClose }: { id: number | null; onClose: () => void }) {
  const detail = useImport(id);
  const d = detail.data;
  return (
    <Modal opened={id !== null} onClose={onClose} title={d ? `Import ${d.id}: ${d.filename ?? ''}` : 'Import'} size="xl">
      {detail.isPending && <Busy label="Loading the import" />}
      {d && (
        <Stack gap="sm">
          <Group>
            <StatusBadge status={d.status} />
            <Text size="sm">{CONTENT_LABELS[d.content] ?? d.content}</Text>
            <Text size="sm" c="dimmed">
              {size(d.payloadSize)} · MD5 {d.digest}
            </Text>
          </Group>
          <Text size="sm">
            Received {when.format(new Date(d.createdAt))}
            {d.processedAt ? `, finished ${when.format(new Date(d.processedAt))}` : ''}
            {d.creator ? ` by ${d.creator}` : ''}
            {d.retries > 0 ? ` · re-run ${d.retries} time(s)` : ''}
            {d.transforms.length > 0 ? ` · transforms: ${d.transforms.join(', ')}` : ''}
          </Text>
          <Title order={4}>Message</Title>
          <Message message={d.message} />
          {d.warnings.length > 0 && (
            <>
              <Title order={4}>Warnings</Title>
              <Message message={JSON.stringify({ messages: d.warnings })} />
            </>
          )}
          <Group>
            <Button component="a" href={`/api/imports/${d.id}/payload`} variant="default" download>
              Download File
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** What a student group file must hold (cers-features.md §3.10, formats.md §Groups), with the template. */
function GroupFileRules() {
  return (
    <Stack gap={4} aria-label="Student group files" role="group">
      <Text size="sm">
        A student group file is a CSV with the columns <Code>{GROUP_FILE_HEADERS.join(',')}</Code>. Every row names the group, its school
        and school year; the rows of a group follow one another. Subject is <Code>All</Code> or a subject code. A group holds at most{' '}
        {ASSIGNED_GROUP_MAX_STUDENTS} students.
      </Text>
      <Text size="sm">
        A file replaces the groups it names (same school, school year and group name); other groups are untouched. Every rejected row is
        reported with its line number.
      </Text>
      <Group>
        <Button size="xs" variant="default" onClick={() => downloadCsv('groups-template', [[...GROUP_FILE_HEADERS]])}>
          Download Template
        </Button>
      </Group>
    </Stack>
  );
}

function UploadForm(props: { csrfToken: string | undefined; groupsOnly: boolean; initialContent: UploadContent | null }) {
  const { csrfToken, groupsOnly } = props;
  const [files, setFiles] = useState<File[]>([]);
  const [content, setContent] = useState<UploadContent | null>(groupsOnly ? 'GROUPS' : props.initialContent);
  const [vendorFix, setVendorFix] = useState(false);
  const upload = useUpload(csrfToken);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (files.length > 0) upload.mutate({ files, content, vendorFix });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={onSubmit} aria-label="Upload files">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Upload Files
        </Title>
        <Group align="flex-end">
          <FileInput
            label="Files"
            placeholder="Choose files"
            multiple
            clearable
            value={files}
            onChange={setFiles}
            w={320}
            accept=".xml,.csv,.json,.txt"
          />
          <Select
            label="Content"
            placeholder="Detect automatically"
            data={groupsOnly ? UPLOAD_CONTENTS.filter((c) => c.value === 'GROUPS') : [...UPLOAD_CONTENTS]}
            value={content}
            onChange={(v) => setContent(v as UploadContent | null)}
            clearable={!groupsOnly}
            w={280}
          />
          {!groupsOnly && (
            <Checkbox label="External vendor fixes (TRT)" checked={vendorFix} onChange={(e) => setVendorFix(e.currentTarget.checked)} />
          )}
          <Button type="submit" loading={upload.isPending} disabled={files.length === 0}>
            Upload
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Each file is kept exactly as received and ends with one status. The same file sent again returns its earlier import. Files above
          50 MB are kept but not processed.
        </Text>
        {content === 'GROUPS' && <GroupFileRules />}
        {upload.error && (
          <Alert color="red" role="alert">
            {upload.error instanceof ApiError ? upload.error.message : 'CERS is not reachable.'}
          </Alert>
        )}
        {upload.data && (
          <Table aria-label="Uploaded files">
            <Table.Tbody>
              {upload.data.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.filename}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={r.status} />
                    {r.duplicate && (
                      <Text span size="xs" c="dimmed" ml="xs">
                        already imported (#{r.id})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {errorList(r.message) ? `${errorList(r.message)?.length} problem(s)` : r.message}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * Administrator Tools › Data Imports: upload files and follow every file's status (/admin/imports).
 * Student Groups › Upload Groups opens it for group files (?content=GROUPS); users who may write
 * groups but not load data see only that part, with their own uploads.
 */
export function ImportsPage() {
  const { data: me } = useMe();
  const [params] = useSearchParams();
  const groupFiles = params.get('content') === 'GROUPS';
  const [form, setForm] = useState({
    status: [] as string[],
    content: groupFiles ? 'GROUPS' : (null as string | null),
    from: '',
    to: '',
    filename: '',
  });
  const [filters, setFilters] = useState<ImportFilters>(groupFiles ? { content: 'GROUPS' } : {});
  const [pages, setPages] = useState<(number | null)[]>([null]);
  const [detail, setDetail] = useState<number | null>(null);
  const before = pages[pages.length - 1] ?? null;
  const list = useImports(filters, before);
  const retry = useRetry();
  const all = can(me, 'DATA_LOAD');
  const groupsOnly = !all && can(me, 'GROUP_WRITE');
  const title = groupsOnly || groupFiles ? 'Upload Groups' : 'Data Imports';

  if (!all && !groupsOnly) {
    return (
      <Alert color="gray" mt="lg" title={title}>
        Your role does not include importing files. Data loads are done by state administrators and data loaders.
      </Alert>
    );
  }

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    const next: ImportFilters = {};
    if (form.status.length > 0) next.status = form.status as ImportStatus[];
    if (form.content) next.content = form.content;
    const from = dayStart(form.from);
    const to = dayStart(form.to, 1);
    if (from) next.from = from;
    if (to) next.to = to;
    if (form.filename.trim()) next.filename = form.filename.trim();
    setFilters(next);
    setPages([null]);
  };
  const rows: ImportRecord[] = list.data?.imports ?? [];
  const counts = list.data?.counts ?? {};
  const error = list.error instanceof ApiError ? list.error.message : list.error ? 'CERS is not reachable.' : null;
  const waiting = (counts.UNKNOWN_ASMT ?? 0) + (counts.UNKNOWN_SCHOOL ?? 0) + (counts.UNKNOWN_STUDENT ?? 0);

  return (
    <Stack py="md">
      <PageBreadcrumbs>
        <Anchor component={Link} to="/">
          Home
        </Anchor>
        {title === 'Upload Groups' && (
          <Anchor component={Link} to="/admin/groups">
            Student Groups
          </Anchor>
        )}
        <Text span aria-current="page">
          {title}
        </Text>
      </PageBreadcrumbs>
      <Title order={2}>{title}</Title>
      <Text size="sm" c="dimmed">
        {groupsOnly
          ? 'The student group files you uploaded, newest first, each with its status.'
          : 'Exam results, assessment packages, organizations, student groups and other files loaded into CERS, newest first.'}
      </Text>
      <UploadForm csrfToken={me?.csrfToken} groupsOnly={groupsOnly} initialContent={groupFiles ? 'GROUPS' : null} />
      <Paper withBorder p="md" component="form" onSubmit={onSearch} aria-label="Filter imports">
        <Group align="flex-end">
          <MultiSelect
            label="Status"
            placeholder="Any status"
            data={IMPORT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            value={form.status}
            onChange={(v) => setForm({ ...form, status: v })}
            clearable
            w={260}
          />
          <Select
            label="Content"
            placeholder="Any content"
            data={[...UPLOAD_CONTENTS]}
            value={form.content}
            onChange={(v) => setForm({ ...form, content: v })}
            clearable
            w={240}
          />
          <TextInput label="From" type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.currentTarget.value })} />
          <TextInput label="To" type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.currentTarget.value })} />
          <TextInput label="File Name" value={form.filename} onChange={(e) => setForm({ ...form, filename: e.currentTarget.value })} />
          <Button type="submit">Search</Button>
        </Group>
      </Paper>
      <Group gap="xs" role="group" aria-label="Files per status">
        {IMPORT_STATUSES.filter((s) => counts[s]).map((s) => (
          <Badge key={s} color={statusColor(s)} variant="filled" autoContrast>
            {STATUS_LABELS[s]}: {counts[s]}
          </Badge>
        ))}
        {all && waiting > 0 && (
          <Button
            size="xs"
            variant="light"
            loading={retry.isPending}
            onClick={() => retry.mutate(['UNKNOWN_ASMT', 'UNKNOWN_SCHOOL', 'UNKNOWN_STUDENT'])}
          >
            Retry Unknown Assessment / School / Student ({waiting})
          </Button>
        )}
        {retry.data && (
          <Text size="sm" role="status">
            Re-ran {retry.data.retried} file(s).
          </Text>
        )}
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {list.isPending ? (
        <Busy label="Loading imports" />
      ) : (
        <Table striped highlightOnHover withTableBorder aria-label="Imports">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Upload ID</Table.Th>
              <Table.Th>File Name</Table.Th>
              <Table.Th>Content</Table.Th>
              <Table.Th>Date Created</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Message</Table.Th>
              <Table.Th>File</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>No imports match these filters.</Table.Td>
              </Table.Tr>
            )}
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => setDetail(r.id)}>
                    {r.id}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.filename ?? '-'}</Table.Td>
                <Table.Td>{CONTENT_LABELS[r.content] ?? r.content}</Table.Td>
                <Table.Td>{when.format(new Date(r.createdAt))}</Table.Td>
                <Table.Td miw={150}>
                  <StatusBadge status={r.status} />
                </Table.Td>
                <Table.Td maw={420}>
                  <Text size="sm" lineClamp={2}>
                    {errorList(r.message) ? `${errorList(r.message)?.length} problem(s) — open for details` : (r.message ?? '-')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor href={`/api/imports/${r.id}/payload`} download aria-label={`Download file of import ${r.id}`}>
                    Download ({size(r.payloadSize)})
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="space-between">
        <Button variant="default" disabled={pages.length <= 1} onClick={() => setPages((p) => p.slice(0, -1))}>
          Newer
        </Button>
        <Button variant="default" disabled={!list.data?.nextBefore} onClick={() => setPages((p) => [...p, list.data?.nextBefore ?? null])}>
          Older
        </Button>
      </Group>
      <Details id={detail} onClose={() => setDetail(null)} />
    </Stack>
  );
}
