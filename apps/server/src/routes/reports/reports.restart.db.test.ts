import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CersDb } from '@cers/db';
import { testDbTargets } from '@cers/db/test';
import { type JobQueue, printableReportJob, startJobs } from '@cers/jobs';
import { createPdfPool, type PdfPool } from '@cers/reports';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { pdfText } from '../../../../../packages/reports/test/pdf-text.js';
import { buildTestApp, signIn } from '../../../test/helpers.js';
import { seedReportWorld, waitFor } from '../../../test/report-world.js';

const targets = await testDbTargets();
const silent = { info: () => undefined, error: () => undefined };
const hang = () => new Promise<void>(() => undefined);

type Ctx = { cers: CersDb; app: FastifyInstance; cleanups: (() => Promise<unknown>)[] };

async function setup(create: () => Promise<CersDb>): Promise<Ctx & { world: Awaited<ReturnType<typeof seedReportWorld>> }> {
  const cers = await create();
  const world = await seedReportWorld(cers);
  const app = await buildTestApp(cers);
  return { cers, app, world, cleanups: [() => app.close(), () => cers.close()] };
}

async function requestReport(ctx: Ctx, userId: number, groupId: number): Promise<number> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/reports',
    headers: await signIn(ctx.cers, userId),
    payload: {
      name: 'Restart me',
      target: { type: 'group', groupId },
      schoolYear: 2025,
      assessmentType: 'sum',
      subject: 'ELA',
      sortOrder: 'name',
    },
  });
  expect(res.statusCode).toBe(202);
  return res.json().id as number;
}

const status = async (cers: CersDb, id: number) =>
  cers.db.selectFrom('reports').select(['status', 'progress', 'total', 'message']).where('id', '=', id).executeTakeFirstOrThrow();

describe.each(targets)('printable report survives a worker restart on $name', ({ name, create }) => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
  });

  it('a worker stopped mid-report (renderers killed, queue stopped) hands the report to the restarted worker, which completes it', async () => {
    const ctx = await setup(create);
    cleanups.push(...ctx.cleanups);
    const firstPool: PdfPool = createPdfPool({ size: 1 });
    const first: JobQueue = await startJobs(
      ctx.cers,
      [printableReportJob({ cers: ctx.cers, logger: silent, reportTtlHours: 24, pool: firstPool, chunkSize: 1, onChunk: hang }) as never],
      { work: true, pollingIntervalSeconds: 0.5 },
    );
    ctx.app.ctx.jobs = first;
    const id = await requestReport(ctx, ctx.world.users.teacher, ctx.world.groupId);
    await waitFor(async () => {
      const s = await status(ctx.cers, id);
      return s.status === 'running' && s.progress >= 1 ? s : undefined;
    }, 60_000);
    // The worker dies mid-report: its renderers are killed and its queue stops without waiting.
    await firstPool.close();
    await first.boss.stop({ graceful: false, close: false });

    const secondPool = createPdfPool({ size: 1 });
    cleanups.push(() => secondPool.close());
    const second = await startJobs(
      ctx.cers,
      [printableReportJob({ cers: ctx.cers, logger: silent, reportTtlHours: 24, pool: secondPool }) as never],
      {
        work: true,
        pollingIntervalSeconds: 0.5,
        maintenanceIntervalSeconds: 1,
      },
    );
    cleanups.push(() => second.stop());
    const done = await waitFor(async () => {
      const s = await status(ctx.cers, id);
      return s.status === 'completed' || s.status === 'failed' ? s : undefined;
    }, 90_000);
    expect(done).toMatchObject({ status: 'completed', progress: 3, total: 3 });
    const file = await ctx.cers.db.selectFrom('reportFiles').select('content').where('reportId', '=', id).executeTakeFirstOrThrow();
    const text = pdfText(Buffer.from(file.content));
    for (const student of ['Ortega, Maria', 'Nguyen, Daniel', 'Abbott, Zoe']) expect(text).toContain(student);
  });

  it.runIf(name === 'postgres')(
    'a worker process killed with SIGKILL mid-report: the job expires, is retried by a new worker and the report completes',
    async () => {
      const ctx = await setup(create);
      cleanups.push(...ctx.cleanups);
      const url = ctx.cers.url as string;
      // Enqueue-only queue with the same definition the child uses (expireInSeconds 4).
      const enqueue = await startJobs(
        ctx.cers,
        [printableReportJob({ cers: ctx.cers, logger: silent, reportTtlHours: 24, expireInSeconds: 4 }) as never],
        { work: false },
      );
      cleanups.push(() => enqueue.stop());
      ctx.app.ctx.jobs = enqueue;
      const child = fork(fileURLToPath(new URL('../../../test/report-worker-child.ts', import.meta.url)), [url], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      cleanups.push(async () => child.kill('SIGKILL'));
      await new Promise<void>((resolve, reject) => {
        child.once('message', () => resolve());
        child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
      });
      const id = await requestReport(ctx, ctx.world.users.teacher, ctx.world.groupId);
      await waitFor(async () => {
        const s = await status(ctx.cers, id);
        return s.status === 'running' && s.progress >= 1 ? s : undefined;
      }, 60_000);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      expect((await status(ctx.cers, id)).status).toBe('running');

      const pool = createPdfPool({ size: 1 });
      cleanups.push(() => pool.close());
      const restarted = await startJobs(
        ctx.cers,
        [printableReportJob({ cers: ctx.cers, logger: silent, reportTtlHours: 24, pool, expireInSeconds: 4 }) as never],
        {
          work: true,
          pollingIntervalSeconds: 0.5,
          maintenanceIntervalSeconds: 1,
        },
      );
      cleanups.push(() => restarted.stop());
      const done = await waitFor(async () => {
        const s = await status(ctx.cers, id);
        return s.status === 'completed' || s.status === 'failed' ? s : undefined;
      }, 90_000);
      expect(done).toMatchObject({ status: 'completed', progress: 3, total: 3 });
    },
  );
});
