import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';

/** Mirrors apps/server/src/routes/audit/audit.schema.ts. */
export type AuditEntry = {
  id: number;
  occurredAt: string;
  userLogin: string | null;
  action: string;
  view: string | null;
  ssid: string | null;
  ip: string | null;
};

export type AuditFilters = { from?: string; to?: string; user?: string; ssid?: string };
export type AuditPage = { rows: AuditEntry[]; page: number; pageSize: number; hasMore: boolean };

export function auditSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return params;
}

export function useAuditLog(filters: AuditFilters, page: number, pageSize = 50) {
  const params = auditSearchParams(filters);
  params.set('page', String(page));
  params.set('pageSize', String(pageSize));
  return useQuery({
    queryKey: ['audit', filters, page, pageSize],
    queryFn: () => api<AuditPage>(`/api/audit?${params}`),
    placeholderData: keepPreviousData,
  });
}
