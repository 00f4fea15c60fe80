export { type BulkColumn, type BulkType, bulkInsert, reserveIds } from './bulk.js';
export { type CersDb, type DbKind, type OpenOptions, openDb, PGLITE_PARSERS, wrapPglite } from './connect.js';
export { binaryIntBytea, type CopySession, copyEscape, copyTextArray, copyValue, withCopySession } from './copy.js';
export { MIGRATIONS_DIR, type MigrationResult, migrate } from './migrate.js';
export { MAX_PREPARED_PER_CONNECTION, PREPARED, PREPARED_MARK } from './prepared.js';
export {
  type AuditEntry,
  type AuditFilter,
  type AuditRow,
  type AuditScope,
  importPayloadStudentIds,
  listAudit,
  recordAudit,
  streamAudit,
} from './queries/audit.js';
export * from './queries/group-result-views.js';
export * from './queries/group-results.js';
export * from './queries/group-students.js';
export * from './queries/groups.js';
export * from './queries/instructional-resources.js';
export * from './queries/isr.js';
export { findPrincipal } from './queries/principals.js';
export * from './queries/reports.js';
export * from './queries/results-population.js';
export * from './queries/schools.js';
export {
  type ActiveSession,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  hashToken,
  type NewSession,
  type SessionMethod,
  type SessionTimes,
  sessionActivity,
  touchSession,
} from './queries/sessions.js';
export {
  clearLoginFailures,
  consumePasswordResetToken,
  createOidcRequest,
  createPasswordResetToken,
  findPasswordResetUser,
  type OidcRequest,
  pruneLoginAttempts,
  pruneSignInData,
  recentLoginFailures,
  recordLoginAttempt,
  setUserLock,
  takeOidcRequest,
} from './queries/sign-in.js';
export * from './queries/student-history.js';
export * from './queries/students.js';
export {
  createUser,
  findOrganization,
  findSignInUser,
  findUserByOidc,
  findUserIdByLogin,
  type GrantResult,
  grantRole,
  linkOidcByEmail,
  listUsers,
  type NewUser,
  type OrgRef,
  recordSignIn,
  revokeRole,
  type SignInUser,
  setPasswordHash,
  setUserDisabled,
  type UserListRow,
} from './queries/users.js';
export type * from './schema.js';
export {
  assignedGroupInScope,
  type EmbargoScope,
  type ExamAliases,
  embargoAllows,
  examInScope,
  schoolInScope,
  studentInScope,
} from './scope.js';
export {
  copyExams,
  type EncodedExamRows,
  EXAM_COPY_COLUMNS,
  EXAM_ID_MARK,
  type ExamCopyRow,
  encodeExamRows,
} from './writers/exam-copy.js';
export {
  deleteExams,
  type ExamDraft,
  type ExamItemDraft,
  type ExamScoreDraft,
  type ExamTargetDraft,
  type ExamTraitDraft,
  insertExams,
} from './writers/exams.js';
