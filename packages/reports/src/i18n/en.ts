import { gradeLabel, SUBJECT_LABELS } from '@cers/domain';
import type { ReportStrings } from './strings.js';

const TYPE_TITLES = {
  sum: 'Summative Assessment',
  ica: 'Interim Comprehensive Assessment',
  iab: 'Interim Assessment Blocks',
  fiab: 'Focused Interim Assessment Blocks',
  ia: 'Interim Assessments',
} as const;

/** English report text. Level descriptions are written for families, in plain words for parents. */
export const EN: ReportStrings = {
  locale: 'en-US',
  reportTitle: 'Individual Student Report',
  header: {
    student: 'Student',
    ssid: 'SSID',
    grade: 'Grade',
    school: 'School',
    district: 'District',
    schoolYear: 'School Year',
    testDate: 'Test Date',
    assessment: 'Assessment',
  },
  gradeLabel: (code) => gradeLabel(code),
  subjects: { ...SUBJECT_LABELS },
  assessmentTitle: ({ family, type, subject, gradeLabel: grade }) => {
    switch (family) {
      case 'SBAC':
        return `${grade} ${subject} — Smarter Balanced ${TYPE_TITLES[type]}`;
      case 'CAST':
        return type === 'sum' ? `${grade} California Science Test (CAST)` : `${grade} CAST ${TYPE_TITLES[type]}`;
      case 'CAA':
        return `${grade} California Alternate Assessment (CAA) for ${subject}`;
      case 'CSA':
        return `${grade} California Spanish Assessment (CSA)`;
      case 'ELPAC':
        return type === 'sum'
          ? `${grade} Summative English Language Proficiency Assessments for California (ELPAC)`
          : `${grade} ELPAC ${TYPE_TITLES[type]}`;
      case 'AELPAC':
        return `${grade} Summative Alternate English Language Proficiency Assessments for California (Alternate ELPAC)`;
      case 'OTHER':
        return `${grade} ${subject} ${TYPE_TITLES[type]}`;
      default: {
        const never: never = family;
        return never;
      }
    }
  },
  overall: {
    heading: 'Overall Achievement',
    elpacHeading: 'Overall Performance',
    scaleScore: 'Scale Score',
    errorBand: 'Error Band',
    bandText: (sem) => `± ${sem}`,
    rangeText: (low, high) => `Score range ${low}–${high}`,
    level: 'Achievement Level',
    elpacLevel: 'Performance Level',
    noScore: 'No score was reported for this test.',
    scaleAlt: ({ min, max, cuts, score, low, high, level }) =>
      `Scale from ${min} to ${max} with level boundaries at ${cuts}. The student's scale score is ${score} (${level}); the error band runs from ${low} to ${high}.`,
    yourScore: "Student's score",
  },
  levelNames: {},
  levelDescriptions: {
    SB4: [
      'The student has not met the achievement standard and needs substantial improvement to demonstrate the knowledge and skills in {subject} needed for likely success in future coursework.',
      'The student has nearly met the achievement standard and may require further development to demonstrate the knowledge and skills in {subject} needed for likely success in future coursework.',
      'The student has met the achievement standard and demonstrates progress toward mastery of the knowledge and skills in {subject} needed for likely success in future coursework.',
      'The student has exceeded the achievement standard and demonstrates advanced progress toward mastery of the knowledge and skills in {subject} needed for likely success in future coursework.',
    ],
    THREE: [
      'Below Standard: the student needs substantial improvement to show the knowledge and skills this block measures.',
      'Near Standard: the student may need further development to show the knowledge and skills this block measures.',
      'Above Standard: the student shows the knowledge and skills this block measures, and more.',
    ],
    CAA3: [
      'The student demonstrates a limited understanding of, and ability to apply, the knowledge and skills in {subject} associated with the alternate achievement standards.',
      'The student demonstrates a foundational understanding of, and ability to apply, the knowledge and skills in {subject} associated with the alternate achievement standards.',
      'The student demonstrates an understanding of, and ability to apply, the knowledge and skills in {subject} associated with the alternate achievement standards.',
    ],
    CSA3: [
      'The student demonstrates a limited degree of Spanish literacy: reading, writing and listening in Spanish are still developing.',
      'The student demonstrates a moderate degree of Spanish literacy: the student reads, writes and listens in Spanish with growing understanding.',
      'The student demonstrates a high degree of Spanish literacy: the student reads, writes and listens in Spanish with a thorough understanding.',
    ],
    ELPAC4: [
      'English language skills are minimally developed. The student can use a few English words and phrases to communicate and needs substantial support.',
      'English language skills are somewhat developed. The student can use English to meet immediate communication needs but often needs support.',
      'English language skills are moderately developed. The student can use English to learn and communicate in meaningful ways with some support.',
      'English language skills are well developed. The student can use English to learn new things and communicate, with occasional support.',
    ],
    AELPAC3: [
      'Novice English Learner: the student is beginning to use English words, gestures or symbols to communicate.',
      'Intermediate English Learner: the student uses English to communicate about familiar topics with support.',
      'Fluent English Proficient: the student uses English to communicate about a range of topics with little support.',
    ],
    ELPAC_DOMAIN3: [
      'Beginning to Develop: the student is starting to build skills in this area.',
      'Somewhat/Moderately Developed: the student shows some of the skills in this area and is growing.',
      'Well Developed: the student shows the skills expected in this area.',
    ],
    CSA_DOMAIN3: [
      'Beginning: the student is starting to build skills in this area.',
      'Progressing: the student shows some of the skills in this area and is growing.',
      'Well Developed: the student shows the skills expected in this area.',
    ],
  },
  subScores: {
    headings: {
      claim: 'Student Achievement by Claim',
      composite: 'Student Achievement by Composite Claim',
      domain: 'Student Achievement by Domain',
      alt: 'Composite Scores',
    },
    intro: {
      claim: 'Each claim is reported as Below, Near or Above the Standard Met level, taking the error of the score into account.',
      composite: 'Each composite claim combines two or more claims and is reported as Below, Near or Above the Standard Met level.',
      domain: 'Each domain shows how the student did in one area of the test.',
      alt: 'Composite scores combine related parts of the test.',
    },
    area: 'Area',
    result: 'Result',
    scaleScore: 'Scale Score',
    notScored: 'Not Scored',
    names: {},
  },
  traits: {
    heading: 'Writing Trait Scores',
    intro: 'The full-write essay is scored on three traits.',
    purpose: 'Writing Purpose',
    trait: 'Trait',
    points: 'Points',
    purposes: { ARGU: 'Argumentative', EXPL: 'Explanatory', INFO: 'Informational', NARR: 'Narrative', OPIN: 'Opinion' },
    categories: { ORG: 'Organization/Purpose', EVI: 'Evidence/Elaboration', CON: 'Conventions' },
    ofMax: (points, max) => `${points} of ${max}`,
    conditionIntro: 'Why a trait has no points:',
    conditionCodes: {
      B: 'Blank: no response was given.',
      I: 'Insufficient: the response did not contain enough of the student’s own writing to score.',
      L: 'Non-scorable language: the response was not written in English.',
      T: 'Off topic: the response did not address the prompt.',
      M: 'Off purpose: the response was written for a different purpose than the prompt asked; Conventions is still scored.',
    },
  },
  measure: {
    lexileHeading: 'Lexile Measure',
    quantileHeading: 'Quantile Measure',
    lexileIntro: 'A Lexile measure describes the student’s reading ability and helps match the student with texts of the right difficulty.',
    quantileIntro: 'A Quantile measure describes the student’s readiness for mathematics skills and concepts.',
    range: (low, high) => `Range: ${low} to ${high}`,
    lexileBand: (grade, low, high) => `For reference, the college-and-career-readiness reading range for ${grade} is ${low} to ${high}.`,
  },
  blocks: {
    heading: 'Interim Assessment Results',
    intro: 'Each block is reported as Below, Near or Above Standard.',
    block: 'Assessment',
    date: 'Date',
    category: 'Reporting Category',
    scaleScore: 'Scale Score',
    current: 'Current Results',
    previous: 'Previous Results',
    note: 'Interim assessments are scored in part by local educators and may be given more than once; they inform instruction and are not used for accountability.',
  },
  accommodations: {
    heading: 'Accommodations',
    intro: 'The following accommodations were made available:',
    none: 'No accommodations were recorded.',
  },
  history: {
    heading: 'Prior Results',
    intro: 'Results of the same test in earlier school years.',
    schoolYear: 'School Year',
    grade: 'Grade',
    scaleScore: 'Scale Score',
    level: 'Achievement Level',
    testDate: 'Test Date',
  },
  notes: {
    heading: 'About This Report',
    errorBand:
      'Every score has some uncertainty. The error band shows the range the student’s score would likely fall in if the student took the test many times.',
    interim: 'Interim results help teachers plan instruction during the year.',
    summative:
      'Test results are one measure of what the student knows and can do; talk with the student’s teacher about classwork and other measures too.',
    confidentiality: 'This report contains confidential student information.',
  },
  pageTemplate: 'Page {page} of {pages}',
  dash: '—',
};
