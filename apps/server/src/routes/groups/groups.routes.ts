import {
  createUserGroup,
  deleteUserGroup,
  filterVisibleStudentIds,
  findStudentGroup,
  findUserGroup,
  findUserGroupByName,
  listGroupCandidates,
  listSchools,
  listStudentGroups,
  listUserGroupMemberIds,
  listUserGroups,
  listVisibleStudents,
  type UserGroupRow,
  updateUserGroup,
} from '@cers/db';
import {
  type AccessScope,
  canCreateUserGroups,
  conflict,
  forbidden,
  hasPermission,
  individualScope,
  invalidInput,
  notFound,
  type Principal,
} from '@cers/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../plugins/auth.js';
import { ErrorSchema } from '../students/students.schema.js';
import { adminGroupRoutes } from './admin-groups.routes.js';
import {
  AssignedGroupsQuerySchema,
  AssignedGroupsResponseSchema,
  CandidateSourcesResponseSchema,
  CandidatesQuerySchema,
  CandidatesResponseSchema,
  GroupParamsSchema,
  UserGroupBodySchema,
  UserGroupResponseSchema,
  UserGroupsResponseSchema,
} from './groups.schema.js';
import { presentGroupStudent } from './present.js';

const GROUP = 'The group';
const LIST_LIMIT = 500;
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

/** The groups an individual-results reader reaches: their teacher groups and their schools' groups. */
export function groupVisibility(p: Principal) {
  return { scope: individualScope(p), assignedGroupIds: p.assignedGroups.map((g) => g.groupId) };
}

/**
 * Assigned Groups and My Groups (home page tabs) and the My Groups editor. My Groups are private
 * to their owner; another user's group answers 404 like a missing one. Members are always
 * intersected with the owner's individual scope, so a group never widens access.
 */
