import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/** Mirrors apps/server/src/routes/schools/schools.schema.ts (GET /api/schools?q=, GET /api/schools/:id/options). */
export type School = { id: number; name: string; naturalId: string; districtId: number | null; districtName: string | null };
export type SchoolOptions = { school: School; grades: string[]; schoolYears: number[] };

/** Schools the user may search; `limit` 20 for a typeahead, up to 500 for a full picker. */
export function useSchools(q: string, { limit = 20, enabled = true }: { limit?: number; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['schools', q, limit],
    queryFn: ({ signal }) => api<{ schools: School[] }>(`/api/schools?q=${encodeURIComponent(q)}&limit=${limit}`, { signal }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useSchoolOptions(schoolId: number | null) {
  return useQuery({
    queryKey: ['school-options', schoolId],
    queryFn: ({ signal }) => api<SchoolOptions>(`/api/schools/${schoolId}/options`, { signal }),
    enabled: schoolId !== null,
  });
}
