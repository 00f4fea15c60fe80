export { type DetectedContent, detectContent } from './content.js';
export { DEFAULT_PROCESSORS } from './default-processors.js';
export { GROUP_HEADERS, MAX_GROUP_STUDENTS } from './groups.js';
export { countImportsByStatus, findImport, type ImportDetail, type ImportFilter, type ImportRecord, listImports } from './history.js';
export { type ExamFile, loadExamBatch, refreshInferredSchools } from './load-exams.js';
export { familyOf } from './package/family.js';
export { type ParseJob, ParsePool, type ParseResult } from './pool.js';
export type { ContentProcessor, ProcessContext, ProcessorRegistry } from './processors.js';
export {
  type AcceptedImport,
  acceptImports,
  acceptLargeImport,
  findAccepted,
  type ImportOutcome,
  loadPayloads,
  markForRetry,
  md5Hex,
  type NewImport,
  readPayloadSlices,
  writeSlices,
} from './records.js';
export { loadRefData } from './ref-data.js';
export type { SourceMeta } from './runner.js';
export { DEFAULT_MAX_BYTES, type FileResult, ImportRunner, type IngestLogger, type RunnerOptions } from './runner.js';
export { type Source, SourceError, walkSources } from './sources.js';
export * from './statuses.js';
export type { SubjectDefinition } from './subject-definition.js';
export type { Trt } from './trt/model.js';
export { parseTrt, parseTrtStream, TrtFormatError } from './trt/parse.js';
export { processTrt, readTrt } from './trt/process.js';
export type { RefAssessment, RefData, RefSchool } from './trt/refs.js';
export { applyTransforms, EXTERNAL_VENDOR, resolveTransforms, TRANSFORMS, type TrtTransform } from './trt/transforms.js';
export { type Rejection, type ValidExam, validateExam } from './trt/validate.js';
export { type TrtWriteExam, type TrtWriteItem, type TrtWriteScore, writeTrt } from './trt/write.js';
