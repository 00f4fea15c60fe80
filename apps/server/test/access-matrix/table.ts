/**
 * THE access matrix: every API route × every role → the expected status, on the sandbox world
 * (access-matrix/world.ts). Roles:
 *   anonymous  no session
 *   noRole     signed in, no role
 *   teacher    Test Administrator at Sample Elementary School (its groups: the elementary SSIDs)
 *   roster     Educator—Roster at Sample Elementary School, assigned the teacher's group
 *   site       Site Coordinator (school administrator) at Sample High School
 *   lea        LEA Coordinator (district administrator) of Sample District
 *   otherLea   LEA Coordinator of another district
 *   aggregate  District aggregate viewer of Sample District (no individual results)
 *   state      State administrator
 *   loader     Data loader (operations)
 * Conventions (docs/access.md): 401 signed out; 403 for a tool the role lacks; 404 — with the same
 * body as a missing record — for data outside the role's scope.
 * A route with no entry here fails access-matrix.db.test.ts.
 */
import type { CersDb } from '@cers/db';
import { expect } from 'vitest';
import {
  createAssignedGroup,
  createMyGroup,
  createReport,
  createResource,
  type MatrixWorld,
  MISSING_ID,
  MISSING_SSID,
  ROLE_KEYS,
  type RoleKey,
} from './world.js';

export type ProbeRequest = { url: string; payload?: unknown; contentType?: string };
export type Probe = {
  name: string;
  /** Records created before each role's request (a mutation gets a fresh target per role). */
  setup?: (cers: CersDb, w: MatrixWorld, role: RoleKey) => Promise<Record<string, number>>;
  request: (w: MatrixWorld, made: Record<string, number>, role: RoleKey) => ProbeRequest;
  expect: Record<RoleKey, number>;
  /** The same request for a record that does not exist: every role answered 404 gets the same body. */
  missing?: (w: MatrixWorld) => ProbeRequest;
  /** More assertions on an answer (e.g. whether a search found the student). */
  check?: (role: RoleKey, body: unknown, w: MatrixWorld) => void;
  /** Use a session of its own (signing out or entering the Sandbox ends the current one). */
  freshSession?: boolean;
};
export type RouteEntry = { probes: Probe[] };

type Statuses = Partial<Record<RoleKey, number>> & { others: number };

/** Status per role: the listed roles, everyone else `others`; signed-out visitors 401 unless listed. */
function statuses(s: Statuses): Record<RoleKey, number> {
  const out = {} as Record<RoleKey, number>;
  for (const role of ROLE_KEYS) out[role] = s[role] ?? (role === 'anonymous' ? 401 : s.others);
  return out;
}
const everyone = (status: number) => statuses({ anonymous: status, others: status });
const allowed = (roles: readonly RoleKey[], ok: number, others: number, extra: Partial<Record<RoleKey, number>> = {}) =>
  statuses({ others, ...Object.fromEntries(roles.map((r) => [r, ok])), ...extra });

/** Who reads which student (docs/access.md §Scope rules). */
const READS_ELEMENTARY: RoleKey[] = ['teacher', 'roster', 'lea', 'state'];
const READS_B: RoleKey[] = ['otherLea', 'state'];
/** Who opens the elementary teacher's group: its teachers and administrators of its school or district. */
const OPENS_ELEMENTARY_GROUP: RoleKey[] = ['teacher', 'roster', 'lea', 'state'];
/** Roles with an administrator tool over Sample District's elementary school. */
const ADMIN_OF_ELEMENTARY: RoleKey[] = ['lea', 'state'];
/** Roles holding the tool (GROUP_READ / GROUP_WRITE / INSTRUCTIONAL_RESOURCE_WRITE / INDIVIDUAL_READ) somewhere. */
const ADMINS: RoleKey[] = ['site', 'lea', 'otherLea', 'state'];
const OUT_OF_ELEMENTARY: Partial<Record<RoleKey, number>> = { site: 404, otherLea: 404 };

