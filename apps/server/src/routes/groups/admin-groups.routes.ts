import {
  createStudentGroup,
  deleteStudentGroup,
  filterTeacherIds,
  filterVisibleStudentIds,
  findSchoolInScope,
  findStudentGroup,
  findStudentGroupByName,
  listGroupTeachers,
  listStudentGroupMemberIds,
  listStudentGroups,
  listTeacherCandidates,
  listVisibleStudents,
  type StudentGroupRow,
  updateStudentGroup,
} from '@cers/db';
import {
  type AccessScope,
  conflict,
  forbidden,
  individualScope,
  invalidInput,
  isEmptyScope,
  notFound,
  orgScope,
  type Permission,
  type Principal,
} from '@cers/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forgetPrincipals, requirePrincipal } from '../../plugins/auth.js';
import { ErrorSchema } from '../students/students.schema.js';
import {
  AdminGroupBodySchema,
  AdminGroupResponseSchema,
  AdminGroupsQuerySchema,
  AdminGroupsResponseSchema,
  GroupParamsSchema,
  TeacherCandidatesQuerySchema,
  TeacherCandidatesResponseSchema,
} from './groups.schema.js';
import { presentGroupStudent } from './present.js';

const GROUP = 'The group';
const SCHOOL = 'The school';
const LIST_LIMIT = 1000;
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

/** Organizations where the user holds the permission; a user with none may not manage groups at all. */
function adminScope(p: Principal, permission: Permission): AccessScope {
  const scope = orgScope(p, permission);
  if (isEmptyScope(scope)) throw forbidden('Managing student groups needs a school or district administrator role.');
  return scope;
}

/**
 * Manage Student Groups (administrators, cers-features.md §3.10): assigned groups at the schools
 * where the user holds GROUP_READ (list) or GROUP_WRITE (create, edit, delete, assign teachers).
 */
