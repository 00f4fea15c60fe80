import { type CersDb, findPrincipal, findUserIdByLogin } from '@cers/db';
import { seedDistrict, seedSchool, testDbTargets } from '@cers/db/test';
import { verifyPassword } from '@cers/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, grant, list, resetPassword, revoke, setDisabled, UserCommandError } from './user.js';

const targets = await testDbTargets();

describe.each(targets)('cers user on $name', ({ create }) => {
  let cers: CersDb;
  let schoolCds: string;
  let districtCds: string;
  beforeAll(async () => {
    cers = await create();
    const districtId = await seedDistrict(cers.db, { naturalId: '01611190000000', name: 'Alameda Unified' });
    await seedSchool(cers.db, { districtId, naturalId: '01611190130229', name: 'Alameda High' });
    schoolCds = '01611190130229';
    districtCds = '01611190000000';
  });
  afterAll(async () => cers.close());

  it('adds a user with a password and a role at a school named by CDS code', async () => {
    const out = await addUser(cers, {
      login: 'pat.lee@alameda.example',
      name: 'Pat Lee',
      password: 'Long-enough-pass-99',
      role: 'test-examiner',
      org: schoolCds,
    });
    expect(out).toMatch(/Created user pat.lee@alameda.example/);
    expect(out).toMatch(/Granted Test Examiner at Alameda High \(01611190130229\)/);
    const id = (await findUserIdByLogin(cers.db, 'PAT.LEE@alameda.example')) as number;
    const hash = await cers.db.selectFrom('users').select('passwordHash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(await verifyPassword(hash.passwordHash, 'Long-enough-pass-99')).toBe(true);
    const principal = await findPrincipal(cers.db, id);
    expect(principal?.grants.map((g) => g.role)).toEqual(['TEST_EXAMINER']);
  });

  it('refuses duplicates, weak passwords, unknown roles and roles at the wrong level', async () => {
    await expect(addUser(cers, { login: 'pat.lee@alameda.example', name: 'X' })).rejects.toThrow(/already exists/);
    await expect(addUser(cers, { login: 'new@alameda.example', name: 'X', password: 'short' })).rejects.toThrow(/at least 12/);
    await expect(grant(cers, { login: 'pat.lee@alameda.example', role: 'WIZARD', org: schoolCds })).rejects.toThrow(UserCommandError);
    await expect(grant(cers, { login: 'pat.lee@alameda.example', role: 'LEA_COORDINATOR', org: schoolCds })).rejects.toThrow(
      /granted at a district \(LEA\), not at a school/,
    );
    await expect(grant(cers, { login: 'nobody@x.example', role: 'LEA_COORDINATOR', org: districtCds })).rejects.toThrow(/No user/);
  });

  it('grants, lists and revokes roles', async () => {
    await addUser(cers, { login: 'dana@alameda.example', name: 'Dana Ruiz' });
    expect(await grant(cers, { login: 'dana@alameda.example', role: 'LEA_COORDINATOR', org: districtCds })).toMatch(/Granted/);
    expect(await grant(cers, { login: 'dana@alameda.example', role: 'LEA_COORDINATOR', org: districtCds })).toMatch(/already has/);
    const listing = await list(cers, { search: 'dana' });
    expect(listing).toContain('dana@alameda.example');
    expect(listing).toContain(`LEA_COORDINATOR@${districtCds}`);
    expect(listing).not.toContain('pat.lee');
    expect(await revoke(cers, { login: 'dana@alameda.example', role: 'LEA_COORDINATOR', org: districtCds })).toMatch(/Revoked/);
    await expect(revoke(cers, { login: 'dana@alameda.example', role: 'LEA_COORDINATOR', org: districtCds })).rejects.toThrow(
      /does not have/,
    );
  });

  it('prints a one-time reset link with the token in the fragment (never sent to servers)', async () => {
    const out = await resetPassword(cers, { login: 'dana@alameda.example', baseUrl: 'https://cers.example.org/', hours: 24 });
    const link = out.split('\n')[1] ?? '';
    expect(link).toMatch(/^https:\/\/cers\.example\.org\/reset-password#token=[\w-]{43}$/);
    const rows = await cers.db.selectFrom('passwordResetTokens').select(['tokenHash', 'usedAt']).execute();
    expect(rows.some((r) => link.includes(r.tokenHash))).toBe(false);
  });

  it('disables and enables users', async () => {
    expect(await setDisabled(cers, { login: 'dana@alameda.example', disabled: true })).toMatch(/Disabled/);
    const id = (await findUserIdByLogin(cers.db, 'dana@alameda.example')) as number;
    expect(await findPrincipal(cers.db, id)).toBeUndefined();
    await setDisabled(cers, { login: 'dana@alameda.example', disabled: false });
    expect(await findPrincipal(cers.db, id)).toBeDefined();
  });
});
