import type { ActiveSession } from '@cers/db';
import type { Principal } from '@cers/domain';

export type CachedAuth = { readonly session: ActiveSession; readonly principal: Principal };

type Entry = CachedAuth & { until: number };

/**
 * The signed-in user of each live session, kept in process for a few seconds (AUTH_CACHE_SECONDS)
 * so that most API requests resolve their session without a database query (docs/access.md
 * §Session cache). Keyed by the session id (the token's SHA-256), bounded (oldest refreshed entry
 * goes first). The auth plugin still decides expiry and the sliding write on every request from the
 * cached session times, and asks the database whenever the session ends or its expiry slides.
 *
 * Changes made by this process (sign-out, new sign-in, password reset, assigned-group edits,
 * imports) forget the affected entries at once; changes made elsewhere (the cers CLI, another
 * server process) are seen within the TTL. A load that started before a forget never writes its
 * (possibly stale) answer back: every forget bumps the epoch, and set() ignores loads of an older one.
 */
export class SessionCache {
  readonly #entries = new Map<string, Entry>();
  #epoch = 0;

  constructor(
    readonly ttlMs: number,
    readonly maxEntries = 10_000,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** Pass to set(): the state of invalidations when a database load started. */
  get epoch(): number {
    return this.#epoch;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(sessionId: string, now: number): CachedAuth | undefined {
    const entry = this.#entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.#entries.delete(sessionId);
      return undefined;
    }
    return entry;
  }

  /** Stores a freshly loaded session unless something was forgotten since the load began (epoch). */
  set(sessionId: string, auth: CachedAuth, args: { epoch: number; now: number }): void {
    if (!this.enabled || args.epoch !== this.#epoch) return;
    this.#entries.delete(sessionId);
    this.#entries.set(sessionId, { session: auth.session, principal: deepFreeze(auth.principal), until: args.now + this.ttlMs });
    // Map order = order of the last refresh: the first entries are the oldest (and expire first).
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries) break;
      this.#entries.delete(key);
    }
  }

  /** One session ended or changed (sign-out, sign-in replacing a cookie). */
  forgetSession(sessionId: string): void {
    this.#epoch++;
    this.#entries.delete(sessionId);
  }

  /** Every session of a user (password reset). */
  forgetUser(userId: number): void {
    this.#epoch++;
    for (const [key, entry] of this.#entries) if (entry.session.userId === userId) this.#entries.delete(key);
  }

  /** Every cached principal (roles or group assignments may have changed: group edits, imports). */
  clear(): void {
    this.#epoch++;
    this.#entries.clear();
  }
}

/** Cached principals are shared by concurrent requests: nobody may change one. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
