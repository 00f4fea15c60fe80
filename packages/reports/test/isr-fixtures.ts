/**
 * In-memory ISR inputs for every family, valid by default (STYLE.md §3.10 builders). Values are
 * chosen so tests can find them in the extracted PDF text.
 */
import { aelpacScale, caaScale, castScale, csaScale, ELPAC_SCALES, LEVEL_SCHEMES, type LevelDef, SB_SCALES } from '@cers/domain';
import type { IsrAssessment, IsrBlocksInput, IsrExam, IsrSingleInput, IsrStudent, IsrSubScoreDef } from '../src/isr/isr-input.js';

export const aStudent = (o: Partial<IsrStudent> = {}): IsrStudent => ({
  id: 1,
  ssid: '1000003718',
  firstName: 'Maria',
  middleName: null,
  lastName: 'Ortega',
  ...o,
});

const lv = (levels: readonly LevelDef[]) => levels.map((l) => ({ ...l }));

export function anAssessment(o: Partial<IsrAssessment> = {}): IsrAssessment {
  const scale = SB_SCALES.ELA[5];
  return {
    id: 10,
    family: 'SBAC',
    type: 'sum',
    subject: 'ELA',
    grade: '05',
    schoolYear: 2025,
    name: 'SBAC-ELA-G5-SUM',
    label: 'Grade 5 ELA Summative',
    minScore: scale?.min ?? 2201,
    maxScore: scale?.max ?? 2701,
    cutScores: scale?.cuts ?? [2442, 2502, 2582],
    standardCutLevel: 3,
    levels: lv(LEVEL_SCHEMES.SB4),
    hasClaims: false,
    hasComposites: true,
    hasDomains: false,
    hasTraits: true,
    measureKind: 'lexile',
    subScores: [],
    ...o,
  };
}

export function anExam(o: Partial<IsrExam> = {}): IsrExam {
  return {
    id: 100,
    completedAt: new Date('2025-04-15T17:00:00Z'),
    schoolName: 'Sample Elementary School',
    districtName: 'Sample Unified School District',
    enrolledGrade: '05',
    scaleScore: 2531.4,
    scaleScoreSem: 23.2,
    achievementLevel: 3,
    lexile: 870,
    quantile: null,
    administrationCondition: 'Valid',
    completeness: 'Complete',
    accommodations: [],
    scores: [],
    traits: [],
    ...o,
  };
}

const def = (
  code: string,
  kind: IsrSubScoreDef['kind'],
  name: string,
  displayOrder: number,
  levels: readonly LevelDef[] = [],
): IsrSubScoreDef => ({
  code,
  kind,
  name,
  displayOrder,
  minScore: null,
  maxScore: null,
  cutScores: [],
  levels: lv(levels),
});

/** Smarter Balanced ELA summative 2024–25: composites, traits, Lexile. */
export function sbElaSummative(): IsrSingleInput {
  return {
    kind: 'single',
    student: aStudent(),
    assessment: anAssessment({
      subScores: [
        def('READ_LISTEN', 'composite', 'Reading and Listening', 1),
        def('WRITE_RESEARCH', 'composite', 'Writing and Research', 2),
      ],
    }),
    exam: anExam({
      accommodations: ['Text-to-speech', 'Separate setting'],
      scores: [
        { code: 'READ_LISTEN', kind: 'composite', scaleScore: 2540, sem: 30, level: 3 },
        { code: 'WRITE_RESEARCH', kind: 'composite', scaleScore: 2490, sem: 35, level: 2 },
      ],
      traits: [
        { purpose: 'ARGU', category: 'ORG', score: 3, maxScore: 4, conditionCode: null },
        { purpose: 'ARGU', category: 'EVI', score: 2, maxScore: 4, conditionCode: null },
        { purpose: 'ARGU', category: 'CON', score: 2, maxScore: 2, conditionCode: null },
      ],
    }),
    history: [
      {
        schoolYear: 2024,
        grade: '04',
        completedAt: new Date('2024-04-20T17:00:00Z'),
        scaleScore: 2468,
        scaleScoreSem: 24,
        level: 2,
        levels: lv(LEVEL_SCHEMES.SB4),
      },
    ],
  };
}

