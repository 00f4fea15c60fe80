// npm test: type check, lint, build the web app (e2e serves it), then every Vitest project
// (unit, db on PGlite and on PostgreSQL when reachable, e2e in Chromium).
// Extra arguments go to vitest, e.g. `npm test -- --project unit`.
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const extra = process.argv.slice(2);
const steps = [
  ['type check', 'npx', ['tsc', '-p', 'tsconfig.json']],
  ['type check (web)', 'npx', ['tsc', '-p', 'apps/web/tsconfig.json']],
  ['type check (e2e)', 'npx', ['tsc', '-p', 'e2e/tsconfig.json']],
  ['lint', 'npx', ['biome', 'ci', '.']],
  ['build web', 'npm', ['run', 'build', '-w', '@cers/web']],
  ['tests', 'npx', ['vitest', 'run', ...extra]],
];
for (const [name, cmd, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  console.log(`${result.status === 0 ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}
