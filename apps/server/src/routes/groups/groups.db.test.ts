import type { CersDb } from '@cers/db';
import { seedGroup, seedUser, testDbTargets } from '@cers/db/test';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHeaders, buildTestApp, signIn } from '../../../test/helpers.js';
import { type StudentsWorld, seedStudentsWorld } from '../../../test/students-world.js';
import { forgetPrincipals } from '../../plugins/auth.js';

const targets = await testDbTargets();

type Student = { id: number; displayName: string };
type UserGroup = { id: number; name: string; subjects: string[] | null; studentCount: number; students: Student[] };

describe.each(targets)('groups routes on $name', ({ create }) => {
  let cers: CersDb;
  let app: FastifyInstance;
  let w: StudentsWorld;
  const as: Record<string, AuthHeaders> = {};

  beforeAll(async () => {
    cers = await create();
    w = await seedStudentsWorld(cers);
    app = await buildTestApp(cers);
    for (const [key, id] of Object.entries(w.users)) as[key] = await signIn(cers, id);
  });
  afterAll(async () => {
    await app.close();
    await cers.close();
  });

  type Who = keyof StudentsWorld['users'];
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, who: Who | AuthHeaders, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: typeof who === 'string' ? as[who] : who,
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    });
  const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

  describe('Assigned Groups', () => {
    it('lists a teacher’s own groups, and every group of an administrator’s school or district', async () => {
      const a = (await call('GET', '/api/groups', 'teacherA')).json();
      expect(a.groups).toEqual([
        expect.objectContaining({
          id: w.groups.groupA,
          name: 'Room 5 All Subjects',
          schoolName: 'Sample Elementary School',
          studentCount: 2,
          assignedToMe: true,
        }),
      ]);
      expect(ids((await call('GET', '/api/groups', 'teacherB')).json().groups)).toEqual([w.groups.groupB]);
      expect(ids((await call('GET', '/api/groups', 'teacherNoGroups')).json().groups)).toEqual([]);
      const site = (await call('GET', '/api/groups', 'siteAdmin')).json().groups as { id: number; assignedToMe: boolean }[];
      expect(ids(site).sort()).toEqual([w.groups.groupA, w.groups.groupEla].sort());
      expect(site.every((g) => !g.assignedToMe)).toBe(true);
      expect(ids((await call('GET', '/api/groups', 'leaAdmin')).json().groups)).toHaveLength(3);
      expect(ids((await call('GET', '/api/groups?q=reading', 'leaAdmin')).json().groups)).toEqual([w.groups.groupEla]);
    });
  });

  describe('My Groups', () => {
    it('disables Create for a teacher without an assigned group, and explains why', async () => {
      const body = (await call('GET', '/api/my-groups', 'teacherNoGroups')).json();
      expect(body).toMatchObject({ canCreate: false, groups: [] });
      expect(body.createDisabledReason).toMatch(/assigned to you/);
      const res = await call('POST', '/api/my-groups', 'teacherNoGroups', { name: 'Mine', subjects: null, studentIds: [] });
      expect(res.statusCode).toBe(403);
      expect((await call('GET', '/api/my-groups', 'teacherA')).json().canCreate).toBe(true);
    });

    it('lists candidates only from students the user may see, with filters', async () => {
      const names = async (query: string, who: Who = 'teacherA') =>
        ((await call('GET', `/api/my-groups/candidates${query}`, who)).json().students as Student[]).map((s) => s.displayName);
      expect(await names('')).toEqual(['Okafor, Ben', 'Reyes, Ana']);
      expect(await names('', 'teacherB')).toEqual(['Nguyen, Cam']);
      expect(await names('?q=rey')).toEqual(['Reyes, Ana']);
      expect(await names('?q=3000')).toEqual(['Okafor, Ben']);
      expect(await names('?q=%25')).toEqual([]); // a literal %, not a wildcard
      expect(await names('?q=reyes%2C%20ana')).toEqual(['Reyes, Ana']);
      expect(await names('?gender=Female')).toEqual(['Reyes, Ana']);
      expect(await names('?iep=yes')).toEqual(['Okafor, Ben']);
      expect(await names('?elas=EO,RFEP')).toEqual(['Okafor, Ben']);
      expect(await names('?ethnicity=HispanicOrLatinoEthnicity')).toEqual(['Reyes, Ana']);
      expect(await names('?economicDisadvantage=yes&grade=05')).toEqual(['Reyes, Ana']);
      expect(await names(`?groupId=${w.groups.groupA}`)).toEqual(['Okafor, Ben', 'Reyes, Ana']);
      expect(await names(`?schoolId=${w.schools.elementary}`, 'siteAdmin')).toEqual(['Okafor, Ben', 'Reyes, Ana']);
      expect((await call('GET', `/api/my-groups/candidates?groupId=${w.groups.groupB}`, 'teacherA')).statusCode).toBe(404);
      expect((await call('GET', '/api/my-groups/candidates?grade=5th', 'teacherA')).statusCode).toBe(400);
      expect((await call('GET', '/api/my-groups/candidates?iep=maybe', 'teacherA')).statusCode).toBe(400);
    });

    it('offers the user’s schools and groups as sources', async () => {
      const body = (await call('GET', '/api/my-groups/sources', 'teacherA')).json();
      expect(body.schools).toEqual([{ id: w.schools.elementary, name: 'Sample Elementary School' }]);
      expect(ids(body.groups)).toEqual([w.groups.groupA]);
    });

    it('creates, renames, edits and deletes a group; other users get 404 on it by every route', async () => {
      const created = await call('POST', '/api/my-groups', 'teacherA', {
        name: '  Reading Buddies ',
        subjects: null,
        studentIds: [w.students.ana, w.students.ben],
      });
      expect(created.statusCode).toBe(201);
      const group = created.json().group as UserGroup;
      expect(group).toMatchObject({ name: 'Reading Buddies', subjects: null, studentCount: 2 });
      expect(group.students.map((s) => s.displayName)).toEqual(['Okafor, Ben', 'Reyes, Ana']);
      expect(ids((await call('GET', '/api/my-groups', 'teacherA')).json().groups)).toEqual([group.id]);

      const dup = await call('POST', '/api/my-groups', 'teacherA', { name: 'reading buddies', subjects: null, studentIds: [] });
      expect(dup.statusCode).toBe(409);

      const missing = await call('GET', '/api/my-groups/99999999', 'teacherB');
      expect(missing.statusCode).toBe(404);
      for (const [method, payload] of [
        ['GET', undefined],
        ['PUT', { name: 'Taken', subjects: null, studentIds: [] }],
        ['DELETE', undefined],
      ] as const) {
        const res = await call(method, `/api/my-groups/${group.id}`, 'teacherB', payload);
        expect(res.statusCode).toBe(404);
        expect(res.json().message).toBe(missing.json().message);
      }
      expect(ids((await call('GET', '/api/my-groups', 'teacherB')).json().groups)).toEqual([]);

      const edited = await call('PUT', `/api/my-groups/${group.id}`, 'teacherA', {
        name: 'ELA Buddies',
        subjects: ['ELA'],
        studentIds: [w.students.ana],
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json().group).toMatchObject({ name: 'ELA Buddies', subjects: ['ELA'], studentCount: 1 });

      expect((await call('DELETE', `/api/my-groups/${group.id}`, 'teacherA')).statusCode).toBe(204);
      expect((await call('GET', `/api/my-groups/${group.id}`, 'teacherA')).statusCode).toBe(404);
    });

    it('refuses students the user may not see, and bad input, with clear messages', async () => {
      const hidden = await call('POST', '/api/my-groups', 'teacherA', {
        name: 'Sneaky',
        subjects: null,
        studentIds: [w.students.ana, w.students.cam],
      });
      expect(hidden.statusCode).toBe(400);
      expect(hidden.json().message).toMatch(/not available to you/);
      for (const payload of [
        { name: '   ', subjects: null, studentIds: [] },
        { name: 'x'.repeat(101), subjects: null, studentIds: [] },
        { name: 'No subjects', subjects: [], studentIds: [] },
        { name: 'Art', subjects: ['Art'], studentIds: [] },
        { name: 'Bad id', subjects: null, studentIds: ['abc'] },
        { subjects: null, studentIds: [] },
      ]) {
        const res = await call('POST', '/api/my-groups', 'teacherA', payload);
        expect(res.statusCode).toBe(400);
        expect(res.json().message).toBeTruthy();
      }
    });

    it('never widens access: members leave the group’s view when the teacher loses access, and come back', async () => {
      const teacher = await seedUser(cers.db, { roles: [{ role: 'EDUCATOR_ROSTER', organizationId: w.schools.elementary }] });
      const assigned = await seedGroup(cers.db, {
        schoolId: w.schools.elementary,
        districtId: w.districts.d1,
        name: 'Temporary',
        studentIds: [w.students.ana],
        teacherIds: [teacher],
      });
      const headers = await signIn(cers, teacher);
      const created = (await call('POST', '/api/my-groups', headers, { name: 'Mine', subjects: null, studentIds: [w.students.ana] })).json()
        .group as UserGroup;
      expect(created.studentCount).toBe(1);
      // Changed behind the app's back (like `cers user revoke`): seen once the auth cache forgets the
      // principal (AUTH_CACHE_SECONDS); the test does not wait for it.
      await cers.db.deleteFrom('studentGroupTeachers').where('groupId', '=', assigned).execute();
      forgetPrincipals(app);
      const after = (await call('GET', `/api/my-groups/${created.id}`, headers)).json().group as UserGroup;
      expect(after.studentCount).toBe(0);
      expect(after.students).toEqual([]);
      // an edit keeps the member it cannot show
      expect(
        (await call('PUT', `/api/my-groups/${created.id}`, headers, { name: 'Renamed', subjects: null, studentIds: [] })).statusCode,
      ).toBe(200);
      await cers.db.insertInto('studentGroupTeachers').values({ groupId: assigned, userId: teacher }).execute();
      forgetPrincipals(app);
      const back = (await call('GET', `/api/my-groups/${created.id}`, headers)).json().group as UserGroup;
      expect(back.students.map((s) => s.id)).toEqual([w.students.ana]);
    });
  });

  describe('administrators manage assigned groups', () => {
    it('lists groups of the school with teachers; teachers may not manage groups', async () => {
      const body = (await call('GET', '/api/admin/groups', 'siteAdmin')).json();
      const a = body.groups.find((g: { id: number }) => g.id === w.groups.groupA);
      expect(a.teachers).toEqual([expect.objectContaining({ userId: w.users.teacherA, displayName: 'Teacher A' })]);
      expect(ids(body.groups)).not.toContain(w.groups.groupB);
      expect((await call('GET', '/api/admin/groups', 'teacherA')).statusCode).toBe(403);
      expect((await call('GET', `/api/admin/groups/${w.groups.groupB}`, 'siteAdmin')).statusCode).toBe(404);
    });

    it('creates a group with students and teachers, edits it and deletes it', async () => {
      const body = {
        name: 'Math Club',
        schoolId: w.schools.elementary,
        schoolYear: 2025,
        subjects: ['Math'],
        studentIds: [w.students.ana],
        teacherIds: [w.users.teacherNoGroups],
      };
      const created = await call('POST', '/api/admin/groups', 'siteAdmin', body);
      expect(created.statusCode).toBe(201);
      const group = created.json().group;
      expect(group).toMatchObject({
        name: 'Math Club',
        subjects: ['Math'],
        studentCount: 1,
        teachers: [expect.objectContaining({ userId: w.users.teacherNoGroups })],
      });
      // the newly assigned teacher now sees the group and may create My Groups
      expect(ids((await call('GET', '/api/groups', 'teacherNoGroups')).json().groups)).toEqual([group.id]);
      expect((await call('GET', '/api/my-groups', 'teacherNoGroups')).json().canCreate).toBe(true);

      expect((await call('POST', '/api/admin/groups', 'siteAdmin', body)).statusCode).toBe(409);
      const edited = await call('PUT', `/api/admin/groups/${group.id}`, 'siteAdmin', {
        ...body,
        name: 'Math Club 2',
        studentIds: [w.students.ana, w.students.ben],
      });
      expect(edited.json().group).toMatchObject({ name: 'Math Club 2', studentCount: 2 });
      expect((await call('DELETE', `/api/admin/groups/${group.id}`, 'teacherA')).statusCode).toBe(403);
      expect((await call('DELETE', `/api/admin/groups/${group.id}`, 'siteAdmin')).statusCode).toBe(204);
      expect((await call('GET', `/api/admin/groups/${group.id}`, 'siteAdmin')).statusCode).toBe(404);
    });

    it('refuses other schools, students and teachers outside the administrator’s school', async () => {
      const base = { name: 'X', schoolId: w.schools.elementary, schoolYear: 2025, subjects: null, studentIds: [], teacherIds: [] };
      expect((await call('POST', '/api/admin/groups', 'siteAdmin', { ...base, schoolId: w.schools.middle })).statusCode).toBe(404);
      expect((await call('POST', '/api/admin/groups', 'siteAdmin', { ...base, studentIds: [w.students.cam] })).statusCode).toBe(400);
      expect((await call('POST', '/api/admin/groups', 'siteAdmin', { ...base, teacherIds: [w.users.teacherB] })).statusCode).toBe(400);
      expect((await call('DELETE', `/api/admin/groups/${w.groups.groupB}`, 'siteAdmin')).statusCode).toBe(404);
      expect((await call('PUT', `/api/admin/groups/${w.groups.groupB}`, 'siteAdmin', base)).statusCode).toBe(404);
    });

    it('lists the users who can teach a school’s groups', async () => {
      const res = await call('GET', `/api/admin/groups/teachers?schoolId=${w.schools.elementary}`, 'siteAdmin');
      const userIds = (res.json().teachers as { userId: number }[]).map((t) => t.userId);
      expect(userIds).toEqual(expect.arrayContaining([w.users.teacherA, w.users.teacherEla, w.users.siteAdmin, w.users.leaAdmin]));
      expect(userIds).not.toContain(w.users.teacherB);
      expect((await call('GET', `/api/admin/groups/teachers?schoolId=${w.schools.middle}`, 'siteAdmin')).statusCode).toBe(404);
    });
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await call('GET', '/api/docs/json', 'teacherA')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/groups',
        '/api/my-groups',
        '/api/my-groups/{id}',
        '/api/my-groups/candidates',
        '/api/my-groups/sources',
        '/api/admin/groups',
        '/api/admin/groups/{id}',
        '/api/admin/groups/teachers',
        '/api/schools',
        '/api/schools/{id}/options',
      ]),
    );
  });

  describe('schools (Search by School)', () => {
    it('lists only schools the administrator may search, by name', async () => {
      const names = async (who: Who, q = '') =>
        ((await call('GET', `/api/schools${q}`, who)).json().schools as { name: string }[]).map((s) => s.name);
      expect(await names('siteAdmin')).toEqual(['Sample Elementary School']);
      expect(await names('leaAdmin')).toEqual(['Sample Elementary School', 'Sample Middle School']);
      expect(await names('leaAdmin', '?q=mid')).toEqual(['Sample Middle School']);
      expect((await call('GET', '/api/schools', 'teacherA')).statusCode).toBe(403);
    });

    it('offers the grades and years with results at a school in scope, and 404 elsewhere', async () => {
      const res = await call('GET', `/api/schools/${w.schools.elementary}/options`, 'leaAdmin');
      expect(res.json()).toMatchObject({ grades: ['05'], schoolYears: [2025], school: { name: 'Sample Elementary School' } });
      expect((await call('GET', `/api/schools/${w.schools.other}/options`, 'leaAdmin')).statusCode).toBe(404);
      expect((await call('GET', `/api/schools/${w.schools.middle}/options`, 'siteAdmin')).statusCode).toBe(404);
    });
  });
});
