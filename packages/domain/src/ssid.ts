/** Statewide Student Identifier (domain.md §Students): exactly 10 digits in California. */
export const SSID_PATTERN = /^\d{10}$/;

export const SSID_MESSAGE = 'Enter a Statewide Student Identifier (SSID): exactly 10 digits, numbers only.';

/** Removes spaces and dashes people paste with an SSID ("100 000 3718"). */
export function normalizeSsid(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function isValidSsid(input: string): boolean {
  return SSID_PATTERN.test(normalizeSsid(input));
}

/** "Last, First" as CERS lists students; falls back to whichever part exists. */
export function studentDisplayName(s: { firstName: string | null; lastName: string | null }): string {
  const last = s.lastName?.trim() ?? '';
  const first = s.firstName?.trim() ?? '';
  if (last && first) return `${last}, ${first}`;
  return last || first || '(no name)';
}