export const adminGroupRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.cers.db;

  app.get(
    '/api/admin/groups',
    {
      schema: {
        tags: ['admin-groups'],
        summary: 'Assigned groups at my schools or districts, with their teachers',
        querystring: AdminGroupsQuerySchema,
        response: { 200: AdminGroupsResponseSchema, ...errors },
      },
    },
    async (request) => {
      const scope = adminScope(requirePrincipal(request), 'GROUP_READ');
      const rows = await listStudentGroups(db(), {
        visibility: { scope, assignedGroupIds: [] },
        filters: request.query,
        limit: LIST_LIMIT + 1,
      });
      const groups = rows.slice(0, LIST_LIMIT);
      const teachers = await listGroupTeachers(
        db(),
        groups.map((g) => g.id),
      );
      return {
        groups: groups.map((g) => ({ ...presentGroup(g), teachers: teachers.filter((t) => t.groupId === g.id).map(presentTeacher) })),
        truncated: rows.length > LIST_LIMIT,
      };
    },
  );

  app.get(
    '/api/admin/groups/teachers',
    {
      schema: {
        tags: ['admin-groups'],
        summary: 'Users with a role at the school (or its district) who can be assigned its groups',
        querystring: TeacherCandidatesQuerySchema,
        response: { 200: TeacherCandidatesResponseSchema, ...errors },
      },
    },
    async (request) => {
      const scope = adminScope(requirePrincipal(request), 'GROUP_WRITE');
      const school = await findSchoolInScope(db(), { scope, schoolId: request.query.schoolId });
      if (!school) throw notFound(SCHOOL);
      const teachers = await listTeacherCandidates(db(), { schoolId: school.id, districtId: school.districtId });
      return { teachers };
    },
  );

  app.get(
    '/api/admin/groups/:id',
    {
      schema: {
        tags: ['admin-groups'],
        summary: 'One assigned group with its students and teachers',
        params: GroupParamsSchema,
        response: { 200: AdminGroupResponseSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return { group: await groupDetail(principal, adminScope(principal, 'GROUP_READ'), request.params.id) };
    },
  );

  app.post(
    '/api/admin/groups',
    {
      schema: {
        tags: ['admin-groups'],
        summary: 'Create an assigned group at one of my schools and assign its teachers',
        body: AdminGroupBodySchema,
        response: { 201: AdminGroupResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const scope = adminScope(principal, 'GROUP_WRITE');
      const input = await validateInput(scope, request.body);
      const id = await createStudentGroup(db(), { ...input, createdBy: principal.userId });
      forgetPrincipals(app); // the teachers' assigned groups changed
      return reply.code(201).send({ group: await groupDetail(principal, scope, id) });
    },
  );

  app.put(
    '/api/admin/groups/:id',
    {
      schema: {
        tags: ['admin-groups'],
        summary: 'Edit an assigned group: name, school year, subjects, students, teachers',
        params: GroupParamsSchema,
        body: AdminGroupBodySchema,
        response: { 200: AdminGroupResponseSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const scope = adminScope(principal, 'GROUP_WRITE');
      const groupId = request.params.id;
      const existing = await findStudentGroup(db(), { visibility: { scope, assignedGroupIds: [] }, groupId });
      if (!existing) throw notFound(GROUP);
      const input = await validateInput(scope, request.body, groupId);
      // Members outside the editor's scope are kept (see My Groups): an edit never drops what it cannot show.
      const memberIds = await listStudentGroupMemberIds(db(), groupId);
      const visible = new Set(await filterVisibleStudentIds(db(), { scope: individualScope(principal), studentIds: memberIds }));
      const hidden = memberIds.filter((id) => !visible.has(id));
      await updateStudentGroup(db(), { ...input, studentIds: [...input.studentIds, ...hidden], groupId });
      forgetPrincipals(app); // teachers and subjects are part of the principals
      return { group: await groupDetail(principal, scope, groupId) };
    },
  );

  app.delete(
    '/api/admin/groups/:id',
    {
      schema: {
        tags: ['admin-groups'],
        summary: 'Delete an assigned group (not undoable)',
        params: GroupParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const scope = adminScope(requirePrincipal(request), 'GROUP_WRITE');
      const existing = await findStudentGroup(db(), { visibility: { scope, assignedGroupIds: [] }, groupId: request.params.id });
      if (!existing) throw notFound(GROUP);
      await deleteStudentGroup(db(), existing.id);
      forgetPrincipals(app);
      return reply.code(204).send(null);
    },
  );

  async function validateInput(scope: AccessScope, body: z.infer<typeof AdminGroupBodySchema>, exceptId?: number) {
    const school = await findSchoolInScope(db(), { scope, schoolId: body.schoolId });
    if (!school) throw notFound(SCHOOL);
    const studentIds = [...new Set(body.studentIds)];
    const visible = await filterVisibleStudentIds(db(), { scope, studentIds });
    if (visible.length < studentIds.length) {
      throw invalidInput(`${studentIds.length - visible.length} of the selected students are not students of your schools.`);
    }
    const teacherIds = [...new Set(body.teacherIds)];
    const teachers = await filterTeacherIds(db(), { schoolId: school.id, districtId: school.districtId, userIds: teacherIds });
    if (teachers.length < teacherIds.length) throw invalidInput('Every teacher must hold a role at the group’s school or district.');
    const duplicate = await findStudentGroupByName(db(), {
      schoolId: school.id,
      schoolYear: body.schoolYear,
      name: body.name,
      ...(exceptId !== undefined ? { exceptId } : {}),
    });
    if (duplicate) throw conflict(`${school.name} already has a group named "${body.name}" in that school year.`);
    return { ...body, schoolId: school.id, districtId: school.districtId, studentIds, teacherIds };
  }

  async function groupDetail(principal: Principal, scope: AccessScope, groupId: number) {
    const group = await findStudentGroup(db(), { visibility: { scope, assignedGroupIds: [] }, groupId });
    if (!group) throw notFound(GROUP);
    const [teachers, memberIds] = await Promise.all([listGroupTeachers(db(), [groupId]), listStudentGroupMemberIds(db(), groupId)]);
    const students = await listVisibleStudents(db(), { scope: individualScope(principal), studentIds: memberIds });
    return { ...presentGroup(group), teachers: teachers.map(presentTeacher), students: students.map(presentGroupStudent) };
  }
};

function presentGroup(g: StudentGroupRow) {
  const { districtId: _d, assignedToMe: _a, ...rest } = g;
  return rest;
}

function presentTeacher(t: { userId: number; displayName: string; login: string }) {
  return { userId: t.userId, displayName: t.displayName, login: t.login };
}
