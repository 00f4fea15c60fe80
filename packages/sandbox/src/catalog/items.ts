import { WRITING_PURPOSES } from '@cers/domain';
import { clamp, type Rng, rngFor } from '../random.js';
import type { BlockDef } from './blocks.js';
import { elaQuestion, essayResponse, shortAnswer, topicFor, writingPurposes } from './items-ela.js';
import { MATH_PRACTICES, mathQuestion } from './items-math.js';
import { ELA_TARGETS, MATH_TARGETS } from './targets-data.js';

export type ItemFormat = 'MC' | 'MS' | 'EBSR' | 'TI' | 'EQ' | 'SA' | 'WER';
export type ItemOption = { key: string; text: string };
export type RubricLevel = { points: number; text: string };

/** One interim item as stored in `items`; targetKey is `<subject>|<claim>|<target natural id>`. */
export type ItemSpec = {
  naturalId: string;
  bankKey: string;
  itemKey: string;
  position: number;
  format: ItemFormat;
  claimCode: string;
  targetKey: string | null;
  standard: string;
  dok: number;
  maxPoints: number;
  difficulty: number;
  answerKey: string | null;
  options: readonly ItemOption[] | null;
  stem: string;
  rubric: readonly RubricLevel[] | null;
  exemplar: string | null;
  writingPurpose: string | null;
  mathPractice: string | null;
  allowCalculator: boolean | null;
};

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];

function targetKeyFor(subject: 'ELA' | 'Math', claim: string, focus: string, grade: number, rng: Rng): string | null {
  const g = grade >= 9 ? 11 : grade;
  if (subject === 'ELA') {
    const id = `${focus}-${g}`;
    const found = (ELA_TARGETS[g] ?? []).find((t) => t.claim === claim && t.id === id);
    return found ? `ELA|${claim}|${found.id}` : null;
  }
  if (claim !== '1') return null;
  const list = MATH_TARGETS[g] ?? [];
  const matching = list.filter((t) => (g === 11 ? t.id.startsWith(focus) : t.id.startsWith(`${focus}|`)));
  const chosen = matching.length > 0 ? rng.pick(matching) : list.length > 0 ? rng.pick(list) : undefined;
  return chosen ? `Math|1|${chosen.id}` : null;
}

function rubricFor(format: ItemFormat, purpose: string | null): RubricLevel[] | null {
  if (format === 'SA') {
    return [
      {
        points: 2,
        text: 'The response gives sufficient evidence of the ability to support an answer with relevant, specific details from the text.',
      },
      { points: 1, text: 'The response gives limited evidence; details are general or only partly relevant.' },
      { points: 0, text: 'The response gives no evidence, is incorrect, irrelevant or blank.' },
    ];
  }
  if (format === 'WER') {
    const name = purpose ? WRITING_PURPOSES[purpose as keyof typeof WRITING_PURPOSES] : 'Writing';
    return [
      {
        points: 4,
        text: `Organization/Purpose (0–4): the ${name.toLowerCase()} response is fully sustained, consistently focused and clearly organized.`,
      },
      { points: 4, text: 'Evidence/Elaboration (0–4): thorough, convincing elaboration with relevant evidence from the sources.' },
      { points: 2, text: 'Conventions (0–2): adequate command of grammar usage, capitalization, punctuation and spelling.' },
    ];
  }
  return null;
}

function pickFormat(subject: 'ELA' | 'Math', claim: string, rng: Rng): ItemFormat {
  if (subject === 'ELA') {
    if (claim === '2-W' || claim === '4-CR')
      return rng.weighted([
        ['MC', 5],
        ['MS', 2],
        ['SA', 2],
      ] as const);
    return rng.weighted([
      ['MC', 6],
      ['MS', 2],
      ['EBSR', 2],
      ['SA', 1],
    ] as const);
  }
  if (claim === '3')
    return rng.weighted([
      ['SA', 2],
      ['MS', 1],
      ['MC', 1],
    ] as const);
  if (claim === '2' || claim === '4')
    return rng.weighted([
      ['EQ', 2],
      ['TI', 2],
      ['MC', 1],
    ] as const);
  return rng.weighted([
    ['MC', 4],
    ['EQ', 4],
    ['MS', 1],
    ['TI', 1],
  ] as const);
}

type Slot = { claim: string; focus: string; format?: ItemFormat };

