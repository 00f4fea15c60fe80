import type { CersDb } from '@cers/db';
import PgBoss from 'pg-boss';
import type { z } from 'zod';

/**
 * pg-boss on the application's own database (PGlite or PostgreSQL): no extra broker.
 * A job is a definition (name + zod payload) and a handler; see docs/ARCHITECTURE.md.
 */
export type JobDefinition<S extends z.ZodType> = {
  name: string;
  payload: S;
  /** Seconds before an active job is considered dead and retried (worker crash, restart). */
  expireInSeconds?: number;
  retryLimit?: number;
  /** How many jobs of this kind one process runs at once. */
  concurrency?: number;
  /** Cron expression (UTC): the job also runs on this schedule, with payload {}. */
  schedule?: string;
  handler: (payload: z.infer<S>, job: { id: string; retryCount: number }) => Promise<void>;
};

export type JobQueue = {
  send<S extends z.ZodType>(
    def: JobDefinition<S>,
    payload: z.infer<S>,
    options?: { singletonKey?: string; startAfterSeconds?: number },
  ): Promise<string | null>;
  stop(): Promise<void>;
  readonly boss: PgBoss;
};

function bossFor(cers: CersDb, maintenanceIntervalSeconds = 60): PgBoss {
  const options = {
    schema: 'pgboss',
    schedule: true,
    supervise: true,
    maintenanceIntervalSeconds,
  };
  if (cers.kind === 'postgres' && cers.url) return new PgBoss({ ...options, connectionString: cers.url, max: 4 });
  // PGlite: route pg-boss through the same single connection (its mutex serialises us).
  return new PgBoss({ ...options, db: { executeSql: (text: string, values?: unknown[]) => cers.executeSql(text, values) } } as never);
}

/**
 * Starts pg-boss, creates the queues and (when work is true) registers the handlers.
 * The web process calls it with work=false only to enqueue.
 */
export async function startJobs(
  cers: CersDb,
  definitions: readonly JobDefinition<z.ZodType>[],
  options: {
    work: boolean;
    onError?: (error: Error) => void;
    pollingIntervalSeconds?: number;
    /** How often expired jobs are detected and retried (pg-boss maintenance); tests shorten it. */
    maintenanceIntervalSeconds?: number;
  },
): Promise<JobQueue> {
  const boss = bossFor(cers, options.maintenanceIntervalSeconds);
  boss.on('error', (error: Error) => options.onError?.(error));
  await boss.start();
  for (const def of definitions) {
    await boss.createQueue(def.name, {
      name: def.name,
      retryLimit: def.retryLimit ?? 2,
      retryDelay: 5,
      expireInSeconds: def.expireInSeconds ?? 15 * 60,
    });
    if (!options.work) continue;
    if (def.schedule) await boss.schedule(def.name, def.schedule, {});
    await boss.work(
      def.name,
      { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, includeMetadata: true },
      async (jobs) => {
        for (const job of jobs) {
          const payload = def.payload.parse(job.data);
          await def.handler(payload, { id: job.id, retryCount: job.retryCount });
        }
      },
    );
  }
  return {
    boss,
    send: async (def, payload, sendOptions) => {
      const data = def.payload.parse(payload) as object;
      return boss.send(def.name, data, {
        ...(sendOptions?.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
        ...(sendOptions?.startAfterSeconds ? { startAfter: sendOptions.startAfterSeconds } : {}),
      });
    },
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
