/**
 * npm run bench -- [scenario ...]   (no argument: every bench/*.bench.ts)
 * Each scenario module exports `run(args: string[]): Promise<Record<string, unknown>>`; this runner
 * prints the figures and saves them with the machine, date and commit to bench/results/<scenario>.json.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
const args = process.argv.slice(2);
const requested = args.filter((a) => !a.startsWith('-'));
const flags = args.filter((a) => a.startsWith('-'));
const scenarios = requested.length > 0 ? requested : available;
const unknown = scenarios.filter((s) => !available.includes(s));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.join(', ') || '(none)'}`);
  process.exit(1);
}

function commit(): string {
  try {
    const sha = execSync('git rev-parse --short HEAD', { cwd: here }).toString().trim();
    const dirty = execSync('git status --porcelain', { cwd: here }).toString().trim() !== '';
    return dirty ? `${sha}-dirty` : sha;
  } catch {
    return 'unknown';
  }
}

const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
};
mkdirSync(join(here, 'results'), { recursive: true });
for (const scenario of scenarios) {
  console.log(`\n▶ bench ${scenario}`);
  const mod = (await import(join(here, `${scenario}.bench.ts`))) as { run: (args: string[]) => Promise<Record<string, unknown>> };
  const started = new Date();
  const results = await mod.run(flags);
  const record = { scenario, date: started.toISOString(), commit: commit(), machine, results };
  writeFileSync(join(here, 'results', `${scenario}.json`), `${JSON.stringify(record, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
}
process.exit(0);
