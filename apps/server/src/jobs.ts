import { type JobDefinition, printableReportJob, reportMaintenanceJob, signInMaintenanceJob } from '@cers/jobs';
import type { z } from 'zod';
import type { AppContext } from './context.js';

/** Every background job this server runs (imports, printable reports, ...). */
export function jobDefinitions(ctx: AppContext): JobDefinition<z.ZodType>[] {
  const reportDeps = { cers: ctx.cers, logger: ctx.logger, reportTtlHours: ctx.config.reportTtlHours, pdfWorkers: ctx.config.pdfWorkers };
  return [
    printableReportJob(reportDeps) as JobDefinition<z.ZodType>,
    reportMaintenanceJob(reportDeps) as JobDefinition<z.ZodType>,
    signInMaintenanceJob({ cers: ctx.cers, logger: ctx.logger }) as JobDefinition<z.ZodType>,
  ];
}
