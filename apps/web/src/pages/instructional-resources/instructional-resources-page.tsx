import { RESOURCE_KIND_LABELS, type ResourceKind } from '@cers/domain';
import { Alert, Anchor, Button, Group, Modal, NativeSelect, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import {
  type InstructionalResource,
  type ResourceInput,
  useDeleteResource,
  useInstructionalResources,
  useResourceOptions,
  useSaveResource,
} from '../../api/results';
import { PageLoader } from '../../components/lazy-page';

const EMPTY: ResourceInput = {
  organizationId: 0,
  kind: 'district',
  title: '',
  url: 'https://',
  assessmentName: null,
  subject: null,
  assessmentType: null,
  claimCode: null,
  targetId: null,
  performanceLevel: null,
};
const TYPES = [
  { value: '', label: 'Any type' },
  { value: 'sum', label: 'Summative' },
  { value: 'ica', label: 'ICA' },
  { value: 'iab', label: 'IAB' },
  { value: 'fiab', label: 'FIAB' },
  { value: 'ia', label: 'Interim (CAST/ELPAC)' },
];
const SUBJECTS = ['', 'ELA', 'Math', 'Science', 'Spanish', 'ELPAC'].map((s) => ({ value: s, label: s || 'Any subject' }));

function ResourceForm({ initial, id, onDone }: { initial: ResourceInput; id: number | null; onDone: () => void }) {
  const [form, setForm] = useState<ResourceInput>(initial);
  const [orgQuery, setOrgQuery] = useState('');
  const [assessmentQuery, setAssessmentQuery] = useState('');
  const options = useResourceOptions(orgQuery, assessmentQuery, form.subject);
  const save = useSaveResource();
  const set = <K extends keyof ResourceInput>(k: K, v: ResourceInput[K]) => setForm((f) => ({ ...f, [k]: v }));
  const urlOk = /^https?:\/\/[^/\s]+/i.test(form.url.trim());
  const orgs = options.data?.organizations ?? [];
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate({ id, input: { ...form, title: form.title.trim(), url: form.url.trim() } }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Find organization"
          description="Type part of a school or district name"
          value={orgQuery}
          onChange={(e) => setOrgQuery(e.currentTarget.value)}
        />
        <NativeSelect
          label="Organization"
          required
          value={form.organizationId ? String(form.organizationId) : ''}
          onChange={(e) => set('organizationId', Number(e.currentTarget.value))}
          data={[
            { value: '', label: 'Choose an organization' },
            ...orgs.map((o) => ({ value: String(o.id), label: `${o.name} (${o.type})` })),
          ]}
        />
        <NativeSelect
          label="Button"
          value={form.kind}
          onChange={(e) => set('kind', e.currentTarget.value as ResourceKind)}
          data={Object.entries(RESOURCE_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <TextInput label="Title" required value={form.title} onChange={(e) => set('title', e.currentTarget.value)} maxLength={200} />
        <TextInput
          label="URL"
          required
          value={form.url}
          onChange={(e) => set('url', e.currentTarget.value)}
          error={form.url.length > 8 && !urlOk ? 'The URL must start with http:// or https://' : undefined}
        />
        <TextInput
          label="Find assessment"
          description="Type part of an assessment name"
          value={assessmentQuery}
          onChange={(e) => setAssessmentQuery(e.currentTarget.value)}
        />
        <NativeSelect
          label="Assessment"
          value={form.assessmentName ?? ''}
          onChange={(e) => set('assessmentName', e.currentTarget.value || null)}
          data={[
            { value: '', label: 'Any assessment' },
            ...(form.assessmentName && !options.data?.assessments.some((a) => a.name === form.assessmentName)
              ? [{ value: form.assessmentName, label: form.assessmentName }]
              : []),
            ...(options.data?.assessments ?? []).map((a) => ({ value: a.name, label: `${a.label} (${a.subject} ${a.type})` })),
          ]}
        />
        <Group grow>
          <NativeSelect
            label="Subject"
            value={form.subject ?? ''}
            onChange={(e) => set('subject', e.currentTarget.value || null)}
            data={SUBJECTS}
          />
          <NativeSelect
            label="Assessment type"
            value={form.assessmentType ?? ''}
            onChange={(e) => set('assessmentType', e.currentTarget.value || null)}
            data={TYPES}
          />
        </Group>
        <Group grow>
          <TextInput
            label="Claim code"
            description="Optional, e.g. SOCK_R or 1"
            value={form.claimCode ?? ''}
            onChange={(e) => set('claimCode', e.currentTarget.value || null)}
          />
          <NativeSelect
            label="Target"
            description={form.subject ? 'Optional' : 'Choose a subject to list its targets'}
            value={form.targetId ? String(form.targetId) : ''}
            onChange={(e) => set('targetId', e.currentTarget.value ? Number(e.currentTarget.value) : null)}
            data={[
              { value: '', label: 'Any target' },
              ...(options.data?.targets ?? []).map((t) => ({ value: String(t.id), label: `${t.claimCode} ${t.naturalId} ${t.name}` })),
            ]}
          />
          <NumberInput
            label="Performance level"
            description="Optional, 1–6"
            min={1}
            max={6}
            value={form.performanceLevel ?? ''}
            onChange={(v) => set('performanceLevel', typeof v === 'number' ? v : null)}
          />
        </Group>
        {save.error && <Alert color="red">{save.error instanceof ApiError ? save.error.message : 'Could not save.'}</Alert>}
        <Group justify="flex-end">
          <Button type="button" variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!form.organizationId || !form.title.trim() || !urlOk}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Manage Instructional Resources (cers-features.md §3.10): the links behind the District Resources
 * and Tools for Teachers buttons, per organization, assessment, claim/target and level.
 */
export function InstructionalResourcesPage() {
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<{ id: number | null; input: ResourceInput } | null>(null);
  const [confirm, setConfirm] = useState<InstructionalResource | null>(null);
  const list = useInstructionalResources(q);
  const del = useDeleteResource();
  if (list.isLoading) return <PageLoader />;
  if (list.error) {
    return (
      <Alert color="gray" title="Not available" mt="lg">
        {list.error.message}
      </Alert>
    );
  }
  const rows = list.data?.resources ?? [];
  return (
    <Stack py="md">
      <Title order={2}>Instructional Resources</Title>
      <Text>
        Links teachers open with the District Resources and Tools for Teachers buttons of a results page. The most specific match is listed
        first: school, then district, then state.
      </Text>
      <Group justify="space-between">
        <TextInput
          label="Search"
          placeholder="Title, assessment or organization"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={360}
        />
        <Button onClick={() => setEditing({ id: null, input: EMPTY })}>Create</Button>
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder data-testid="resources-table">
          <Table.Caption>Instructional resources you manage</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Organization</Table.Th>
              <Table.Th scope="col">Button</Table.Th>
              <Table.Th scope="col">Title</Table.Th>
              <Table.Th scope="col">Assessment</Table.Th>
              <Table.Th scope="col">Claim / Target</Table.Th>
              <Table.Th scope="col">Performance Level</Table.Th>
              <Table.Th scope="col">URL</Table.Th>
              <Table.Th scope="col">
                <span className="cers-visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={8}>No instructional resources yet.</Table.Td>
              </Table.Tr>
            )}
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  {r.organizationName} ({r.orgType})
                </Table.Td>
                <Table.Td>{RESOURCE_KIND_LABELS[r.kind]}</Table.Td>
                <Table.Td>{r.title}</Table.Td>
                <Table.Td>{[r.assessmentName ?? 'Any', r.subject, r.assessmentType].filter(Boolean).join(' · ')}</Table.Td>
                <Table.Td>{[r.claimCode, r.targetCode].filter(Boolean).join(' / ') || 'Any'}</Table.Td>
                <Table.Td>{r.performanceLevel ?? 'Every level'}</Table.Td>
                <Table.Td>
                  <Anchor href={r.url} target="_blank" rel="noopener noreferrer">
                    {r.url}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Edit ${r.title}`}
                      onClick={() =>
                        setEditing({
                          id: r.id,
                          input: {
                            organizationId: r.organizationId,
                            kind: r.kind,
                            title: r.title,
                            url: r.url,
                            assessmentName: r.assessmentName,
                            subject: r.subject,
                            assessmentType: r.assessmentType,
                            claimCode: r.claimCode,
                            targetId: r.targetId,
                            performanceLevel: r.performanceLevel,
                          },
                        })
                      }
                    >
                      Edit
                    </Button>
                    <Button size="xs" color="red.9" variant="outline" aria-label={`Delete ${r.title}`} onClick={() => setConfirm(r)}>
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.id ? 'Edit instructional resource' : 'Create instructional resource'}
        size="lg"
      >
        {editing && <ResourceForm key={editing.id ?? 'new'} id={editing.id} initial={editing.input} onDone={() => setEditing(null)} />}
      </Modal>
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title="Delete instructional resource">
        <Stack>
          <Text>Delete “{confirm?.title}”? Teachers will no longer see this link.</Text>
          {del.error && <Alert color="red">{del.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={del.isPending}
              onClick={() => confirm && del.mutate(confirm.id, { onSuccess: () => setConfirm(null) })}
            >
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