function buildItem(subject: 'ELA' | 'Math', grade: number, slot: Slot, position: number, itemKey: number, rng: Rng): ItemSpec {
  const format = slot.format ?? pickFormat(subject, slot.claim, rng);
  const base = {
    naturalId: `200-${itemKey}`,
    bankKey: '200',
    itemKey: String(itemKey),
    position,
    format,
    claimCode: slot.claim,
    targetKey: targetKeyFor(subject, slot.claim, slot.focus, grade, rng),
    difficulty: Math.round((rng.normal(0, 0.9) + (format === 'SA' || format === 'WER' ? 0.5 : 0)) * 1000) / 1000,
    mathPractice: subject === 'Math' ? rng.pick(MATH_PRACTICES) : null,
    allowCalculator: subject === 'Math' ? grade >= 6 && rng.bool(0.5) : null,
  };
  if (format === 'WER') {
    const purpose = rng.pick(writingPurposes(grade));
    const name = WRITING_PURPOSES[purpose];
    const topic = topicFor(rng);
    return {
      ...base,
      standard: grade >= 9 ? 'W.11-12.1' : `W.${grade}.${purpose === 'NARR' ? 3 : purpose === 'ARGU' || purpose === 'OPIN' ? 1 : 2}`,
      dok: 4,
      maxPoints: 6,
      answerKey: null,
      options: null,
      stem: `Your class is learning about ${topic}. Using the three sources you have read, write a multi-paragraph ${name.toLowerCase()} essay about ${topic}. Use details from the sources to support your writing.`,
      rubric: rubricFor('WER', purpose),
      exemplar: essayResponse(rngFor(itemKey, 'exemplar'), 6),
      writingPurpose: purpose,
    };
  }
  if (subject === 'Math') {
    const q = mathQuestion(slot.focus, rng, grade);
    const common = {
      ...base,
      standard: q.standard,
      dok: format === 'MC' || format === 'EQ' ? rng.int(1, 2) : rng.int(2, 3),
      rubric: rubricFor(format, null),
      writingPurpose: null,
    };
    if (format === 'MC' || format === 'MS') {
      const wrong = q.distractors.slice(0, format === 'MC' ? 3 : 4);
      const keyIndex = rng.int(0, wrong.length);
      const texts = [...wrong.slice(0, keyIndex), q.answer, ...wrong.slice(keyIndex)];
      const options = texts.map((text, i) => ({ key: LETTERS[i] as string, text }));
      const keys = format === 'MC' ? [keyIndex] : [keyIndex, (keyIndex + 2) % texts.length].sort();
      const stem = format === 'MC' ? q.stem : `${q.stem} Select all correct answers, including equivalent forms.`;
      return { ...common, format, stem, maxPoints: 1, answerKey: keys.map((k) => LETTERS[k]).join(','), options, exemplar: null };
    }
    const explain =
      format === 'SA' ? ' Explain how you found your answer.' : format === 'TI' ? ' Complete the table to show your work.' : '';
    return {
      ...common,
      stem: `${q.stem}${explain}`,
      maxPoints: format === 'SA' || format === 'TI' ? 2 : 1,
      answerKey: format === 'EQ' ? q.answer : null,
      options: null,
      exemplar: format === 'EQ' ? null : `${q.answer}. A complete answer shows each step and checks the result.`,
    };
  }
  const q = elaQuestion(slot.claim, rng, grade);
  const common = { ...base, standard: q.standard, rubric: rubricFor(format, null), writingPurpose: null };
  if (format === 'SA') {
    return {
      ...common,
      stem: `${q.stem.replace(/\?$/, '')}? Use details from the text to explain your answer.`,
      dok: 3,
      maxPoints: 2,
      answerKey: null,
      options: null,
      exemplar: shortAnswer(rngFor(itemKey, 'ex'), 2),
    };
  }
  const options = q.options.map((text, i) => ({ key: LETTERS[i] as string, text }));
  const key = LETTERS[q.key] as string;
  if (format === 'EBSR') {
    const partB = LETTERS[(q.key + 2) % q.options.length] as string;
    return {
      ...common,
      stem: `Part A: ${q.stem} Part B: Which sentence from the passage best supports your answer to Part A?`,
      dok: 3,
      maxPoints: 2,
      answerKey: `${key};${partB}`,
      options,
      exemplar: null,
    };
  }
  if (format === 'MS') {
    const second = LETTERS[(q.key + 1) % q.options.length] as string;
    return {
      ...common,
      stem: `${q.stem} Select two answers.`,
      dok: 2,
      maxPoints: 1,
      answerKey: [key, second].sort().join(','),
      options,
      exemplar: null,
    };
  }
  return { ...common, format: 'MC', stem: q.stem, dok: rng.int(1, 2), maxPoints: 1, answerKey: key, options, exemplar: null };
}

