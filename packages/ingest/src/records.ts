import { createHash } from 'node:crypto';
import { binaryIntBytea, type CopySession, type Database } from '@cers/db';
import { type Kysely, sql } from 'kysely';
import type { DataError, FinalStatus, ImportContent, ImportStatus } from './statuses.js';

type Db = Kysely<Database>;

/** MD5 of the raw bytes, upper-case hex (formats.md §1.3). */
export function md5Hex(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex').toUpperCase();
}

export type NewImport = {
  content: ImportContent;
  bytes: Uint8Array;
  filename?: string | null;
  contentType?: string | null;
  batch?: string | null;
  creatorId?: number | null;
  creator?: string | null;
  properties?: Record<string, unknown> | null;
  transforms?: readonly string[];
  /** Digest when already computed (large files hashed while streaming). */
  digest?: string;
};

export type AcceptedImport = { id: number; digest: string; status: ImportStatus; duplicate: boolean };

/** Payloads above this size are written in slices so no statement carries a huge parameter. */
const PAYLOAD_SLICE = 8 * 1024 * 1024;

/**
 * Records files as ACCEPTED with their raw payload, in one transaction per call: after it returns,
 * every file has a row and its bytes. A payload already imported for the same content (same MD5)
 * is not recorded again: its existing row is returned with duplicate = true (formats.md §1.3).
 */
export async function acceptImports(db: Db, files: readonly NewImport[], copy?: CopySession['copy']): Promise<AcceptedImport[]> {
  if (files.length === 0) return [];
  const digests = files.map((f) => f.digest ?? md5Hex(f.bytes));
  return db.transaction().execute(async (trx) => {
    const inserted = await sql<{ id: number; digest: string; content: string }>`
      insert into imports (content, content_type, digest, filename, batch, status, creator_id, creator, payload_size, properties, transforms)
      select t.content, t.content_type, t.digest, t.filename, t.batch, 'ACCEPTED', t.creator_id, t.creator, t.size, t.properties::jsonb,
             coalesce(string_to_array(t.transforms, ','), '{}')
      from unnest(${files.map((f) => f.content)}::text[], ${files.map((f) => f.contentType ?? null)}::text[], ${digests}::text[],
                  ${files.map((f) => f.filename ?? null)}::text[], ${files.map((f) => f.batch ?? null)}::text[],
                  ${files.map((f) => f.creatorId ?? null)}::int[], ${files.map((f) => f.creator ?? null)}::text[],
                  ${files.map((f) => f.bytes.length)}::int[], ${files.map((f) => (f.properties ? JSON.stringify(f.properties) : null))}::text[],
                  ${files.map((f) => (f.transforms && f.transforms.length > 0 ? f.transforms.join(',') : null))}::text[])
           as t(content, content_type, digest, filename, batch, creator_id, creator, size, properties, transforms)
      on conflict (content, digest) do nothing
      returning id, digest, content`.execute(trx);
    const key = (content: string, digest: string) => `${content}:${digest}`;
    const fresh = new Map(inserted.rows.map((r) => [key(r.content, r.digest), r.id]));
    const payloads: { id: number; bytes: Uint8Array }[] = [];
    const claimed = new Set<string>();
    const missing: number[] = [];
    const out: (AcceptedImport | undefined)[] = files.map((f, i) => {
      const k = key(f.content, digests[i] as string);
      const id = fresh.get(k);
      if (id !== undefined && !claimed.has(k)) {
        claimed.add(k);
        payloads.push({ id, bytes: f.bytes });
        return { id, digest: digests[i] as string, status: 'ACCEPTED', duplicate: false };
      }
      missing.push(i);
      return undefined;
    });
    if (missing.length > 0) {
      const existing = await trx
        .selectFrom('imports')
        .select(['id', 'content', 'digest', 'status'])
        .where(
          'digest',
          'in',
          missing.map((i) => digests[i] as string),
        )
        .execute();
      const byKey = new Map(existing.map((r) => [key(r.content, r.digest), r]));
      for (const i of missing) {
        const f = files[i] as NewImport;
        const row = byKey.get(key(f.content, digests[i] as string));
        if (!row) throw new Error('import row vanished during intake');
        out[i] = { id: row.id, digest: row.digest, status: row.status as ImportStatus, duplicate: true };
      }
    }
    const small = payloads.filter((p) => p.bytes.length <= PAYLOAD_SLICE);
    if (small.length > 0 && copy) {
      // Binary COPY: the bytes go as they are (no hex text for bytea parameters).
      await copy('import_payloads', ['import_id', 'payload'], binaryIntBytea(small), 'binary');
    } else if (small.length > 0) {
      await sql`insert into import_payloads (import_id, payload)
        select * from unnest(${small.map((p) => p.id)}::int[], ${small.map((p) => Buffer.from(p.bytes.buffer, p.bytes.byteOffset, p.bytes.length))}::bytea[])`.execute(
        trx,
      );
    }
    for (const p of payloads.filter((x) => x.bytes.length > PAYLOAD_SLICE)) await writeSlices(trx, p.id, slices(p.bytes));
    return out as AcceptedImport[];
  });
}

