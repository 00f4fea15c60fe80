import type { CersDb } from '@cers/db';
import type { Principal } from '@cers/domain';
import type { Logger } from 'pino';
import type { Config } from './config.js';

/** What every route can reach: app.ctx. Jobs (pg-boss) join it when the worker starts. */
export type AppContext = {
  config: Config;
  cers: CersDb;
  logger: Logger;
  /** Enqueue background work (pg-boss). Undefined until the job runner starts. */
  jobs?: import('@cers/jobs').JobQueue | undefined;
};

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    /** Set by the auth plugin when a valid session cookie came with the request. */
    principal: Principal | undefined;
    sessionId: string | undefined;
    csrfToken: string | undefined;
    /** When the session ends if idle (set with principal). */
    sessionExpiresAt: Date | undefined;
  }
}
