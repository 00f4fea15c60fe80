export { groupResultsCsv } from './csv/group-results-csv.js';
export {
  EXAM_EXPORT_COLUMNS,
  type ExamExportFilters,
  type ExamExportRow,
  type ExamExportScope,
  type ExportScore,
  type ExportTrait,
  exportScopeOf,
  OPERATOR_EXPORT_SCOPE,
  streamExamExport,
} from './export/exam-export.js';
export {
  type ExportFormat,
  examExportCsv,
  examExportCsvHeader,
  examExportCsvLine,
  examExportJson,
  formatExamExport,
  parseExamExportCsv,
} from './export/format.js';
export { reportStrings } from './i18n/index.js';
export { REPORT_LANGUAGES, type ReportLanguage, type ReportStrings } from './i18n/strings.js';
export { isrInputsFromData } from './isr/isr-data.js';
export type * from './isr/isr-input.js';
export {
  buildIsrModel,
  formatDate,
  type IsrModel,
  type IsrOptions,
  type IsrSection,
  levelSchemeOf,
  studentDisplayName,
} from './isr/isr-model.js';
export {
  MAX_PDF_PAGES,
  type ReportLogger,
  type RunReportAttempt,
  type RunReportDeps,
  runReport,
  sortCandidates,
} from './jobs/run-report.js';
export { mergePdfs, pdfPageCount } from './pdf/merge-pdf.js';
export { createPdfPool, type PdfPool, type PdfPoolOptions, pdfPoolSize } from './pdf/pdf-pool.js';
export { type RenderedPdf, type RenderOptions, renderIsrDocument } from './pdf/render-isr.js';
export {
  REPORT_KINDS,
  REPORT_NAME_PATTERN,
  type ReportKind,
  type ReportParams,
  ReportParamsSchema,
  type ReportTargetParams,
  ReportTargetSchema,
  reportFileName,
  SORT_ORDERS,
  type SortOrder,
} from './report-params.js';
