import { LEVEL_SCHEMES } from '@cers/domain';
import { describe, expect, it } from 'vitest';
import type { Assessment, StudentExam, StudentSummary } from '../../api/students';
import {
  bandScale,
  distanceFromStandardMet,
  examErrorBand,
  filterExams,
  filterOptions,
  historyCsvRows,
  historySearchParams,
  measureInfo,
  missingSubScoreReason,
  missingTraitsReason,
  parseHistoryState,
  scoreHistorySeries,
  sectionScoreTypes,
  statusLabel,
  subjectSections,
  subScoreColumns,
  traitRows,
} from './history-model';

const asmt = (o: Partial<Assessment> = {}): Assessment => ({
  id: 1,
  name: 'Grade 5 ELA Summative',
  label: 'Grade 5 ELA Summative',
  family: 'SBAC',
  subject: 'ELA',
  type: 'sum',
  grade: '05',
  schoolYear: 2025,
  minScore: 2201,
  maxScore: 2701,
  cutScores: [2442, 2502, 2582],
  standardCutLevel: 3,
  levels: [...LEVEL_SCHEMES.SB4],
  hasClaims: false,
  hasComposites: true,
  hasDomains: false,
  hasTraits: true,
  measureKind: 'lexile',
  ...o,
});

const exam = (o: Partial<StudentExam> = {}): StudentExam => ({
  id: 1,
  completedAt: '2025-04-10T16:00:00.000Z',
  schoolYear: 2025,
  sessionId: 'S-1',
  school: { id: 10, name: 'Sample Elementary School' },
  atOtherSchool: false,
  enrolledGrade: '05',
  completeness: 'Complete',
  administrationCondition: 'Valid',
  scaleScore: 2520,
  scaleScoreSem: 24,
  achievementLevel: 3,
  lexile: null,
  quantile: null,
  assessment: asmt(),
  scores: [],
  traits: [],
  accommodations: [],
  ...o,
});

const student: StudentSummary = {
  id: 7,
  ssid: '1000003718',
  firstName: 'Ana',
  lastName: 'Reyes',
  displayName: 'Reyes, Ana',
  school: null,
  district: null,
};

const three = [...LEVEL_SCHEMES.THREE];

describe('URL state', () => {
  it('round-trips filters, the open exam and per-subject score types', () => {
    const state = parseHistoryState(new URLSearchParams('year=2025&subject=ELA&type=sum&exam=42&views=ELA:composite,ELPAC:domain'));
    expect(state).toEqual({ schoolYear: 2025, subject: 'ELA', type: 'sum', exam: 42, views: { ELA: 'composite', ELPAC: 'domain' } });
    expect(historySearchParams(state).toString()).toBe('year=2025&subject=ELA&type=sum&exam=42&views=ELA%3Acomposite%2CELPAC%3Adomain');
  });

  it('ignores malformed values instead of failing', () => {
    expect(parseHistoryState(new URLSearchParams('year=abc&exam=-3&views=ELA:bogus'))).toEqual({
      schoolYear: null,
      subject: null,
      type: null,
      exam: null,
      views: {},
    });
  });
});

