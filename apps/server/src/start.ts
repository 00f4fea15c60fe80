import { type CersDb, migrate, openDb } from '@cers/db';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app.js';
import { type Config, databaseOptions } from './config.js';
import type { AppContext } from './context.js';
import { startWorker } from './worker.js';

export type StartedServer = { app: FastifyInstance | undefined; ctx: AppContext; close: () => Promise<void> };

/**
 * npm start: migrate, load the sandbox when the database is empty (and the sandbox is on),
 * start the job worker and serve the app and API.
 */
export async function startServer(config: Config, logger: Logger): Promise<StartedServer> {
  const cers: CersDb = await openDb(databaseOptions(config));
  logger.info({ database: cers.kind }, 'database opened');
  const { applied } = await migrate(cers);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  const ctx: AppContext = { config, cers, logger };
  await prepareData(ctx);
  ctx.jobs = await startWorker(ctx);
  let app: FastifyInstance | undefined;
  if (config.services.has('web')) {
    app = await buildApp(ctx);
    await app.listen({ port: config.port, host: config.host });
  }
  return {
    app,
    ctx,
    close: async () => {
      await app?.close();
      await ctx.jobs?.stop();
      await cers.close();
    },
  };
}

async function prepareData(ctx: AppContext): Promise<void> {
  const { cers, config, logger } = ctx;
  if (!config.sandbox) return;
  const { ensureSandbox } = await import('@cers/sandbox');
  await ensureSandbox(cers, { logger });
}
