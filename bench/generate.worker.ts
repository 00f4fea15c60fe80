/**
 * One measured generation, in its own process so that peak RSS is this run's and a PGlite that runs
 * out of WASM memory does not take the benchmark down. Prints one JSON line on stdout.
 *   node --import tsx bench/generate.worker.ts --target=postgres|pglite --profile=state --scale=1 --url=… --dir=…
 */
import { migrate, openDb } from '@cers/db';
import { generate, type Profile } from '@cers/sandbox';

const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const target = arg('target') ?? 'postgres';
const profile = (arg('profile') ?? 'state') as Profile;
const scale = Number(arg('scale') ?? '1');
const url = arg('url');
const dir = arg('dir');

const cers = target === 'postgres' ? await openDb({ url: url as string, poolSize: 6 }) : await openDb({ dataDir: dir as string });
await migrate(cers);
const phases: Record<string, number> = {};
let phase = '';
let phaseStart = performance.now();
const started = performance.now();
const summary = await generate(cers, {
  profile,
  seed: 2026,
  scale,
  onProgress: (p) => {
    if (p.phase === phase) return;
    const now = performance.now();
    if (phase) phases[phase] = Math.round((now - phaseStart) / 100) / 10;
    phase = p.phase;
    phaseStart = now;
    process.stderr.write(`[${target}] ${Math.round((now - started) / 1000)} s ${p.phase}\n`);
  },
});
const seconds = (performance.now() - started) / 1000;
await cers.close();
process.stdout.write(
  `${JSON.stringify({
    target,
    profile,
    scale,
    seconds: Math.round(seconds * 10) / 10,
    phases,
    rows: summary.rows,
    totalRows: summary.totalRows,
    rowsPerSecond: Math.round(summary.totalRows / seconds),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    cpuSeconds: Math.round(((process.cpuUsage().user + process.cpuUsage().system) / 1e6) * 10) / 10,
  })}\n`,
);
process.exit(0);
