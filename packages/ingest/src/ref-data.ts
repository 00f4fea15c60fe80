import type { Database } from '@cers/db';
import { type AssessmentType, type Family, type SubScoreKind, TRAIT_CATEGORIES, type TraitCategory, WRITING_PURPOSES } from '@cers/domain';
import { type Kysely, sql } from 'kysely';
import type { SubjectDefinition } from './subject-definition.js';
import type { RefAssessment, RefData, RefTrait } from './trt/refs.js';

type Db = Kysely<Database>;

/** ELA writing traits when the subject has no imported definition (domain writing.ts). */
function defaultTraits(): RefTrait[] {
  const out: RefTrait[] = [];
  for (const purpose of Object.keys(WRITING_PURPOSES)) {
    for (const [category, def] of Object.entries(TRAIT_CATEGORIES)) {
      out.push({ code: `SOCK_${purpose}_${category}`, purpose, category: category as TraitCategory, maxScore: def.max });
    }
  }
  return out;
}

function subjectTraits(code: string, definition: unknown): Map<string, RefTrait> {
  const def = definition as SubjectDefinition | null;
  const list: RefTrait[] = def
    ? (def.traits ?? [])
        .filter((t) => t.category === 'ORG' || t.category === 'EVI' || t.category === 'CON')
        .map((t) => ({ code: t.code, purpose: t.purpose, category: t.category as TraitCategory, maxScore: t.maxScore }))
    : code.toLowerCase() === 'ela'
      ? defaultTraits()
      : [];
  return new Map(list.map((t) => [t.code, t]));
}

/**
 * Loads everything exam validation looks up, in a handful of queries (the importer caches it for a
 * run and ships it to parse workers). Pass assessmentIds to load only some assessments.
 */
export async function loadRefData(db: Db): Promise<RefData> {
  const subjects = await db.selectFrom('subjects').select(['code', 'definition']).execute();
  const traitsBySubject = new Map(subjects.map((s) => [s.code.toLowerCase(), subjectTraits(s.code, s.definition)]));
  const asmts = await db
    .selectFrom('assessments')
    .select([
      'id',
      'naturalId',
      'family',
      'subject',
      'grade',
      'type',
      'schoolYear',
      'minScore',
      'maxScore',
      'cutScores',
      'standardCutLevel',
    ])
    .execute();
  const byId = new Map<number, RefAssessment>();
  const assessments = new Map<string, RefAssessment>();
  for (const a of asmts) {
    const ref: RefAssessment = {
      id: a.id,
      naturalId: a.naturalId,
      family: a.family as Family,
      subject: a.subject,
      grade: a.grade,
      type: a.type as AssessmentType,
      schoolYear: a.schoolYear,
      minScore: a.minScore,
      maxScore: a.maxScore,
      cutScores: (a.cutScores ?? []).map(Number),
      standardCutLevel: a.standardCutLevel,
      scores: new Map(),
      targets: new Map(),
      items: new Map(),
      traits: traitsBySubject.get(a.subject.toLowerCase()) ?? new Map(),
    };
    byId.set(a.id, ref);
    assessments.set(a.naturalId.toLowerCase(), ref);
  }
  const scores = await db
    .selectFrom('assessmentScores')
    .select(['assessmentId', 'code', 'kind', 'minScore', 'maxScore', 'cutScores'])
    .execute();
  for (const s of scores) {
    byId.get(s.assessmentId)?.scores.set(s.code, {
      code: s.code,
      kind: s.kind as SubScoreKind,
      min: s.minScore,
      max: s.maxScore,
      cuts: (s.cutScores ?? []).map(Number),
    });
  }
  // Targets an exam may carry residuals for: primary targets of the package's items (RDW) and the
  // assessment's reported targets (itemless summative packages).
  const targets = await sql<{ assessmentId: number; claimCode: string; naturalId: string; id: number }>`
    select x.assessment_id, t.claim_code, t.natural_id, t.id
    from (select assessment_id, target_id from assessment_targets
          union select assessment_id, target_id from items where target_id is not null) x
    join targets t on t.id = x.target_id`.execute(db);
  for (const t of targets.rows) byId.get(t.assessmentId)?.targets.set(`${t.claimCode}|${t.naturalId}`, t.id);
  const items = await db.selectFrom('items').select(['id', 'assessmentId', 'naturalId']).execute();
  for (const it of items) byId.get(it.assessmentId)?.items.set(it.naturalId, it.id);
  const schools = await db
    .selectFrom('organizations')
    .select(['id', 'districtId', 'naturalId', 'name'])
    .where('type', '=', 'school')
    .where('districtId', 'is not', null)
    .execute();
  const accommodations = await db.selectFrom('accommodations').select('code').execute();
  return {
    assessments,
    schools: new Map(
      schools.map((s) => [
        s.naturalId.toLowerCase(),
        { id: s.id, districtId: s.districtId as number, naturalId: s.naturalId, name: s.name },
      ]),
    ),
    accommodations: new Map(accommodations.map((a) => [a.code.toLowerCase(), a.code])),
  };
}
