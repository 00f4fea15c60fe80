import { cpus } from 'node:os';
import {
  type FileResult,
  IMPORT_STATUSES,
  type ImportContent,
  ImportRunner,
  type ImportStatus,
  ParsePool,
  RETRYABLE_STATUSES,
  resolveTransforms,
  SourceError,
  UPLOAD_CONTENTS,
  walkSources,
} from '@cers/ingest';
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { fail, withDb } from '../context.js';

type ImportOptions = {
  json?: boolean;
  retry?: boolean;
  content?: ImportContent;
  transform?: string[];
  batch?: string;
  workers: number;
  progress: boolean;
};

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 32) throw new InvalidArgumentError('a number of parse workers, 0 to 32');
  return n;
}

/** Counts the files first so the bar has a total (a stat walk; zip archives list their entries). */
async function countSources(paths: readonly string[]): Promise<number> {
  let n = 0;
  for await (const _ of walkSources(paths)) n++;
  return n;
}

const OK: readonly ImportStatus[] = ['PROCESSED', 'NO_UPDATE'];

/**
 * cers import <files | folders | .zip> … : every file ends with exactly one status. A run first
 * re-processes files a killed run left ACCEPTED; --retry re-runs files that failed for missing
 * reference data (UNKNOWN_ASMT, UNKNOWN_SCHOOL, UNKNOWN_STUDENT) or an internal error (FAILED).
 * Exit status: 0 when every file is PROCESSED or NO_UPDATE (or a duplicate of such), 2 otherwise.
 */
export function importCommand(): Command {
  return new Command('import')
    .description('import exam (TRT XML), package, subject, organization, group, norms, student and accommodation files')
    .argument('[paths...]', 'files, folders (searched recursively) or .zip archives')
    .option('--json', 'print the result of every file and a summary as JSON (no progress bar)')
    .option('--retry', 'first re-run files that ended UNKNOWN_ASMT, UNKNOWN_SCHOOL, UNKNOWN_STUDENT or FAILED')
    .addOption(new Option('--content <type>', 'content of every file (default: detected per file)').choices([...UPLOAD_CONTENTS]))
    .option('--transform <name...>', 'TRT transform hooks to apply, in order (e.g. external-vendor)')
    .option('--batch <name>', 'batch label stored with every import')
    .option('--workers <n>', 'parse worker threads (0 = parse in the main thread)', parseWorkers, Math.max(1, Math.min(2, cpus().length)))
    .option('--no-progress', 'no progress bar')
    .action(async (paths: string[], o: ImportOptions) => {
      if (paths.length === 0 && !o.retry) fail('Give files, folders or .zip archives to import, or --retry.');
      try {
        resolveTransforms(o.transform ?? []);
      } catch (error) {
        fail((error as Error).message);
      }
      await withDb(async (cers) => {
        const total =
          paths.length > 0 ? await countSources(paths).catch((e) => (e instanceof SourceError ? fail(e.message) : Promise.reject(e))) : 0;
        const counts = new Map<ImportStatus, number>();
        const results: FileResult[] = [];
        const showBar = !o.json && o.progress && process.stderr.isTTY && total > 1;
        const bar = showBar
          ? new cliProgress.SingleBar(
              {
                format: 'importing [{bar}] {percentage}% | {value}/{total} files | {rate} files/s | {status}',
                hideCursor: true,
                stream: process.stderr,
              },
              cliProgress.Presets.shades_classic,
            )
          : undefined;
        const started = Date.now();
        let done = 0;
        const onResult = (r: FileResult) => {
          results.push(r);
          counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
          done++;
          const seconds = Math.max(0.001, (Date.now() - started) / 1000);
          bar?.update(Math.min(done, total), { rate: Math.round(done / seconds), status: summary(counts) });
        };
        const pool = o.workers > 0 ? new ParsePool(o.workers) : undefined;
        const runner = new ImportRunner(cers, { pool, onResult });
        try {
          const resumed = await runner.resume();
          if (resumed.length > 0 && !o.json)
            process.stderr.write(`re-processed ${resumed.length} file(s) left ACCEPTED by an earlier run\n`);
          if (o.retry) {
            const retried = await runner.retry({ statuses: RETRYABLE_STATUSES });
            if (!o.json)
              process.stderr.write(`re-ran ${retried.length} file(s) that had failed for missing reference data or an internal error\n`);
          }
          results.length = 0;
          counts.clear();
          done = 0;
          if (paths.length > 0) {
            bar?.start(total, 0, { rate: 0, status: '' });
            await runner.importSources(walkSources(paths), {
              ...(o.content ? { content: o.content } : {}),
              ...(o.transform ? { transforms: o.transform } : {}),
              batch: o.batch ?? null,
              creator: 'cli',
            });
          }
        } finally {
          bar?.stop();
          await pool?.close();
        }
        const seconds = (Date.now() - started) / 1000;
        const byStatus = Object.fromEntries(IMPORT_STATUSES.filter((s) => counts.has(s)).map((s) => [s, counts.get(s)]));
        const duplicates = results.filter((r) => r.duplicate).length;
        if (o.json) {
          process.stdout.write(`${JSON.stringify({ files: results.length, seconds, statuses: byStatus, duplicates, results }, null, 2)}\n`);
        } else {
          process.stdout.write(
            `${results.length} file(s) in ${seconds.toFixed(1)} s${duplicates ? ` (${duplicates} already imported)` : ''}\n`,
          );
          for (const [status, n] of Object.entries(byStatus)) process.stdout.write(`  ${status.padEnd(16)} ${n}\n`);
          for (const r of results.filter((x) => !OK.includes(x.status)).slice(0, 20)) {
            process.stdout.write(`  #${r.id} ${r.filename ?? ''}: ${r.status} ${(r.message ?? '').slice(0, 300)}\n`);
          }
        }
        if (results.some((r) => !OK.includes(r.status))) process.exitCode = 2;
      });
    });
}

function summary(counts: Map<ImportStatus, number>): string {
  return [...counts.entries()].map(([s, n]) => `${s} ${n}`).join(', ');
}
