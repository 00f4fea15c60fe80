export const GRADE_CODES = [
  'IT',
  'PR',
  'PK',
  'TK',
  'KG',
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
  '13',
  'PS',
  'UG',
] as const;
export type GradeCode = (typeof GRADE_CODES)[number];

export const K12_GRADES: readonly GradeCode[] = ['KG', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];

/** "4" → "04", "kg" → "KG"; undefined when not a grade code (formats.md §3.2). */
export function normalizeGrade(input: string): GradeCode | undefined {
  const text = input.trim().toUpperCase();
  const padded = text.length === 1 ? `0${text}` : text;
  return (GRADE_CODES as readonly string[]).includes(padded) ? (padded as GradeCode) : undefined;
}

/** Exact code check (TRT GradeLevelWhenAssessed is not padded). */
export function isGradeCode(input: string): input is GradeCode {
  return (GRADE_CODES as readonly string[]).includes(input);
}

export function gradeLabel(code: string): string {
  switch (code) {
    case 'KG':
      return 'Kindergarten';
    case 'TK':
      return 'Transitional Kindergarten';
    case 'PK':
      return 'Prekindergarten';
    case 'IT':
      return 'Infant/toddler';
    case 'PR':
      return 'Preschool';
    case 'PS':
      return 'Postsecondary';
    case 'UG':
      return 'Ungraded';
    default:
      return /^\d{2}$/.test(code) ? `Grade ${Number(code)}` : code;
  }
}

/** Numeric order for sorting (KG = 0). */
export function gradeNumber(code: string): number {
  if (code === 'KG' || code === 'TK') return 0;
  if (/^\d{2}$/.test(code)) return Number(code);
  return -1;
}

export function gradeCode(n: number): GradeCode {
  if (n <= 0) return 'KG';
  return String(n).padStart(2, '0') as GradeCode;
}
