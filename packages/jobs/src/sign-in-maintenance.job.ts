import { type CersDb, pruneSignInData } from '@cers/db';
import { z } from 'zod';
import type { JobDefinition } from './queue.js';

export const SIGN_IN_MAINTENANCE_JOB = 'sign-in-maintenance';

/**
 * Hourly clean-up of ended sessions, expired single sign-on requests and reset tokens, and old
 * sign-in attempts (docs/access.md §Sessions). Logs counts only.
 */
export function signInMaintenanceJob(deps: {
  cers: CersDb;
  logger: { info: (obj: object, msg?: string) => void };
  schedule?: string;
}): JobDefinition<z.ZodObject> {
  return {
    name: SIGN_IN_MAINTENANCE_JOB,
    payload: z.object({}),
    schedule: deps.schedule ?? '17 * * * *',
    retryLimit: 0,
    expireInSeconds: 5 * 60,
    handler: async () => {
      const result = await pruneSignInData(deps.cers.db);
      if (Object.values(result).some((n) => n > 0)) deps.logger.info(result, 'sign-in maintenance');
    },
  };
}
