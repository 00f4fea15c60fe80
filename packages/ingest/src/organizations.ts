import type { Database } from '@cers/db';
import { type Kysely, sql } from 'kysely';
import { readCsv, rowObject } from './csv.js';
import type { ProcessContext } from './processors.js';
import { ErrorCollector, type Outcome } from './statuses.js';

type Db = Kysely<Database>;
type OrgType = 'district_group' | 'district' | 'school_group' | 'school';
/** An organization to upsert, with its parent (by type and natural id; null = the state). */
export type OrgRow = { type: OrgType; naturalId: string; name: string; parent: { type: OrgType; naturalId: string } | null };

const ENTITY_TYPES: Record<string, OrgType> = {
  GROUPOFDISTRICTS: 'district_group',
  DISTRICT: 'district',
  GROUPOFINSTITUTIONS: 'school_group',
  INSTITUTION: 'school',
};
const ART_NAMES: Record<OrgType, string> = {
  district_group: 'GROUPOFDISTRICTS',
  district: 'DISTRICT',
  school_group: 'GROUPOFINSTITUTIONS',
  school: 'INSTITUTION',
};

type Entity = Record<string, unknown>;

function collectEntities(node: unknown, out: Entity[]): void {
  if (Array.isArray(node)) {
    for (const v of node) collectEntities(v, out);
  } else if (node && typeof node === 'object') {
    const obj = node as Entity;
    if ('entityType' in obj) out.push(obj);
    for (const v of Object.values(obj)) if (v && typeof v === 'object') collectEntities(v, out);
  }
}

function str(e: Entity, key: string): string | undefined {
  const v = e[key];
  return typeof v === 'string' ? v.trim() : v === null || v === undefined ? undefined : String(v);
}

/** ART-style JSON (formats.md §7.1): parents resolved in document order; only schools and their chains kept. */
export function readArtJson(payload: unknown, errors: ErrorCollector): OrgRow[] {
  const entities: Entity[] = [];
  collectEntities(payload, entities);
  const seen = new Map<string, OrgRow>();
  const schools: OrgRow[] = [];
  for (const e of entities) {
    const type = ENTITY_TYPES[str(e, 'entityType') ?? ''];
    if (!type) continue;
    const id = str(e, 'entityId');
    const name = str(e, 'entityName');
    const parentId = str(e, 'parentEntityId');
    let ok = true;
    const check = (element: string, value: string | undefined, max: number) => {
      if (value === undefined || value === '') {
        errors.add(element, value, 'value may not be blank');
        ok = false;
      } else if (value.length > max) {
        errors.add(element, value, `string is too long, max length is ${max}`);
        ok = false;
      }
    };
    check('entityId', id, 40);
    check('entityName', name, 100);
    check('parentEntityId', parentId, 40);
    if (!ok) continue;
    const parentTypeName = str(e, 'parentEntityType');
    const pid = parentId as string;
    let parent: OrgRow['parent'] = null;
    if (parentTypeName === 'STATE' || (parentTypeName === undefined && (type === 'district' || type === 'district_group'))) {
      if (type === 'school') continue; // a school directly under the state is skipped (RDW)
    } else {
      const parentType = parentTypeName === undefined ? 'district' : ENTITY_TYPES[parentTypeName];
      const known = parentType !== undefined && seen.has(`${parentType}:${pid.toLowerCase()}`);
      if (!known) {
        if (type === 'school' && parentTypeName === undefined) continue; // unresolved without a type: skipped
        errors.add(`${id} parent`, undefined, `unknown ${parentTypeName ?? 'DISTRICT'} [${pid}]`);
        continue;
      }
      parent = { type: parentType as OrgType, naturalId: pid };
    }
    const row: OrgRow = { type, naturalId: id as string, name: name as string, parent };
    seen.set(`${type}:${(id as string).toLowerCase()}`, row);
    if (type === 'school') schools.push(row);
  }
  // Keep schools with their parent chain only.
  const keep = new Map<string, OrgRow>();
  const add = (row: OrgRow) => {
    const k = `${row.type}:${row.naturalId.toLowerCase()}`;
    if (keep.has(k)) return;
    if (row.parent) {
      const p = seen.get(`${row.parent.type}:${row.parent.naturalId.toLowerCase()}`);
      if (p) add(p);
    }
    keep.set(k, row);
  };
  for (const s of schools) add(s);
  return [...keep.values()];
}

