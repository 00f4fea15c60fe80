import { type JobQueue, startJobs } from '@cers/jobs';
import type { AppContext } from './context.js';
import { jobDefinitions } from './jobs.js';

/** Starts pg-boss; runs handlers only when this process has the worker role. */
export async function startWorker(ctx: AppContext): Promise<JobQueue> {
  return startJobs(ctx.cers, jobDefinitions(ctx), {
    work: ctx.config.services.has('worker'),
    onError: (error) => ctx.logger.error({ err: error }, 'job queue error'),
  });
}
