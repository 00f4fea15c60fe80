import type { LevelDef } from '@cers/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/**
 * Search by Student and Student Test History. Mirrors apps/server/src/routes/students/students.schema.ts
 * (GET /api/students/search?ssid=, GET /api/students/:id, GET /api/students/:id/exams).
 */
export type Assessment = {
  id: number;
  name: string;
  label: string;
  family: string;
  subject: string;
  type: string;
  grade: string;
  schoolYear: number;
  minScore: number | null;
  maxScore: number | null;
  cutScores: number[];
  standardCutLevel: number | null;
  levels: LevelDef[];
  hasClaims: boolean;
  hasComposites: boolean;
  hasDomains: boolean;
  hasTraits: boolean;
  measureKind: string | null;
};

export type StudentSummary = {
  id: number;
  ssid: string;
  firstName: string | null;
  lastName: string | null;
  displayName: string;
  school: { id: number; name: string } | null;
  district: { id: number; name: string } | null;
};

export type ResultCard = {
  examId: number;
  completedAt: string;
  scaleScore: number | null;
  scaleScoreSem: number | null;
  achievementLevel: number | null;
  resultCount: number;
  assessment: Assessment;
};

export type StudentSearch = { student: StudentSummary | null; cards: ResultCard[] };

export type SubScoreKind = 'claim' | 'composite' | 'domain' | 'alt';
export type SubScore = {
  code: string;
  kind: SubScoreKind;
  name: string;
  displayOrder: number;
  scaleScore: number | null;
  sem: number | null;
  level: number | null;
  levels: LevelDef[];
  cutScores: number[];
  minScore: number | null;
  maxScore: number | null;
};

export type StudentExam = {
  id: number;
  completedAt: string;
  schoolYear: number;
  sessionId: string | null;
  school: { id: number; name: string };
  atOtherSchool: boolean;
  enrolledGrade: string | null;
  completeness: string | null;
  administrationCondition: string | null;
  scaleScore: number | null;
  scaleScoreSem: number | null;
  achievementLevel: number | null;
  lexile: number | null;
  quantile: number | null;
  assessment: Assessment;
  scores: SubScore[];
  traits: { purpose: string; category: string; score: number | null; maxScore: number; conditionCode: string | null }[];
  accommodations: { code: string; label: string | null }[];
};

export type StudentHistory = { student: StudentSummary; exams: StudentExam[] };

export function useStudentSearch(ssid: string | null) {
  return useQuery({
    queryKey: ['student-search', ssid],
    queryFn: ({ signal }) => api<StudentSearch>(`/api/students/search?ssid=${encodeURIComponent(ssid ?? '')}`, { signal }),
    enabled: ssid !== null,
  });
}

export function useStudentHistory(studentId: number | null) {
  return useQuery({
    queryKey: ['student-history', studentId],
    queryFn: ({ signal }) => api<StudentHistory>(`/api/students/${studentId}/exams`, { signal }),
    enabled: studentId !== null,
    retry: false,
  });
}
