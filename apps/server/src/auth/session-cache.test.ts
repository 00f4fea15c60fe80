import type { ActiveSession } from '@cers/db';
import type { Principal } from '@cers/domain';
import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache.js';

const at = new Date('2026-01-05T08:00:00Z');
const auth = (id: string, userId: number) => {
  const session: ActiveSession = { id, userId, csrfToken: 'c', expiresAt: at, lastSeenAt: at, createdAt: at };
  const principal: Principal = { userId, login: `u${userId}`, displayName: 'U', grants: [], assignedGroups: [], isSandbox: false };
  return { session, principal };
};

describe('SessionCache', () => {
  it('keeps an entry for its TTL', () => {
    const cache = new SessionCache(5_000);
    cache.set('a', auth('a', 1), { epoch: cache.epoch, now: 1_000 });
    expect(cache.get('a', 5_999)?.session.userId).toBe(1);
    expect(cache.get('a', 6_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('stores nothing when disabled (TTL 0)', () => {
    const cache = new SessionCache(0);
    cache.set('a', auth('a', 1), { epoch: cache.epoch, now: 0 });
    expect(cache.get('a', 0)).toBeUndefined();
  });

  it('forgets one session, every session of a user, or everything', () => {
    const cache = new SessionCache(5_000);
    for (const [id, user] of [
      ['a', 1],
      ['b', 1],
      ['c', 2],
    ] as const)
      cache.set(id, auth(id, user), { epoch: cache.epoch, now: 0 });
    cache.forgetSession('c');
    expect(cache.get('c', 1)).toBeUndefined();
    cache.forgetUser(1);
    expect([cache.get('a', 1), cache.get('b', 1)]).toEqual([undefined, undefined]);
    cache.set('d', auth('d', 3), { epoch: cache.epoch, now: 0 });
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('never stores a load that started before something was forgotten', () => {
    const cache = new SessionCache(5_000);
    const epoch = cache.epoch; // a request starts loading session a …
    cache.forgetSession('a'); // … while the user signs out
    cache.set('a', auth('a', 1), { epoch, now: 0 });
    expect(cache.get('a', 1)).toBeUndefined();
  });

  it('is bounded: the oldest refreshed entries go first', () => {
    const cache = new SessionCache(5_000, 3);
    for (const id of ['a', 'b', 'c']) cache.set(id, auth(id, 1), { epoch: cache.epoch, now: 0 });
    cache.set('a', auth('a', 1), { epoch: cache.epoch, now: 1 }); // refreshed: now the newest
    cache.set('d', auth('d', 1), { epoch: cache.epoch, now: 2 });
    expect(cache.size).toBe(3);
    expect(['a', 'b', 'c', 'd'].filter((id) => cache.get(id, 3))).toEqual(['a', 'c', 'd']);
  });

  it('hands out principals nobody can change (they are shared by concurrent requests)', () => {
    const cache = new SessionCache(5_000);
    cache.set('a', auth('a', 1), { epoch: cache.epoch, now: 0 });
    const principal = cache.get('a', 1)?.principal as Principal;
    expect(() => (principal.grants as unknown[]).push({})).toThrow(TypeError);
  });
});
