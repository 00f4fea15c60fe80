/**
 * npm run bench -- web [--regenerate] [--duration=10] [--warmup=3] [--pool=20] [--only=<scenario name part>]
 *   [--profile[=dir]]
 *
 * The web API under load: autocannon against the real app (bench/web.server.ts, its own process,
 * PostgreSQL) on the database cers_bench_web (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres) holding the district profile (seed 7) plus a
 * 10,000-student high school. The database is built once and reused while DATA_VERSION matches
 * (--regenerate forces a rebuild). Every area adds its scenarios to SCENARIOS below: a name, the
 * owner, the user, the paths (cycled by every connection), the concurrency, and the targets.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CersDb, createSession, insertExams, migrate, openDb } from '@cers/db';
import { generate } from '@cers/sandbox';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { measureWebBundle } from './web.bundle.js';
import { seedBigSchool } from './web.data.js';

const here = dirname(fileURLToPath(import.meta.url));
const DATABASE = 'cers_bench_web';
const SEED = 7;
/** Bump when the data a scenario needs changes: the database is then rebuilt. */
const DATA_VERSION = 'district-7+bigschool-10000-v1';

type Ids = {
  teacher: { userId: number; groupId: number; elaId: number; mathId: number };
  bigSchool: { adminUserId: number; schoolId: number; grade: string; elaId: number; mathId: number; students: number };
  /** The teacher's group members (issue #6 scenarios cycle through them). */
  students: { ids: number[]; ssids: string[] };
};

type Scenario = {
  name: string;
  /** Which area / issue owns it. */
  owner: string;
  user: (ids: Ids) => number;
  paths: (ids: Ids) => string[];
  connections: number;
  /** Targets from the issue; a missed target is reported, not thrown. */
  targets: { p95Ms?: number; minRps?: number };
};

const results = (ids: Ids) => ({
  group: `groupId=${ids.teacher.groupId}`,
  school: `schoolId=${ids.bigSchool.schoolId}&grade=${ids.bigSchool.grade}`,
});

export const SCENARIOS: Scenario[] = [
  // ---------------------------------------------------------------- reference (no target)
  {
    name: 'reference: GET /api/me (session + principal only)',
    owner: 'reference',
    user: (i) => i.teacher.userId,
    paths: () => ['/api/me'],
    connections: 50,
    targets: {},
  },
  // ---------------------------------------------------------------- issue #6 students and groups
  {
    name: 'students: Search by Student (Student Results Cards, audited), teacher',
    owner: 'students-and-groups (#6)',
    user: (i) => i.teacher.userId,
    paths: (i) => i.students.ssids.map((ssid) => `/api/students/search?ssid=${ssid}`),
    connections: 50,
    targets: { p95Ms: 50, minRps: 500 },
  },
  {
    name: 'students: student page API (test history with sub-scores, traits, accommodations; audited), teacher',
    owner: 'students-and-groups (#6)',
    user: (i) => i.teacher.userId,
    paths: (i) => i.students.ids.map((id) => `/api/students/${id}/exams`),
    connections: 50,
    targets: { p95Ms: 50, minRps: 500 },
  },
  // ---------------------------------------------------------------- issue #8 group results
  {
    name: 'group-results: Student Score Distribution (summary), teacher group',
    owner: 'group-results (#8)',
    user: (i) => i.teacher.userId,
    paths: (i) => [`/api/results/summary?${results(i).group}&assessmentId=${i.teacher.elaId}`],
    connections: 50,
    targets: { p95Ms: 50, minRps: 500 },
  },
  {
    name: 'group-results: School Year and Selected Assessments list, teacher group',
    owner: 'group-results (#8)',
    user: (i) => i.teacher.userId,
    paths: (i) => [`/api/results/assessments?${results(i).group}`],
    connections: 50,
    targets: { p95Ms: 50, minRps: 500 },
  },
  {
    name: 'group-results: Results by Student table (audited), teacher group',
    owner: 'group-results (#8)',
    user: (i) => i.teacher.userId,
    paths: (i) => [`/api/results?${results(i).group}&assessmentId=${i.teacher.elaId}&view=student&scoreType=composite`],
    connections: 50,
    targets: { p95Ms: 50, minRps: 500 },
  },
  {
    name: 'group-results: page mix (list, two summaries, students, target report, Lexile)',
    owner: 'group-results (#8)',
    user: (i) => i.teacher.userId,
    paths: (i) => {
      const g = results(i).group;
      return [
        `/api/results/assessments?${g}`,
        `/api/results/summary?${g}&assessmentId=${i.teacher.elaId}`,
        `/api/results/summary?${g}&assessmentId=${i.teacher.mathId}`,
        `/api/results?${g}&assessmentId=${i.teacher.elaId}&view=student`,
        `/api/results?${g}&assessmentId=${i.teacher.elaId}&view=targets`,
        `/api/results?${g}&assessmentId=${i.teacher.elaId}&view=lexile`,
      ];
    },
    connections: 50,
    targets: { p95Ms: 50, minRps: 500 },
  },
  {
    name: 'school-results: 10,000-student school, grade 11 assessments list',
    owner: 'group-results (#8)',
    user: (i) => i.bigSchool.adminUserId,
    paths: (i) => [`/api/results/assessments?${results(i).school}`],
    // One user opening the page: the target is a response time, not a throughput.
    connections: 1,
    targets: { p95Ms: 300 },
  },
  {
    name: 'school-results: 10,000-student school, grade 11 ELA distribution',
    owner: 'group-results (#8)',
    user: (i) => i.bigSchool.adminUserId,
    paths: (i) => [`/api/results/summary?${results(i).school}&assessmentId=${i.bigSchool.elaId}`],
    // One user opening the page: the target is a response time, not a throughput.
    connections: 1,
    targets: { p95Ms: 300 },
  },
  {
    name: 'school-results: 10,000-student school, grade 11 Results by Student (2,500 rows, audited)',
    owner: 'group-results (#8)',
    user: (i) => i.bigSchool.adminUserId,
    paths: (i) => [`/api/results?${results(i).school}&assessmentId=${i.bigSchool.elaId}&view=student&scoreType=composite`],
    // One user opening the page: the target is a response time, not a throughput.
    connections: 1,
    targets: { p95Ms: 300 },
  },
];

