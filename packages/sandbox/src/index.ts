import type { CersDb } from '@cers/db';
import { sql } from 'kysely';
import { DISTRICT_PROFILE } from './profiles/district.js';
import { generateFull, type OnProgress } from './profiles/full.js';
import { SANDBOX_PROFILE, SANDBOX_SEED } from './profiles/sandbox.js';
import { generateState } from './profiles/state.js';
import type { GenerateSummary } from './write/counts.js';

export {
  SAMPLE_DISTRICT,
  SAMPLE_SCHOOLS,
  SANDBOX_PERSONAS,
  SANDBOX_SSIDS,
  type SandboxPersona,
  type SandboxPersonaKey,
} from './personas.js';
export type { Progress } from './profiles/full.js';
export { SANDBOX_SEED, SANDBOX_YEARS } from './profiles/sandbox.js';
export { hashSeed, mix32, Rng, rngFor } from './random.js';
export type { GenerateSummary } from './write/counts.js';

export const PROFILES = ['sandbox', 'district', 'state'] as const;
export type Profile = (typeof PROFILES)[number];

export type GenerateOptions = {
  profile: Profile;
  seed: number;
  onProgress?: OnProgress;
  /** State profile only: a fraction of the full size (0.01 = 10 districts, 100 schools, ~30,000 students). */
  scale?: number;
};

/**
 * Generates a profile into an empty, migrated database. Same seed ⇒ identical data (no clock, no
 * Math.random). Refuses a database that already holds students: reset it first (resetData).
 */
export async function generate(cers: CersDb, options: GenerateOptions): Promise<GenerateSummary> {
  if (await hasStudents(cers)) throw new Error('the database already holds students; reset it before generating');
  switch (options.profile) {
    case 'sandbox':
      return generateFull(cers, SANDBOX_PROFILE, options.seed, options.onProgress);
    case 'district':
      return generateFull(cers, DISTRICT_PROFILE, options.seed, options.onProgress);
    case 'state':
      return generateState(cers, options.seed, {
        scale: options.scale ?? 1,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
    default: {
      const never: never = options.profile;
      return never;
    }
  }
}

export async function hasStudents(cers: CersDb): Promise<boolean> {
  const row = await cers.db.selectFrom('students').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Tables that are not data: the migration record (and pg-boss, which lives in its own schema). */
const KEEP = new Set(['schema_migrations', 'settings']);

/** Empties every data table of the public schema (cers sandbox --reset). */
export async function resetData(cers: CersDb): Promise<string[]> {
  const r = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = 'public' order by tablename`.execute(
    cers.db,
  );
  const tables = r.rows.map((t) => t.tablename).filter((t) => !KEEP.has(t));
  if (tables.length > 0) await cers.exec(`truncate ${tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`);
  return tables;
}

export type EnsureSandboxOptions = { logger: { info: (obj: object, msg?: string) => void } };

/** Loads the sandbox profile when the database holds no students (npm start). */
export async function ensureSandbox(cers: CersDb, options: EnsureSandboxOptions): Promise<void> {
  if (await hasStudents(cers)) return;
  options.logger.info({ profile: 'sandbox', seed: SANDBOX_SEED }, 'loading the sandbox data into the empty database');
  const summary = await generate(cers, { profile: 'sandbox', seed: SANDBOX_SEED });
  options.logger.info({ rows: summary.rows, seconds: summary.seconds }, 'sandbox data loaded');
}
