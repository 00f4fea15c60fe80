/** Value rules shared by the TRT validators (formats.md §3.1, §3.3). */

const INSTANT = /^(-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** ISO local date-time with optional offset; no offset ⇒ UTC. Returns a PostgreSQL-ready string. */
export function parseInstant(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = INSTANT.exec(value.trim());
  if (!m) return undefined;
  const fraction = m[2] ? m[2].slice(0, 7) : '';
  const text = `${m[1]}${fraction}${m[3] ?? 'Z'}`;
  return Number.isNaN(Date.parse(text)) ? undefined : text;
}

/** Milliseconds since the epoch of a parsed instant (for ordering). */
export function instantMillis(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** A calendar date YYYY-MM-DD. */
export function isDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Java-style double text in messages: 1000 → "1000.0" (matches RDW's messages). */
export function javaDouble(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Decimal text as Java's Double.parseDouble would accept it (no hex, no blanks). */
export function parseDecimal(value: string): Parsed<number> {
  const v = value.trim();
  if (v !== '' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v)) return { ok: true, value: Number(v) };
  return { ok: false, error: `For input string: "${value}"` };
}

export function parseInteger(value: string): Parsed<number> {
  const v = value.trim();
  if (/^[+-]?\d+$/.test(v)) return { ok: true, value: Number(v) };
  return { ok: false, error: `For input string: "${value}"` };
}

export function blank(value: string | undefined | null): boolean {
  return value === undefined || value === null || value.trim() === '';
}

/** Empty or whitespace → null; otherwise the trimmed text. */
export function text(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const t = value.trim();
  return t === '' ? null : t;
}
