import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/**
 * Assigned Groups, My Groups and group management. Mirrors apps/server/src/routes/groups/groups.schema.ts.
 * Group results pages (built elsewhere) live at /groups/:id (assigned) and /my-groups/:id (My Groups).
 */
export type AssignedGroup = {
  id: number;
  name: string;
  schoolId: number;
  schoolName: string;
  schoolYear: number;
  subjects: string[] | null;
  studentCount: number;
  assignedToMe: boolean;
};

export type GroupStudent = {
  id: number;
  ssid: string;
  firstName: string | null;
  lastName: string | null;
  displayName: string;
  schoolId: number | null;
  schoolName: string | null;
  grade: string | null;
  gender: string | null;
  ethnicities: string[];
  elas: string | null;
  iep: boolean | null;
  section504: boolean | null;
  economicDisadvantage: boolean | null;
  migrant: boolean | null;
  militaryConnected: string | null;
};

export type UserGroup = { id: number; name: string; subjects: string[] | null; studentCount: number; createdAt: string; updatedAt: string };
export type UserGroupDetail = UserGroup & { students: GroupStudent[] };
export type UserGroups = { canCreate: boolean; createDisabledReason: string | null; groups: UserGroup[] };
export type UserGroupInput = { name: string; subjects: string[] | null; studentIds: number[] };

export type CandidateQuery = {
  schoolId?: number | undefined;
  groupId?: number | undefined;
  q?: string | undefined;
  grade?: string[];
  gender?: string[];
  ethnicity?: string[];
  elas?: string[];
  military?: string[];
  iep?: 'yes' | 'no' | undefined;
  section504?: 'yes' | 'no' | undefined;
  economicDisadvantage?: 'yes' | 'no' | undefined;
  migrant?: 'yes' | 'no' | undefined;
};
export type Candidates = { students: GroupStudent[]; total: number; truncated: boolean };
export type CandidateSources = {
  schools: { id: number; name: string }[];
  groups: { id: number; name: string; schoolName: string; schoolYear: number }[];
};

export type GroupTeacher = { userId: number; displayName: string; login: string };
export type AdminGroup = Omit<AssignedGroup, 'assignedToMe'> & { teachers: GroupTeacher[] };
export type AdminGroupDetail = AdminGroup & { students: GroupStudent[] };
export type AdminGroupInput = UserGroupInput & { schoolId: number; schoolYear: number; teacherIds: number[] };
export type AdminGroupQuery = { schoolId?: number | undefined; schoolYear?: number | undefined; subject?: string | undefined; q?: string };

/** Query string of defined, non-empty values; arrays are comma-separated. */
export function queryString(params: Record<string, string | number | string[] | undefined>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) parts.push(`${key}=${encodeURIComponent(value.join(','))}`);
      continue;
    }
    parts.push(`${key}=${encodeURIComponent(String(value))}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

export function useAssignedGroups(q = '') {
  return useQuery({
    queryKey: ['groups', q],
    queryFn: ({ signal }) => api<{ groups: AssignedGroup[]; truncated: boolean }>(`/api/groups${queryString({ q })}`, { signal }),
    placeholderData: (previous) => previous,
  });
}

export function useMyGroups() {
  return useQuery({ queryKey: ['my-groups'], queryFn: ({ signal }) => api<UserGroups>('/api/my-groups', { signal }) });
}

export function useMyGroup(id: number | null) {
  return useQuery({
    queryKey: ['my-groups', id],
    queryFn: ({ signal }) => api<{ group: UserGroupDetail }>(`/api/my-groups/${id}`, { signal }),
    enabled: id !== null,
    retry: false,
  });
}

export function useCandidateSources() {
  return useQuery({
    queryKey: ['my-groups', 'sources'],
    queryFn: ({ signal }) => api<CandidateSources>('/api/my-groups/sources', { signal }),
  });
}

export function useCandidates(query: CandidateQuery, enabled = true) {
  return useQuery({
    queryKey: ['my-groups', 'candidates', query],
    queryFn: ({ signal }) => api<Candidates>(`/api/my-groups/candidates${queryString(query)}`, { signal }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useSaveMyGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: UserGroupInput }) =>
      id === null
        ? api<{ group: UserGroupDetail }>('/api/my-groups', { method: 'POST', body: input })
        : api<{ group: UserGroupDetail }>(`/api/my-groups/${id}`, { method: 'PUT', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['my-groups'] }),
  });
}

export function useDeleteMyGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/api/my-groups/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['my-groups'] }),
  });
}

export function useAdminGroups(query: AdminGroupQuery) {
  return useQuery({
    queryKey: ['admin-groups', query],
    queryFn: ({ signal }) => api<{ groups: AdminGroup[]; truncated: boolean }>(`/api/admin/groups${queryString(query)}`, { signal }),
    placeholderData: (previous) => previous,
  });
}

export function useAdminGroup(id: number | null) {
  return useQuery({
    queryKey: ['admin-groups', 'one', id],
    queryFn: ({ signal }) => api<{ group: AdminGroupDetail }>(`/api/admin/groups/${id}`, { signal }),
    enabled: id !== null,
    retry: false,
  });
}

export function useTeacherCandidates(schoolId: number | null) {
  return useQuery({
    queryKey: ['admin-groups', 'teachers', schoolId],
    queryFn: ({ signal }) =>
      api<{ teachers: (GroupTeacher & { roles: string[] })[] }>(`/api/admin/groups/teachers?schoolId=${schoolId}`, { signal }),
    enabled: schoolId !== null,
  });
}

export function useSaveAdminGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: AdminGroupInput }) =>
      id === null
        ? api<{ group: AdminGroupDetail }>('/api/admin/groups', { method: 'POST', body: input })
        : api<{ group: AdminGroupDetail }>(`/api/admin/groups/${id}`, { method: 'PUT', body: input }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['admin-groups'] });
      await client.invalidateQueries({ queryKey: ['groups'] });
    },
  });
}

export function useDeleteAdminGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/api/admin/groups/${id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['admin-groups'] });
      await client.invalidateQueries({ queryKey: ['groups'] });
    },
  });
}
