import { generate, hasStudents, PROFILES, type Profile, resetData } from '@cers/sandbox';
import { SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { fail, withDb } from '../context.js';

function parseScale(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new InvalidArgumentError('the scale is a fraction above 0 and at most 1');
  return n;
}

function parseSeed(value: string): number {
  if (!/^\d{1,10}$/.test(value) || Number(value) > 4_294_967_295)
    throw new InvalidArgumentError('the seed is a whole number from 0 to 4294967295');
  return Number(value);
}

export function sandboxCommand(): Command {
  return new Command('sandbox')
    .description('generate deterministic sample data (sandbox: 3 schools, ~1,500 students, 2018–19..2025–26; district; state)')
    .addOption(new Option('--profile <profile>', 'how much to generate').choices(PROFILES).default('sandbox'))
    .option('--seed <n>', 'random seed: the same seed gives the same data', parseSeed, 2026)
    .option('--reset', 'empty every data table first (the database already holds students)', false)
    .option('--scale <fraction>', 'state profile only: generate a fraction of it (0.01 = 10 districts, ~30,000 students)', parseScale)
    .action(async (options: { profile: Profile; seed: number; reset: boolean; scale?: number }) => {
      await withDb(async (cers) => {
        if (await hasStudents(cers)) {
          if (!options.reset)
            fail('The database already holds students. Run again with --reset to empty it first (this deletes all data).');
          const tables = await resetData(cers);
          process.stdout.write(`emptied ${tables.length} tables\n`);
        }
        const bar = new SingleBar({
          format: '{phase} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}',
          hideCursor: true,
          clearOnComplete: false,
        });
        let phase = '';
        bar.start(1, 0, { phase: 'starting'.padEnd(24) });
        const summary = await generate(cers, {
          profile: options.profile,
          seed: options.seed,
          ...(options.scale !== undefined ? { scale: options.scale } : {}),
          onProgress: (p) => {
            if (p.phase !== phase) {
              phase = p.phase;
              bar.setTotal(p.total);
            }
            bar.update(p.done, { phase: p.phase.padEnd(24) });
          },
        });
        bar.stop();
        const width = Math.max(...Object.keys(summary.rows).map((t) => t.length));
        for (const [table, n] of Object.entries(summary.rows))
          process.stdout.write(`${table.padEnd(width)}  ${n.toLocaleString('en-US')}\n`);
        process.stdout.write(
          `${summary.totalRows.toLocaleString('en-US')} rows in ${summary.seconds} s (profile ${summary.profile}, seed ${summary.seed})\n`,
        );
      });
    });
}
