import { describe, expect, it } from 'vitest';
import type { AssessmentSummary, DistractorViewData, ItemsViewData, StudentViewData, TargetViewData } from '../../api/results';
import { csvFileName, distractorRowsCsv, itemRowsCsv, studentRowsCsv, targetRowsCsv } from './results-csv';

const ela: AssessmentSummary = {
  id: 1,
  name: 'SBAC-ELA-5',
  label: 'Grade 5 ELA Summative',
  family: 'SBAC',
  type: 'sum',
  typeLabel: 'Summative',
  subject: 'ELA',
  grade: '05',
  gradeLabel: 'Grade 5',
  schoolYear: 2025,
  schoolYearLabel: '2024–25',
  studentsTested: 1,
  latestCompletedAt: '2025-04-20T16:00:00.000Z',
  scoreTypes: ['overall', 'composite'],
  views: ['student'],
  unavailableViews: [],
  measureKind: null,
};
const level = { level: 3, name: 'Standard Met', shortName: 'Met', color: '#2f855a' };

describe('Export CSV column sets', () => {
  it('group results (§4.1): exam columns, composite levels, accommodations joined by |', () => {
    const data: StudentViewData = {
      view: 'student',
      scoreType: 'composite',
      levels: [level],
      subScores: [
        {
          code: 'READ_LISTEN',
          name: 'Reading and Listening',
          levels: [{ level: 3, name: 'Above Standard', shortName: 'Above', color: '#000' }],
        },
      ],
      rows: [
        {
          examId: 9,
          studentId: 4,
          ssid: '1000003718',
          name: 'Lee, Ana',
          firstName: 'Ana',
          lastName: 'Lee',
          accommodations: ['TDS_ASL1', 'NEDS_BD'],
          completedAt: '2025-04-20T16:00:00.000Z',
          sessionId: 'S-1',
          enrolledGrade: '05',
          schoolId: 3,
          schoolName: 'Sample Elementary School',
          testedElsewhere: false,
          status: 'Valid',
          level: 3,
          scaleScore: 2510.4,
          standardError: 23,
          errorBandMin: 2487.4,
          errorBandMax: 2533.4,
          scores: [
            {
              code: 'READ_LISTEN',
              scaleScore: null,
              standardError: null,
              level: 3,
            },
          ],
        },
      ],
    };
    const rows = studentRowsCsv(ela, data);
    expect(rows[0]).toEqual([
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
      'ScaleScore',
      'Error Band Min',
      'Error Band Max',
      'ELA: Reading and Listening',
      'AssignedAccommodationList',
    ]);
    expect(rows[1]).toEqual([
      '1000003718',
      'Ana',
      'Lee',
      '2025-04-20T16:00:00.000Z',
      'S-1',
      'Sample Elementary School',
      2025,
      'Summative',
      'Grade 5 ELA Summative',
      'ELA',
      '05',
      'Valid',
      'Standard Met',
      2510,
      2487,
      2533,
      'Above Standard',
      'TDS_ASL1|NEDS_BD',
    ]);
    expect(studentRowsCsv({ ...ela, type: 'iab' }, { ...data, subScores: [], rows: [] })[0]).toContain('Reporting Category');
  });

  const item = {
    id: 5,
    number: 1,
    naturalId: '200-1',
    format: 'MC',
    claimCode: 'SOCK_R',
    claimName: 'Reading',
    targetCode: 'RL-1',
    targetName: 'Key Details',
    standard: 'RL.5.1',
    dok: 2,
    difficulty: 'Easy',
    maxPoints: 1,
    answerKey: 'B',
  };

  it('results by item (§4.3): counts or percentages per point value', () => {
    const data: ItemsViewData = {
      view: 'items',
      items: [
        {
          ...item,
          scored: 4,
          average: 0.75,
          averagePercent: 75,
          fullCreditPercent: 75,
          points: [
            { points: 0, count: 1, percent: 25 },
            { points: 1, count: 3, percent: 75 },
          ],
        },
      ],
      rows: [],
    };
    const number = itemRowsCsv(ela, data, 'number');
    expect(number[0]).toEqual([
      'AssessmentType',
      'AssessmentName',
      'Subject',
      'Item #',
      'Claim',
      'Target',
      'Item Difficulty',
      'Standard',
      'Full Credit',
      'Average Points',
      'Max Points',
      '0 pts',
      '1 pt',
    ]);
    expect(number[1]).toEqual(['Summative', 'Grade 5 ELA Summative', 'ELA', 1, 'Reading', 'RL-1', 'Easy', 'RL.5.1', 3, 0.75, 1, 1, 3]);
    expect(itemRowsCsv(ela, data, 'percent')[1]?.slice(-2)).toEqual(['25%', '75%']);
  });

  it('key / distractor (§4.3): answer key and one column per option', () => {
    const data: DistractorViewData = {
      view: 'distractors',
      items: [
        {
          ...item,
          responders: 4,
          options: [
            { option: 'A', count: 1, percent: 25, isKey: false },
            { option: 'B', count: 3, percent: 75, isKey: true },
          ],
        },
      ],
    };
    const rows = distractorRowsCsv(ela, data, 'percent');
    expect(rows[0]?.slice(-4)).toEqual(['Answer Key', 'Students Responding', 'A', 'B']);
    expect(rows[1]?.slice(-4)).toEqual(['B', 4, '25%', '75%']);
  });

  it('target report (§4.5): group mean ± standard error and both classifications', () => {
    const data: TargetViewData = {
      view: 'targets',
      studentsTested: 36,
      rule: 'caution',
      message: null,
      mathConceptsOnly: false,
      subgroupDimension: 'overall',
      subgroups: [],
      rows: [
        {
          claimCode: 'SOCK_R',
          claimName: 'Reading',
          targetId: 1,
          targetCode: 'RL-1',
          targetName: 'Key Details',
          description: null,
          subgroup: 'All Students',
          subgroupLabel: 'All Students',
          studentsTested: 36,
          excluded: false,
          relativeToTest: { result: 'better', label: 'Better', mean: 0.3, standardError: 0.08 },
          relativeToStandard: { result: 'above', label: 'Above', mean: 0.3, standardError: 0.08 },
        },
      ],
    };
    const summary = {
      assessment: ela,
      suppressed: false,
      distribution: null,
      mean: { n: 36, mean: 2510.4, standardError: 6.6 },
      standardCutName: null,
      subScores: [],
    };
    const rows = targetRowsCsv('Room 5', ela, summary, data);
    expect(rows[0]?.[0]).toBe('Group Name');
    expect(rows[1]).toEqual([
      'Room 5',
      '2024–25',
      'Summative',
      'Grade 5 ELA Summative',
      'ELA',
      2510,
      2504,
      2517,
      'Reading',
      'RL-1 Key Details',
      'All Students',
      36,
      'Better',
      'Above',
    ]);
  });

  it('names files without characters file systems reject', () => {
    expect(csvFileName('Room 5/6', 'Grade 5: ELA')).toBe('Room 5-6 Grade 5- ELA.csv');
  });
});
