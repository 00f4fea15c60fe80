/** Writing Trait Scores (domain.md §Writing Trait Scores; cers-features.md §5.5). */
export const WRITING_PURPOSES = {
  ARGU: 'Argumentative',
  EXPL: 'Explanatory',
  INFO: 'Informational',
  NARR: 'Narrative',
  OPIN: 'Opinion',
} as const;
export type WritingPurpose = keyof typeof WRITING_PURPOSES;

export const TRAIT_CATEGORIES = {
  ORG: { name: 'Organization/Purpose', max: 4 },
  EVI: { name: 'Evidence/Elaboration', max: 4 },
  CON: { name: 'Conventions', max: 2 },
} as const;
export type TraitCategory = keyof typeof TRAIT_CATEGORIES;

/** Summative trait scores exist only from 2020–21. */
export const TRAITS_FIRST_YEAR = 2021;

/** Transformed points = Conventions + mean(Organization, Evidence), 0–6. */
export function transformedPoints(org: number, evi: number, con: number): number {
  return con + (org + evi) / 2;
}

/** TRT trait codes such as SOCK_ARGU_ORG → purpose and category. */
export function parseTraitCode(code: string): { purpose: WritingPurpose; category: TraitCategory } | undefined {
  const m = /^SOCK_(ARGU|EXPL|INFO|NARR|OPIN)_(ORG|CON|EVI)$/.exec(code);
  if (!m) return undefined;
  return { purpose: m[1] as WritingPurpose, category: m[2] as TraitCategory };
}

/** Package PtWritingType → purpose code ("Informative" is INFO). */
export function purposeFromWritingType(text: string): WritingPurpose | undefined {
  const t = text.trim().toLowerCase();
  if (t.startsWith('argu')) return 'ARGU';
  if (t.startsWith('expl')) return 'EXPL';
  if (t.startsWith('info')) return 'INFO';
  if (t.startsWith('narr')) return 'NARR';
  if (t.startsWith('opin')) return 'OPIN';
  return undefined;
}
