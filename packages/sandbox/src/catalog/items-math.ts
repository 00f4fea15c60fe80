import type { Rng } from '../random.js';

/** One generated mathematics question: the stem, the correct answer and plausible wrong answers. */
export type MathQuestion = { stem: string; answer: string; distractors: readonly string[]; standard: string };

type Maker = (rng: Rng, grade: number) => MathQuestion;

function fraction(n: number, d: number): string {
  return `${n}/${d}`;
}

function gcd(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : gcd(b, a % b);
}

function distinct(answer: string, candidates: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of candidates) if (c !== answer && !out.includes(c)) out.push(c);
  return out;
}

const MAKERS: Record<string, Maker> = {
  OA: (rng, grade) => {
    const a = rng.int(3, 9);
    const b = rng.int(4, 9);
    const n = a * b;
    return {
      stem: `A classroom has ${n} chairs. The chairs are arranged in ${a} equal rows. How many chairs are in each row?`,
      answer: String(b),
      distractors: distinct(String(b), [String(n - a), String(b + 1), String(n + a), String(b - 1)]),
      standard: `${grade}.OA.A.3`,
    };
  },
  NBT: (rng, grade) => {
    const a = rng.int(120, 899);
    const b = rng.int(105, 699);
    const sum = a + b;
    return {
      stem: `What is the value of ${a} + ${b}?`,
      answer: String(sum),
      distractors: distinct(String(sum), [String(sum - 100), String(sum + 10), String(Math.abs(a - b)), String(sum - 10)]),
      standard: `${grade}.NBT.B.${grade >= 5 ? 7 : 4}`,
    };
  },
  NF: (rng, grade) => {
    const d = rng.pick([4, 6, 8, 10, 12]);
    const x = rng.int(1, d / 2);
    const y = rng.int(1, d / 2 - 1);
    const g = gcd(x + y, d);
    const answer = fraction((x + y) / g, d / g);
    return {
      stem: `Ana ran ${fraction(x, d)} mile on Monday and ${fraction(y, d)} mile on Tuesday. How far did she run in all? Enter your answer as a fraction in simplest form.`,
      answer,
      distractors: distinct(answer, [
        fraction(x + y, d + d),
        fraction(x + y + 1, d),
        fraction(Math.abs(x - y) || 1, d),
        fraction(x * y, d),
      ]),
      standard: `${grade}.NF.${grade >= 5 ? 'A.1' : 'B.3'}`,
    };
  },
  MD: (rng, grade) => {
    const w = rng.int(3, 12);
    const l = rng.int(4, 15);
    const area = w * l;
    return {
      stem: `A rectangular garden is ${l} feet long and ${w} feet wide. What is the area of the garden, in square feet?`,
      answer: String(area),
      distractors: distinct(String(area), [String(2 * (w + l)), String(w + l), String(area + w), String(area - l)]),
      standard: `${grade}.MD.C.${grade === 3 ? 7 : 3}`,
    };
  },
  G: (rng, grade) => {
    if (grade >= 8) {
      const [a, b, c] = rng.pick([
        [3, 4, 5],
        [5, 12, 13],
        [6, 8, 10],
        [8, 15, 17],
      ] as const);
      return {
        stem: `A right triangle has legs of length ${a} units and ${b} units. What is the length of the hypotenuse, in units?`,
        answer: String(c),
        distractors: distinct(String(c), [String(a + b), String(c + 1), String(a * b), String(b - a)]),
        standard: grade >= 9 ? 'G-SRT.C.8' : '8.G.B.7',
      };
    }
    const sides = rng.pick([3, 4, 5, 6, 8]);
    const names: Record<number, string> = { 3: 'triangle', 4: 'quadrilateral', 5: 'pentagon', 6: 'hexagon', 8: 'octagon' };
    return {
      stem: `How many sides does a ${names[sides]} have?`,
      answer: String(sides),
      distractors: distinct(String(sides), [String(sides + 1), String(sides - 1), String(sides + 2), String(sides * 2)]),
      standard: `${grade}.G.A.${grade <= 4 ? 1 : 3}`,
    };
  },
  RP: (rng, grade) => {
    const cups = rng.int(2, 5);
    const people = rng.int(3, 6);
    const k = rng.int(2, 4);
    return {
      stem: `A recipe uses ${cups} cups of flour for every ${people} people. How many cups of flour are needed for ${people * k} people?`,
      answer: String(cups * k),
      distractors: distinct(String(cups * k), [String(cups + k), String(people * k), String(cups * k + 1), String(cups * people)]),
      standard: `${grade}.RP.A.${grade === 6 ? 3 : 2}`,
    };
  },
  NS: (rng, grade) => {
    const a = rng.int(-12, -2);
    const b = rng.int(3, 15);
    return {
      stem: `What is the value of ${a} + ${b}?`,
      answer: String(a + b),
      distractors: distinct(String(a + b), [String(a - b), String(-(a + b)), String(b - a), String(a + b + 1)]),
      standard: `${grade}.NS.A.${grade === 6 ? 5 : 1}`,
    };
  },
  EE: (rng, grade) => {
    const m = rng.int(2, 9);
    const x = rng.int(2, 12);
    const c = rng.int(1, 20);
    return {
      stem: `Solve for x: ${m}x + ${c} = ${m * x + c}`,
      answer: String(x),
      distractors: distinct(String(x), [String(x + 1), String(m * x), String(x + c), String(x - 1)]),
      standard: `${grade}.EE.${grade === 8 ? 'C.7' : 'B.4'}`,
    };
  },
  SP: (rng, grade) => {
    const values = Array.from({ length: 5 }, () => rng.int(2, 20)).sort((p, q) => p - q);
    const median = values[2] as number;
    return {
      stem: `The numbers of books read by five students are ${values.join(', ')}. What is the median number of books read?`,
      answer: String(median),
      distractors: distinct(String(median), [
        String(values[1]),
        String(values[3]),
        String(Math.round(values.reduce((s, v) => s + v, 0) / 5)),
        String(values[4]),
      ]),
      standard: grade >= 9 ? 'S-ID.A.2' : `${grade}.SP.B.${grade === 6 ? 5 : 4}`,
    };
  },
  F: (rng) => {
    const m = rng.int(2, 6);
    const b = rng.int(-5, 9);
    const x = rng.int(1, 6);
    const y = m * x + b;
    return {
      stem: `The function f is defined by f(x) = ${m}x ${b < 0 ? '−' : '+'} ${Math.abs(b)}. What is the value of f(${x})?`,
      answer: String(y),
      distractors: distinct(String(y), [String(m * x), String(m + x + b), String(y + m), String(m * (x + b))]),
      standard: 'F-IF.A.2',
    };
  },
  A: (rng) => {
    const r1 = rng.int(1, 7);
    const r2 = rng.int(1, 7) + r1;
    return {
      stem: `What are the solutions of x² − ${r1 + r2}x + ${r1 * r2} = 0?`,
      answer: `x = ${r1} and x = ${r2}`,
      distractors: distinct(`x = ${r1} and x = ${r2}`, [
        `x = −${r1} and x = −${r2}`,
        `x = ${r1 + r2} and x = ${r1 * r2}`,
        `x = ${r1} only`,
        `x = ${r2} only`,
      ]),
      standard: 'A-REI.B.4',
    };
  },
  S: (rng) => MAKERS.SP?.(rng, 11) as MathQuestion,
};

/** A question for a domain prefix (OA, NF, EE ...), falling back to a grade-appropriate domain. */
export function mathQuestion(domain: string, rng: Rng, grade: number): MathQuestion {
  const maker = MAKERS[domain] ?? MAKERS[grade <= 5 ? 'OA' : grade <= 8 ? 'EE' : 'F'];
  return (maker as Maker)(rng, grade);
}

export const MATH_PRACTICES: readonly string[] = ['1', '2', '3', '4', '5', '6', '7', '8'];
