import type { Permission } from '@cers/domain';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from './client';

/** Mirrors GET /api/me (apps/server/src/routes/me/me.schema.ts). */
export type Me = {
  user: { id: number; login: string; displayName: string; isSandbox: boolean };
  roles: { role: string; label: string; orgType: 'state' | 'district' | 'school'; orgId: number; orgName: string }[];
  permissions: Permission[];
  teacherOnly: boolean;
  csrfToken: string;
  /** Idle timeout: the session ends at expiresAt unless a request comes first. */
  session: { expiresAt: string; idleMinutes: number };
};

export const ME_QUERY_KEY = ['me'] as const;

/** The signed-in user, or null when signed out. Keeps the CSRF token for writes. */
export function useMe() {
  return useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await api<Me>('/api/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(undefined);
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function can(me: Me | null | undefined, permission: Permission): boolean {
  return !!me && me.permissions.includes(permission);
}
