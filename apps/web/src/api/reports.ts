import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client';

/** Printable reports. Mirrors apps/server/src/routes/reports/reports.schema.ts. */
export type ReportStatus = 'pending' | 'running' | 'completed' | 'failed' | 'no_results' | 'expired';
export type ReportKind = 'isr' | 'group-csv';
export type ReportTargetType = 'student' | 'group' | 'userGroup' | 'schoolGrade';

export type Report = {
  id: number;
  name: string;
  kind: ReportKind;
  targetType: ReportTargetType | null;
  assessmentType: string | null;
  subject: string | null;
  schoolYear: number | null;
  language: 'en' | 'es' | null;
  status: ReportStatus;
  progress: number;
  total: number;
  message: string | null;
  createdAt: string;
  completedAt: string | null;
  expiresAt: string | null;
  filename: string | null;
  contentType: string | null;
  sizeBytes: number | null;
};

export type ReportTarget =
  | { type: 'student'; studentId: number }
  | { type: 'group'; groupId: number }
  | { type: 'userGroup'; userGroupId: number }
  | { type: 'schoolGrade'; schoolId: number; grade: string };

export type CreateReportRequest = {
  kind: ReportKind;
  name: string;
  target: ReportTarget;
  schoolYear: number;
  assessmentType: string;
  subject: string | null;
  sortOrder: 'name' | 'ssid' | 'score';
  language: 'en' | 'es';
  accommodations: boolean;
};

export type ReportOptions = { schoolYears: number[]; options: { schoolYear: number; assessmentType: string; subject: string }[] };

export const REPORTS_KEY = ['reports'] as const;

const active = (reports: Report[] | undefined) => !!reports?.some((r) => r.status === 'pending' || r.status === 'running');

/** My Reports; polls every 2 s while a report is pending or running. */
export function useReports() {
  return useQuery({
    queryKey: REPORTS_KEY,
    queryFn: async () => (await api<{ reports: Report[] }>('/api/reports')).reports,
    refetchInterval: (q) => (active(q.state.data) ? 2000 : false),
    staleTime: 0,
  });
}

export function useCreateReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReportRequest) => api<Report>('/api/reports', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: REPORTS_KEY }),
  });
}

export function useDeleteReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/api/reports/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: REPORTS_KEY }),
  });
}

function optionsQuery(target: ReportTarget): string {
  switch (target.type) {
    case 'student':
      return `targetType=student&id=${target.studentId}`;
    case 'group':
      return `targetType=group&id=${target.groupId}`;
    case 'userGroup':
      return `targetType=userGroup&id=${target.userGroupId}`;
    case 'schoolGrade':
      return `targetType=schoolGrade&id=${target.schoolId}&grade=${encodeURIComponent(target.grade)}`;
    default: {
      const never: never = target;
      return never;
    }
  }
}

/** School years, assessment types and subjects the target has visible results for. */
export function useReportOptions(target: ReportTarget, enabled: boolean) {
  return useQuery({
    queryKey: ['report-options', target],
    queryFn: () => api<ReportOptions>(`/api/reports/options?${optionsQuery(target)}`),
    enabled,
    staleTime: 60_000,
  });
}

export const reportDownloadUrl = (id: number) => `/api/reports/${id}/download`;

/**
 * Download Report Data: fetches the file and saves it, so a refusal (the report expired, or the
 * user's access changed since it was made) comes back as the server's message to show on the page
 * instead of a failed browser download.
 */
export async function downloadReport(report: { id: number; filename: string | null }): Promise<void> {
  const res = await fetch(reportDownloadUrl(report.id), { credentials: 'same-origin' });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: unknown; message?: unknown } | null;
    const message = typeof body?.message === 'string' ? body.message : 'The report could not be downloaded. Try again.';
    throw new ApiError(res.status, typeof body?.error === 'string' ? body.error : 'DOWNLOAD_FAILED', message);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = report.filename ?? `report-${report.id}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
