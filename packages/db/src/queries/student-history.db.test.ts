import type { AccessScope } from '@cers/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDistrict, seedSchool, seedStudent, seedUser, testDbTargets } from '../../test/index.js';
import type { CersDb } from '../connect.js';
import { recordAudit } from './audit.js';
import { findStudentCards, findStudentHistory } from './student-history.js';

const targets = await testDbTargets();
const NO_EMBARGO_REVIEW = { reviewStatewide: false, reviewDistrictIds: [] };

/** The audited reads write the same audit row as recordAudit, in the same statement, only for a returned student. */
describe.each(targets)('audited student reads on $name', ({ create }) => {
  let cers: CersDb;
  let districtId: number;
  let otherDistrictId: number;
  let studentId: number;
  let userId: number;
  let scope: AccessScope;
  const ssid = '5550001234';

  beforeAll(async () => {
    cers = await create();
    districtId = await seedDistrict(cers.db);
    otherDistrictId = await seedDistrict(cers.db);
    const schoolId = await seedSchool(cers.db, { districtId });
    studentId = await seedStudent(cers.db, { ssid, schoolId, districtId });
    userId = await seedUser(cers.db, { login: 'reader@example.org' });
    scope = { statewide: false, districtIds: [districtId], schoolIds: [], groups: [] };
  });
  afterAll(async () => cers.close());

  const rows = (view: string) =>
    cers.db
      .selectFrom('auditLog')
      .select(['districtId', 'userId', 'userLogin', 'action', 'studentId', 'view', 'ip', 'detail'])
      .where('view', '=', view)
      .orderBy('id')
      .execute();
  const audit = (view: string) => ({ userId, userLogin: 'reader@example.org', action: 'read-student-results', view, ip: '10.0.0.7' });

  it('records a history read like recordAudit does', async () => {
    const found = await findStudentHistory(cers.db, { scope, embargo: NO_EMBARGO_REVIEW, studentId, audit: audit('h') });
    expect(found?.student.id).toBe(studentId);
    await recordAudit(cers.db, { ...audit('h'), studentIds: [studentId] });
    const [read, reference] = await rows('h');
    expect(read).toEqual(reference);
    expect(read).toMatchObject({ districtId, userId, studentId, view: 'h', ip: '10.0.0.7', detail: null });
  });

  it('records a Search by Student read like recordAudit does', async () => {
    const found = await findStudentCards(cers.db, { scope, embargo: NO_EMBARGO_REVIEW, ssid, audit: audit('c') });
    expect(found?.student.ssid).toBe(ssid);
    await recordAudit(cers.db, { ...audit('c'), studentIds: [studentId] });
    const [read, reference] = await rows('c');
    expect(read).toEqual(reference);
  });

  it('records nothing for a hidden or missing student, and nothing without audit', async () => {
    const elsewhere: AccessScope = { statewide: false, districtIds: [otherDistrictId], schoolIds: [], groups: [] };
    expect(
      await findStudentHistory(cers.db, { scope: elsewhere, embargo: NO_EMBARGO_REVIEW, studentId, audit: audit('x') }),
    ).toBeUndefined();
    expect(await findStudentCards(cers.db, { scope: elsewhere, embargo: NO_EMBARGO_REVIEW, ssid, audit: audit('x') })).toBeUndefined();
    expect(await findStudentHistory(cers.db, { scope, embargo: NO_EMBARGO_REVIEW, studentId: 987_654, audit: audit('x') })).toBeUndefined();
    expect(await rows('x')).toEqual([]);
    expect(await findStudentHistory(cers.db, { scope, embargo: NO_EMBARGO_REVIEW, studentId })).toBeDefined();
    expect(await cers.db.selectFrom('auditLog').select('id').where('view', 'not in', ['h', 'c']).execute()).toEqual([]);
  });
});