function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += PAYLOAD_SLICE) yield bytes.subarray(at, at + PAYLOAD_SLICE);
}

/** Writes a payload slice by slice (first insert, then append), bounded memory for big files. */
export async function writeSlices(db: Db, importId: number, parts: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<void> {
  let first = true;
  for await (const part of parts) {
    const buf = Buffer.from(part.buffer, part.byteOffset, part.length);
    if (first) await sql`insert into import_payloads (import_id, payload) values (${importId}, ${buf})`.execute(db);
    else await sql`update import_payloads set payload = payload || ${buf} where import_id = ${importId}`.execute(db);
    first = false;
  }
  if (first) await sql`insert into import_payloads (import_id, payload) values (${importId}, ${Buffer.alloc(0)})`.execute(db);
}

export type ImportOutcome = {
  id: number;
  status: FinalStatus;
  message: string | null;
  warnings?: readonly DataError[] | null | undefined;
  examId?: number | null | undefined;
};

/** Writes final statuses (call inside the transaction that did the work). */
export async function finishImports(db: Db, outcomes: readonly ImportOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await sql`update imports i set status = t.status, message = t.message, warnings = t.warnings::jsonb, exam_id = t.exam_id,
      attempts = i.attempts + 1, processed_at = now(), updated_at = now()
    from unnest(${outcomes.map((o) => o.id)}::int[], ${outcomes.map((o) => o.status)}::text[], ${outcomes.map((o) => o.message)}::text[],
                ${outcomes.map((o) => (o.warnings && o.warnings.length > 0 ? JSON.stringify(o.warnings) : null))}::text[],
                ${outcomes.map((o) => o.examId ?? null)}::int[]) as t(id, status, message, warnings, exam_id)
    where i.id = t.id`.execute(db);
}

/** Locks the still-ACCEPTED rows among ids (sorted, to avoid deadlocks) and returns them. */
export async function claimAccepted(db: Db, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const r = await sql<{
    id: number;
  }>`select id from imports where id = any(${[...ids].sort((a, b) => a - b)}::int[]) and status = 'ACCEPTED'
    order by id for update`.execute(db);
  return new Set(r.rows.map((x) => x.id));
}

/** Ids of ACCEPTED imports (left by a crash, or queued), oldest first. */
export async function findAccepted(db: Db, o: { content?: ImportContent; limit?: number; afterId?: number } = {}): Promise<number[]> {
  let q = db.selectFrom('imports').select('id').where('status', '=', 'ACCEPTED');
  if (o.content) q = q.where('content', '=', o.content);
  if (o.afterId !== undefined) q = q.where('id', '>', o.afterId);
  const rows = await q
    .orderBy('id')
    .limit(o.limit ?? 1000)
    .execute();
  return rows.map((r) => r.id);
}

export type StoredImport = {
  id: number;
  content: ImportContent;
  digest: string;
  filename: string | null;
  size: number;
  transforms: string[];
  creatorId: number | null;
};

/** Import rows with their payloads (for processing). */
export async function loadPayloads(db: Db, ids: readonly number[]): Promise<(StoredImport & { bytes: Buffer })[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('imports as i')
    .innerJoin('importPayloads as p', 'p.importId', 'i.id')
    .select(['i.id', 'i.content', 'i.digest', 'i.filename', 'i.payloadSize', 'i.transforms', 'i.creatorId', 'p.payload'])
    .where('i.id', 'in', [...ids])
    .orderBy('i.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    content: r.content as ImportContent,
    digest: r.digest,
    filename: r.filename,
    size: r.payloadSize,
    transforms: r.transforms ?? [],
    creatorId: r.creatorId,
    bytes: r.payload,
  }));
}

