/** Turns exam plans into ExamDrafts (database ids) and writes them in transactions. */
import { type CersDb, type ExamDraft, type ExamTraitDraft, insertExams } from '@cers/db';
import type { ExamPlan } from '../exams.js';
import type { Traits } from '../scores.js';
import type { Counts } from './counts.js';

export type IdMaps = {
  assessmentIds: Map<string, number>;
  itemIds: Map<string, number>;
  targetIds: Map<string, number>;
  studentIds: readonly number[];
  schoolIds: readonly number[];
  schoolDistrictIds: readonly number[];
};

function traitRows(t: Traits | null): ExamTraitDraft[] {
  if (!t) return [];
  return [
    { purpose: t.purpose, category: 'ORG', score: t.org, maxScore: 4, conditionCode: t.conditionCode },
    { purpose: t.purpose, category: 'EVI', score: t.evi, maxScore: 4, conditionCode: t.conditionCode },
    { purpose: t.purpose, category: 'CON', score: t.con, maxScore: 2, conditionCode: t.conditionCode === 'M' ? null : t.conditionCode },
  ];
}

export function toDraft(plan: ExamPlan, ids: IdMaps): ExamDraft {
  const a = plan.assessment;
  const assessmentId = ids.assessmentIds.get(a.naturalId);
  if (assessmentId === undefined) throw new Error(`assessment ${a.naturalId} was not written`);
  const att = plan.attributes;
  return {
    districtId: ids.schoolDistrictIds[plan.schoolIndex] as number,
    schoolId: ids.schoolIds[plan.schoolIndex] as number,
    studentId: ids.studentIds[plan.studentIndex] as number,
    assessmentId,
    schoolYear: a.schoolYear,
    opportunityId: plan.opportunityId,
    opportunity: 1,
    sessionId: plan.sessionId,
    status: 'scored',
    statusDate: plan.completedAt,
    startedAt: plan.startedAt,
    completedAt: plan.completedAt,
    completeness: plan.completeness,
    administrationCondition: plan.administrationCondition,
    scaleScore: plan.overall.scaleScore,
    scaleScoreSem: plan.overall.sem,
    achievementLevel: plan.overall.level,
    lexile: plan.lexile,
    quantile: plan.quantile,
    enrolledGrade: att.enrolledGrade,
    gender: att.gender,
    ethnicities: att.ethnicities,
    elas: att.elas,
    elasStartDate: att.elasStartDate,
    lep: att.lep,
    iep: att.iep,
    section504: att.section504,
    economicDisadvantage: att.economicDisadvantage,
    migrant: att.migrant,
    militaryConnected: att.militaryConnected,
    languageCode: att.languageCode,
    primaryDisability: att.primaryDisability,
    accommodations: plan.accommodations,
    scores: plan.scores.map((s) => ({ code: s.code, kind: s.kind, scaleScore: s.scaleScore, sem: s.sem, level: s.level })),
    targetScores: plan.targets.map((t) => ({
      targetId: ids.targetIds.get(t.targetKey) as number,
      studentRelativeResidual: t.studentRelativeResidual,
      standardMetRelativeResidual: t.standardMetRelativeResidual,
    })),
    traitScores: traitRows(plan.traits),
    items: plan.items.map((it) => ({
      itemId: ids.itemIds.get(`${a.naturalId}|${it.item.naturalId}`) as number,
      position: it.item.position,
      score: it.points,
      scoreStatus: 'SCORED',
      response: it.response,
      responseType: 'value',
      administeredAt: it.administeredAt,
      submittedAt: it.submittedAt,
      submitted: true,
      numberVisits: it.numberVisits,
      responseDuration: it.responseDuration,
      traitOrgScore: it.traits?.org ?? null,
      traitEviScore: it.traits?.evi ?? null,
      traitConScore: it.traits?.con ?? null,
    })),
  };
}

/** One transaction per batch: a batch is written completely or not at all. */
export async function writeExamBatch(cers: CersDb, plans: readonly ExamPlan[], ids: IdMaps, counts: Counts): Promise<void> {
  if (plans.length === 0) return;
  const drafts = plans.map((p) => toDraft(p, ids));
  await cers.db.transaction().execute((trx) => insertExams(trx, drafts));
  counts.add('exams', drafts.length);
  for (const d of drafts) {
    counts.add('exam_scores', d.scores?.length ?? 0);
    counts.add('exam_target_scores', d.targetScores?.length ?? 0);
    counts.add('exam_trait_scores', d.traitScores?.length ?? 0);
    counts.add('exam_items', d.items?.length ?? 0);
  }
}
