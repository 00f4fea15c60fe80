/**
 * Level names and colours per scheme. Assessments carry their own copy (assessments.levels) so a
 * year can rename levels without code changes; these are the defaults the sandbox and the
 * package importer write (cers-features.md §5.1).
 */
export type LevelDef = { level: number; name: string; shortName: string; color: string };

// Colour-blind-safe, readable on white with dark text; charts add patterns as well.
const C = { l1: '#c2410c', l2: '#d9a21b', l3: '#2f855a', l4: '#2b6cb0', below: '#c2410c', near: '#d9a21b', above: '#2f855a' };

export const LEVEL_SCHEMES = {
  SB4: [
    { level: 1, name: 'Standard Not Met', shortName: 'Not Met', color: C.l1 },
    { level: 2, name: 'Standard Nearly Met', shortName: 'Nearly Met', color: C.l2 },
    { level: 3, name: 'Standard Met', shortName: 'Met', color: C.l3 },
    { level: 4, name: 'Standard Exceeded', shortName: 'Exceeded', color: C.l4 },
  ],
  THREE: [
    { level: 1, name: 'Below Standard', shortName: 'Below', color: C.below },
    { level: 2, name: 'Near Standard', shortName: 'Near', color: C.near },
    { level: 3, name: 'Above Standard', shortName: 'Above', color: C.above },
  ],
  CAA3: [
    { level: 1, name: 'Limited Understanding', shortName: 'Limited', color: C.l1 },
    { level: 2, name: 'Foundational Understanding', shortName: 'Foundational', color: C.l2 },
    { level: 3, name: 'Understanding', shortName: 'Understanding', color: C.l3 },
  ],
  CSA3: [
    { level: 1, name: 'Level 1 (limited Spanish literacy)', shortName: 'Level 1', color: C.l1 },
    { level: 2, name: 'Level 2 (moderate Spanish literacy)', shortName: 'Level 2', color: C.l2 },
    { level: 3, name: 'Level 3 (high Spanish literacy)', shortName: 'Level 3', color: C.l3 },
  ],
  CSA_DOMAIN3: [
    { level: 1, name: 'Beginning', shortName: 'Beginning', color: C.below },
    { level: 2, name: 'Progressing', shortName: 'Progressing', color: C.near },
    { level: 3, name: 'Well Developed', shortName: 'Well Developed', color: C.above },
  ],
  ELPAC4: [
    { level: 1, name: 'Minimally Developed', shortName: 'Level 1', color: C.l1 },
    { level: 2, name: 'Somewhat Developed', shortName: 'Level 2', color: C.l2 },
    { level: 3, name: 'Moderately Developed', shortName: 'Level 3', color: C.l3 },
    { level: 4, name: 'Well Developed', shortName: 'Level 4', color: C.l4 },
  ],
  ELPAC_DOMAIN3: [
    { level: 1, name: 'Beginning to Develop', shortName: 'Beginning', color: C.below },
    { level: 2, name: 'Somewhat/Moderately Developed', shortName: 'Somewhat/Moderately', color: C.near },
    { level: 3, name: 'Well Developed', shortName: 'Well Developed', color: C.above },
  ],
  AELPAC3: [
    { level: 1, name: 'Novice English Learner', shortName: 'Level 1', color: C.l1 },
    { level: 2, name: 'Intermediate English Learner', shortName: 'Level 2', color: C.l2 },
    { level: 3, name: 'Fluent English Proficient', shortName: 'Level 3', color: C.l3 },
  ],
} as const satisfies Record<string, readonly LevelDef[]>;

export type LevelScheme = keyof typeof LEVEL_SCHEMES;

export function levelDef(levels: readonly LevelDef[], level: number | null | undefined): LevelDef | undefined {
  if (level === null || level === undefined) return undefined;
  return levels.find((l) => l.level === level);
}
