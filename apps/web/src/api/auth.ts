import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './client';
import { ME_QUERY_KEY, type Me } from './me';

/**
 * Sign-in, sign-out, password reset and the CERS Sandbox. Mirrors
 * apps/server/src/routes/auth/auth.schema.ts and routes/sandbox/sandbox.schema.ts.
 */
export type SignInOptions = {
  password: boolean;
  oidc: { enabled: boolean; loginUrl: string };
  sandbox: boolean;
  passwordPolicy: { minLength: number; maxLength: number };
};

export type SandboxPersona = { key: string; label: string; role: string; roleLabel: string; description: string };

export function useSignInOptions() {
  return useQuery({ queryKey: ['auth', 'options'], queryFn: () => api<SignInOptions>('/api/auth/options'), staleTime: 5 * 60_000 });
}

/** After any sign-in: remember the user, forget every cached answer of a previous user. */
function useAdoptSession() {
  const queryClient = useQueryClient();
  return (me: Me) => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] && q.queryKey[0] !== 'auth' });
    setCsrfToken(me.csrfToken);
    queryClient.setQueryData(ME_QUERY_KEY, me);
  };
}

export function useSignIn() {
  const adopt = useAdoptSession();
  return useMutation({
    mutationFn: (body: { login: string; password: string }) => api<Me>('/api/auth/login', { method: 'POST', body }),
    onSuccess: adopt,
  });
}

export function useSandboxPersonas(enabled: boolean) {
  return useQuery({
    queryKey: ['auth', 'sandbox-personas'],
    queryFn: () => api<{ personas: SandboxPersona[] }>('/api/sandbox/personas'),
    enabled,
  });
}

export function useEnterSandbox() {
  const adopt = useAdoptSession();
  return useMutation({
    mutationFn: (persona: string) => api<Me>('/api/sandbox/enter', { method: 'POST', body: { persona } }),
    onSuccess: adopt,
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: { token: string; newPassword: string }) => api<void>('/api/auth/reset-password', { method: 'POST', body }),
  });
}

/** Signs out and clears every cached answer (student data must not outlive the session). */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(undefined);
      queryClient.clear();
      queryClient.setQueryData(ME_QUERY_KEY, null);
    },
  });
}
