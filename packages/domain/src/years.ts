/** School years are stored as their ending year: 2025 is 2024–25 (domain.md §School years). */
export function schoolYearLabel(year: number): string {
  const start = year - 1;
  return `${start}–${String(year % 100).padStart(2, '0')}`;
}

/** Accepts 2025, "2025", "2024-25", "2024–25", "2024-2025" and returns the ending year. */
export function parseSchoolYear(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isInteger(input) && input > 1900 && input < 3000 ? input : undefined;
  const text = input.trim();
  const single = /^(\d{4})$/.exec(text);
  if (single) return Number(single[1]);
  const range = /^(\d{4})\s*[-–]\s*(\d{2}|\d{4})$/.exec(text);
  if (!range) return undefined;
  const start = Number(range[1]);
  const endText = range[2] ?? '';
  const end = endText.length === 2 ? Math.floor(start / 100) * 100 + Number(endText) : Number(endText);
  const normalizedEnd = end < start ? end + 100 : end;
  return normalizedEnd === start + 1 ? normalizedEnd : undefined;
}

/** The school year a date falls in; a new year starts on July 1. */
export function schoolYearOf(date: Date): number {
  const month = date.getUTCMonth(); // 0 = January
  return month >= 6 ? date.getUTCFullYear() + 1 : date.getUTCFullYear();
}