/** Smarter Balanced Math ICA 2024–25: claims, Quantile. */
export function sbMathIca(): IsrSingleInput {
  const scale = SB_SCALES.Math[7];
  return {
    kind: 'single',
    student: aStudent({ id: 2, ssid: '4000012949', firstName: 'Daniel', lastName: 'Nguyen' }),
    assessment: anAssessment({
      id: 11,
      type: 'ica',
      subject: 'Math',
      grade: '07',
      name: 'SBAC-MATH-G7-ICA',
      label: 'Grade 7 Math ICA',
      minScore: scale?.min ?? 2250,
      maxScore: scale?.max ?? 2778,
      cutScores: scale?.cuts ?? [2484, 2567, 2635],
      hasClaims: true,
      hasComposites: false,
      hasTraits: false,
      measureKind: 'quantile',
      subScores: [],
    }),
    exam: anExam({
      id: 101,
      enrolledGrade: '07',
      schoolName: 'Sample Middle School',
      scaleScore: 2455,
      scaleScoreSem: 28,
      achievementLevel: 1,
      lexile: null,
      quantile: 652,
      scores: [
        { code: '1', kind: 'claim', scaleScore: 2440, sem: 30, level: 1 },
        { code: 'SOCK_2', kind: 'claim', scaleScore: 2500, sem: 40, level: 2 },
        { code: '3', kind: 'claim', scaleScore: null, sem: null, level: null },
      ],
    }),
    history: [],
  };
}

export function castSummative(): IsrSingleInput {
  const scale = castScale(8);
  return {
    kind: 'single',
    student: aStudent({ id: 3, ssid: '6000035780', firstName: 'Aiden', lastName: 'Park' }),
    assessment: anAssessment({
      id: 12,
      family: 'CAST',
      subject: 'Science',
      grade: '08',
      name: 'CAST-G8',
      label: 'Grade 8 CAST',
      minScore: scale.min,
      maxScore: scale.max,
      cutScores: scale.cuts,
      hasComposites: false,
      hasDomains: true,
      hasTraits: false,
      measureKind: null,
    }),
    exam: anExam({
      id: 102,
      enrolledGrade: '08',
      scaleScore: 231,
      scaleScoreSem: 9,
      achievementLevel: 4,
      lexile: null,
      scores: [
        { code: 'LS', kind: 'domain', scaleScore: null, sem: null, level: 3 },
        { code: 'PS', kind: 'domain', scaleScore: null, sem: null, level: 2 },
        { code: 'ESS', kind: 'domain', scaleScore: null, sem: null, level: 1 },
      ],
    }),
    history: [],
  };
}

export function caaSummative(): IsrSingleInput {
  const scale = caaScale(5);
  return {
    kind: 'single',
    student: aStudent({ id: 4, ssid: '3000002098', firstName: 'Lena', lastName: 'Brooks' }),
    assessment: anAssessment({
      id: 13,
      family: 'CAA',
      subject: 'Math',
      name: 'CAA-MATH-G5',
      label: 'Grade 5 CAA Math',
      minScore: scale.min,
      maxScore: scale.max,
      cutScores: scale.cuts,
      levels: lv(LEVEL_SCHEMES.CAA3),
      hasComposites: false,
      hasTraits: false,
      measureKind: null,
    }),
    exam: anExam({ id: 103, scaleScore: 548, scaleScoreSem: 6, achievementLevel: 2, lexile: null }),
    history: [],
  };
}

export function csaSummative(): IsrSingleInput {
  const scale = csaScale(2025);
  return {
    kind: 'single',
    student: aStudent({ id: 5, ssid: '1000015789', firstName: 'Sofía', lastName: 'Ramírez', middleName: 'Inés' }),
    assessment: anAssessment({
      id: 14,
      family: 'CSA',
      subject: 'Spanish',
      grade: '11',
      name: 'CSA-G11',
      label: 'Grade 11 CSA',
      minScore: scale.min,
      maxScore: scale.max,
      cutScores: scale.cuts,
      levels: lv(LEVEL_SCHEMES.CSA3),
      hasComposites: true,
      hasDomains: true,
      hasTraits: false,
      measureKind: null,
    }),
    exam: anExam({
      id: 104,
      enrolledGrade: '11',
      schoolName: 'Sample High School',
      scaleScore: 471,
      scaleScoreSem: 12,
      achievementLevel: 3,
      lexile: null,
      scores: [
        { code: 'OL', kind: 'composite', scaleScore: null, sem: null, level: 2 },
        { code: 'WL', kind: 'composite', scaleScore: null, sem: null, level: 3 },
        { code: 'R', kind: 'domain', scaleScore: null, sem: null, level: 3 },
        { code: 'W', kind: 'domain', scaleScore: null, sem: null, level: 2 },
        { code: 'L', kind: 'domain', scaleScore: null, sem: null, level: 3 },
        { code: 'S', kind: 'domain', scaleScore: null, sem: null, level: 1 },
      ],
    }),
    history: [],
  };
}