function flag(flags: string[], name: string): string | undefined {
  return (
    flags.find((f) => f === `--${name}` || f.startsWith(`--${name}=`))?.split('=')[1] ?? (flags.includes(`--${name}`) ? '' : undefined)
  );
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function dataVersion(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const r = await client.query<{ value: unknown }>(`select value from settings where key = 'bench_web'`);
    return (r.rows[0]?.value as { version?: string } | undefined)?.version;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Builds cers_bench_web when missing or stale: migrate, district profile, the big school. */
async function ensureDatabase(adminUrl: string, regenerate: boolean): Promise<{ url: string; built: boolean; seconds: number }> {
  const url = withDatabase(adminUrl, DATABASE);
  if (!regenerate && (await dataVersion(url)) === DATA_VERSION) {
    // Reused: apply migrations added since it was built (idempotent).
    const cers = await openDb({ url, poolSize: 1 });
    try {
      await migrate(cers);
    } finally {
      await cers.close();
    }
    return { url, built: false, seconds: 0 };
  }
  const started = Date.now();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${DATABASE} with (force)`);
    await admin.query(`create database ${DATABASE}`);
  } finally {
    await admin.end();
  }
  const cers = await openDb({ url, poolSize: 4 });
  try {
    await migrate(cers);
    console.log('  generating the district profile …');
    await generate(cers, { profile: 'district', seed: SEED });
    console.log('  adding the 10,000-student school …');
    await seedBigSchool(cers, { students: 10_000, insertExams });
    await cers.exec('analyze');
    await sql`insert into settings (key, value) values ('bench_web', ${JSON.stringify({ version: DATA_VERSION })}::jsonb)
      on conflict (key) do update set value = excluded.value`.execute(cers.db);
  } finally {
    await cers.close();
  }
  return { url, built: true, seconds: Math.round((Date.now() - started) / 100) / 10 };
}

/** The users and ids the scenarios need, found in the generated data. */
async function findIds(cers: CersDb): Promise<Ids> {
  const { rows: teacherRows } = await sql<{ userId: number; groupId: number; elaId: number; mathId: number }>`
    select t.user_id, g.id as group_id, ela.id as ela_id, math.id as math_id
    from student_groups g
    join student_group_teachers t on t.group_id = g.id
    join assessments ela on ela.type = 'sum' and ela.subject = 'ELA' and ela.grade = '05' and ela.school_year = g.school_year and ela.family = 'SBAC'
    join assessments math on math.type = 'sum' and math.subject = 'Math' and math.grade = '05' and math.school_year = g.school_year and math.family = 'SBAC'
    where g.school_year = 2026 and g.name like 'Grade 5%' and g.subjects is null and g.deleted_at is null
    order by (select count(*) from student_group_members m where m.group_id = g.id) desc, g.id
    limit 1`.execute(cers.db);
  const teacher = teacherRows[0];
  if (!teacher) throw new Error('no grade-5 homeroom with a teacher in the district profile');
  const big = await sql<Ids['bigSchool']>`
    select (select id from users where login = 'bench.bigschool.admin@bench.example') as admin_user_id,
      o.id as school_id, '11' as grade,
      (select id from assessments where type = 'sum' and subject = 'ELA' and grade = '11' and school_year = 2026 and family = 'SBAC') as ela_id,
      (select id from assessments where type = 'sum' and subject = 'Math' and grade = '11' and school_year = 2026 and family = 'SBAC') as math_id,
      (select count(*)::int from students s where s.inferred_school_id = o.id) as students
    from organizations o where o.natural_id = '97970016000001'`.execute(cers.db);
  const bigSchool = big.rows[0];
  if (!bigSchool) throw new Error('the 10,000-student school is missing');
  const members = await sql<{ id: number; ssid: string }>`
    select s.id, s.ssid from student_group_members m join students s on s.id = m.student_id
    where m.group_id = ${teacher.groupId} order by s.id`.execute(cers.db);
  return { teacher, bigSchool, students: { ids: members.rows.map((r) => r.id), ssids: members.rows.map((r) => r.ssid) } };
}

/** The app in its own process; with a profile directory, V8 writes a .cpuprofile there when it exits. */
function startServer(url: string, pool: number, profileDir?: string): Promise<{ port: number; child: ChildProcess }> {
  const prof = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir || 'bench/profiles'}`];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...prof, '--import', 'tsx', join(here, 'web.server.ts'), `--url=${url}`, `--pool=${pool}`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout?.on('data', (d: Buffer) => {
      const m = /listening (\d+)/.exec(d.toString());
      if (m) resolve({ port: Number(m[1]), child });
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

type Measured = {
  name: string;
  owner: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  targets: Scenario['targets'];
  met: boolean;
  missed: string[];
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, i)] as number) * 10) / 10;
}

