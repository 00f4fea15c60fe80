/**
 * Sandbox and district profiles: organizations, staff, students with multi-year histories in every
 * family, assigned groups, embargo releases and instructional resources.
 */
import type { CersDb } from '@cers/db';
import { SUBJECTS } from '@cers/domain';
import { Catalog } from '../catalog/catalog.js';
import { type ExamContext, type ExamPlan, studentYearExams } from '../exams.js';
import { bandOf, CURRENT_YEAR, gradeIn, type StudentPlan } from '../population.js';
import { buildWorld, type Layout, type World } from '../world.js';
import { Counts, type GenerateSummary } from '../write/counts.js';
import { type IdMaps, writeExamBatch } from '../write/exams.js';
import { type RoleInput, teacherUser, type UserInput, writeGroups, writeStudents, writeUsers } from '../write/people.js';
import {
  analyze,
  writeAssessments,
  writeEmbargoes,
  writeOrganizations,
  writeSubjectsAndAccommodations,
  writeTargets,
} from '../write/reference.js';
import { writeResources } from '../write/resources.js';
import { withBulkLoadIndexes } from './indexes.js';

export type Progress = { phase: string; done: number; total: number };
export type OnProgress = (p: Progress) => void;

export type PersonaSpec = {
  key: string;
  login: string;
  displayName: string;
  role: RoleInput['role'];
  /** School index for school roles; null = the first district. */
  schoolIndex: number | null;
  /** Teachers: they teach the current-year groups of their school that hold these students. */
  teachesStudents: readonly number[];
};

export type FullProfile = {
  name: 'sandbox' | 'district';
  layout: Layout;
  interims: ExamContext['interims'];
  personas: readonly PersonaSpec[];
  districtSlug: string;
  resourceGrades: readonly number[];
};

const EXAMS_PER_BATCH = 4000;
/** Loaded with their secondary indexes and foreign keys rebuilt afterwards (profiles/indexes.ts). */
const EXAM_TABLES = ['exams', 'exam_scores', 'exam_target_scores', 'exam_trait_scores', 'exam_items'];

function personaGroups(world: World, persona: PersonaSpec): number[] {
  if (persona.schoolIndex === null) return [];
  const out: number[] = [];
  world.groups.forEach((g, i) => {
    if (g.year !== CURRENT_YEAR || g.schoolIndex !== persona.schoolIndex) return;
    if (g.studentIndices.some((s) => persona.teachesStudents.includes(s))) out.push(i);
  });
  return out;
}

export async function generateFull(cers: CersDb, profile: FullProfile, seed: number, onProgress?: OnProgress): Promise<GenerateSummary> {
  const started = performance.now();
  const counts = new Counts();
  const { layout } = profile;
  onProgress?.({ phase: 'planning', done: 0, total: 1 });
  const world = buildWorld(layout, seed);
  const catalog = new Catalog({ years: layout.years, seed });
  const fixedIndices = new Set(profile.personas.flatMap((p) => p.teachesStudents));
  const extraTeachers = new Map<number, string[]>();
  for (const persona of profile.personas) {
    for (const g of personaGroups(world, persona)) extraTeachers.set(g, [...(extraTeachers.get(g) ?? []), persona.key]);
  }
  const fullSections = new Set(world.groups.filter((g) => g.studentIndices.some((s) => fixedIndices.has(s))).map((g) => g.key));

  onProgress?.({ phase: 'reference data', done: 0, total: 1 });
  const db = cers.db;
  const orgs = await writeOrganizations(db, layout.districts, layout.schools, counts);
  await writeSubjectsAndAccommodations(db, counts);
  const targetIds = await writeTargets(db, counts);
  const assessments = await writeAssessments(db, catalog.all, targetIds, counts);

  onProgress?.({ phase: 'people', done: 0, total: 1 });
  const users: UserInput[] = [];
  const roles: RoleInput[] = [];
  for (const p of profile.personas) {
    users.push({ key: p.key, login: p.login, displayName: p.displayName, firstName: 'Sandbox', lastName: p.displayName, isSandbox: true });
    const organizationId = p.schoolIndex === null ? (orgs.districtIds[0] as number) : (orgs.schoolIds[p.schoolIndex] as number);
    roles.push({ userKey: p.key, role: p.role, organizationId });
  }
  for (const t of world.teachers) {
    users.push(teacherUser(t));
    roles.push({ userKey: t.key, role: 'TEST_ADMINISTRATOR', organizationId: orgs.schoolIds[t.schoolIndex] as number });
  }
  const userIds = await writeUsers(db, users, roles, counts);
  const current = (s: StudentPlan) => {
    const school = s.schools[bandOf(gradeIn(s, CURRENT_YEAR))];
    return { schoolId: orgs.schoolIds[school] as number, districtId: orgs.schoolDistrictIds[school] as number };
  };
  const studentIds = await writeStudents(db, world.students, current, counts);
  await writeGroups(db, world.groups, orgs, studentIds, userIds, extraTeachers, counts);

  const ids: IdMaps = {
    assessmentIds: assessments.byNaturalId,
    itemIds: assessments.itemIds,
    targetIds,
    studentIds,
    schoolIds: orgs.schoolIds,
    schoolDistrictIds: orgs.schoolDistrictIds,
  };
  const ctx: ExamContext = { seed, catalog, world, interims: profile.interims, alwaysTest: fixedIndices, fullSections };
  const total = world.students.length;
  await withBulkLoadIndexes(cers, EXAM_TABLES, async () => {
    let batch: ExamPlan[] = [];
    for (const s of world.students) {
      for (const year of layout.years) batch.push(...studentYearExams(ctx, s, year));
      if (batch.length >= EXAMS_PER_BATCH) {
        await writeExamBatch(cers, batch, ids, counts);
        batch = [];
        onProgress?.({ phase: 'exams', done: s.index + 1, total });
      }
    }
    await writeExamBatch(cers, batch, ids, counts);
    onProgress?.({ phase: 'indexes', done: total, total });
  });

  onProgress?.({ phase: 'embargoes and resources', done: 0, total: 1 });
  await writeEmbargoes(db, orgs.districtIds, layout.years, SUBJECTS, counts);
  await writeResources(
    db,
    {
      stateId: orgs.stateId,
      districtId: orgs.districtIds[0] as number,
      districtSlug: profile.districtSlug,
      assessments: catalog.all,
      districtGrades: profile.resourceGrades,
    },
    counts,
  );
  await analyze(db);
  onProgress?.({ phase: 'done', done: 1, total: 1 });
  return {
    profile: profile.name,
    seed,
    rows: counts.rows,
    totalRows: counts.total(),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
