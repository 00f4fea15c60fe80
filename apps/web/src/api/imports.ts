import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client';

/** Mirrors apps/server/src/routes/imports/imports.schema.ts. */
export const IMPORT_STATUSES = [
  'ACCEPTED',
  'PROCESSED',
  'NO_UPDATE',
  'BAD_FORMAT',
  'BAD_DATA',
  'UNKNOWN_ASMT',
  'UNKNOWN_SCHOOL',
  'UNKNOWN_STUDENT',
  'INVALID',
  'UNAUTHORIZED',
  'FAILED',
  'PIPELINE_FAILURE',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const STATUS_LABELS: Record<ImportStatus, string> = {
  ACCEPTED: 'Accepted',
  PROCESSED: 'Processed',
  NO_UPDATE: 'No Update',
  BAD_FORMAT: 'Bad Format',
  BAD_DATA: 'Bad Data',
  UNKNOWN_ASMT: 'Unknown Assessment',
  UNKNOWN_SCHOOL: 'Unknown School',
  UNKNOWN_STUDENT: 'Unknown Student',
  INVALID: 'Invalid',
  UNAUTHORIZED: 'Unauthorized',
  FAILED: 'Failed',
  PIPELINE_FAILURE: 'Pipeline Failure',
};

export const UPLOAD_CONTENTS = [
  { value: 'EXAM', label: 'Exam results (TRT XML)' },
  { value: 'PACKAGE', label: 'Assessment package (CSV)' },
  { value: 'SUBJECT', label: 'Subject definition (XML)' },
  { value: 'ORGANIZATION', label: 'Organizations (JSON or CALPADS)' },
  { value: 'GROUPS', label: 'Student groups (CSV)' },
  { value: 'NORMS', label: 'Norms / percentiles (CSV)' },
  { value: 'STUDENTS', label: 'Student extract (CALPADS)' },
  { value: 'CODES', label: 'Accommodation codes (XML)' },
] as const;
export type UploadContent = (typeof UPLOAD_CONTENTS)[number]['value'];
export const CONTENT_LABELS: Record<string, string> = Object.fromEntries(UPLOAD_CONTENTS.map((c) => [c.value, c.label]));

export type ImportRecord = {
  id: number;
  content: string;
  contentType: string | null;
  digest: string;
  status: ImportStatus;
  filename: string | null;
  batch: string | null;
  creator: string | null;
  message: string | null;
  payloadSize: number;
  attempts: number;
  retries: number;
  examId: number | null;
  transforms: string[];
  createdAt: string;
  updatedAt: string;
  processedAt: string | null;
  duplicate?: boolean;
};
export type DataError = { elementName: string; value?: string; error: string };
export type ImportDetail = ImportRecord & { warnings: DataError[]; properties: Record<string, unknown> | null };
export type ImportFilters = { status?: ImportStatus[]; content?: string; from?: string; to?: string; filename?: string };
export type ImportList = { imports: ImportRecord[]; counts: Record<string, number>; nextBefore: number | null };

function params(f: ImportFilters, before?: number | null): URLSearchParams {
  const p = new URLSearchParams();
  for (const s of f.status ?? []) p.append('status', s);
  if (f.content) p.set('content', f.content);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.filename) p.set('filename', f.filename);
  if (before) p.set('before', String(before));
  return p;
}

export function useImports(filters: ImportFilters, before: number | null) {
  return useQuery({
    queryKey: ['imports', filters, before],
    queryFn: () => api<ImportList>(`/api/imports?${params(filters, before)}`),
    placeholderData: keepPreviousData,
  });
}

export function useImport(id: number | null) {
  return useQuery({ queryKey: ['import', id], queryFn: () => api<ImportDetail>(`/api/imports/${id}`), enabled: id !== null });
}

/** RDW's error list ({"messages":[…]}) when the message is one, else undefined. */
export function errorList(message: string | null): DataError[] | undefined {
  if (!message?.startsWith('{"messages"')) return undefined;
  try {
    return (JSON.parse(message) as { messages: DataError[] }).messages;
  } catch {
    return undefined;
  }
}

/** Uploads files as multipart/form-data (the JSON client cannot send files). */
export function useUpload(csrfToken: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (o: { files: File[]; content: UploadContent | null; vendorFix: boolean }) => {
      const form = new FormData();
      for (const f of o.files) form.append('file', f, f.name);
      const p = new URLSearchParams();
      if (o.content) p.set('content', o.content);
      if (o.vendorFix) p.set('transform', 'external-vendor');
      const response = await fetch(`/api/imports?${p}`, {
        method: 'POST',
        body: form,
        credentials: 'same-origin',
        headers: { accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
      });
      const body = (await response.json().catch(() => ({}))) as { imports?: ImportRecord[]; error?: string; message?: string };
      if (!response.ok) throw new ApiError(response.status, body.error ?? 'ERROR', body.message ?? response.statusText);
      return body.imports ?? [];
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['imports'] }),
  });
}

export function useRetry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (statuses: ImportStatus[]) =>
      api<{ retried: number; statuses: Record<string, number> }>('/api/imports/retry', { method: 'POST', body: { statuses } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['imports'] }),
  });
}