async function measure(port: number, s: Scenario, ids: Ids, cookie: string, duration: number): Promise<Measured> {
  const paths = s.paths(ids);
  const times: number[] = [];
  const instance = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: s.connections,
    duration,
    headers: { cookie, accept: 'application/json' },
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
  });
  const r = await instance;
  times.sort((a, b) => a - b);
  const rps = Math.round(r.requests.total / r.duration);
  const p95 = percentile(times, 95);
  const missed: string[] = [];
  if (s.targets.p95Ms !== undefined && p95 >= s.targets.p95Ms) missed.push(`p95 ${p95} ms ≥ ${s.targets.p95Ms} ms`);
  if (s.targets.minRps !== undefined && rps < s.targets.minRps) missed.push(`${rps} req/s < ${s.targets.minRps} req/s`);
  if (r.non2xx > 0 || r.errors > 0) missed.push(`${r.non2xx} non-2xx, ${r.errors} errors`);
  return {
    name: s.name,
    owner: s.owner,
    connections: s.connections,
    seconds: r.duration,
    requests: r.requests.total,
    rps,
    p50Ms: percentile(times, 50),
    p95Ms: p95,
    p99Ms: percentile(times, 99),
    non2xx: r.non2xx,
    errors: r.errors,
    targets: s.targets,
    met: missed.length === 0,
    missed,
  };
}

export async function run(flags: string[]): Promise<Record<string, unknown>> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const duration = Number(flag(flags, 'duration') ?? 10);
  const only = flag(flags, 'only');
  const warmup = Number(flag(flags, 'warmup') ?? 3);
  const pool = Number(flag(flags, 'pool') ?? 20);
  const profileDir = flag(flags, 'profile');
  const loadAtStart = loadavg().map((v) => Math.round(v * 100) / 100);
  const database = await ensureDatabase(adminUrl, flags.includes('--regenerate'));
  const cers = await openDb({ url: database.url, poolSize: 2 });
  const ids = await findIds(cers);
  const cookies = new Map<number, string>();
  const scenarios = SCENARIOS.filter((s) => !only || s.name.includes(only));
  for (const s of scenarios) {
    const userId = s.user(ids);
    if (!cookies.has(userId)) {
      const session = await createSession(cers.db, { userId, ttlMinutes: 240 });
      cookies.set(userId, `cers_session=${session.token}`);
    }
  }
  const counts = await sql<{ students: number; exams: number }>`
    select (select count(*)::int from students) as students, (select count(*)::int from exams) as exams`.execute(cers.db);
  await cers.close();
  const server = await startServer(database.url, pool, profileDir);
  const measured: Measured[] = [];
  try {
    for (const s of scenarios) {
      // Steady state, not start-up: each scenario first runs unmeasured for `warmup` seconds (JIT,
      // the pool's connections preparing their statements, the buffer cache).
      if (warmup > 0) await measure(server.port, s, ids, cookies.get(s.user(ids)) as string, warmup);
      const m = await measure(server.port, s, ids, cookies.get(s.user(ids)) as string, duration);
      console.log(
        `  ${m.met ? '✔' : '✘'} ${m.name}: ${m.rps} req/s, p50 ${m.p50Ms} ms, p95 ${m.p95Ms} ms${m.met ? '' : ` (${m.missed.join('; ')})`}`,
      );
      measured.push(m);
    }
  } finally {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  }
  return {
    description: `autocannon against the app in its own process (PostgreSQL, pool ${pool}, logging at error); district profile seed 7 plus a 10,000-student high school (2,500 in grade 11)`,
    database: { name: DATABASE, dataVersion: DATA_VERSION, rebuilt: database.built, buildSeconds: database.seconds, ...counts.rows[0] },
    ids,
    durationSeconds: duration,
    warmupSeconds: warmup,
    // The machine is shared: 1/5/15-minute load averages when the run started and ended.
    loadAverage: { start: loadAtStart, end: loadavg().map((v) => Math.round(v * 100) / 100) },
    scenarios: measured,
    webBundle: flags.includes('--skip-bundle') ? 'skipped (--skip-bundle)' : measureWebBundle(),
  };
}
