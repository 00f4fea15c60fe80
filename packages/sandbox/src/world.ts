/**
 * The people and places of a full profile (sandbox, district): districts, schools, students with
 * their home schools, teachers and the assigned groups of every school year ("Grade 5 — Room 12",
 * "Grade 7 Math — Period 2"). Pure: the same seed gives the same world.
 */
import { FEMALE_FIRST, LAST_BY_GROUP, MALE_FIRST } from './names.js';
import { type Band, bandOf, elasIn, enrolled, gradeIn, makeStudent, type StudentPlan } from './population.js';
import { type Rng, rngFor } from './random.js';

export type DistrictPlan = { index: number; naturalId: string; name: string };
export type SchoolPlan = { index: number; districtIndex: number; naturalId: string; name: string; band: Band };
export type TeacherPlan = { key: string; schoolIndex: number; login: string; firstName: string; lastName: string };
export type GroupPlan = {
  key: string;
  schoolIndex: number;
  year: number;
  name: string;
  subjects: readonly string[] | null;
  /** Subject the group's interims cover ('ELA' | 'Math' | 'both' for homerooms | other). */
  kind: 'homeroom' | 'advisory' | 'ELA' | 'Math' | 'Science' | 'ELD' | 'Spanish';
  grade: number | null;
  studentIndices: number[];
  teacherKeys: string[];
};

export type Layout = {
  districts: readonly DistrictPlan[];
  schools: readonly SchoolPlan[];
  years: readonly number[];
  /** Students per current grade (index 0 = KG; 13+ = alumni who graduated grade − 12 years ago). */
  studentsPerGrade: (grade: number, rng: Rng) => number;
  /** Highest "current grade" generated: 12 + the number of alumni cohorts kept. */
  maxGrade: number;
  /** Home schools per band for a new student. */
  homeSchools: (rng: Rng) => Record<Band, number>;
  ssid: (index: number) => string;
  teacherDomain: string;
  /** Students with fixed identities placed first (the sandbox SSIDs). */
  fixed?: readonly ((s: StudentPlan) => StudentPlan)[];
};

export type World = {
  layout: Layout;
  students: StudentPlan[];
  teachers: TeacherPlan[];
  groups: GroupPlan[];
  /** `${studentIndex}|${year}|${kind}` → index in groups. */
  sectionOf: Map<string, number>;
};

const SECTION_SIZE = 30;

export function buildStudents(layout: Layout, seed: number): StudentPlan[] {
  const students: StudentPlan[] = [];
  const fromYear = layout.years[0] as number;
  const countRng = rngFor(seed, 'counts');
  for (const override of layout.fixed ?? []) {
    const index = students.length;
    const base = makeStudent({
      seed,
      index,
      ssid: layout.ssid(index),
      currentGrade: 5,
      schools: layout.homeSchools(rngFor(seed, 'home', index)),
      fromYear,
    });
    students.push(override(base));
  }
  for (let grade = 0; grade <= layout.maxGrade; grade++) {
    const n = layout.studentsPerGrade(grade, countRng);
    for (let i = 0; i < n; i++) {
      const index = students.length;
      students.push(
        makeStudent({
          seed,
          index,
          ssid: layout.ssid(index),
          currentGrade: grade,
          schools: layout.homeSchools(rngFor(seed, 'home', index)),
          fromYear,
        }),
      );
    }
  }
  return students;
}

function teacherName(rng: Rng): { firstName: string; lastName: string } {
  const firstName = rng.bool(0.75) ? rng.pick(FEMALE_FIRST) : rng.pick(MALE_FIRST);
  const groups = Object.values(LAST_BY_GROUP);
  return { firstName, lastName: rng.pick(rng.pick(groups)) };
}

