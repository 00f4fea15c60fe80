import type { Database } from '@cers/db';
import type { Kysely } from 'kysely';
import { readPackage, type SubjectInfo } from './package/read.js';
import { storePackage } from './package/store.js';
import type { ProcessContext } from './processors.js';
import { ErrorCollector, type Outcome } from './statuses.js';
import type { SubjectDefinition } from './subject-definition.js';

/**
 * PACKAGE (formats.md §4): validates the whole file first; any error ⇒ BAD_DATA and nothing
 * stored. Success: `Assessments processed: N, created: C, updated: U, rejected: R`.
 */
export async function importPackage(db: Kysely<Database>, bytes: Buffer, ctx: ProcessContext): Promise<Outcome> {
  const subjects = await db.selectFrom('subjects').select(['code', 'definition']).execute();
  const targets = await db.selectFrom('targets').select(['subject', 'claimCode', 'naturalId']).execute();
  const info = new Map<string, SubjectInfo>();
  const defs = new Map<string, SubjectDefinition | null>();
  for (const s of subjects) {
    const def = (s.definition as SubjectDefinition | null) ?? null;
    info.set(s.code.toLowerCase(), { code: s.code, definition: def, targets: new Set() });
    defs.set(s.code.toLowerCase(), def);
  }
  for (const t of targets) info.get(t.subject.toLowerCase())?.targets.add(`${t.claimCode}|${t.naturalId}`);
  const errors = new ErrorCollector();
  const list = readPackage(bytes, info, errors);
  if (!errors.ok) return { status: 'BAD_DATA', message: errors.toJson() };
  const r = await storePackage(db, list, defs, ctx.importId);
  const message = `Assessments processed: ${list.length}, created: ${r.created}, updated: ${r.updated}, rejected: ${r.rejected}`;
  return { status: 'PROCESSED', message, warnings: r.rejections.map((x) => ({ elementName: 'AssessmentId', error: x })) };
}