/** CALPADS caret file (formats.md §7.2): district = County-District Code + 0000000. */
export function readCalpads(bytes: Uint8Array, errors: ErrorCollector): OrgRow[] | undefined {
  const { header, rows } = readCsv(bytes, { delimiter: '^' });
  if (!header.includes('County-District Code') || !header.includes('Auth CDS Code')) return undefined;
  const out = new Map<string, OrgRow>();
  for (const row of rows) {
    const r = rowObject(header, row);
    const cd = (r['County-District Code'] ?? '').trim();
    const districtName = (r['District Name'] ?? '').trim();
    const cds = (r['Auth CDS Code'] ?? '').trim();
    const schoolName = (r['School Name'] ?? '').trim();
    let ok = true;
    const check = (element: string, value: string, max: number) => {
      if (value === '') {
        errors.add(element, value, 'value may not be blank');
        ok = false;
      } else if (value.length > max) {
        errors.add(element, value, `string is too long, max length is ${max}`);
        ok = false;
      }
    };
    check('County-District Code', cd, 33);
    check('District Name', districtName, 100);
    check('Auth CDS Code', cds, 40);
    check('School Name', schoolName, 100);
    if (!ok) continue;
    const districtId = `${cd}0000000`;
    out.set(`district:${districtId}`, { type: 'district', naturalId: districtId, name: districtName, parent: null });
    out.set(`school:${cds}`, { type: 'school', naturalId: cds, name: schoolName, parent: { type: 'district', naturalId: districtId } });
  }
  return [...out.values()];
}

/** Upserts organizations by (type, natural id), parents first; returns how many schools were written. */
export async function upsertOrganizations(db: Db, rows: readonly OrgRow[]): Promise<number> {
  let state = await db.selectFrom('organizations').select('id').where('type', '=', 'state').orderBy('id').executeTakeFirst();
  if (!state)
    state = await db
      .insertInto('organizations')
      .values({ type: 'state', naturalId: 'CA', name: 'California' })
      .returning('id')
      .executeTakeFirstOrThrow();
  const ids = new Map<string, { id: number; districtId: number | null }>();
  const k = (type: OrgType, naturalId: string) => `${type}:${naturalId.toLowerCase()}`;
  for (const type of ['district_group', 'district', 'school_group', 'school'] as const) {
    const list = rows.filter((r) => r.type === type);
    if (list.length === 0) continue;
    const parentOf = (r: OrgRow) => (r.parent ? (ids.get(k(r.parent.type, r.parent.naturalId)) ?? null) : null);
    const districtOf = (r: OrgRow): number | null => {
      if (type === 'district' || type === 'district_group') return null;
      return parentOf(r)?.districtId ?? null;
    };
    const res = await sql<{ id: number; naturalId: string }>`
      insert into organizations as o (type, natural_id, name, parent_id, district_id)
      select ${type}, n, nm, coalesce(p, ${state.id}), d from unnest(${list.map((r) => r.naturalId)}::text[], ${list.map((r) => r.name)}::text[],
        ${list.map((r) => parentOf(r)?.id ?? null)}::int[], ${list.map(districtOf)}::int[]) as t(n, nm, p, d)
      on conflict (type, lower(natural_id)) do update set name = excluded.name, parent_id = excluded.parent_id,
        district_id = coalesce(excluded.district_id, o.district_id), updated_at = now()
      returning id, natural_id`.execute(db);
    if (type === 'district') {
      await sql`update organizations set district_id = id where id = any(${res.rows.map((r) => r.id)}::int[]) and district_id is distinct from id`.execute(
        db,
      );
    }
    for (const r of res.rows) ids.set(k(type, r.naturalId), { id: r.id, districtId: type === 'district' ? r.id : (null as number | null) });
    if (type === 'school_group' || type === 'school') {
      for (const row of list) {
        const entry = ids.get(k(type, row.naturalId));
        if (entry) entry.districtId = districtOf(row);
      }
    }
  }
  return rows.filter((r) => r.type === 'school').length;
}

/**
 * ORGANIZATION: ART-style JSON or CALPADS caret CSV; anything else is BAD_FORMAT (formats.md §7).
 * Schools are upserted by natural id, never deleted.
 */
export async function importOrganizations(db: Db, bytes: Buffer, _ctx: ProcessContext): Promise<Outcome> {
  const errors = new ErrorCollector();
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let rows: OrgRow[] | undefined;
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      rows = readArtJson(JSON.parse(text), errors);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
    }
  }
  rows ??= readCalpads(bytes, errors);
  if (!rows) return { status: 'BAD_FORMAT', message: 'invalid organization payload format' };
  if (!errors.ok) return { status: 'BAD_DATA', message: errors.toJson() };
  const n = await upsertOrganizations(db, rows);
  return { status: 'PROCESSED', message: `${n} schools processed` };
}

export { ART_NAMES };
