/**
 * A separate job-worker process for the restart test (reports.restart.db.test.ts): it runs the
 * printable-report job against PostgreSQL, one student per chunk, and stalls after the first
 * chunk so the test can kill it (SIGKILL) in the middle of a report.
 */
import { openDb } from '@cers/db';
import { printableReportJob, startJobs } from '@cers/jobs';

const url = process.argv[2];
if (!url) throw new Error('usage: report-worker-child.ts <postgres url>');
const cers = await openDb({ url, poolSize: 4 });
const silent = { info: () => undefined, error: () => undefined };
const job = printableReportJob({
  cers,
  logger: silent,
  reportTtlHours: 24,
  chunkSize: 1,
  expireInSeconds: 4,
  onChunk: () => new Promise<void>(() => undefined),
});
await startJobs(cers, [job as never], { work: true, pollingIntervalSeconds: 0.5 });
process.send?.('ready');