/** Items of an interim block (fixed form), in test order. */
export function blockItems(subject: 'ELA' | 'Math', grade: number, block: BlockDef, firstKey: number, seed: number): ItemSpec[] {
  const rng = rngFor(seed, 'items', subject, grade, block.code);
  const items: ItemSpec[] = [];
  for (let i = 0; i < block.items; i++) {
    const last = i === block.items - 1;
    const format: ItemFormat | undefined = block.fullWrite && last ? 'WER' : undefined;
    const claim = subject === 'Math' && block.claim === '4' && i % 2 === 1 ? '2' : block.claim;
    const slot: Slot = { claim, focus: block.focus[i % block.focus.length] as string, ...(format ? { format } : {}) };
    items.push(buildItem(subject, grade, slot, i + 1, firstKey + i, rng));
  }
  return items;
}

const ICA_SLOTS: Record<'ELA' | 'Math', readonly Slot[]> = {
  ELA: [
    ...['1', '2', '4', '6'].map((f) => ({ claim: '1-LT', focus: f })),
    ...['8', '9', '11', '13'].map((f) => ({ claim: '1-IT', focus: f })),
    ...['1', '8', '9'].map((f) => ({ claim: '2-W', focus: f })),
    ...['4', '4', '4'].map((f) => ({ claim: '3-L', focus: f })),
    ...['2', '3', '4'].map((f) => ({ claim: '4-CR', focus: f })),
    { claim: '2-W', focus: '4', format: 'WER' },
  ],
  Math: [],
};

function mathIcaSlots(grade: number): Slot[] {
  const domains =
    grade <= 5
      ? ['OA', 'NBT', 'NF', 'MD', 'G']
      : grade <= 7
        ? ['RP', 'NS', 'EE', 'G', 'SP']
        : grade === 8
          ? ['EE', 'F', 'G', 'SP']
          : ['A', 'F', 'G', 'S'];
  const slots: Slot[] = [];
  for (let i = 0; i < 12; i++) slots.push({ claim: '1', focus: domains[i % domains.length] as string });
  for (const claim of ['2', '2', '3', '3', '3', '4']) slots.push({ claim, focus: domains[0] as string });
  return slots;
}

/** Items of an interim comprehensive assessment (a short fixed form covering every claim). */
export function icaItems(subject: 'ELA' | 'Math', grade: number, firstKey: number, seed: number): ItemSpec[] {
  const rng = rngFor(seed, 'ica-items', subject, grade);
  const slots = subject === 'ELA' ? ICA_SLOTS.ELA : mathIcaSlots(grade);
  return slots.map((slot, i) => buildItem(subject, grade, slot, i + 1, firstKey + i, rng));
}

/** What a student answered, given the points earned (responses agree with the key and rubric). */
export function itemResponse(item: ItemSpec, points: number, rng: Rng): string {
  const full = points >= item.maxPoints;
  switch (item.format) {
    case 'MC': {
      if (full && item.answerKey) return item.answerKey;
      const wrong = (item.options ?? []).map((o) => o.key).filter((k) => k !== item.answerKey);
      return wrong.length > 0 ? rng.pick(wrong) : 'A';
    }
    case 'MS': {
      if (full && item.answerKey) return item.answerKey;
      const keys = (item.options ?? []).map((o) => o.key);
      return rng.sample(keys, rng.int(1, 3)).sort().join(',');
    }
    case 'EBSR': {
      const [a, b] = (item.answerKey ?? 'A;B').split(';');
      const other = (k: string | undefined) => (item.options ?? []).map((o) => o.key).find((x) => x !== k) ?? 'A';
      if (full) return `${a};${b}`;
      return points >= 1 ? `${a};${other(b)}` : `${other(a)};${other(b)}`;
    }
    case 'EQ':
      return full && item.answerKey ? item.answerKey : String(rng.int(1, 99));
    case 'TI':
      return full
        ? 'row1: complete; row2: complete; row3: complete'
        : points > 0
          ? 'row1: complete; row2: complete; row3: incorrect'
          : 'row1: incorrect';
    case 'SA':
      return shortAnswer(rng, clamp(points, 0, 2));
    case 'WER':
      return essayResponse(rng, points);
    default: {
      const never: never = item.format;
      return never;
    }
  }
}
