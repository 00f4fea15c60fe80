/**
 * Smarter Balanced interim blocks (IAB) and focused blocks (FIAB) by subject and grade, with the
 * claim (and Math domain) their items measure. Names follow the published interim blueprints;
 * the focused blocks are a representative selection, not the complete list.
 */
export type BlockDef = {
  /** Short code used in natural ids (SBAC-IAB-FIXED-G5E-ReadLit-ELA-5). */
  code: string;
  name: string;
  /** Organizational claim of the items (ELA 1-LT, 2-W ...; Math 1..4). */
  claim: string;
  /** Math: target domain prefixes of claim-1 items (OA, NF ...). ELA: target numbers. */
  focus: readonly string[];
  /** A block ending in a full write (WER item, writing traits). */
  fullWrite?: boolean;
  items: number;
};

const ELA_IABS: readonly BlockDef[] = [
  { code: 'ReadLit', name: 'Read Literary Texts', claim: '1-LT', focus: ['1', '2', '3', '4', '5', '6', '7'], items: 9 },
  { code: 'ReadInfo', name: 'Read Informational Texts', claim: '1-IT', focus: ['8', '9', '10', '11', '12', '13', '14'], items: 9 },
  { code: 'BriefWrites', name: 'Brief Writes', claim: '2-W', focus: ['1', '3', '6'], items: 4 },
  { code: 'Revision', name: 'Revision', claim: '2-W', focus: ['1', '3', '6', '8'], items: 7 },
  { code: 'LangVocab', name: 'Language and Vocabulary Use', claim: '2-W', focus: ['8'], items: 7 },
  { code: 'Editing', name: 'Editing', claim: '2-W', focus: ['9'], items: 7 },
  { code: 'ListenInterpret', name: 'Listen/Interpret', claim: '3-L', focus: ['4'], items: 8 },
  { code: 'Research', name: 'Research', claim: '4-CR', focus: ['2', '3', '4'], items: 8 },
  { code: 'PerfTask', name: 'Performance Task', claim: '2-W', focus: ['2', '4', '7'], fullWrite: true, items: 3 },
];

const ELA_FIABS: readonly BlockDef[] = [
  { code: 'ReadLitKeyDetails', name: 'Reading Literary Texts: Key Details', claim: '1-LT', focus: ['1'], items: 6 },
  { code: 'ReadInfoCentralIdeas', name: 'Reading Informational Texts: Central Ideas', claim: '1-IT', focus: ['9'], items: 6 },
  { code: 'WriteRevNarr', name: 'Write and Revise Narratives', claim: '2-W', focus: ['1'], items: 5 },
  { code: 'EditGrammar', name: 'Edit: Grammar Usage and Mechanics', claim: '2-W', focus: ['9'], items: 6 },
];