export const groupRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.cers.db;

  app.get(
    '/api/groups',
    {
      schema: {
        tags: ['groups'],
        summary: 'Assigned Groups: groups assigned to me, and groups at my schools or districts',
        querystring: AssignedGroupsQuerySchema,
        response: { 200: AssignedGroupsResponseSchema, 400: ErrorSchema, 401: ErrorSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const rows = await listStudentGroups(db(), {
        visibility: groupVisibility(principal),
        filters: request.query,
        limit: LIST_LIMIT + 1,
      });
      return {
        groups: rows.slice(0, LIST_LIMIT).map(({ districtId: _d, ...g }) => g),
        truncated: rows.length > LIST_LIMIT,
      };
    },
  );

  app.get(
    '/api/my-groups',
    {
      schema: {
        tags: ['groups'],
        summary: 'My Groups of the signed-in user, and whether Create is available',
        response: { 200: UserGroupsResponseSchema, 401: ErrorSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const rule = canCreateUserGroups(principal);
      const groups = await listUserGroups(db(), { userId: principal.userId, scope: individualScope(principal) });
      return {
        canCreate: rule.allowed,
        createDisabledReason: rule.allowed ? null : rule.reason,
        groups: groups.map(presentUserGroup),
      };
    },
  );

  app.get(
    '/api/my-groups/sources',
    {
      schema: {
        tags: ['groups'],
        summary: 'Schools and assigned groups to pick My Groups students from',
        response: { 200: CandidateSourcesResponseSchema, 401: ErrorSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const groups = await listStudentGroups(db(), { visibility: groupVisibility(principal), limit: LIST_LIMIT });
      const schools = new Map<number, string>();
      for (const g of groups) schools.set(g.schoolId, g.schoolName);
      // Plus every school of the user's school or district roles.
      const orgSchools = await listSchools(db(), { scope: { ...individualScope(principal), groups: [] }, limit: LIST_LIMIT });
      for (const s of orgSchools) schools.set(s.id, s.name);
      return {
        schools: [...schools].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
        groups: groups.map((g) => ({ id: g.id, name: g.name, schoolName: g.schoolName, schoolYear: g.schoolYear })),
      };
    },
  );

  app.get(
    '/api/my-groups/candidates',
    {
      schema: {
        tags: ['groups'],
        summary: 'Students the user may put in a group, filtered by school or group, name or SSID, and advanced filters',
        querystring: CandidatesQuerySchema,
        response: { 200: CandidatesResponseSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const { limit, groupId, grade, gender, ethnicity, military, ...rest } = request.query;
      if (groupId !== undefined) {
        const group = await findStudentGroup(db(), { visibility: groupVisibility(principal), groupId });
        if (!group) throw notFound(GROUP);
      }
      const { students, total } = await listGroupCandidates(db(), {
        scope: individualScope(principal),
        filters: { ...rest, groupId, grades: grade, genders: gender, ethnicities: ethnicity, military },
        limit,
      });
      return { students: students.map(presentGroupStudent), total, truncated: total > students.length };
    },
  );

  app.get(
    '/api/my-groups/:id',
    {
      schema: {
        tags: ['groups'],
        summary: 'One of my groups with the students I may see',
        params: GroupParamsSchema,
        response: { 200: UserGroupResponseSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return { group: await userGroupDetail(principal, request.params.id) };
    },
  );

  app.post(
    '/api/my-groups',
    {
      schema: {
        tags: ['groups'],
        summary: 'Create a custom group (My Groups) from students I may see',
        body: UserGroupBodySchema,
        response: { 201: UserGroupResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const rule = canCreateUserGroups(principal);
      if (!rule.allowed) throw forbidden(rule.reason);
      const body = request.body;
      await checkStudents(individualScope(principal), body.studentIds);
      if (await findUserGroupByName(db(), { userId: principal.userId, name: body.name })) throw duplicateName(body.name);
      const id = await createUserGroup(db(), { userId: principal.userId, ...body });
      return reply.code(201).send({ group: await userGroupDetail(principal, id) });
    },
  );

  app.put(
    '/api/my-groups/:id',
    {
      schema: {
        tags: ['groups'],
        summary: 'Rename a group, change its subjects or students',
        params: GroupParamsSchema,
        body: UserGroupBodySchema,
        response: { 200: UserGroupResponseSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      if (!hasPermission(principal, 'USER_GROUP_WRITE')) throw forbidden('Your role does not allow editing groups.');
      const scope = individualScope(principal);
      const groupId = request.params.id;
      const existing = await findUserGroup(db(), { userId: principal.userId, scope, groupId });
      if (!existing) throw notFound(GROUP);
      const body = request.body;
      await checkStudents(scope, body.studentIds);
      if (await findUserGroupByName(db(), { userId: principal.userId, name: body.name, exceptId: groupId })) throw duplicateName(body.name);
      // Members the user can no longer see stay in the group (still hidden from them): an edit
      // must not silently drop students it cannot show.
      const memberIds = await listUserGroupMemberIds(db(), groupId);
      const visible = new Set(await filterVisibleStudentIds(db(), { scope, studentIds: memberIds }));
      const keepStudentIds = memberIds.filter((id) => !visible.has(id));
      await updateUserGroup(db(), { userId: principal.userId, groupId, ...body, keepStudentIds });
      return { group: await userGroupDetail(principal, groupId) };
    },
  );

  app.delete(
    '/api/my-groups/:id',
    {
      schema: {
        tags: ['groups'],
        summary: 'Delete one of my groups',
        params: GroupParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const deleted = await deleteUserGroup(db(), { userId: principal.userId, groupId: request.params.id });
      if (!deleted) throw notFound(GROUP);
      return reply.code(204).send(null);
    },
  );

  await app.register(adminGroupRoutes);

  async function userGroupDetail(principal: Principal, groupId: number) {
    const scope = individualScope(principal);
    const group = await findUserGroup(db(), { userId: principal.userId, scope, groupId });
    if (!group) throw notFound(GROUP);
    const memberIds = await listUserGroupMemberIds(db(), groupId);
    const students = await listVisibleStudents(db(), { scope, studentIds: memberIds });
    return { ...presentUserGroup(group), students: students.map(presentGroupStudent) };
  }

  async function checkStudents(scope: AccessScope, studentIds: readonly number[]): Promise<void> {
    const unique = [...new Set(studentIds)];
    const visible = await filterVisibleStudentIds(db(), { scope, studentIds: unique });
    const missing = unique.length - visible.length;
    if (missing > 0) {
      throw invalidInput(
        missing === 1
          ? 'One of the selected students is not available to you. Reload the list of students and try again.'
          : `${missing} of the selected students are not available to you. Reload the list of students and try again.`,
      );
    }
  }
};

function presentUserGroup(g: UserGroupRow) {
  return {
    id: g.id,
    name: g.name,
    subjects: g.subjects,
    studentCount: g.studentCount,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}

function duplicateName(name: string) {
  return conflict(`You already have a group named "${name}". Choose another name.`);
}
