import { ASSIGNED_GROUP_MAX_STUDENTS, GRADE_CODES, GROUP_NAME_MAX_LENGTH, SUBJECTS, USER_GROUP_MAX_STUDENTS } from '@cers/domain';
import { z } from 'zod';
import { IdSchema } from '../students/students.schema.js';

/** Contracts of Assigned Groups, My Groups (user groups) and the administrators' group management. */

export const GroupParamsSchema = z.object({ id: IdSchema });

const Subjects = z
  .array(z.enum(SUBJECTS))
  .min(1, 'Choose at least one subject, or leave the subjects out for all subjects')
  .nullable()
  .describe('null = all subjects');

const GroupName = z
  .string()
  .trim()
  .min(1, 'Enter a group name')
  .max(GROUP_NAME_MAX_LENGTH, `A group name has at most ${GROUP_NAME_MAX_LENGTH} characters`);

export const AssignedGroupSchema = z.object({
  id: z.number(),
  name: z.string(),
  schoolId: z.number(),
  schoolName: z.string(),
  schoolYear: z.number(),
  subjects: z.array(z.string()).nullable(),
  studentCount: z.number(),
  /** The group is assigned to the signed-in user (others are listed through a school or district role). */
  assignedToMe: z.boolean(),
});

export const AssignedGroupsQuerySchema = z.object({
  q: z.string().max(100).optional().describe('part of the group name'),
  schoolYear: z.coerce.number().int().min(1990).max(2100).optional(),
});
export const AssignedGroupsResponseSchema = z.object({ groups: z.array(AssignedGroupSchema), truncated: z.boolean() });

export const GroupStudentSchema = z.object({
  id: z.number(),
  ssid: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  displayName: z.string(),
  schoolId: z.number().nullable(),
  schoolName: z.string().nullable(),
  grade: z.string().nullable(),
  gender: z.string().nullable(),
  ethnicities: z.array(z.string()),
  elas: z.string().nullable(),
  iep: z.boolean().nullable(),
  section504: z.boolean().nullable(),
  economicDisadvantage: z.boolean().nullable(),
  migrant: z.boolean().nullable(),
  militaryConnected: z.string().nullable(),
});

export const UserGroupSchema = z.object({
  id: z.number(),
  name: z.string(),
  subjects: z.array(z.string()).nullable(),
  studentCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const UserGroupsResponseSchema = z.object({
  canCreate: z.boolean(),
  /** Why Create is disabled (e.g. a teacher with no assigned group yet). */
  createDisabledReason: z.string().nullable(),
  groups: z.array(UserGroupSchema),
});
export const UserGroupDetailSchema = UserGroupSchema.extend({ students: z.array(GroupStudentSchema) });
export const UserGroupResponseSchema = z.object({ group: UserGroupDetailSchema });

export const UserGroupBodySchema = z.object({
  name: GroupName,
  subjects: Subjects,
  studentIds: z.array(IdSchema).max(USER_GROUP_MAX_STUDENTS, `A group holds at most ${USER_GROUP_MAX_STUDENTS} students`),
});

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined,
    )
    .pipe(z.array(item).optional());
const yesNo = z
  .enum(['yes', 'no'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'yes'));

export const CandidatesQuerySchema = z.object({
  schoolId: IdSchema.optional(),
  groupId: IdSchema.optional().describe('an assigned group visible to the user'),
  q: z.string().max(100).optional().describe('part of a name, or the start of an SSID'),
  grade: csv(z.enum(GRADE_CODES)).describe('comma-separated grade codes, e.g. 03,04'),
  gender: csv(z.string().max(40)),
  ethnicity: csv(z.string().max(60)),
  elas: csv(z.string().max(10)),
  military: csv(z.string().max(40)),
  iep: yesNo,
  section504: yesNo,
  economicDisadvantage: yesNo,
  migrant: yesNo,
  limit: z.coerce.number().int().min(1).max(1000).default(300),
});
export const CandidatesResponseSchema = z.object({
  students: z.array(GroupStudentSchema),
  /** Matching students before the limit. */
  total: z.number(),
  truncated: z.boolean(),
});

export const CandidateSourcesResponseSchema = z.object({
  schools: z.array(z.object({ id: z.number(), name: z.string() })),
  groups: z.array(z.object({ id: z.number(), name: z.string(), schoolName: z.string(), schoolYear: z.number() })),
});

// ---------------------------------------------------------------- administrators

export const GroupTeacherSchema = z.object({ userId: z.number(), displayName: z.string(), login: z.string() });
export const AdminGroupSchema = AssignedGroupSchema.omit({ assignedToMe: true }).extend({ teachers: z.array(GroupTeacherSchema) });
export const AdminGroupsQuerySchema = z.object({
  schoolId: IdSchema.optional(),
  schoolYear: z.coerce.number().int().min(1990).max(2100).optional(),
  subject: z.enum(SUBJECTS).optional(),
  q: z.string().max(100).optional(),
});
export const AdminGroupsResponseSchema = z.object({ groups: z.array(AdminGroupSchema), truncated: z.boolean() });
export const AdminGroupResponseSchema = z.object({ group: AdminGroupSchema.extend({ students: z.array(GroupStudentSchema) }) });
export const AdminGroupBodySchema = z.object({
  name: GroupName,
  schoolId: IdSchema,
  schoolYear: z.number().int().min(1990).max(2100),
  subjects: Subjects,
  studentIds: z.array(IdSchema).max(ASSIGNED_GROUP_MAX_STUDENTS, `An assigned group holds at most ${ASSIGNED_GROUP_MAX_STUDENTS} students`),
  teacherIds: z.array(IdSchema).max(100),
});
export const TeacherCandidatesQuerySchema = z.object({ schoolId: IdSchema });
export const TeacherCandidatesResponseSchema = z.object({
  teachers: z.array(GroupTeacherSchema.extend({ roles: z.array(z.string()) })),
});
