/**
 * Client-side CSV of what is on screen (cers-features.md §2 "Export CSV"). RFC 4180 quoting;
 * cells that a spreadsheet would run as formulas are prefixed with an apostrophe (CSV injection).
 */
export type CsvCell = string | number | null | undefined;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Saves the rows as a .csv download (UTF-8 with BOM so spreadsheets keep accents). */
export function downloadCsv(filename: string, rows: readonly (readonly CsvCell[])[]): void {
  const blob = new Blob([`\uFEFF${toCsv(rows)}`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename.endsWith('.csv') ? filename : `${filename}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The rows of a table as shown (sorted order, the words on screen): header and body cells' text,
 * without decorations hidden from screen readers (sort marks, colour swatches) or marked
 * `cers-no-export` (controls such as "Show full response").
 */
export function tableRowsFromDom(table: HTMLTableElement): string[][] {
  return [...table.rows].map((tr) =>
    [...tr.cells].map((cell) => {
      const copy = cell.cloneNode(true) as HTMLElement;
      for (const hidden of copy.querySelectorAll('[aria-hidden="true"], .cers-sort-mark, .cers-no-export')) hidden.remove();
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    }),
  );
}