describe('filters and sections', () => {
  const exams = [
    exam({ id: 1 }),
    exam({
      id: 2,
      completedAt: '2019-04-10T16:00:00.000Z',
      schoolYear: 2019,
      assessment: asmt({ schoolYear: 2019, hasClaims: true, hasComposites: false }),
    }),
    exam({
      id: 3,
      completedAt: '2025-01-10T16:00:00.000Z',
      assessment: asmt({ subject: 'Math', type: 'ica', hasComposites: false, hasClaims: true }),
    }),
    exam({
      id: 4,
      completedAt: '2024-10-01T16:00:00.000Z',
      assessment: asmt({ subject: 'ELPAC', family: 'ELPAC', hasComposites: true, hasDomains: true }),
    }),
  ];

  it('filters by school year, subject and assessment type', () => {
    expect(filterExams(exams, { schoolYear: 2025, subject: null, type: null }).map((e) => e.id)).toEqual([1, 3, 4]);
    expect(filterExams(exams, { schoolYear: null, subject: 'ELA', type: 'sum' }).map((e) => e.id)).toEqual([1, 2]);
    expect(filterExams(exams, { schoolYear: 2019, subject: 'Math', type: null })).toEqual([]);
  });

  it('offers only the years, subjects and types in the history', () => {
    const o = filterOptions(exams);
    expect(o.schoolYears.map((y) => y.label)).toEqual(['2024–25', '2018–19']);
    expect(o.subjects.map((s) => s.value)).toEqual(['ELA', 'Math', 'ELPAC']);
    expect(o.types.map((t) => t.label)).toEqual(['Summative', 'ICA']);
  });

  it('makes one section per subject with the score types its exams carry', () => {
    const sections = subjectSections(exams);
    expect(sections.map((s) => [s.subject, s.exams.map((e) => e.id), s.scoreTypes])).toEqual([
      ['ELA', [1, 2], ['overall', 'composite', 'claim']],
      ['Math', [3], ['overall', 'claim']],
      ['ELPAC', [4], ['overall', 'composite', 'domain']],
    ]);
    expect(sectionScoreTypes([exam({ assessment: asmt({ family: 'CAA', hasComposites: false }) })])).toEqual(['overall']);
  });

  it('lists each claim/composite/domain once, in display order, and explains missing ones by year rule', () => {
    const withScores = exam({
      scores: [
        {
          code: 'W',
          kind: 'composite',
          name: 'Writing and Research',
          displayOrder: 2,
          scaleScore: null,
          sem: null,
          level: 1,
          levels: three,
          cutScores: [],
          minScore: null,
          maxScore: null,
        },
        {
          code: 'R',
          kind: 'composite',
          name: 'Reading and Listening',
          displayOrder: 1,
          scaleScore: null,
          sem: null,
          level: 3,
          levels: three,
          cutScores: [],
          minScore: null,
          maxScore: null,
        },
      ],
    });
    expect(subScoreColumns([withScores, withScores], 'composite').map((c) => c.name)).toEqual([
      'Reading and Listening',
      'Writing and Research',
    ]);
    const adjusted = exam({ schoolYear: 2022, assessment: asmt({ schoolYear: 2022, hasComposites: false }) });
    expect(missingSubScoreReason(adjusted, 'claim')).toMatch(/only available before 2020–21/);
    expect(missingSubScoreReason(adjusted, 'composite')).toMatch(/from 2023–24/);
  });
});

describe('figures of one exam', () => {
  it('computes the error band clipped to the scale and the distance from Standard Met', () => {
    expect(examErrorBand(exam())).toEqual({ low: 2496, high: 2544 });
    expect(examErrorBand(exam({ scaleScore: 2210, scaleScoreSem: 30 }))).toEqual({ low: 2201, high: 2240 });
    expect(distanceFromStandardMet(exam())).toBe(18);
    expect(distanceFromStandardMet(exam({ scaleScore: 2450 }))).toBe(-52);
    expect(distanceFromStandardMet(exam({ assessment: asmt({ standardCutLevel: null }) }))).toBeUndefined();
    // only where level 3 means Standard Met: not ELPAC, CAA or CSA
    expect(distanceFromStandardMet(exam({ assessment: asmt({ family: 'ELPAC', subject: 'ELPAC', standardCutLevel: 4 }) }))).toBeUndefined();
  });

  it('labels status from administration condition and completeness', () => {
    expect(statusLabel({ administrationCondition: 'SD', completeness: 'Partial' })).toBe('Standardized Partial');
    expect(statusLabel({ administrationCondition: 'IN', completeness: 'Complete' })).toBe('Invalid');
    expect(statusLabel({ administrationCondition: null, completeness: null })).toBe('-');
  });

  it('formats Lexile with its range and the grade stretch band, Quantile rounded to 5', () => {
    expect(measureInfo(exam({ lexile: 820 }))).toEqual({ kind: 'Lexile', text: '820L', range: '720L–870L', gradeBand: '740L–1010L' });
    expect(measureInfo(exam({ lexile: -50 }))?.text).toBe('BR50L');
    expect(measureInfo(exam({ quantile: 652 }))).toMatchObject({ kind: 'Quantile', text: '650Q', range: '600Q–700Q' });
    expect(measureInfo(exam())).toBeUndefined();
  });

  it('groups writing traits per purpose with transformed points, and explains when they cannot exist', () => {
    const e = exam({
      traits: [
        { purpose: 'NARR', category: 'ORG', score: 3, maxScore: 4, conditionCode: null },
        { purpose: 'NARR', category: 'EVI', score: 2, maxScore: 4, conditionCode: null },
        { purpose: 'NARR', category: 'CON', score: 2, maxScore: 2, conditionCode: null },
      ],
    });
    expect(traitRows(e)).toEqual([{ purpose: 'Narrative', org: 3, evi: 2, con: 2, transformed: 4.5, conditionCodes: [] }]);
    const old = exam({ schoolYear: 2019, assessment: asmt({ schoolYear: 2019, hasTraits: false }) });
    expect(missingTraitsReason(old)).toBe('Writing Extended Response scores are not available prior to 2020–21.');
    expect(missingTraitsReason(e)).toBeUndefined();
  });
});

