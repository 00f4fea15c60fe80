import { migrate } from '@cers/db';
import { Command } from 'commander';
import { withDb } from '../context.js';

export function migrateCommand(): Command {
  return new Command('migrate').description('apply database migrations (DATABASE_URL or PGlite under DATA_DIR)').action(async () => {
    await withDb(async (cers) => {
      const result = await migrate(cers);
      process.stdout.write(result.applied.length > 0 ? `applied: ${result.applied.join(', ')}\n` : 'database is up to date\n');
    });
  });
}
