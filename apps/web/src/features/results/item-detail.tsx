import { MATH_PRACTICES } from '@cers/domain';
import { Alert, Badge, Button, List, Modal, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { type ItemDetail, type Population, useItemDetail } from '../../api/results';
import { Busy } from '../../components/busy';
import { type ColumnDef, DataTable } from './data-table';

type Response = ItemDetail['responses'][number];

/** A student's response: long ones (essays) start as four lines, with a button to read them whole. */
function ResponseCell({ response }: { response: string | null }) {
  const [whole, setWhole] = useState(false);
  if (response === null) return <Text size="sm">No response</Text>;
  const long = response.length > 280 || response.split('\n').length > 4;
  return (
    <div>
      <Text size="sm" lineClamp={long && !whole ? 4 : undefined} style={{ whiteSpace: 'pre-wrap' }}>
        {response}
      </Text>
      {long && (
        <Button variant="subtle" size="compact-xs" className="cers-no-export" onClick={() => setWhole((w) => !w)} aria-expanded={whole}>
          {whole ? 'Show less' : 'Show full response'}
        </Button>
      )}
    </div>
  );
}

function ItemViewer({ item, response }: { item: ItemDetail['item']; response?: string | null | undefined }) {
  const chosen = new Set(
    (response ?? '')
      .toUpperCase()
      .split(/[,;| ]+/)
      .filter(Boolean),
  );
  const keys = new Set(
    (item.answerKey ?? '')
      .toUpperCase()
      .split(/[,;| ]+/)
      .filter(Boolean),
  );
  return (
    <Stack gap="sm">
      {item.stem ? <Text style={{ whiteSpace: 'pre-wrap' }}>{item.stem}</Text> : <Text c="dimmed">The item content is not available.</Text>}
      {item.options.length > 0 && (
        <List type="ordered" listStyleType="none" spacing={4}>
          {item.options.map((o) => (
            <List.Item key={o.key}>
              <Text span fw={700}>
                {o.key}.
              </Text>{' '}
              {o.text}
              {keys.has(o.key.toUpperCase()) && (
                <Badge ml={6} size="xs" color="teal.9" variant="filled">
                  key
                </Badge>
              )}
              {chosen.has(o.key.toUpperCase()) && (
                <Badge ml={6} size="xs" variant="outline">
                  student's choice
                </Badge>
              )}
            </List.Item>
          ))}
        </List>
      )}
      {response !== undefined && item.options.length === 0 && (
        <div>
          <Text fw={600}>Student response</Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{response ?? 'No response'}</Text>
        </div>
      )}
      {item.answerKey && <Text size="sm">Answer key: {item.answerKey}</Text>}
    </Stack>
  );
}

/**
 * Item detail (cers-features.md §3.3): Student Points and Responses, Item Viewer (from the stored
 * item content), Rubric and Exemplar, Item Information. Opened from an item number, or from a
 * student's name on a full-write item (then limited to that student).
 */
export function ItemDetailModal({
  population,
  itemId,
  studentId,
  onClose,
}: {
  population: Population;
  itemId: number | undefined;
  studentId: number | undefined;
  onClose: () => void;
}) {
  const q = useItemDetail(population, itemId ?? null, studentId ?? null);
  const d = q.data;
  const title = d ? `Item ${d.item.number} — ${d.assessment.label}` : 'Item';
  const single = studentId !== undefined ? d?.responses[0] : undefined;
  const columns: ColumnDef<Response, unknown>[] = [
    { id: 'student', header: 'Student', accessorFn: (r) => r.name },
    { id: 'points', header: 'Student Points', accessorFn: (r) => r.points ?? -1, cell: ({ row }) => row.original.points ?? 'Not Scored' },
    { id: 'max', header: 'Max Points', accessorFn: (r) => r.maxPoints },
    {
      id: 'correctness',
      header: 'Correctness',
      accessorFn: (r) => r.correctness ?? -1,
      cell: ({ row }) => (row.original.correctness === null ? '-' : `${Math.round(row.original.correctness * 100)}%`),
    },
    {
      id: 'response',
      header: 'Response',
      accessorFn: (r) => r.response ?? '',
      cell: ({ row }) => <ResponseCell response={row.original.response} />,
    },
    ...(d?.responses.some((r) => r.traits)
      ? ([
          {
            id: 'org',
            header: 'Organization/Purpose',
            accessorFn: (r: Response) => r.traits?.organization ?? -1,
            cell: ({ row }) => row.original.traits?.organization ?? '-',
          },
          {
            id: 'evi',
            header: 'Evidence/Elaboration',
            accessorFn: (r: Response) => r.traits?.evidence ?? -1,
            cell: ({ row }) => row.original.traits?.evidence ?? '-',
          },
          {
            id: 'con',
            header: 'Conventions',
            accessorFn: (r: Response) => r.traits?.conventions ?? -1,
            cell: ({ row }) => row.original.traits?.conventions ?? '-',
          },
        ] satisfies ColumnDef<Response, unknown>[])
      : []),
  ];
  return (
    <Modal opened={itemId !== undefined} onClose={onClose} title={<Title order={3}>{title}</Title>} size="80rem">
      {q.isLoading && <Busy label="Loading item" />}
      {q.error && <Alert color="red">{q.error.message}</Alert>}
      {d && (
        <Tabs defaultValue={single ? 'viewer' : 'points'}>
          <Tabs.List>
            <Tabs.Tab value="points">Student Points and Responses</Tabs.Tab>
            <Tabs.Tab value="viewer">Item Viewer</Tabs.Tab>
            <Tabs.Tab value="rubric">Rubric and Exemplar</Tabs.Tab>
            <Tabs.Tab value="info">Item Information</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="points" pt="sm">
            <DataTable
              data={d.responses}
              columns={columns}
              caption={`Student Points and Responses: item ${d.item.number}`}
              initialSort={[{ id: 'student', desc: false }]}
              exportName={`Student Points and Responses, item ${d.item.number}`}
              testId="item-responses"
            />
          </Tabs.Panel>
          <Tabs.Panel value="viewer" pt="sm">
            {single && (
              <Text fw={600} mb="xs">
                {single.name}
              </Text>
            )}
            <ItemViewer item={d.item} response={single ? single.response : undefined} />
          </Tabs.Panel>
          <Tabs.Panel value="rubric" pt="sm">
            <Stack>
              {d.item.rubric.length === 0 && !d.item.exemplar && !d.item.answerKey && (
                <Text c="dimmed">Rubric and exemplar are not available for this item.</Text>
              )}
              {d.item.rubric.length > 0 && (
                <Table withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Points</Table.Th>
                      <Table.Th scope="col">Rubric</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.item.rubric.map((r) => (
                      <Table.Tr key={r.points}>
                        <Table.Td>{r.points}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.text}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {d.item.exemplar && (
                <div>
                  <Text fw={600}>Exemplar</Text>
                  <Text style={{ whiteSpace: 'pre-wrap' }}>{d.item.exemplar}</Text>
                </div>
              )}
              {d.item.answerKey && <Text>Answer key: {d.item.answerKey}</Text>}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="info" pt="sm">
            <Table withTableBorder variant="vertical" data-testid="item-information">
              <Table.Tbody>
                {(
                  [
                    ['Claim', d.item.claimName ?? d.item.claimCode ?? '-'],
                    ['Target', d.item.targetCode ? `${d.item.targetCode} ${d.item.targetName ?? ''}` : '-'],
                    ['Target description', d.item.targetDescription ?? '-'],
                    ['Standard', d.item.standard ?? '-'],
                    ['Depth of Knowledge', d.item.dok ? `${d.item.dok} ${d.item.dokLabel ?? ''}` : '-'],
                    ['Item Difficulty', d.item.difficulty ?? '-'],
                    ['Format', d.item.format ?? '-'],
                    ['Max Points', String(d.item.maxPoints)],
                    ['Writing Purpose', d.item.writingPurpose ?? '-'],
                    [
                      'Mathematical Practice',
                      d.item.mathPractice ? `${d.item.mathPractice} ${MATH_PRACTICES[d.item.mathPractice] ?? ''}` : '-',
                    ],
                    ['Calculator', d.item.allowCalculator === null ? '-' : d.item.allowCalculator ? 'Allowed' : 'Not allowed'],
                    ['Item ID', d.item.naturalId],
                  ] as const
                ).map(([k, v]) => (
                  <Table.Tr key={k}>
                    <Table.Th scope="row" w={220}>
                      {k}
                    </Table.Th>
                    <Table.Td>{v}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Tabs.Panel>
        </Tabs>
      )}
    </Modal>
  );
}