/** Reads a stored payload in slices (downloads of big files). */
export async function* readPayloadSlices(db: Db, importId: number, sliceBytes = 4 * 1024 * 1024): AsyncGenerator<Buffer> {
  const len = await sql<{ n: number }>`select octet_length(payload)::int as n from import_payloads where import_id = ${importId}`.execute(
    db,
  );
  const total = len.rows[0]?.n ?? 0;
  for (let at = 0; at < total; at += sliceBytes) {
    const part = await sql<{
      p: Buffer;
    }>`select substring(payload from ${at + 1} for ${sliceBytes}) as p from import_payloads where import_id = ${importId}`.execute(db);
    const p = part.rows[0]?.p;
    if (p) yield p;
  }
}

/**
 * Puts files that failed for missing reference data back to ACCEPTED so the next run re-processes
 * them (cers import --retry, POST /api/imports/retry). Returns the ids.
 */
export async function markForRetry(
  db: Db,
  o: { statuses: readonly ImportStatus[]; ids?: readonly number[]; content?: ImportContent; limit?: number },
): Promise<number[]> {
  const r = await sql<{ id: number }>`
    update imports i set retry_status = i.status, status = 'ACCEPTED', retries = i.retries + 1, updated_at = now()
    where i.id in (
      select id from imports
      where status = any(${[...o.statuses]}::text[])
        ${o.ids ? sql`and id = any(${[...o.ids]}::int[])` : sql``}
        ${o.content ? sql`and content = ${o.content}` : sql``}
      order by id limit ${o.limit ?? 100_000}
      for update skip locked)
    returning i.id`.execute(db);
  return r.rows.map((x) => x.id).sort((a, b) => a - b);
}

/** The slice of PGlite used for COPY … FROM '/dev/blob' (PGlite's bytea parameters are slow for big values). */
export type PGliteLike = { query: (sql: string, params: unknown[], options: { blob: Blob }) => Promise<unknown> };

/** One (seq int4, chunk bytea) row in PostgreSQL's binary COPY format. */
function binaryCopyRow(seq: number, chunk: Uint8Array): Buffer {
  const head = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
  const meta = Buffer.alloc(8 + 2 + 4 + 4 + 4);
  let at = 8; // flags + header extension length: zero
  meta.writeInt16BE(2, at);
  at += 2;
  meta.writeInt32BE(4, at);
  at += 4;
  meta.writeInt32BE(seq, at);
  at += 4;
  meta.writeInt32BE(chunk.length, at);
  const trailer = Buffer.alloc(2);
  trailer.writeInt16BE(-1, 0);
  return Buffer.concat([head, meta, chunk, trailer]);
}

/**
 * PGlite: slices go through COPY from a blob into a temporary table and are joined once at the
 * end (inside the caller's transaction, on PGlite's single session).
 */
