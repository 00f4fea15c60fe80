import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Catalog } from './catalog/catalog.js';
import { type ExamContext, studentYearExams } from './exams.js';
import { SANDBOX_SSIDS } from './personas.js';
import { elasIn, gradeIn } from './population.js';
import { DISTRICT_PROFILE } from './profiles/district.js';
import { SANDBOX_PROFILE } from './profiles/sandbox.js';
import { buildStudents, buildWorld } from './world.js';

function digest(seed: number, students: number): string {
  const world = buildWorld(SANDBOX_PROFILE.layout, seed);
  const catalog = new Catalog({ years: SANDBOX_PROFILE.layout.years, seed });
  const ctx: ExamContext = { seed, catalog, world, interims: SANDBOX_PROFILE.interims, alwaysTest: new Set(), fullSections: new Set() };
  const h = createHash('sha256');
  h.update(JSON.stringify(world.groups));
  for (const s of world.students.slice(0, students)) {
    h.update(JSON.stringify(s));
    for (const year of SANDBOX_PROFILE.layout.years) h.update(JSON.stringify(studentYearExams(ctx, s, year)));
  }
  return h.digest('hex');
}

describe('sandbox generator (pure part)', () => {
  it('produces identical worlds and exams for the same seed, different ones for another seed', () => {
    const a = digest(2026, 150);
    expect(digest(2026, 150)).toBe(a);
    expect(digest(2027, 150)).not.toBe(a);
  });

  it('places the six SSIDs in their schools with the grades of the user documents', () => {
    const world = buildWorld(SANDBOX_PROFILE.layout, 2026);
    const bySsid = new Map(world.students.map((s) => [s.ssid, s]));
    for (const [band, ssids] of Object.entries(SANDBOX_SSIDS)) {
      for (const ssid of ssids) {
        const s = bySsid.get(ssid);
        expect(s, ssid).toBeDefined();
        const grade = gradeIn(s as never, 2026);
        const expected = band === 'elementary' ? [0, 5] : band === 'middle' ? [6, 8] : [9, 12];
        expect(grade).toBeGreaterThanOrEqual(expected[0] as number);
        expect(grade).toBeLessThanOrEqual(expected[1] as number);
      }
    }
    expect(new Set(world.students.map((s) => s.ssid)).size).toBe(world.students.length);
  });

  it('has California-like demographics', () => {
    const world = buildWorld(SANDBOX_PROFILE.layout, 2026);
    expect(world.students.length).toBeGreaterThan(1400);
    expect(world.students.length).toBeLessThan(1700);
    const current = world.students.filter((s) => s.currentGrade <= 12);
    const n = current.length;
    const rate = (f: (s: (typeof world.students)[number]) => boolean) => current.filter(f).length / n;
    expect(rate((s) => s.economicDisadvantage)).toBeGreaterThan(0.45);
    expect(rate((s) => s.economicDisadvantage)).toBeLessThan(0.65);
    expect(rate((s) => elasIn(s, 2026) === 'EL')).toBeGreaterThan(0.13);
    expect(rate((s) => elasIn(s, 2026) === 'EL')).toBeLessThan(0.25);
    expect(rate((s) => s.iep)).toBeGreaterThan(0.09);
    expect(rate((s) => s.iep)).toBeLessThan(0.17);
    expect(rate((s) => s.ethnicities.includes('HispanicOrLatinoEthnicity'))).toBeGreaterThan(0.48);
    expect(rate((s) => s.ethnicities.includes('HispanicOrLatinoEthnicity'))).toBeLessThan(0.64);
  });

  it('keeps assigned groups at 200 students or fewer', () => {
    const world = buildWorld(SANDBOX_PROFILE.layout, 2026);
    for (const g of world.groups) expect(g.studentIndices.length).toBeLessThanOrEqual(200);
  });
});

describe('district profile layout', () => {
  it('has 100 schools and about 60,000 current students, each with a feeder pattern', () => {
    const { layout } = DISTRICT_PROFILE;
    expect(layout.schools).toHaveLength(100);
    expect(layout.schools.filter((s) => s.band === 'elementary')).toHaveLength(60);
    const students = buildStudents(layout, 7);
    const current = students.filter((s) => s.currentGrade <= 12);
    expect(current.length).toBeGreaterThan(57_000);
    expect(current.length).toBeLessThan(63_000);
    for (const s of current.slice(0, 2000)) {
      expect(layout.schools[s.schools.elementary]?.band).toBe('elementary');
      expect(layout.schools[s.schools.middle]?.band).toBe('middle');
      expect(layout.schools[s.schools.high]?.band).toBe('high');
    }
    expect(new Set(students.map((s) => s.ssid)).size).toBe(students.length);
  });
});
