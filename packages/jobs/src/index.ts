export {
  enqueuePrintableReport,
  PRINTABLE_REPORT_JOB,
  PrintableReportPayload,
  printableReportJob,
  REPORT_MAINTENANCE_JOB,
  type ReportJobDeps,
  reportMaintenanceJob,
  runReportMaintenance,
} from './printable-report.job.js';
export { type JobDefinition, type JobQueue, startJobs } from './queue.js';
export { SIGN_IN_MAINTENANCE_JOB, signInMaintenanceJob } from './sign-in-maintenance.job.js';
