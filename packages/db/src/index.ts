export { type BulkColumn, type BulkType, bulkInsert, reserveIds } from './bulk.js';
export { type CersDb, type DbKind, type OpenOptions, openDb, wrapPglite } from './connect.js';
export { MIGRATIONS_DIR, type MigrationResult, migrate } from './migrate.js';
export { type AuditEntry, recordAudit } from './queries/audit.js';
export { findPrincipal } from './queries/principals.js';
export { type ActiveSession, createSession, deleteSession, hashToken, type NewSession, touchSession } from './queries/sessions.js';
export type * from './schema.js';
export { type EmbargoScope, type ExamAliases, embargoAllows, examInScope, schoolInScope, studentInScope } from './scope.js';
export {
  deleteExams,
  type ExamDraft,
  type ExamItemDraft,
  type ExamScoreDraft,
  type ExamTargetDraft,
  type ExamTraitDraft,
  insertExams,
} from './writers/exams.js';