function sectionNames(kind: GroupPlan['kind'], grade: number, section: number): string {
  const g = grade === 0 ? 'Kindergarten' : `Grade ${grade}`;
  switch (kind) {
    case 'homeroom':
      return `${g} — Room ${grade * 4 + section + 1}`;
    case 'advisory':
      return `${g} Advisory — Room ${100 + grade * 10 + section}`;
    case 'ELA':
    case 'Math':
    case 'Science':
      return `${g} ${kind} — Period ${section + 1}`;
    case 'ELD':
      return `${g} English Language Development — Period ${section + 4}`;
    case 'Spanish':
      return `Spanish for Spanish Speakers — Period ${section + 5}`;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

const SUBJECTS_OF: Record<GroupPlan['kind'], readonly string[] | null> = {
  homeroom: null,
  advisory: null,
  ELA: ['ELA'],
  Math: ['Math'],
  Science: ['Science'],
  ELD: ['ELPAC'],
  Spanish: ['Spanish'],
};

/** Assigned groups of every school, year and grade; students spread evenly over the sections. */
export function buildWorld(layout: Layout, seed: number): World {
  const students = buildStudents(layout, seed);
  const groups: GroupPlan[] = [];
  const sectionOf = new Map<string, number>();
  const teachers = new Map<string, TeacherPlan>();
  const logins = new Set<string>();
  const teacherFor = (schoolIndex: number, slot: string): string => {
    const key = `${schoolIndex}|${slot}`;
    if (!teachers.has(key)) {
      const { firstName, lastName } = teacherName(rngFor(seed, 'teacher', key));
      let login = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
      for (let n = 2; logins.has(login); n++) login = `${firstName}.${lastName}${n}`.toLowerCase().replace(/[^a-z0-9.]/g, '');
      logins.add(login);
      teachers.set(key, { key, schoolIndex, login: `${login}@${layout.teacherDomain}`, firstName, lastName });
    }
    return key;
  };
  for (const year of layout.years) {
    // (school, grade) → enrolled students of that year
    const cohorts = new Map<string, number[]>();
    for (const s of students) {
      if (!enrolled(s, year)) continue;
      const grade = gradeIn(s, year);
      const school = s.schools[bandOf(grade)];
      const k = `${school}|${grade}`;
      const list = cohorts.get(k) ?? [];
      list.push(s.index);
      cohorts.set(k, list);
    }
    for (const [k, members] of cohorts) {
      const [schoolText, gradeText] = k.split('|');
      const schoolIndex = Number(schoolText);
      const grade = Number(gradeText);
      // Elementary homerooms cover every subject; middle and high schools have an advisory (every
      // subject) plus subject sections, English Language Development and Spanish for Spanish Speakers.
      const kinds: GroupPlan['kind'][] =
        bandOf(grade) === 'elementary' ? ['homeroom'] : ['advisory', 'ELA', 'Math', 'Science', 'ELD', 'Spanish'];
      for (const kind of kinds) {
        const eligible = members.filter((i) => {
          const s = students[i] as StudentPlan;
          if (kind === 'ELD') return elasIn(s, year) === 'EL';
          if (kind === 'Spanish') return s.spanishAssessment;
          return true;
        });
        if (eligible.length === 0) continue;
        const shuffled = rngFor(seed, 'sections', year, k, kind).sample(eligible, eligible.length);
        // Class sections hold at least SECTION_SIZE students when the cohort allows (30–40, as in
        // California middle and high schools), so a teacher's own class can show the Target Report
        // (30-student minimum); small programs (ELD, Spanish) are split at 25.
        const count =
          kind === 'ELD' || kind === 'Spanish' ? Math.ceil(shuffled.length / 25) : Math.max(1, Math.floor(shuffled.length / SECTION_SIZE));
        for (let section = 0; section < count; section++) {
          const name = kind === 'Spanish' ? `Grade ${grade} ${sectionNames(kind, grade, section)}` : sectionNames(kind, grade, section);
          const slot =
            kind === 'homeroom' || kind === 'advisory'
              ? `room-${grade}-${section}`
              : `${kind}-${(grade * 3 + section) % (kind === 'ELD' || kind === 'Spanish' ? 1 : 4)}`;
          const group: GroupPlan = {
            key: `${schoolIndex}|${year}|${name}`,
            schoolIndex,
            year,
            name,
            subjects: SUBJECTS_OF[kind],
            kind,
            grade,
            studentIndices: shuffled.filter((_, i) => i % count === section).sort((a, b) => a - b),
            teacherKeys: [teacherFor(schoolIndex, slot)],
          };
          for (const i of group.studentIndices) sectionOf.set(`${i}|${year}|${kind}`, groups.length);
          groups.push(group);
        }
      }
    }
  }
  return { layout, students, teachers: [...teachers.values()], groups, sectionOf };
}

/** The group that gives a student's interims of a subject in a year (homeroom in elementary). */
export function sectionFor(world: World, studentIndex: number, year: number, subject: 'ELA' | 'Math'): GroupPlan | undefined {
  const i = world.sectionOf.get(`${studentIndex}|${year}|homeroom`) ?? world.sectionOf.get(`${studentIndex}|${year}|${subject}`);
  return i === undefined ? undefined : world.groups[i];
}