const found = (who: RoleKey[], ssidOf: (w: MatrixWorld) => string) => (role: RoleKey, body: unknown, w: MatrixWorld) => {
  const b = body as { student: { ssid: string } | null; cards: unknown[] };
  if (who.includes(role)) expect(b.student?.ssid, `${role} finds the student`).toBe(ssidOf(w));
  else expect(b, `${role} gets "no results", like a missing SSID`).toEqual({ student: null, cards: [] });
};

/** Raw upload bodies (the imports API takes files as the request body). */
const rawXml = (role: RoleKey) => `<TDSReport><Test name="matrix-${role}"/></TDSReport>`;
const groupCsv = (w: MatrixWorld, role: RoleKey) =>
  `group_name,school_natural_id,school_year,subject_code,student_ssid,group_user_login\nMatrix upload ${role},99999999999999,${w.assessment.schoolYear},ALL,${w.ssids.b},\n`;

const groupQuery = (w: MatrixWorld) => `groupId=${w.groups.elementary}`;
const schoolQuery = (w: MatrixWorld) => `schoolId=${w.orgs.elementary}&grade=${w.assessment.grade}`;
const myGroupBody = (w: MatrixWorld, role: RoleKey, verb = 'New') => ({
  name: `${verb} matrix group ${role}`,
  subjects: null,
  studentIds: [w.students.elementary],
});
const resourceBody = (w: MatrixWorld, role: RoleKey) => ({
  organizationId: w.orgs.districtA,
  kind: 'district',
  title: `Matrix ${role}`,
  url: 'https://example.org/matrix',
  assessmentName: null,
  subject: null,
  assessmentType: null,
  claimCode: null,
  targetId: null,
  performanceLevel: null,
});
const adminGroupBody = (w: MatrixWorld, role: RoleKey, verb = 'New') => ({
  name: `${verb} matrix admin group ${role}`,
  schoolId: w.orgs.elementary,
  schoolYear: w.assessment.schoolYear,
  subjects: null,
  studentIds: [w.students.elementary],
  teacherIds: [],
});

