/**
 * Child process for the crash test: imports a folder like `cers import` does and prints a line per
 * finished file, until the parent kills it. Usage: crash-child.ts <postgres-url | pglite-dir> <folder>
 */
import { openDb } from '@cers/db';
import { ImportRunner } from '../src/runner.js';
import { walkSources } from '../src/sources.js';

const [target, folder] = process.argv.slice(2) as [string, string];
const cers = await openDb(target.startsWith('postgres') ? { url: target } : { dataDir: target });
let done = 0;
const runner = new ImportRunner(cers, {
  batchSize: 200,
  onResult: () => {
    done++;
    if (done % 100 === 0) process.stdout.write(`done ${done}\n`);
  },
});
await runner.importSources(walkSources([folder]));
process.stdout.write(`finished ${done}\n`);
await cers.close();