const MATH_IABS_BY_BAND: Record<'3-5' | '6-7' | '8' | 'HS', readonly BlockDef[]> = {
  '3-5': [
    { code: 'OA', name: 'Operations and Algebraic Thinking', claim: '1', focus: ['OA'], items: 8 },
    { code: 'NBT', name: 'Number and Operations in Base Ten', claim: '1', focus: ['NBT'], items: 8 },
    { code: 'NF', name: 'Number and Operations—Fractions', claim: '1', focus: ['NF'], items: 8 },
    { code: 'MD', name: 'Measurement and Data', claim: '1', focus: ['MD'], items: 8 },
    { code: 'G', name: 'Geometry', claim: '1', focus: ['G'], items: 6 },
    { code: 'PT', name: 'Performance Task', claim: '4', focus: ['OA', 'NBT', 'MD'], items: 5 },
  ],
  '6-7': [
    { code: 'RP', name: 'Ratio and Proportional Relationships', claim: '1', focus: ['RP'], items: 8 },
    { code: 'NS', name: 'The Number System', claim: '1', focus: ['NS'], items: 8 },
    { code: 'EE', name: 'Expressions and Equations', claim: '1', focus: ['EE'], items: 8 },
    { code: 'G', name: 'Geometry', claim: '1', focus: ['G'], items: 7 },
    { code: 'SP', name: 'Statistics and Probability', claim: '1', focus: ['SP'], items: 7 },
    { code: 'PT', name: 'Performance Task', claim: '4', focus: ['RP', 'EE'], items: 5 },
  ],
  '8': [
    { code: 'EE1', name: 'Expressions & Equations I', claim: '1', focus: ['EE'], items: 8 },
    { code: 'EE2', name: 'Expressions & Equations II (with Statistics)', claim: '1', focus: ['EE', 'SP'], items: 7 },
    { code: 'F', name: 'Functions', claim: '1', focus: ['F'], items: 8 },
    { code: 'G', name: 'Geometry', claim: '1', focus: ['G'], items: 8 },
    { code: 'PT', name: 'Performance Task', claim: '4', focus: ['F', 'EE'], items: 5 },
  ],
  HS: [
    {
      code: 'AF1',
      name: 'Algebra and Functions I: Linear Functions, Equations, and Inequalities',
      claim: '1',
      focus: ['A', 'F'],
      items: 8,
    },
    {
      code: 'AF2',
      name: 'Algebra and Functions II: Quadratic Functions, Equations, and Inequalities',
      claim: '1',
      focus: ['A', 'F'],
      items: 8,
    },
    { code: 'GCO', name: 'Geometry Congruence', claim: '1', focus: ['G'], items: 7 },
    { code: 'GMM', name: 'Geometry Measurement and Modeling', claim: '1', focus: ['G'], items: 7 },
    { code: 'IF', name: 'Interpreting Functions', claim: '1', focus: ['F'], items: 7 },
    { code: 'SP', name: 'Statistics and Probability', claim: '1', focus: ['S'], items: 7 },
    { code: 'PT', name: 'Performance Task', claim: '4', focus: ['A', 'F'], items: 5 },
  ],
};

const MATH_FIABS_BY_BAND: Record<'3-5' | '6-7' | '8' | 'HS', readonly BlockDef[]> = {
  '3-5': [
    { code: 'AddSubEquivFrac', name: 'Add and Subtract with Equivalent Fractions', claim: '1', focus: ['NF'], items: 6 },
    { code: 'MultDivInterpret', name: 'Multiplication and Division: Interpret, Represent, and Solve', claim: '1', focus: ['OA'], items: 6 },
    { code: 'PerimArea', name: 'Perimeter and Area', claim: '1', focus: ['MD'], items: 6 },
  ],
  '6-7': [
    { code: 'RatioReason', name: 'Ratios and Proportional Reasoning', claim: '1', focus: ['RP'], items: 6 },
    { code: 'OneVarEq', name: 'One-variable Expressions and Equations', claim: '1', focus: ['EE'], items: 6 },
  ],
  '8': [
    { code: 'LinearEq', name: 'Analyze and Solve Linear Equations', claim: '1', focus: ['EE'], items: 6 },
    { code: 'Pythag', name: 'Pythagorean Theorem', claim: '1', focus: ['G'], items: 5 },
  ],
  HS: [
    { code: 'SeeStructure', name: 'Seeing Structure in Expressions/Polynomial Expressions', claim: '1', focus: ['A'], items: 6 },
    { code: 'GeomTrig', name: 'Geometry: Right Triangle Ratios in Geometry', claim: '1', focus: ['G'], items: 6 },
  ],
};

function band(grade: number): '3-5' | '6-7' | '8' | 'HS' {
  if (grade <= 5) return '3-5';
  if (grade <= 7) return '6-7';
  if (grade === 8) return '8';
  return 'HS';
}

export function iabBlocks(subject: 'ELA' | 'Math', grade: number): readonly BlockDef[] {
  if (subject === 'ELA') return ELA_IABS;
  const blocks = MATH_IABS_BY_BAND[band(grade)];
  // Grade 3 has no Geometry block in the interim blueprint.
  return grade === 3 ? blocks.filter((b) => b.code !== 'G') : blocks;
}

export function fiabBlocks(subject: 'ELA' | 'Math', grade: number): readonly BlockDef[] {
  return subject === 'ELA' ? ELA_FIABS : MATH_FIABS_BY_BAND[band(grade)];
}

/** Grades with Smarter Balanced assessments (high school blocks are grade 11). */
export const SB_GRADES: readonly number[] = [3, 4, 5, 6, 7, 8, 11];
