/** The one fetch wrapper: JSON in/out, CSRF header on writes, typed errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  noteResponse(path, response.status);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const body = (data ?? {}) as { error?: string; message?: string; details?: unknown };
    throw new ApiError(response.status, body.error ?? 'ERROR', body.message ?? response.statusText, body.details);
  }
  return data as T;
}

/**
 * Session bookkeeping for the Session Expired dialog (features/auth/session-watcher.tsx): every
 * answer from the server counts as activity (it slid the idle timeout); a 401 outside the sign-in
 * endpoints means the session ended.
 */
export const SESSION_EXPIRED_EVENT = 'cers:session-expired';
let lastActivity = Date.now();
export function lastApiActivity(): number {
  return lastActivity;
}

function noteResponse(path: string, status: number): void {
  if (status === 401) {
    if (!path.startsWith('/api/auth/') && !path.startsWith('/api/sandbox/') && typeof window !== 'undefined') {
      window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
    }
    return;
  }
  lastActivity = Date.now();
}