export const ACCESS_MATRIX: Record<string, RouteEntry> = {
  // ---------------------------------------------------------------- public and session
  'GET /api/health': { probes: [{ name: 'status', request: () => ({ url: '/api/health' }), expect: everyone(200) }] },
  'GET /api/auth/options': { probes: [{ name: 'sign-in options', request: () => ({ url: '/api/auth/options' }), expect: everyone(200) }] },
  'GET /api/me': { probes: [{ name: 'who am I', request: () => ({ url: '/api/me' }), expect: statuses({ others: 200 }) }] },
  'POST /api/auth/login': {
    probes: [
      {
        name: 'wrong password',
        request: (_w, _m, role) => ({
          url: '/api/auth/login',
          payload: { login: `nobody.${role}@matrix.example`, password: 'not-the-password-1' },
        }),
        expect: everyone(401),
      },
    ],
  },
  'POST /api/auth/logout': {
    probes: [{ name: 'sign out', freshSession: true, request: () => ({ url: '/api/auth/logout' }), expect: everyone(204) }],
  },
  'POST /api/auth/reset-password': {
    probes: [
      {
        name: 'unknown token',
        request: () => ({ url: '/api/auth/reset-password', payload: { token: 'x'.repeat(43), newPassword: 'Sturdy-new-passphrase-77' } }),
        expect: everyone(400),
      },
    ],
  },
  'GET /api/auth/oidc/login': {
    probes: [{ name: 'SSO not configured', request: () => ({ url: '/api/auth/oidc/login' }), expect: everyone(404) }],
  },
  'GET /api/auth/oidc/callback': {
    probes: [{ name: 'SSO not configured', request: () => ({ url: '/api/auth/oidc/callback?code=x&state=y' }), expect: everyone(404) }],
  },
  'GET /api/sandbox/personas': {
    probes: [{ name: 'sandbox roles', request: () => ({ url: '/api/sandbox/personas' }), expect: everyone(200) }],
  },
  'POST /api/sandbox/enter': {
    probes: [
      {
        name: 'enter as the elementary teacher',
        freshSession: true,
        request: () => ({ url: '/api/sandbox/enter', payload: { persona: 'teacher-elementary' } }),
        expect: everyone(200),
      },
      {
        name: 'a real (non-sandbox) user is no persona',
        freshSession: true,
        request: () => ({ url: '/api/sandbox/enter', payload: { persona: 'state@matrix.example' } }),
        expect: everyone(404),
      },
    ],
  },
  'GET /api/audit': {
    // District administrators read their own district's log (the other district's too: its own rows).
    probes: [{ name: 'audit log', request: () => ({ url: '/api/audit' }), expect: allowed(['lea', 'otherLea', 'state'], 200, 403) }],
  },
  'GET /api/audit.csv': {
    probes: [{ name: 'audit CSV', request: () => ({ url: '/api/audit.csv' }), expect: allowed(['lea', 'otherLea', 'state'], 200, 403) }],
  },

  // ---------------------------------------------------------------- students
  'GET /api/students/search': {
    probes: [
      {
        name: 'elementary SSID',
        request: (w) => ({ url: `/api/students/search?ssid=${w.ssids.elementary}` }),
        expect: statuses({ others: 200 }),
        check: found(READS_ELEMENTARY, (w) => w.ssids.elementary),
      },
      {
        name: 'high school SSID',
        request: (w) => ({ url: `/api/students/search?ssid=${w.ssids.high}` }),
        expect: statuses({ others: 200 }),
        check: found(['site', 'lea', 'state'], (w) => w.ssids.high),
      },
      {
        name: 'other district SSID',
        request: (w) => ({ url: `/api/students/search?ssid=${w.ssids.b}` }),
        expect: statuses({ others: 200 }),
        check: found(READS_B, (w) => w.ssids.b),
      },
      {
        name: 'unknown SSID',
        request: () => ({ url: `/api/students/search?ssid=${MISSING_SSID}` }),
        expect: statuses({ others: 200 }),
        check: found([], () => MISSING_SSID),
      },
      // Malformed input is refused before authentication: the answer says nothing about data.
      { name: 'malformed SSID', request: () => ({ url: '/api/students/search?ssid=12ab' }), expect: everyone(400) },
    ],
  },
  'GET /api/students/:id': {
    probes: [
      {
        name: 'elementary student',
        request: (w) => ({ url: `/api/students/${w.students.elementary}` }),
        expect: allowed(READS_ELEMENTARY, 200, 404),
        missing: () => ({ url: `/api/students/${MISSING_ID}` }),
      },
      {
        name: 'other district student',
        request: (w) => ({ url: `/api/students/${w.students.b}` }),
        expect: allowed(READS_B, 200, 404),
        missing: () => ({ url: `/api/students/${MISSING_ID}` }),
      },
      { name: 'bad id', request: () => ({ url: '/api/students/abc' }), expect: everyone(400) },
    ],
  },
  'GET /api/students/:id/exams': {
    probes: [
      {
        name: 'elementary student history',
        request: (w) => ({ url: `/api/students/${w.students.elementary}/exams` }),
        expect: allowed(READS_ELEMENTARY, 200, 404),
        missing: () => ({ url: `/api/students/${MISSING_ID}/exams` }),
      },
      {
        name: 'high school student history',
        request: (w) => ({ url: `/api/students/${w.students.high}/exams` }),
        expect: allowed(['site', 'lea', 'state'], 200, 404),
        missing: () => ({ url: `/api/students/${MISSING_ID}/exams` }),
      },
    ],
  },

  // ---------------------------------------------------------------- Search by School
  'GET /api/schools': {
    probes: [{ name: 'schools in scope', request: () => ({ url: '/api/schools?q=Sample' }), expect: allowed(ADMINS, 200, 403) }],
  },
  'GET /api/schools/:id/options': {
    probes: [
      {
        name: 'elementary school grades and years',
        request: (w) => ({ url: `/api/schools/${w.orgs.elementary}/options` }),
        expect: allowed(ADMIN_OF_ELEMENTARY, 200, 403, OUT_OF_ELEMENTARY),
        missing: () => ({ url: `/api/schools/${MISSING_ID}/options` }),
      },
    ],
  },

  // ---------------------------------------------------------------- Assigned Groups and My Groups
  'GET /api/groups': { probes: [{ name: 'assigned groups', request: () => ({ url: '/api/groups' }), expect: statuses({ others: 200 }) }] },
  'GET /api/my-groups': { probes: [{ name: 'my groups', request: () => ({ url: '/api/my-groups' }), expect: statuses({ others: 200 }) }] },
  'GET /api/my-groups/sources': {
    probes: [
      { name: 'schools and groups to pick from', request: () => ({ url: '/api/my-groups/sources' }), expect: statuses({ others: 200 }) },
    ],
  },
  'GET /api/my-groups/candidates': {
    probes: [
      { name: 'students I may add', request: () => ({ url: '/api/my-groups/candidates' }), expect: statuses({ others: 200 }) },
      {
        name: 'students of the elementary group',
        request: (w) => ({ url: `/api/my-groups/candidates?groupId=${w.groups.elementary}` }),
        expect: allowed(OPENS_ELEMENTARY_GROUP, 200, 404),
        missing: () => ({ url: `/api/my-groups/candidates?groupId=${MISSING_ID}` }),
      },
    ],
  },
  'GET /api/my-groups/:id': {
    probes: [
      {
        name: 'the teacher’s My Group',
        request: (w) => ({ url: `/api/my-groups/${w.myGroup}` }),
        expect: allowed(['teacher'], 200, 404),
        missing: () => ({ url: `/api/my-groups/${MISSING_ID}` }),
      },
    ],
  },
  'POST /api/my-groups': {
    probes: [
      {
        name: 'create with the elementary student',
        request: (w, _m, role) => ({ url: '/api/my-groups', payload: myGroupBody(w, role) }),
        // Teachers need an assigned group first; a student outside the creator's scope is refused
        // with the same 400 as a student id that does not exist.
        expect: allowed(['teacher', 'roster', 'lea', 'state'], 201, 403, { site: 400, otherLea: 400 }),
      },
    ],
  },
  'PUT /api/my-groups/:id': {
    probes: [
      {
        name: 'rename the teacher’s My Group',
        request: (w, _m, role) => ({ url: `/api/my-groups/${w.myGroup}`, payload: myGroupBody(w, role, 'Renamed') }),
        expect: allowed(['teacher'], 200, 404, { aggregate: 403, loader: 403, noRole: 403 }),
        missing: (w) => ({ url: `/api/my-groups/${MISSING_ID}`, payload: myGroupBody(w, 'teacher') }),
      },
    ],
  },
  'DELETE /api/my-groups/:id': {
    probes: [
      {
        name: 'delete a My Group of the teacher',
        setup: async (cers, w) => ({ id: await createMyGroup(cers, w.users.teacher, 'To delete', []) }),
        request: (_w, made) => ({ url: `/api/my-groups/${made.id}` }),
        expect: allowed(['teacher'], 204, 404),
        missing: () => ({ url: `/api/my-groups/${MISSING_ID}` }),
      },
    ],
  },

  // ---------------------------------------------------------------- Manage Student Groups (administrators)
  'GET /api/admin/groups': {
    probes: [{ name: 'groups of my schools', request: () => ({ url: '/api/admin/groups' }), expect: allowed(ADMINS, 200, 403) }],
  },
  'GET /api/admin/groups/teachers': {
    probes: [
      {
        name: 'teachers of the elementary school',
        request: (w) => ({ url: `/api/admin/groups/teachers?schoolId=${w.orgs.elementary}` }),
        expect: allowed(ADMIN_OF_ELEMENTARY, 200, 403, OUT_OF_ELEMENTARY),
      },
    ],
  },
  'GET /api/admin/groups/:id': {
    probes: [
      {
        name: 'the elementary group',
        request: (w) => ({ url: `/api/admin/groups/${w.groups.elementary}` }),
        expect: allowed(ADMIN_OF_ELEMENTARY, 200, 403, OUT_OF_ELEMENTARY),
        missing: () => ({ url: `/api/admin/groups/${MISSING_ID}` }),
      },
    ],
  },
  'POST /api/admin/groups': {
    probes: [
      {
        name: 'create a group at the elementary school',
        request: (w, _m, role) => ({ url: '/api/admin/groups', payload: adminGroupBody(w, role) }),
        expect: allowed(ADMIN_OF_ELEMENTARY, 201, 403, OUT_OF_ELEMENTARY),
      },
    ],
  },
  'PUT /api/admin/groups/:id': {
    probes: [
      {
        name: 'edit a group of the elementary school',
        setup: async (cers, w) => ({ id: await createAssignedGroup(cers, w.orgs.elementary, w.orgs.districtA) }),
        request: (w, made, role) => ({ url: `/api/admin/groups/${made.id}`, payload: adminGroupBody(w, role, 'Edited') }),
        expect: allowed(ADMIN_OF_ELEMENTARY, 200, 403, OUT_OF_ELEMENTARY),
        missing: (w) => ({ url: `/api/admin/groups/${MISSING_ID}`, payload: adminGroupBody(w, 'lea') }),
      },
    ],
  },
  'DELETE /api/admin/groups/:id': {
    probes: [
      {
        name: 'delete a group of the elementary school',
        setup: async (cers, w) => ({ id: await createAssignedGroup(cers, w.orgs.elementary, w.orgs.districtA) }),
        request: (_w, made) => ({ url: `/api/admin/groups/${made.id}` }),
        expect: allowed(ADMIN_OF_ELEMENTARY, 204, 403, OUT_OF_ELEMENTARY),
        missing: () => ({ url: `/api/admin/groups/${MISSING_ID}` }),
      },
    ],
  },

  // ---------------------------------------------------------------- Instructional resources (administrators)
  'GET /api/admin/instructional-resources': {
    probes: [
      {
        name: 'resources of my organizations',
        request: () => ({ url: '/api/admin/instructional-resources' }),
        expect: allowed(ADMINS, 200, 403),
      },
    ],
  },
  'GET /api/admin/instructional-resources/options': {
    probes: [
      {
        name: 'editor pick-lists',
        request: () => ({ url: '/api/admin/instructional-resources/options' }),
        expect: allowed(ADMINS, 200, 403),
      },
    ],
  },
  'POST /api/admin/instructional-resources': {
    probes: [
      {
        name: 'a resource of Sample District',
        request: (w, _m, role) => ({ url: '/api/admin/instructional-resources', payload: resourceBody(w, role) }),
        expect: allowed(ADMIN_OF_ELEMENTARY, 201, 403, OUT_OF_ELEMENTARY),
      },
    ],
  },
  'PUT /api/admin/instructional-resources/:id': {
    probes: [
      {
        name: 'edit a resource of Sample District',
        setup: async (cers, w) => ({ id: await createResource(cers, w.orgs.districtA) }),
        request: (w, made, role) => ({ url: `/api/admin/instructional-resources/${made.id}`, payload: resourceBody(w, role) }),
        expect: allowed(ADMIN_OF_ELEMENTARY, 200, 403, OUT_OF_ELEMENTARY),
      },
    ],
  },
  'DELETE /api/admin/instructional-resources/:id': {
    probes: [
      {
        name: 'delete a resource of the other district',
        setup: async (cers, w) => ({ id: await createResource(cers, w.orgs.districtB) }),
        request: (_w, made) => ({ url: `/api/admin/instructional-resources/${made.id}` }),
        expect: allowed(['otherLea', 'state'], 204, 403, { site: 404, lea: 404 }),
        missing: () => ({ url: `/api/admin/instructional-resources/${MISSING_ID}` }),
      },
    ],
  },

  // ---------------------------------------------------------------- group, My Group and school results
  'GET /api/results/assessments': {
    probes: [
      {
        name: 'elementary group',
        request: (w) => ({ url: `/api/results/assessments?${groupQuery(w)}` }),
        expect: allowed(OPENS_ELEMENTARY_GROUP, 200, 404),
        missing: () => ({ url: `/api/results/assessments?groupId=${MISSING_ID}` }),
      },
      {
        name: 'the teacher’s My Group',
        request: (w) => ({ url: `/api/results/assessments?userGroupId=${w.myGroup}` }),
        expect: allowed(['teacher'], 200, 404),
        missing: () => ({ url: `/api/results/assessments?userGroupId=${MISSING_ID}` }),
      },
      {
        name: 'elementary school grade (aggregate-only users: distributions)',
        request: (w) => ({ url: `/api/results/assessments?${schoolQuery(w)}` }),
        expect: allowed([...ADMIN_OF_ELEMENTARY, 'aggregate'], 200, 404),
        missing: (w) => ({ url: `/api/results/assessments?schoolId=${MISSING_ID}&grade=${w.assessment.grade}` }),
      },
    ],
  },
  'GET /api/results/summary': {
    probes: [
      {
        name: 'elementary group',
        request: (w) => ({ url: `/api/results/summary?${groupQuery(w)}&assessmentId=${w.assessment.id}` }),
        expect: allowed(OPENS_ELEMENTARY_GROUP, 200, 404),
      },
      {
        name: 'elementary school grade',
        request: (w) => ({ url: `/api/results/summary?${schoolQuery(w)}&assessmentId=${w.assessment.id}` }),
        expect: allowed([...ADMIN_OF_ELEMENTARY, 'aggregate'], 200, 404),
      },
    ],
  },
  'GET /api/results': {
    probes: [
      {
        name: 'Results by Student, elementary group',
        request: (w) => ({ url: `/api/results?${groupQuery(w)}&assessmentId=${w.assessment.id}&view=student` }),
        expect: allowed(OPENS_ELEMENTARY_GROUP, 200, 404),
        missing: (w) => ({ url: `/api/results?groupId=${MISSING_ID}&assessmentId=${w.assessment.id}&view=student` }),
      },
      {
        name: 'Results by Student, elementary school grade (never for aggregate-only users)',
        request: (w) => ({ url: `/api/results?${schoolQuery(w)}&assessmentId=${w.assessment.id}&view=student` }),
        expect: allowed(ADMIN_OF_ELEMENTARY, 200, 404),
      },
      {
        name: 'Results by Student, the teacher’s My Group',
        request: (w) => ({ url: `/api/results?userGroupId=${w.myGroup}&assessmentId=${w.assessment.id}&view=student` }),
        expect: allowed(['teacher'], 200, 404),
      },
    ],
  },
  'GET /api/results/compare-years': {
    probes: [
      {
        name: 'elementary group, years of ELA',
        request: (w) => ({ url: `/api/results/compare-years?${groupQuery(w)}&subject=${w.assessment.subject}&type=${w.assessment.type}` }),
        expect: allowed(OPENS_ELEMENTARY_GROUP, 200, 404),
      },
    ],
  },
  'GET /api/results/items/:itemId': {
    probes: [
      {
        name: 'an item of the elementary group’s assessment',
        request: (w) => ({ url: `/api/results/items/${w.assessment.itemId ?? MISSING_ID}?${groupQuery(w)}` }),
        expect: allowed(OPENS_ELEMENTARY_GROUP, 200, 404),
        missing: (w) => ({ url: `/api/results/items/${MISSING_ID}?${groupQuery(w)}` }),
      },
    ],
  },
  'GET /api/results/resources': {
    probes: [
      {
        name: 'instructional resources for the elementary group',
        request: (w) => ({ url: `/api/results/resources?${groupQuery(w)}&assessmentId=${w.assessment.id}` }),
        expect: allowed(OPENS_ELEMENTARY_GROUP, 200, 404),
      },
    ],
  },

  // ---------------------------------------------------------------- printable reports (My Reports)
  'GET /api/reports': { probes: [{ name: 'my reports', request: () => ({ url: '/api/reports' }), expect: statuses({ others: 200 }) }] },
  'GET /api/reports/options': {
    probes: [
      {
        name: 'ISR options for the elementary student',
        request: (w) => ({ url: `/api/reports/options?targetType=student&id=${w.students.elementary}` }),
        expect: allowed(READS_ELEMENTARY, 200, 404),
        missing: () => ({ url: `/api/reports/options?targetType=student&id=${MISSING_ID}` }),
      },
    ],
  },
  'POST /api/reports': {
    probes: [
      {
        name: 'ISR of the elementary student',
        request: (w, _m, role) => ({
          url: '/api/reports',
          payload: {
            name: `Matrix ${role}`,
            target: { type: 'student', studentId: w.students.elementary },
            schoolYear: w.assessment.schoolYear,
            assessmentType: w.assessment.type,
            subject: null,
          },
        }),
        expect: allowed(READS_ELEMENTARY, 202, 404),
        missing: (w) => ({
          url: '/api/reports',
          payload: {
            name: 'Matrix missing',
            target: { type: 'student', studentId: MISSING_ID },
            schoolYear: w.assessment.schoolYear,
            assessmentType: w.assessment.type,
            subject: null,
          },
        }),
      },
    ],
  },
  'GET /api/reports/:id': {
    probes: [
      {
        name: 'the teacher’s report',
        request: (w) => ({ url: `/api/reports/${w.report}` }),
        expect: allowed(['teacher'], 200, 404),
        missing: () => ({ url: `/api/reports/${MISSING_ID}` }),
      },
    ],
  },
  'GET /api/reports/:id/download': {
    probes: [
      {
        name: 'the teacher’s report file',
        request: (w) => ({ url: `/api/reports/${w.report}/download` }),
        expect: allowed(['teacher'], 200, 404),
        missing: () => ({ url: `/api/reports/${MISSING_ID}/download` }),
      },
    ],
  },
  'DELETE /api/reports/:id': {
    probes: [
      {
        name: 'delete a report of the teacher',
        setup: async (cers, w) => ({ id: await createReport(cers, w.users.teacher) }),
        request: (_w, made) => ({ url: `/api/reports/${made.id}` }),
        expect: allowed(['teacher'], 204, 404),
        missing: () => ({ url: `/api/reports/${MISSING_ID}` }),
      },
    ],
  },

  // ---------------------------------------------------------------- imports (data loading)
  'POST /api/imports': {
    probes: [
      {
        name: 'an exam file (data loaders only)',
        request: (_w, _m, role) => ({
          url: `/api/imports?content=EXAM&filename=${role}.xml`,
          payload: rawXml(role),
          contentType: 'application/xml',
        }),
        expect: allowed(['state', 'loader'], 201, 403),
      },
      {
        name: 'a student group file (group administrators too)',
        request: (w, _m, role) => ({
          url: `/api/imports?content=GROUPS&filename=${role}.csv`,
          payload: groupCsv(w, role),
          contentType: 'text/csv',
        }),
        expect: allowed(['site', 'lea', 'otherLea', 'state', 'loader'], 201, 403),
      },
    ],
  },
  'GET /api/imports': {
    // Group administrators see their own group uploads; data loaders see everything.
    probes: [
      {
        name: 'import history',
        request: () => ({ url: '/api/imports' }),
        expect: allowed(['site', 'lea', 'otherLea', 'state', 'loader'], 200, 403),
      },
    ],
  },
  'GET /api/imports/:id': {
    probes: [
      {
        name: 'the data loader’s import',
        request: (w) => ({ url: `/api/imports/${w.importId}` }),
        expect: allowed(['state', 'loader'], 200, 403, { site: 404, lea: 404, otherLea: 404 }),
        missing: () => ({ url: `/api/imports/${MISSING_ID}` }),
      },
    ],
  },
  'GET /api/imports/:id/payload': {
    probes: [
      {
        name: 'the data loader’s file',
        request: (w) => ({ url: `/api/imports/${w.importId}/payload` }),
        expect: allowed(['state', 'loader'], 200, 403, { site: 404, lea: 404, otherLea: 404 }),
        missing: () => ({ url: `/api/imports/${MISSING_ID}/payload` }),
      },
    ],
  },
  'POST /api/imports/retry': {
    probes: [
      {
        name: 're-run files waiting for reference data',
        request: () => ({ url: '/api/imports/retry', payload: { statuses: ['UNKNOWN_SCHOOL'] } }),
        expect: allowed(['state', 'loader'], 200, 403),
      },
    ],
  },
};