async function writeSlicesPglite(db: Db, pglite: PGliteLike, importId: number, parts: AsyncIterable<Uint8Array>): Promise<void> {
  await sql`create temp table if not exists import_slices (seq int, chunk bytea) on commit drop`.execute(db);
  await sql`truncate import_slices`.execute(db);
  let seq = 0;
  for await (const part of parts) {
    await pglite.query("copy import_slices (seq, chunk) from '/dev/blob' with (format binary)", [], {
      // a copy backed by a plain ArrayBuffer: Blob takes no shared-memory views (DOM typings)
      blob: new Blob([new Uint8Array(binaryCopyRow(seq++, part))]),
    });
  }
  await sql`insert into import_payloads (import_id, payload)
    select ${importId}, coalesce(string_agg(chunk, ''::bytea order by seq), ''::bytea) from import_slices`.execute(db);
}

/** Thrown inside the intake transaction to roll back a duplicate large payload. */
class DuplicatePayload extends Error {
  constructor(readonly existing: { id: number; status: string; digest: string }) {
    super('duplicate payload');
  }
}

const LARGE_SLICE = 16 * 1024 * 1024;

async function* reslice(chunks: AsyncIterable<Uint8Array>, size: number, onChunk: (c: Uint8Array) => void): AsyncGenerator<Uint8Array> {
  let parts: Uint8Array[] = [];
  let held = 0;
  for await (const c of chunks) {
    onChunk(c);
    parts.push(c);
    held += c.length;
    if (held >= size) {
      yield Buffer.concat(parts);
      parts = [];
      held = 0;
    }
  }
  if (held > 0 || parts.length > 0) yield Buffer.concat(parts);
}

/**
 * Records a file that is too big to hold in memory: streamed into import_payloads in 16 MB slices
 * while its MD5 is computed, all in one transaction (a duplicate rolls back and returns the
 * earlier import). Memory stays at one slice whatever the file size.
 */
export async function acceptLargeImport(
  db: Db,
  meta: Omit<NewImport, 'bytes' | 'digest'> & { size: number },
  chunks: AsyncIterable<Uint8Array>,
  o: { pglite?: PGliteLike | undefined } = {},
): Promise<AcceptedImport> {
  try {
    return await db.transaction().execute(async (trx) => {
      const pending = `PENDING-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const row = await trx
        .insertInto('imports')
        .values({
          content: meta.content,
          contentType: meta.contentType ?? null,
          digest: pending,
          filename: meta.filename ?? null,
          batch: meta.batch ?? null,
          status: 'ACCEPTED',
          creatorId: meta.creatorId ?? null,
          creator: meta.creator ?? null,
          payloadSize: meta.size,
          properties: meta.properties ? JSON.stringify(meta.properties) : null,
          transforms: [...(meta.transforms ?? [])],
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const hash = createHash('md5');
      let size = 0;
      const sliced = reslice(chunks, LARGE_SLICE, (c) => {
        hash.update(c);
        size += c.length;
      });
      if (o.pglite) await writeSlicesPglite(trx, o.pglite, row.id, sliced);
      else await writeSlices(trx, row.id, sliced);
      const digest = hash.digest('hex').toUpperCase();
      const existing = await trx
        .selectFrom('imports')
        .select(['id', 'status', 'digest'])
        .where('content', '=', meta.content)
        .where('digest', '=', digest)
        .executeTakeFirst();
      if (existing) throw new DuplicatePayload(existing);
      await trx.updateTable('imports').set({ digest, payloadSize: size }).where('id', '=', row.id).execute();
      return { id: row.id, digest, status: 'ACCEPTED' as ImportStatus, duplicate: false };
    });
  } catch (error) {
    if (error instanceof DuplicatePayload) {
      return { id: error.existing.id, digest: error.existing.digest, status: error.existing.status as ImportStatus, duplicate: true };
    }
    throw error;
  }
}
