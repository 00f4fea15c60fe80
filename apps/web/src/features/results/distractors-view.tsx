import { Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { AssessmentSummary, DistractorViewData } from '../../api/results';
import { ItemNumberLink } from './items-view';
import type { DisplayMode } from './results-url';

type SortKey = 'number' | string;

/**
 * Key / Distractor Analysis (cers-features.md §3.3): MC and MS items only; per option the share of
 * responding students choosing it. The key is shaded and marked "(key)" so it does not rely on
 * colour. Sortable by item number or by any option's share.
 */
export function DistractorsView({
  assessment,
  data,
  display,
  onOpenItem,
}: {
  assessment: AssessmentSummary;
  data: DistractorViewData;
  display: DisplayMode;
  onOpenItem: (itemId: number) => void;
}) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'number', desc: false });
  const letters = [...new Set(data.items.flatMap((i) => i.options.map((o) => o.option)))].sort();
  const sorted = [...data.items].sort((a, b) => {
    const va = sort.key === 'number' ? a.number : (a.options.find((o) => o.option === sort.key)?.percent ?? -1);
    const vb = sort.key === 'number' ? b.number : (b.options.find((o) => o.option === sort.key)?.percent ?? -1);
    return sort.desc ? vb - va : va - vb;
  });
  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <Table.Th scope="col" aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
        <button type="button" className="cers-sort cers-link-button" onClick={() => setSort({ key, desc: active ? !sort.desc : false })}>
          {label}
          <span aria-hidden="true" className="cers-sort-mark">
            {active ? (sort.desc ? ' ▼' : ' ▲') : ' ↕'}
          </span>
        </button>
      </Table.Th>
    );
  };
  if (data.items.length === 0) return <Text c="dimmed">This assessment has no multiple-choice or multiple-select items.</Text>;
  return (
    <Stack>
      <Text size="sm">
        Key/Distractor Analysis is available only for selected-response (multiple-choice and multiple-select) items. The answer key is
        identified by a shaded cell marked “(key)”.
      </Text>
      <Table.ScrollContainer minWidth={600}>
        <Table withTableBorder fz="sm" data-testid="distractor-table">
          <Table.Caption>Key/Distractor Analysis: {assessment.label}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {header('number', 'Item #')}
              <Table.Th scope="col">Claim / Target</Table.Th>
              <Table.Th scope="col">Item Difficulty</Table.Th>
              <Table.Th scope="col">Standard</Table.Th>
              <Table.Th scope="col">Students Responding</Table.Th>
              {letters.map((l) => header(l, l))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((item) => (
              <Table.Tr key={item.id} data-item={item.number} data-item-id={item.id}>
                <Table.Td>
                  <ItemNumberLink number={item.number} onOpen={() => onOpenItem(item.id)} />
                </Table.Td>
                <Table.Td>
                  {item.claimName ?? '-'}
                  {item.targetCode ? ` / ${item.targetCode}` : ''}
                </Table.Td>
                <Table.Td>{item.difficulty ?? '-'}</Table.Td>
                <Table.Td>{item.standard ?? '-'}</Table.Td>
                <Table.Td>{item.responders}</Table.Td>
                {letters.map((l) => {
                  const o = item.options.find((x) => x.option === l);
                  if (!o) return <Table.Td key={l} />;
                  return (
                    <Table.Td key={l} className={o.isKey ? 'cers-key' : undefined} data-option={l} data-key={o.isKey ? 'true' : undefined}>
                      {display === 'percent' ? `${o.percent}% (${o.count})` : `${o.count} (${o.percent}%)`}
                      {o.isKey && <span className="cers-key-mark"> (key)</span>}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