describe('CSV export (cers-features.md §4.2)', () => {
  it('writes the exam columns, sub-score columns per subject and accommodations', () => {
    const e = exam({
      accommodations: [
        { code: 'TDS_ASL1', label: 'American Sign Language' },
        { code: 'NEDS_X', label: null },
      ],
      scores: [
        {
          code: 'R',
          kind: 'composite',
          name: 'Reading and Listening',
          displayOrder: 1,
          scaleScore: null,
          sem: null,
          level: 3,
          levels: three,
          cutScores: [],
          minScore: null,
          maxScore: null,
        },
      ],
    });
    const iab = exam({
      id: 2,
      achievementLevel: 2,
      assessment: asmt({ type: 'iab', levels: three, name: 'Read Literary Texts', label: 'Read Literary Texts' }),
    });
    const [header, row, iabRow] = historyCsvRows(student, [e, iab]);
    expect(header?.slice(0, 17)).toEqual([
      'StudentIdentifier',
      'FirstName',
      'LastOrSurname',
      'SubmitDateTime',
      'TestSessionId',
      'SchoolName',
      'SchoolYear',
      'AssessmentType',
      'AssessmentName',
      'Subject',
      'GradeLevelWhenAssessed',
      'Status',
      'ScaleScoreAchievementLevel',
      'Reporting Category',
      'ScaleScore',
      'Error Band Min',
      'Error Band Max',
    ]);
    expect(header?.slice(17)).toEqual([
      'ELA: Reading and Listening Level',
      'ELA: Reading and Listening Scale Score',
      'ELA: Reading and Listening Standard Error',
      'AssignedAccommodationList',
    ]);
    expect(row).toEqual([
      '1000003718',
      'Ana',
      'Reyes',
      '2025-04-10T16:00:00.000Z',
      'S-1',
      'Sample Elementary School',
      '2024–25',
      'Summative',
      'Grade 5 ELA Summative',
      'ELA',
      '05',
      'Valid',
      'Standard Met',
      null,
      2520,
      2496,
      2544,
      'Above Standard',
      null,
      null,
      'TDS_ASL1|NEDS_X',
    ]);
    expect(iabRow?.slice(11, 14)).toEqual(['Valid', null, 'Near Standard']);
  });
});

describe('score history chart', () => {
  it('draws one series per family, subject and type, oldest first, Smarter Balanced summatives first', () => {
    const series = scoreHistorySeries([
      exam({ id: 5, assessment: asmt({ family: 'ELPAC', subject: 'ELPAC' }) }),
      exam({ id: 6, completedAt: '2024-04-10T16:00:00.000Z', assessment: asmt({ family: 'ELPAC', subject: 'ELPAC' }) }),
      exam({ id: 1 }),
      exam({ id: 2, completedAt: '2024-04-10T16:00:00.000Z', schoolYear: 2024, scaleScore: 2480.4 }),
      exam({ id: 3, completedAt: '2025-01-10T16:00:00.000Z', assessment: asmt({ type: 'ica' }) }),
      exam({ id: 4, scaleScore: null }),
    ]);
    expect(series.map((s) => s.key)).toEqual(['SBAC|ELA|sum', 'ELPAC|ELPAC|sum', 'SBAC|ELA|ica']);
    expect(series[0]?.title).toBe('Smarter Balanced ELA Summative');
    expect(series[0]?.points.map((p) => [p.label, p.score, p.level?.name])).toEqual([
      ['2023–24', 2480, 'Standard Met'],
      ['2024–25', 2520, 'Standard Met'],
    ]);
  });
});

describe('error-band graphic scale', () => {
  it('colours by level when each cut interval has a level, else by the Standard Met cut only', () => {
    expect(bandScale(asmt()).cuts).toEqual([2442, 2502, 2582]);
    const iab = bandScale(asmt({ type: 'iab', levels: three }));
    expect(iab.cuts).toEqual([2502]);
    expect(iab.levels.map((l) => l.name)).toEqual(['Below Standard', 'Above Standard']);
    expect(bandScale(asmt({ type: 'iab', levels: three, standardCutLevel: null }))).toEqual({ cuts: [], levels: [] });
  });
});
