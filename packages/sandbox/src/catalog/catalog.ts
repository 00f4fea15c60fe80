import type { AssessmentSpec, CatalogOptions } from './assessments.js';
import { buildAssessments } from './assessments.js';

/** Assessments of a profile with the look-ups the exam generator needs. */
export class Catalog {
  readonly all: readonly AssessmentSpec[];
  readonly #byKey = new Map<string, AssessmentSpec>();
  readonly #blocks = new Map<string, AssessmentSpec[]>();

  constructor(options: CatalogOptions) {
    this.all = buildAssessments(options);
    for (const a of this.all) {
      this.#byKey.set(Catalog.key(a.family, a.subject, a.type, a.grade, a.schoolYear), a);
      if (a.type === 'iab' || a.type === 'fiab') {
        const k = Catalog.key('SBAC', a.subject, a.type, a.grade, a.schoolYear);
        const list = this.#blocks.get(k) ?? [];
        list.push(a);
        this.#blocks.set(k, list);
      }
    }
  }

  static key(family: string, subject: string, type: string, grade: number, year: number): string {
    return `${family}|${subject}|${type}|${grade}|${year}`;
  }

  find(family: string, subject: string, type: string, grade: number, year: number): AssessmentSpec | undefined {
    return this.#byKey.get(Catalog.key(family, subject, type, grade, year));
  }

  blocks(subject: 'ELA' | 'Math', type: 'iab' | 'fiab', grade: number, year: number): readonly AssessmentSpec[] {
    return this.#blocks.get(Catalog.key('SBAC', subject, type, grade, year)) ?? [];
  }
}
