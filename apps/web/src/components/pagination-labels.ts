/** Accessible names for Mantine Pagination's arrow buttons (they are icons only). */
export function paginationControlProps(control: 'first' | 'previous' | 'last' | 'next') {
  const names = { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' } as const;
  return { 'aria-label': names[control] };
}
