/**
 * Roles and permissions (domain.md §Access; cers-features.md §1). Roles are granted at one
 * organization; teacher roles reach students only through the groups assigned to the user.
 */
export const PERMISSIONS = [
  'INDIVIDUAL_READ', // student-level results for every student of an organization (PII)
  'GROUP_PII_READ', // student-level results of students in the user's assigned groups
  'AGGREGATE_READ', // counts and means, never names
  'GROUP_READ', // see the assigned groups of an organization
  'GROUP_WRITE', // upload / edit / delete assigned groups of an organization
  'USER_GROUP_WRITE', // My Groups
  'CUSTOM_AGGREGATE_READ', // custom aggregate reports
  'EMBARGO_REVIEW', // see and release summative results before release
  'INSTRUCTIONAL_RESOURCE_WRITE',
  'DATA_LOAD', // imports of exams, packages, organizations
  'USER_ADMIN',
  'AUDIT_READ',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type OrgLevel = 'state' | 'district' | 'school';

export type RoleDef = { label: string; level: OrgLevel; teacher: boolean; permissions: readonly Permission[] };

const TEACHER: readonly Permission[] = ['GROUP_PII_READ', 'USER_GROUP_WRITE'];
const SITE: readonly Permission[] = [
  'INDIVIDUAL_READ',
  'GROUP_PII_READ',
  'AGGREGATE_READ',
  'GROUP_READ',
  'GROUP_WRITE',
  'USER_GROUP_WRITE',
  'CUSTOM_AGGREGATE_READ',
  'INSTRUCTIONAL_RESOURCE_WRITE',
];
const LEA: readonly Permission[] = [...SITE, 'EMBARGO_REVIEW', 'USER_ADMIN', 'AUDIT_READ'];

export const ROLES = {
  TEST_ADMINISTRATOR: { label: 'Test Administrator', level: 'school', teacher: true, permissions: TEACHER },
  TEST_EXAMINER: { label: 'Test Examiner', level: 'school', teacher: true, permissions: TEACHER },
  IA_ADMINISTRATOR_ONLY: { label: 'Interim Assessment Administrator Only', level: 'school', teacher: true, permissions: TEACHER },
  EDUCATOR_ROSTER: { label: 'Educator—Roster', level: 'school', teacher: true, permissions: TEACHER },
  SITE_COORDINATOR: { label: 'Site CAASPP/ELPAC Coordinator', level: 'school', teacher: false, permissions: SITE },
  LEA_COORDINATOR: { label: 'LEA CAASPP/ELPAC Coordinator', level: 'district', teacher: false, permissions: LEA },
  DISTRICT_AGGREGATE_VIEWER: {
    label: 'District Aggregate Viewer (no individual results)',
    level: 'district',
    teacher: false,
    permissions: ['AGGREGATE_READ', 'CUSTOM_AGGREGATE_READ'],
  },
  STATE_ADMIN: { label: 'State Administrator', level: 'state', teacher: false, permissions: [...LEA, 'DATA_LOAD'] },
  DATA_LOADER: { label: 'Data Loader (operations)', level: 'state', teacher: false, permissions: ['DATA_LOAD'] },
} as const satisfies Record<string, RoleDef>;
export type RoleCode = keyof typeof ROLES;

export function isRoleCode(value: string): value is RoleCode {
  return Object.hasOwn(ROLES, value);
}

/** Whether a role may be granted at an organization of this type (TOMS roles apply at one level). */
export function roleAllowedAt(role: RoleCode, orgType: string): boolean {
  return ROLES[role].level === orgType;
}

/** A role held at one organization. districtId is the district of a school grant, or the district itself. */
export type Grant = { role: RoleCode; orgType: OrgLevel; orgId: number; districtId: number | null };
export type TeacherGroup = { groupId: number; subjects: readonly string[] | null };

export type Principal = {
  userId: number;
  login: string;
  displayName: string;
  grants: readonly Grant[];
  /** Assigned (not user-made) groups of this user; they give access only with a teacher permission. */
  assignedGroups: readonly TeacherGroup[];
  isSandbox: boolean;
};

/**
 * Where a permission applies. A row is in scope when any clause matches; a teacher group clause
 * also requires the exam's subject to be one of the group's subjects (null = all).
 */
export type AccessScope = {
  statewide: boolean;
  districtIds: readonly number[];
  schoolIds: readonly number[];
  groups: readonly TeacherGroup[];
};

export const EMPTY_SCOPE: AccessScope = { statewide: false, districtIds: [], schoolIds: [], groups: [] };

export function hasPermission(p: Principal, permission: Permission): boolean {
  return p.grants.some((g) => (ROLES[g.role].permissions as readonly Permission[]).includes(permission));
}

/** Organizations where the user holds the permission (no groups). */
export function orgScope(p: Principal, permission: Permission): AccessScope {
  const districtIds = new Set<number>();
  const schoolIds = new Set<number>();
  let statewide = false;
  for (const g of p.grants) {
    if (!(ROLES[g.role].permissions as readonly Permission[]).includes(permission)) continue;
    if (g.orgType === 'state') statewide = true;
    else if (g.orgType === 'district') districtIds.add(g.orgId);
    else schoolIds.add(g.orgId);
  }
  return { statewide, districtIds: [...districtIds], schoolIds: [...schoolIds], groups: [] };
}

/**
 * Who may read student-level results: organizations with INDIVIDUAL_READ plus, for users with a
 * teacher permission, the students of their assigned groups (subject-limited).
 */
export function individualScope(p: Principal): AccessScope {
  const orgs = orgScope(p, 'INDIVIDUAL_READ');
  const groups = hasPermission(p, 'GROUP_PII_READ') ? p.assignedGroups : [];
  return { ...orgs, groups };
}

/** Aggregate-only reach (counts and means); includes everything individual access reaches. */
export function aggregateScope(p: Principal): AccessScope {
  const agg = orgScope(p, 'AGGREGATE_READ');
  const ind = individualScope(p);
  return {
    statewide: agg.statewide || ind.statewide,
    districtIds: [...new Set([...agg.districtIds, ...ind.districtIds])],
    schoolIds: [...new Set([...agg.schoolIds, ...ind.schoolIds])],
    groups: ind.groups,
  };
}

export function isEmptyScope(s: AccessScope): boolean {
  return !s.statewide && s.districtIds.length === 0 && s.schoolIds.length === 0 && s.groups.length === 0;
}

/** Facts about one exam that decide visibility; the pure twin of db/src/scope.ts. */
export type ExamFacts = {
  districtId: number;
  schoolId: number;
  subject: string;
  /** The student's current school/district (history rule). */
  studentSchoolId: number | null;
  studentDistrictId: number | null;
  /** Assigned groups the student belongs to. */
  studentGroupIds: readonly number[];
};

/**
 * domain.md §Access: org roles see exams taken in their district/school, and a student's whole
 * history when the student's current school is theirs; teachers see exams of the group's
 * subjects for students in their groups.
 */
export function examInScope(scope: AccessScope, e: ExamFacts): boolean {
  if (scope.statewide) return true;
  if (scope.districtIds.includes(e.districtId) || scope.schoolIds.includes(e.schoolId)) return true;
  if (e.studentDistrictId !== null && scope.districtIds.includes(e.studentDistrictId)) return true;
  if (e.studentSchoolId !== null && scope.schoolIds.includes(e.studentSchoolId)) return true;
  return scope.groups.some(
    (g) =>
      e.studentGroupIds.includes(g.groupId) && (g.subjects === null || g.subjects.some((s) => s.toLowerCase() === e.subject.toLowerCase())),
  );
}

/** Facts about one student that decide whether a user may find (search, open) the student. */
export type StudentFacts = {
  studentSchoolId: number | null;
  studentDistrictId: number | null;
  /** Districts and schools where the student has exams. */
  examDistrictIds: readonly number[];
  examSchoolIds: readonly number[];
  /** Assigned groups the student belongs to. */
  studentGroupIds: readonly number[];
};

/**
 * The pure twin of db studentInScope: a student is reachable when the current school/district is in
 * the scope, when an exam was taken in a scope organization, or through a teacher group (any
 * subject: which exams show is decided per exam by examInScope).
 */
export function studentVisible(scope: AccessScope, s: StudentFacts): boolean {
  if (scope.statewide) return true;
  if (s.studentDistrictId !== null && scope.districtIds.includes(s.studentDistrictId)) return true;
  if (s.studentSchoolId !== null && scope.schoolIds.includes(s.studentSchoolId)) return true;
  if (s.examDistrictIds.some((d) => scope.districtIds.includes(d))) return true;
  if (s.examSchoolIds.some((id) => scope.schoolIds.includes(id))) return true;
  return scope.groups.some((g) => s.studentGroupIds.includes(g.groupId));
}

/**
 * An assigned group gives access only when the user holds a role with GROUP_PII_READ that covers
 * the group's school (the school itself, its district, or the state): a group assignment
 * alone never reaches across schools (docs/adr: teacher access is subject-limited and school-bound).
 */
export function groupAccessAllowed(grants: readonly Grant[], group: { schoolId: number; districtId: number }): boolean {
  return grants.some((g) => {
    if (!(ROLES[g.role].permissions as readonly Permission[]).includes('GROUP_PII_READ')) return false;
    if (g.orgType === 'state') return true;
    if (g.orgType === 'district') return g.orgId === group.districtId;
    return g.orgId === group.schoolId;
  });
}

/** Where the user may see summative results that are not yet released (EMBARGO_REVIEW). */
export type EmbargoScope = {
  /** Districts whose unreleased summative results the user may review. */
  reviewDistrictIds: readonly number[];
  reviewStatewide: boolean;
};

export function embargoScope(p: Principal): EmbargoScope {
  const s = orgScope(p, 'EMBARGO_REVIEW');
  return { reviewStatewide: s.statewide, reviewDistrictIds: s.districtIds };
}

/**
 * domain.md §Embargo, pure twin of db embargoAllows: interim results always show; a summative result
 * shows when its (year, district, subject) is released, or to reviewers of the exam's district.
 */
export function embargoAllowsExam(embargo: EmbargoScope, e: { assessmentType: string; districtId: number; released: boolean }): boolean {
  if (e.assessmentType !== 'sum' || e.released) return true;
  return embargo.reviewStatewide || embargo.reviewDistrictIds.includes(e.districtId);
}
