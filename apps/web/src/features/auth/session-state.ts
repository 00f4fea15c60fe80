import { useSyncExternalStore } from 'react';

/**
 * Whether the session ended on its own (idle timeout, server restart, account disabled) rather
 * than by Logout: the app then shows the "Session Expired" dialog before returning to sign-in
 * (cers-features.md §1: session timeout modal).
 */
let expired = false;
let signingOut = false;
const listeners = new Set<() => void>();
const emit = () => {
  for (const l of listeners) l();
};

export function markSessionExpired(): void {
  if (signingOut || expired) return;
  expired = true;
  emit();
}

export function clearSessionExpired(): void {
  if (!expired) return;
  expired = false;
  emit();
}

/** Logout in progress: its own 401s are not an expiry. */
export function setSigningOut(value: boolean): void {
  signingOut = value;
}

export function useSessionExpired(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => expired,
  );
}

/** Pages reachable without a session. */
export const PUBLIC_PATHS = ['/signin', '/sandbox', '/reset-password'] as const;

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/** A path of this app to return to after sign-in (never another site). */
export function safeNext(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return isPublicPath(value.split('?')[0] ?? '') ? '/' : value;
}
