/**
 * CSV and JSON writers for the exam export, as async generators of text chunks (pipe them to a file
 * or an HTTP response). CSV: RFC 4180 quoting, the sub-score and trait lists as JSON in one column
 * each; numbers as JavaScript prints them, empty cells for nulls.
 */
import Papa from 'papaparse';
import { EXAM_EXPORT_COLUMNS, type ExamExportRow, type ExportScore, type ExportTrait } from './exam-export.js';

export type ExportFormat = 'csv' | 'json';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function examExportCsvHeader(): string {
  return `${EXAM_EXPORT_COLUMNS.join(',')}\r\n`;
}

export function examExportCsvLine(row: ExamExportRow): string {
  return `${EXAM_EXPORT_COLUMNS.map((c) => cell(row[c])).join(',')}\r\n`;
}

export async function* examExportCsv(rows: AsyncIterable<ExamExportRow>): AsyncGenerator<string> {
  yield examExportCsvHeader();
  for await (const row of rows) yield examExportCsvLine(row);
}

/** A JSON array, one exam object per line. */
export async function* examExportJson(rows: AsyncIterable<ExamExportRow>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const row of rows) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(row)}`;
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}

export function formatExamExport(rows: AsyncIterable<ExamExportRow>, format: ExportFormat): AsyncGenerator<string> {
  return format === 'csv' ? examExportCsv(rows) : examExportJson(rows);
}

const NUMERIC = new Set<keyof ExamExportRow>(['school_year', 'scale_score', 'scale_score_sem', 'achievement_level', 'lexile', 'quantile']);

/** Reads an exported CSV back into rows (round-trip tests, re-imports). */
export function parseExamExportCsv(text: string): ExamExportRow[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`invalid export CSV: ${parsed.errors[0]?.message ?? 'parse error'}`);
  return parsed.data.map((raw) => {
    const row: Record<string, unknown> = {};
    for (const column of EXAM_EXPORT_COLUMNS) {
      const v = raw[column] ?? '';
      if (column === 'scores' || column === 'traits') row[column] = v === '' ? [] : (JSON.parse(v) as ExportScore[] | ExportTrait[]);
      else if (NUMERIC.has(column)) row[column] = v === '' ? null : Number(v);
      else row[column] = v === '' && column !== 'student_ssid' ? null : v;
    }
    return row as ExamExportRow;
  });
}
