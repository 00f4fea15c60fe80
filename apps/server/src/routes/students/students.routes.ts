import { findStudent, findStudentCards, findStudentHistory, type ReadAudit, type StudentExamRow, type StudentSummary } from '@cers/db';
import { embargoScope, individualScope, notFound, type Principal, studentDisplayName } from '@cers/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditIp, requirePrincipal } from '../../plugins/auth.js';
import {
  ErrorSchema,
  StudentExamsQuerySchema,
  StudentExamsResponseSchema,
  StudentParamsSchema,
  StudentResponseSchema,
  StudentSearchQuerySchema,
  StudentSearchResponseSchema,
} from './students.schema.js';

const STUDENT = 'The student';
const errors = { 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema };

/**
 * Search by Student (cards) and the Student Test History page. Scope: individualScope (school and
 * district roles with INDIVIDUAL_READ, teachers through their assigned groups, subject-limited);
 * unreleased summatives only for embargo reviewers. A hidden student answers like a missing one.
 */
export const studentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.cers.db;

  app.get(
    '/api/students/search',
    {
      schema: {
        tags: ['students'],
        summary: 'Search by Student: the Student Results Cards of one SSID',
        querystring: StudentSearchQuerySchema,
        response: { 200: StudentSearchResponseSchema, 400: ErrorSchema, 401: ErrorSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const scope = individualScope(principal);
      const found = await findStudentCards(db(), {
        scope,
        embargo: embargoScope(principal),
        ssid: request.query.ssid,
        audit: audit(principal, auditIp(request), 'student-search'),
      });
      if (!found) return { student: null, cards: [] };
      const { student, cards } = found;
      return {
        student: presentStudent(student),
        cards: cards.map((c) => ({ ...c, completedAt: c.completedAt.toISOString() })),
      };
    },
  );

  app.get(
    '/api/students/:id',
    {
      schema: {
        tags: ['students'],
        summary: 'One student (name, SSID, current school)',
        params: StudentParamsSchema,
        response: { 200: StudentResponseSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const student = await findStudent(db(), { scope: individualScope(principal), studentId: request.params.id });
      if (!student) throw notFound(STUDENT);
      return { student: presentStudent(student) };
    },
  );

  app.get(
    '/api/students/:id/exams',
    {
      schema: {
        tags: ['students'],
        summary: 'Student Test History: every visible exam with sub-scores, writing traits and accommodations',
        params: StudentParamsSchema,
        querystring: StudentExamsQuerySchema,
        response: { 200: StudentExamsResponseSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const scope = individualScope(principal);
      const history = await findStudentHistory(db(), {
        scope,
        embargo: embargoScope(principal),
        studentId: request.params.id,
        filters: request.query,
        audit: audit(principal, auditIp(request), 'student-history'),
      });
      if (!history) throw notFound(STUDENT);
      const { student, exams } = history;
      return { student: presentStudent(student), exams: exams.map((e) => presentExam(e, student)) };
    },
  );

  /** Every read of a student's results is audited by the statement that reads them (refused reads are not). */
  function audit(principal: Principal, ip: string | null, view: string): ReadAudit {
    return { userId: principal.userId, userLogin: principal.login, action: 'read-student-results', view, ip };
  }
};

function presentStudent(s: StudentSummary) {
  return {
    id: s.id,
    ssid: s.ssid,
    firstName: s.firstName,
    lastName: s.lastName,
    displayName: studentDisplayName(s),
    school: s.schoolId !== null && s.schoolName !== null ? { id: s.schoolId, name: s.schoolName } : null,
    district: s.districtId !== null && s.districtName !== null ? { id: s.districtId, name: s.districtName } : null,
  };
}

function presentExam(e: StudentExamRow, s: StudentSummary) {
  const { schoolId, schoolName, districtId: _district, completedAt, ...rest } = e;
  return {
    ...rest,
    completedAt: completedAt.toISOString(),
    school: { id: schoolId, name: schoolName },
    atOtherSchool: s.schoolId !== null && s.schoolId !== schoolId,
  };
}
