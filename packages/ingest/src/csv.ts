/** A data row with its 1-based line number in the file (for messages). */
export type CsvRow = { line: number; values: string[] };

/**
 * RFC-4180 reading shared by the CSV importers, tracking line numbers for messages: BOM stripped,
 * CR / LF / CRLF line ends, `"` quoting (fields may span lines), `#` comment lines and completely
 * empty rows skipped (formats.md §4.1, §7.2, §8, §9). The first remaining row is the header.
 */
export function readCsv(bytes: Uint8Array, o: { delimiter?: string; comments?: boolean } = {}): { header: string[]; rows: CsvRow[] } {
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const delimiter = o.delimiter ?? ',';
  const comments = o.comments ?? true;
  const rows: CsvRow[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const rowLine = line;
    if (comments && text[i] === '#') {
      while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
      if (text[i] === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      continue;
    }
    const values: string[] = [];
    let field = '';
    let quoted = false;
    let ended = false;
    while (i < n && !ended) {
      const ch = text[i] as string;
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          continue;
        }
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
        i++;
        continue;
      }
      if (ch === '"' && field.trim() === '') {
        quoted = true;
        field = '';
        i++;
      } else if (ch === delimiter) {
        values.push(field);
        field = '';
        i++;
      } else if (ch === '\r' || ch === '\n') {
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        ended = true;
      } else {
        field += ch;
        i++;
      }
    }
    values.push(field);
    if (values.every((v) => v.trim() === '')) continue;
    rows.push({ line: rowLine, values });
  }
  const [first, ...rest] = rows;
  return { header: (first?.values ?? []).map((h) => h.trim()), rows: rest };
}

/** Row values by header name. */
export function rowObject(header: readonly string[], row: CsvRow): Record<string, string> {
  const out: Record<string, string> = {};
  header.forEach((h, i) => {
    out[h] = row.values[i] ?? '';
  });
  return out;
}
