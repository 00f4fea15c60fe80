import { type CersDb, migrate, openDb } from '@cers/db';
import { ConfigError, databaseOptions, loadConfig } from '@cers/server';

/** Opens the configured database (DATABASE_URL or PGlite under DATA_DIR) and migrates it. */
export async function openConfiguredDb(): Promise<CersDb> {
  try {
    const config = loadConfig();
    const cers = await openDb(databaseOptions(config));
    await migrate(cers);
    return cers;
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

/** Prints a message for the operator and exits with status 1. */
export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Runs a command body with the database, closing it afterwards. */
export async function withDb<T>(fn: (cers: CersDb) => Promise<T>): Promise<T> {
  const cers = await openConfiguredDb();
  try {
    return await fn(cers);
  } finally {
    await cers.close();
  }
}
