import { type AssessmentMeta, type CersDb, findAssessments } from '@cers/db';

/**
 * Assessment rows are reference data (written by imports, read on every results request): kept
 * per database handle for a minute, so a summary needs no assessment query. An import's change
 * shows at the latest a minute later.
 */
const TTL_MS = 60_000;
const MAX = 5_000;
const caches = new WeakMap<CersDb, Map<number, { meta: AssessmentMeta; at: number }>>();

export async function cachedAssessment(cers: CersDb, id: number, now = Date.now()): Promise<AssessmentMeta | undefined> {
  let cache = caches.get(cers);
  if (!cache) {
    cache = new Map();
    caches.set(cers, cache);
  }
  const hit = cache.get(id);
  if (hit && now - hit.at < TTL_MS) return hit.meta;
  const [meta] = await findAssessments(cers.db, [id]);
  if (!meta) return undefined;
  if (cache.size >= MAX) cache.clear();
  cache.set(id, { meta, at: now });
  return meta;
}

/** Several assessments, cached ones from memory and the rest in one query. */
export async function cachedAssessments(cers: CersDb, ids: readonly number[], now = Date.now()): Promise<AssessmentMeta[]> {
  let cache = caches.get(cers);
  if (!cache) {
    cache = new Map();
    caches.set(cers, cache);
  }
  const fresh = new Map<number, AssessmentMeta>();
  const missing: number[] = [];
  for (const id of ids) {
    const hit = cache.get(id);
    if (hit && now - hit.at < TTL_MS) fresh.set(id, hit.meta);
    else missing.push(id);
  }
  if (missing.length > 0) {
    if (cache.size + missing.length >= MAX) cache.clear();
    for (const meta of await findAssessments(cers.db, missing)) {
      cache.set(meta.id, { meta, at: now });
      fresh.set(meta.id, meta);
    }
  }
  return ids.map((id) => fresh.get(id)).filter((m): m is AssessmentMeta => m !== undefined);
}
