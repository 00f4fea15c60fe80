import type { Database } from '@cers/db';
import type { Kysely } from 'kysely';
import type { DataError, ImportContent, ImportStatus } from './statuses.js';

type Db = Kysely<Database>;

export type ImportRecord = {
  id: number;
  content: ImportContent;
  contentType: string | null;
  digest: string;
  status: ImportStatus;
  filename: string | null;
  batch: string | null;
  creator: string | null;
  creatorId: number | null;
  message: string | null;
  payloadSize: number;
  attempts: number;
  retries: number;
  examId: number | null;
  transforms: string[];
  createdAt: Date;
  updatedAt: Date;
  processedAt: Date | null;
};
export type ImportDetail = ImportRecord & { warnings: DataError[]; properties: Record<string, unknown> | null };

export type ImportFilter = {
  statuses?: readonly ImportStatus[];
  contents?: readonly ImportContent[];
  from?: Date;
  to?: Date;
  filename?: string;
  /** Only imports made by this user (uploaders without DATA_LOAD see their own group files). */
  creatorId?: number;
  beforeId?: number;
  limit?: number;
};

const COLUMNS = [
  'id',
  'content',
  'contentType',
  'digest',
  'status',
  'filename',
  'batch',
  'creator',
  'creatorId',
  'message',
  'payloadSize',
  'attempts',
  'retries',
  'examId',
  'transforms',
  'createdAt',
  'updatedAt',
  'processedAt',
] as const;

/** The import history, newest first, keyset-paged by id. */
export async function listImports(db: Db, f: ImportFilter): Promise<ImportRecord[]> {
  let q = db.selectFrom('imports').select(COLUMNS);
  if (f.statuses?.length) q = q.where('status', 'in', [...f.statuses]);
  if (f.contents?.length) q = q.where('content', 'in', [...f.contents]);
  if (f.from) q = q.where('createdAt', '>=', f.from);
  if (f.to) q = q.where('createdAt', '<', f.to);
  if (f.filename) q = q.where('filename', 'ilike', `%${f.filename.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (f.creatorId !== undefined) q = q.where('creatorId', '=', f.creatorId);
  if (f.beforeId !== undefined) q = q.where('id', '<', f.beforeId);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(f.limit ?? 50)
    .execute();
  return rows as ImportRecord[];
}

export async function findImport(db: Db, id: number, o: { creatorId?: number } = {}): Promise<ImportDetail | undefined> {
  let q = db
    .selectFrom('imports')
    .select([...COLUMNS, 'warnings', 'properties'])
    .where('id', '=', id);
  if (o.creatorId !== undefined) q = q.where('creatorId', '=', o.creatorId);
  const row = await q.executeTakeFirst();
  if (!row) return undefined;
  return {
    ...(row as unknown as ImportRecord),
    warnings: (row.warnings as DataError[] | null) ?? [],
    properties: (row.properties as Record<string, unknown> | null) ?? null,
  };
}

/** Counts per status for a content (the history page's summary chips). */
export async function countImportsByStatus(
  db: Db,
  f: Pick<ImportFilter, 'contents' | 'creatorId' | 'from' | 'to'>,
): Promise<Record<string, number>> {
  let q = db.selectFrom('imports').select(['status', (eb) => eb.fn.countAll<number>().as('n')]);
  if (f.contents?.length) q = q.where('content', 'in', [...f.contents]);
  if (f.creatorId !== undefined) q = q.where('creatorId', '=', f.creatorId);
  if (f.from) q = q.where('createdAt', '>=', f.from);
  if (f.to) q = q.where('createdAt', '<', f.to);
  const rows = await q.groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
