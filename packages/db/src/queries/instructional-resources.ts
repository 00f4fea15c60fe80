/**
 * Instructional resources (cers-features.md §3.10): links administrators configure per
 * organization. Reads for a results page take the organization chain of the population (school →
 * district → state); the editor lists and writes only rows of organizations in the caller's
 * INSTRUCTIONAL_RESOURCE_WRITE scope (orgInScope below, the organizations twin of schoolInScope).
 */
import type { AccessScope, OrgType, ResourceKind, ResourceRow } from '@cers/domain';
import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** An organization (state, district or school) the scope reaches: the state only statewide. */
export function orgInScope(scope: AccessScope, alias: string): RawBuilder<SqlBool> {
  if (scope.statewide) return sql<SqlBool>`true`;
  const o = (c: string) => sql.ref(`${alias}.${c}`);
  const parts: RawBuilder<SqlBool>[] = [];
  if (scope.districtIds.length > 0) {
    parts.push(sql<SqlBool>`(${o('type')} in ('district', 'school') and ${o('district_id')} = any(${[...scope.districtIds]}::int[]))`);
  }
  if (scope.schoolIds.length > 0) parts.push(sql<SqlBool>`(${o('type')} = 'school' and ${o('id')} = any(${[...scope.schoolIds]}::int[]))`);
  if (parts.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

export type ResourceRecord = ResourceRow & {
  organizationId: number;
  organizationName: string;
  targetCode: string | null;
  targetName: string | null;
  updatedAt: Date;
};

function baseQuery(db: Db) {
  return db
    .selectFrom('instructionalResources as r')
    .innerJoin('organizations as o', 'o.id', 'r.organizationId')
    .leftJoin('targets as t', 't.id', 'r.targetId')
    .select([
      'r.id',
      'r.kind',
      'r.title',
      'r.url',
      'o.type as orgType',
      'r.organizationId',
      'o.name as organizationName',
      'r.assessmentName',
      'r.subject',
      'r.assessmentType',
      'r.claimCode',
      'r.targetId',
      't.naturalId as targetCode',
      't.name as targetName',
      'r.performanceLevel',
      'r.updatedAt',
    ]);
}

function toRecord(r: Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number]): ResourceRecord {
  return { ...r, kind: r.kind as ResourceKind, orgType: r.orgType as OrgType };
}

/** Resources configured for an organization chain (e.g. [school, district, state]). */
export async function listResourcesForOrgs(db: Db, orgIds: readonly number[]): Promise<ResourceRecord[]> {
  if (orgIds.length === 0) return [];
  const rows = await baseQuery(db)
    .where('r.organizationId', 'in', [...orgIds])
    .execute();
  return rows.map(toRecord);
}

/** The organization chain of a school: the school, its district, the state. */
export async function orgChain(db: Db, orgId: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    with recursive chain as (
      select id, parent_id, 0 as depth from organizations where id = ${orgId}
      union all
      select o.id, o.parent_id, c.depth + 1 from organizations o join chain c on o.id = c.parent_id where c.depth < 5
    )
    select id from chain order by depth`.execute(db);
  return rows.map((r) => r.id);
}

/** Editor list: resources of organizations in the caller's scope, optionally filtered by text. */
export async function listEditableResources(db: Db, scope: AccessScope, q?: string): Promise<ResourceRecord[]> {
  let query = baseQuery(db).where(orgInScope(scope, 'o'));
  if (q?.trim()) {
    const like = `%${q.trim().toLowerCase()}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(r.title)`, 'like', like),
        eb(sql`lower(coalesce(r.assessment_name, ''))`, 'like', like),
        eb(sql`lower(o.name)`, 'like', like),
      ]),
    );
  }
  const rows = await query.orderBy('o.name').orderBy('r.kind').orderBy('r.title').limit(1000).execute();
  return rows.map(toRecord);
}

export async function findEditableResource(db: Db, scope: AccessScope, id: number): Promise<ResourceRecord | undefined> {
  const row = await baseQuery(db).where('r.id', '=', id).where(orgInScope(scope, 'o')).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** True when the organization exists and the scope reaches it. */
export async function orgWritable(db: Db, scope: AccessScope, organizationId: number): Promise<boolean> {
  const row = await db
    .selectFrom('organizations as o')
    .select('o.id')
    .where('o.id', '=', organizationId)
    .where(orgInScope(scope, 'o'))
    .executeTakeFirst();
  return row !== undefined;
}

export type ResourceInput = {
  organizationId: number;
  kind: ResourceKind;
  title: string;
  url: string;
  assessmentName: string | null;
  subject: string | null;
  assessmentType: string | null;
  claimCode: string | null;
  targetId: number | null;
  performanceLevel: number | null;
};

export async function createResource(db: Db, input: ResourceInput, userId: number): Promise<number> {
  const row = await db
    .insertInto('instructionalResources')
    .values({ ...input, createdBy: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Updates a resource the scope reaches (old and new organization both checked by the caller). */
export async function updateResource(db: Db, scope: AccessScope, id: number, input: ResourceInput): Promise<boolean> {
  const result = await db
    .updateTable('instructionalResources as r')
    .set({ ...input, updatedAt: new Date() })
    .where('r.id', '=', id)
    .where((eb) =>
      eb.exists(eb.selectFrom('organizations as o').select('o.id').whereRef('o.id', '=', 'r.organizationId').where(orgInScope(scope, 'o'))),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteResource(db: Db, scope: AccessScope, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('instructionalResources as r')
    .where('r.id', '=', id)
    .where((eb) =>
      eb.exists(eb.selectFrom('organizations as o').select('o.id').whereRef('o.id', '=', 'r.organizationId').where(orgInScope(scope, 'o'))),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Targets of a subject for the editor's target picker (reference data). */
export async function listTargets(db: Db, subject: string): Promise<{ id: number; claimCode: string; naturalId: string; name: string }[]> {
  return db
    .selectFrom('targets')
    .select(['id', 'claimCode', 'naturalId', 'name'])
    .where('subject', '=', subject)
    .orderBy('claimCode')
    .orderBy('naturalId')
    .limit(2000)
    .execute();
}

/** Organizations the editor may attach resources to (state, districts, schools in scope). */
export async function listWritableOrgs(db: Db, scope: AccessScope, q?: string): Promise<{ id: number; type: string; name: string }[]> {
  let query = db
    .selectFrom('organizations as o')
    .select(['o.id', 'o.type', 'o.name'])
    .where('o.type', 'in', ['state', 'district', 'school'])
    .where(orgInScope(scope, 'o'));
  if (q?.trim()) query = query.where(sql<SqlBool>`lower(o.name) like ${`%${q.trim().toLowerCase()}%`}`);
  return query.orderBy(sql`case o.type when 'state' then 0 when 'district' then 1 else 2 end`).orderBy('o.name').limit(200).execute();
}

/** Distinct assessment names (all years) for the editor's assessment picker. */
export async function listAssessmentNames(db: Db, q?: string): Promise<{ name: string; subject: string; type: string; label: string }[]> {
  let query = db
    .selectFrom('assessments as a')
    .select(['a.name', 'a.subject', 'a.type', sql<string>`max(a.label)`.as('label')])
    .groupBy(['a.name', 'a.subject', 'a.type']);
  if (q?.trim())
    query = query.where(
      sql<SqlBool>`lower(a.name) like ${`%${q.trim().toLowerCase()}%`} or lower(a.label) like ${`%${q.trim().toLowerCase()}%`}`,
    );
  return query.orderBy('a.subject').orderBy('a.name').limit(200).execute();
}
