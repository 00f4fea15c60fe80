import { Group, Pagination, Text } from '@mantine/core';
import { paginationControlProps } from './pagination-labels';

/**
 * "Groups 21–40 of 93" and the page buttons under a paged list (nothing when it fits one page).
 * Every button has an accessible name: the arrows name their direction, the numbers their page.
 */
export function ListPager({
  noun,
  page,
  pageSize,
  total,
  onChange,
  label,
  size,
}: {
  noun: string;
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  label: string;
  size?: 'sm';
}) {
  const pages = Math.ceil(total / pageSize);
  if (pages <= 1) return null;
  return (
    <Group justify="space-between">
      <Text size="sm">
        {noun} {(page - 1) * pageSize + 1}–{Math.min(page * pageSize, total)} of {total}
      </Text>
      <Pagination
        getControlProps={paginationControlProps}
        getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
        total={pages}
        value={page}
        onChange={onChange}
        aria-label={label}
        {...(size ? { size } : {})}
      />
    </Group>
  );
}