export function elpacSummative(): IsrSingleInput {
  const scale = ELPAC_SCALES[3];
  return {
    kind: 'single',
    student: aStudent({ id: 6, ssid: '1000003719', firstName: 'Minh', lastName: 'Tran' }),
    assessment: anAssessment({
      id: 15,
      family: 'ELPAC',
      subject: 'ELPAC',
      grade: '03',
      name: 'ELPAC-SUM-G3',
      label: 'Grade 3 Summative ELPAC',
      minScore: scale?.overall.min ?? 1150,
      maxScore: scale?.overall.max ?? 1800,
      cutScores: scale?.overall.cuts ?? [1448, 1488, 1535],
      standardCutLevel: 4,
      levels: lv(LEVEL_SCHEMES.ELPAC4),
      hasComposites: true,
      hasDomains: true,
      hasTraits: false,
      measureKind: null,
    }),
    exam: anExam({
      id: 105,
      enrolledGrade: '03',
      scaleScore: 1497,
      scaleScoreSem: 15,
      achievementLevel: 3,
      lexile: null,
      scores: [
        { code: '1', kind: 'composite', scaleScore: 1512, sem: 18, level: 3 },
        { code: '2', kind: 'composite', scaleScore: 1470, sem: 20, level: 2 },
        { code: '1-L', kind: 'domain', scaleScore: null, sem: null, level: 3 },
        { code: '1-S', kind: 'domain', scaleScore: null, sem: null, level: 2 },
        { code: '2-R', kind: 'domain', scaleScore: null, sem: null, level: 2 },
        { code: '2-W', kind: 'domain', scaleScore: null, sem: null, level: 1 },
      ],
    }),
    history: [],
  };
}

export function alternateElpac(): IsrSingleInput {
  const scale = aelpacScale();
  return {
    kind: 'single',
    student: aStudent({ id: 7, ssid: '1000003720', firstName: 'Omar', lastName: 'Haddad' }),
    assessment: anAssessment({
      id: 16,
      family: 'AELPAC',
      subject: 'ELPAC',
      grade: '06',
      name: 'AELPAC-G6',
      label: 'Grade 6 Alternate ELPAC',
      minScore: scale.min,
      maxScore: scale.max,
      cutScores: scale.cuts,
      levels: lv(LEVEL_SCHEMES.AELPAC3),
      hasComposites: false,
      hasTraits: false,
      measureKind: null,
    }),
    exam: anExam({ id: 106, enrolledGrade: '06', scaleScore: 168, scaleScoreSem: 3, achievementLevel: 2, lexile: null }),
    history: [],
  };
}

export function sbElaIabs(): IsrBlocksInput {
  const block = (id: number, label: string) =>
    anAssessment({
      id,
      type: 'iab',
      label,
      name: label,
      levels: lv(LEVEL_SCHEMES.THREE),
      hasComposites: false,
      hasTraits: false,
      cutScores: [2502],
      measureKind: null,
    });
  return {
    kind: 'blocks',
    student: aStudent(),
    type: 'iab',
    subject: 'ELA',
    schoolYear: 2025,
    blocks: [
      {
        assessment: block(20, 'Grade 5 ELA - Read Literary Texts (IAB)'),
        exams: [
          anExam({ id: 200, completedAt: new Date('2024-10-02T17:00:00Z'), scaleScore: 2460, scaleScoreSem: 40, achievementLevel: 1 }),
          anExam({ id: 201, completedAt: new Date('2025-01-22T17:00:00Z'), scaleScore: 2575, scaleScoreSem: 38, achievementLevel: 3 }),
        ],
      },
      {
        assessment: block(21, 'Grade 5 ELA - Research (IAB)'),
        exams: [
          anExam({ id: 202, completedAt: new Date('2024-11-12T17:00:00Z'), scaleScore: 2511, scaleScoreSem: 45, achievementLevel: 2 }),
        ],
      },
    ],
  };
}

/** One input of every family, for "renders each family" tests and the benchmark. */
export const EVERY_FAMILY = {
  'Smarter Balanced summative (ELA)': sbElaSummative,
  'Smarter Balanced ICA (Math)': sbMathIca,
  'Smarter Balanced IAB (ELA)': sbElaIabs,
  CAST: castSummative,
  CAA: caaSummative,
  CSA: csaSummative,
  ELPAC: elpacSummative,
  'Alternate ELPAC': alternateElpac,
} as const;
