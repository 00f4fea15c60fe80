import { type CersDb, type CopySession, findPrincipal, withCopySession } from '@cers/db';
import { sql } from 'kysely';
import { detectContent } from './content.js';
import { DEFAULT_PROCESSORS } from './default-processors.js';
import { type ExamFile, loadExamBatch } from './load-exams.js';
import type { ParsePool, ParseResult } from './pool.js';
import type { ProcessorRegistry } from './processors.js';
import {
  type AcceptedImport,
  acceptImports,
  acceptLargeImport,
  claimAccepted,
  findAccepted,
  finishImports,
  type ImportOutcome,
  loadPayloads,
  markForRetry,
  type NewImport,
  type PGliteLike,
} from './records.js';
import { loadRefData } from './ref-data.js';
import type { Source } from './sources.js';
import type { FinalStatus, ImportContent, ImportStatus } from './statuses.js';
import { processTrtForLoad } from './trt/encode.js';
import type { RefData } from './trt/refs.js';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const REF_MISSES = new Set<string>(['UNKNOWN_ASMT', 'UNKNOWN_SCHOOL', 'BAD_DATA']);

/** A cheap summary of the reference tables; when it changes, cached reference data is stale. */
async function refFingerprint(cers: CersDb): Promise<string> {
  const r = await sql<{ f: string }>`select concat_ws('|',
      (select count(*) from assessments), (select max(updated_at) from assessments), (select count(*) from items),
      (select count(*) from assessment_scores), (select count(*) from assessment_targets), (select count(*) from organizations),
      (select max(updated_at) from organizations), (select count(*) from accommodations), (select max(updated_at) from subjects)) as f`.execute(
    cers.db,
  );
  return r.rows[0]?.f ?? '';
}

export type FileResult = {
  id: number;
  status: ImportStatus;
  message: string | null;
  /** The same bytes were already imported: this is that earlier import. */
  duplicate?: boolean;
  filename?: string | null | undefined;
};

/** The slice of a pino logger the importer uses (ids and counts only, never student data). */
export type IngestLogger = { warn: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void };

export type RunnerOptions = {
  /** Exam files per transaction. */
  batchSize?: number;
  /** Parse workers; without one, TRTs are parsed in this thread. */
  pool?: ParsePool | undefined;
  /** Files above this size are recorded (payload kept) with status INVALID, never parsed. */
  maxBytes?: number;
  processors?: ProcessorRegistry;
  logger?: IngestLogger | undefined;
  onResult?: (r: FileResult) => void;
};

/** What importSources records on every file (imports columns). */
export type SourceMeta = {
  content?: ImportContent;
  transforms?: readonly string[];
  batch?: string | null;
  creatorId?: number | null;
  creator?: string | null;
  properties?: Record<string, unknown>;
};

/** Files read ahead are bounded by count (batchSize) and by bytes. */
const MAX_BATCH_BYTES = 64 * 1024 * 1024;

function meta(o: SourceMeta, name: string): Omit<NewImport, 'content' | 'bytes'> {
  return {
    filename: name.split(/[\\/]/).pop() ?? name,
    batch: o.batch ?? null,
    creatorId: o.creatorId ?? null,
    creator: o.creator ?? null,
    properties: { ...(o.properties ?? {}), source: name },
    ...(o.transforms ? { transforms: o.transforms } : {}),
  };
}

/** A file in flight: its import row and bytes. */
type Work = {
  id: number;
  content: ImportContent;
  bytes: Uint8Array;
  transforms: readonly string[];
  filename: string | null;
  creatorId: number | null;
  /** Parsed ahead (worker pool) with the reference data of version `refVersion`. */
  parsed?: { refVersion: number; result: ExamFile['result'] } | undefined;
};

/** What a batch parsed ahead of its intake carries: per file, its digest and parse outcome. */
type Preparsed = { refVersion: number; byIndex: Map<number, ParseResult> };

/**
 * Drives files to exactly one final status. Design (docs/adr/0005-import-pipeline.md):
 * 1. accept: row ACCEPTED + raw payload committed first (acceptImports);
 * 2. process: exams are parsed and validated off the database (worker pool), then written in
 *    batches, each batch one transaction that also sets the files' final statuses; other contents
 *    run one file per transaction;
 * 3. a crash leaves files ACCEPTED, and resume() re-processes them.
 */
export class ImportRunner {
  private ref: RefData | undefined;
  private refStamp = '';
  /** Bumped whenever reference data is (re)loaded: results parsed with an older version are redone. */
  private refVersion = 0;
  private readonly batchSize: number;
  private readonly maxBytes: number;

  constructor(
    private readonly cers: CersDb,
    private readonly options: RunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 250;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  private pglite(): PGliteLike | undefined {
    return this.cers.kind === 'pglite' ? (this.cers.pglite as unknown as PGliteLike) : undefined;
  }

  /** Forget cached reference data (after a package, organization, codes or subject import). */
  invalidate(): void {
    this.ref = undefined;
  }

  private async refData(): Promise<RefData> {
    if (!this.ref) {
      this.refStamp = await refFingerprint(this.cers);
      this.ref = await loadRefData(this.cers.db);
      this.refVersion++;
      this.options.pool?.setRefData(this.ref);
    }
    return this.ref;
  }

  /** True (and the cache reloaded) when reference data changed since it was loaded (another process imported some). */
  private async refreshIfChanged(): Promise<boolean> {
    if (!this.ref) return false;
    if ((await refFingerprint(this.cers)) === this.refStamp) return false;
    this.invalidate();
    await this.refData();
    return true;
  }

  /** Records and processes files; duplicates come back as their earlier import. */
  async importFiles(files: readonly NewImport[]): Promise<FileResult[]> {
    const accepted = await acceptImports(this.cers.db, files);
    return this.processAccepted(files, accepted);
  }

  private async processAccepted(
    files: readonly NewImport[],
    accepted: readonly AcceptedImport[],
    pre?: Preparsed,
    session?: CopySession,
  ): Promise<FileResult[]> {
    const work: Work[] = [];
    const results: FileResult[] = [];
    for (let i = 0; i < accepted.length; i++) {
      const a = accepted[i] as AcceptedImport;
      const f = files[i] as NewImport;
      const item: Work = {
        id: a.id,
        content: f.content,
        bytes: f.bytes,
        transforms: f.transforms ?? [],
        filename: f.filename ?? null,
        creatorId: f.creatorId ?? null,
      };
      const parsed = pre?.byIndex.get(i);
      if (parsed) item.parsed = { refVersion: pre?.refVersion as number, result: parsed.result };
      // A group file is re-validated on every upload with the uploader's rights (formats.md §1.3).
      if (a.duplicate && f.content === 'GROUPS' && a.status !== 'PROCESSED' && (await this.requeue(a.id, f.creatorId ?? null))) {
        work.push(item);
        continue;
      }
      if (a.duplicate) {
        const r: FileResult = { id: a.id, status: a.status, message: null, duplicate: true, filename: f.filename };
        results.push(r);
        this.options.onResult?.(r);
        continue;
      }
      work.push(item);
    }
    results.push(...(await this.processWork(work, session)));
    return results;
  }

  private async requeue(id: number, creatorId: number | null): Promise<boolean> {
    const r = await sql`update imports set status = 'ACCEPTED', retry_status = status, creator_id = ${creatorId}, updated_at = now()
      where id = ${id} and status <> 'ACCEPTED' and status <> 'PROCESSED' returning id`.execute(this.cers.db);
    return r.rows.length > 0;
  }

  /**
   * The CLI path: files, folders and zips streamed through intake and processing. Intake of the
   * next batch overlaps processing of the previous one; at most two batches are held in memory.
   * Files above maxBytes are streamed into the archive and recorded INVALID without being read whole.
   */
  async importSources(sources: AsyncIterable<Source>, o: SourceMeta = {}): Promise<FileResult[]> {
    const results: FileResult[] = [];
    let batch: NewImport[] = [];
    let held = 0;
    let processing: Promise<void> = Promise.resolve();
    // Pipeline: while the database takes batch n (intake, then load), the workers parse batch n+1
    // and this thread reads batch n+2. Parsing before intake changes nothing a file ends with:
    // the intake transaction still commits (ACCEPTED + bytes) before the load transaction.
    const flush = async () => {
      if (batch.length === 0) return;
      const files = batch;
      batch = [];
      held = 0;
      const parsing = this.preparse(files);
      parsing.catch(() => undefined); // awaited below; an error surfaces there
      const previous = processing;
      processing = previous.then(() =>
        this.withSession(async (session) => {
          const pre = await parsing;
          const digested = pre ? files.map((f, i) => ({ ...f, digest: pre.byIndex.get(i)?.digest ?? f.digest })) : files;
          const accepted = await acceptImports(session.db, digested, session.copy);
          results.push(...(await this.processAccepted(digested, accepted, pre, session)));
        }),
      );
      await previous;
    };
    for await (const s of sources) {
      if (s.size > this.maxBytes) {
        await flush();
        await processing;
        results.push(await this.importLarge(s, o));
        continue;
      }
      const bytes = await s.read();
      batch.push({ ...meta(o, s.name), content: o.content ?? detectContent(bytes, s.name).content, bytes });
      held += bytes.length;
      if (batch.length >= this.batchSize || held >= MAX_BATCH_BYTES) await flush();
    }
    await flush();
    await processing;
    return results;
  }

  /**
   * One file from a stream (an HTTP upload): held in memory up to maxBytes, beyond that streamed
   * into the archive and recorded INVALID — memory stays bounded whatever the upload size.
   */
  async importStream(chunks: AsyncIterable<Uint8Array>, o: SourceMeta & { filename: string }): Promise<FileResult> {
    const held: Uint8Array[] = [];
    let size = 0;
    const iterator = chunks[Symbol.asyncIterator]();
    for (;;) {
      const n = await iterator.next();
      if (n.done) {
        const bytes = Buffer.concat(held);
        const [r] = await this.importFiles([
          { ...meta(o, o.filename), filename: o.filename, content: o.content ?? detectContent(bytes, o.filename).content, bytes },
        ]);
        return r as FileResult;
      }
      held.push(n.value);
      size += n.value.length;
      if (size > this.maxBytes) break;
    }
    const prefix = held;
    const rest = (async function* () {
      yield* prefix;
      for (;;) {
        const n = await iterator.next();
        if (n.done) return;
        yield n.value;
      }
    })();
    let total = 0;
    const counted = (async function* () {
      for await (const c of rest) {
        total += c.length;
        yield c;
      }
    })();
    const content = o.content ?? detectContent(prefix[0] ?? Buffer.alloc(0), o.filename).content;
    const a = await acceptLargeImport(this.cers.db, { ...meta(o, o.filename), filename: o.filename, content, size }, counted, {
      pglite: this.pglite(),
    });
    if (a.duplicate) return { id: a.id, status: a.status, message: null, duplicate: true, filename: o.filename };
    const [outcome] = await this.finishEach([this.tooLarge({ id: a.id, content, size: total })]);
    return { id: a.id, status: outcome?.status ?? 'INVALID', message: outcome?.message ?? null, filename: o.filename };
  }

  private async importLarge(s: Source, o: SourceMeta): Promise<FileResult> {
    const stream = await s.stream();
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    const head: Uint8Array = first.done ? Buffer.alloc(0) : (first.value as Uint8Array);
    const chunks = (async function* () {
      if (!first.done) yield head;
      for (;;) {
        const n = await iterator.next();
        if (n.done) return;
        yield n.value as Uint8Array;
      }
    })();
    const content = o.content ?? detectContent(head, s.name).content;
    const a = await acceptLargeImport(this.cers.db, { ...meta(o, s.name), content, size: s.size }, chunks, { pglite: this.pglite() });
    if (a.duplicate) {
      const r: FileResult = { id: a.id, status: a.status, message: null, duplicate: true, filename: s.name };
      this.options.onResult?.(r);
      return r;
    }
    const [outcome] = await this.finishEach([this.tooLarge({ id: a.id, content, size: s.size })]);
    const r: FileResult = { id: a.id, status: outcome?.status ?? 'INVALID', message: outcome?.message ?? null, filename: s.name };
    this.options.onResult?.(r);
    return r;
  }

  /** Processes ACCEPTED imports by id, reading their payloads back from the database. */
  async processIds(ids: readonly number[]): Promise<FileResult[]> {
    const out: FileResult[] = [];
    for (let i = 0; i < ids.length; i += this.batchSize) {
      const rows = await loadPayloads(this.cers.db, ids.slice(i, i + this.batchSize));
      out.push(
        ...(await this.processWork(
          rows.map((r) => ({
            id: r.id,
            content: r.content,
            bytes: r.bytes,
            transforms: r.transforms,
            filename: r.filename,
            creatorId: r.creatorId,
          })),
        )),
      );
    }
    return out;
  }

  /** Re-processes every file left ACCEPTED (a crashed or killed run). */
  async resume(o: { content?: ImportContent } = {}): Promise<FileResult[]> {
    const out: FileResult[] = [];
    let afterId = 0;
    for (;;) {
      const ids = await findAccepted(this.cers.db, { ...(o.content ? { content: o.content } : {}), afterId, limit: 5000 });
      if (ids.length === 0) return out;
      out.push(...(await this.processIds(ids)));
      afterId = ids[ids.length - 1] as number;
    }
  }

  /** Puts UNKNOWN_ASMT / UNKNOWN_SCHOOL (or given statuses) back to ACCEPTED and processes them. */
  async retry(o: { statuses: readonly ImportStatus[]; ids?: readonly number[]; content?: ImportContent }): Promise<FileResult[]> {
    this.invalidate();
    const ids = await markForRetry(this.cers.db, o);
    return this.processIds(ids);
  }

  /** Parses a batch's exam files in the pool before their intake (digests too); nothing without a pool. */
  private async preparse(files: readonly NewImport[]): Promise<Preparsed | undefined> {
    const pool = this.options.pool;
    if (!pool) return undefined;
    const jobs: { id: number; bytes: Uint8Array; transforms: readonly string[]; digest: boolean }[] = [];
    files.forEach((f, i) => {
      if (f.content === 'EXAM' && f.bytes.length <= this.maxBytes)
        jobs.push({ id: i, bytes: f.bytes, transforms: f.transforms ?? [], digest: f.digest === undefined });
    });
    if (jobs.length === 0) return undefined;
    await this.refData();
    const refVersion = this.refVersion;
    const results = await pool.parse(jobs);
    return { refVersion, byIndex: new Map(results.map((r) => [r.id, r])) };
  }

  /** A session whose transactions can COPY (PostgreSQL: a pooled connection of its own). */
  private withSession<T>(fn: (s: CopySession) => Promise<T>, session?: CopySession): Promise<T> {
    return session ? fn(session) : withCopySession(this.cers, fn);
  }

  private async processWork(work: readonly Work[], session?: CopySession): Promise<FileResult[]> {
    const out: FileResult[] = [];
    const report = (outcomes: readonly ImportOutcome[], byId: Map<number, Work>) => {
      for (const o of outcomes) {
        const r: FileResult = { id: o.id, status: o.status, message: o.message, filename: byId.get(o.id)?.filename };
        out.push(r);
        this.options.onResult?.(r);
      }
    };
    const byId = new Map(work.map((w) => [w.id, w]));
    const tooBig = work.filter((w) => w.bytes.length > this.maxBytes);
    if (tooBig.length > 0)
      report(await this.finishEach(tooBig.map((w) => this.tooLarge({ id: w.id, content: w.content, size: w.bytes.length }))), byId);
    const fits = work.filter((w) => w.bytes.length <= this.maxBytes);
    const exams = fits.filter((w) => w.content === 'EXAM');
    for (const w of fits.filter((x) => x.content !== 'EXAM')) report(await this.processOther(w), byId);
    if (exams.length === 0) return out;
    await this.withSession(async (s) => {
      // Parse the next batch while the database writes this one.
      let next = this.parseBatch(exams.slice(0, this.batchSize));
      for (let i = 0; i < exams.length; i += this.batchSize) {
        const files = await next;
        if (i + this.batchSize < exams.length) next = this.parseBatch(exams.slice(i + this.batchSize, i + 2 * this.batchSize));
        report(await this.loadWithFallback(s, files), byId);
      }
    }, session);
    return out;
  }

  private tooLarge(w: { id: number; content: ImportContent; size: number }): ImportOutcome {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return {
      id: w.id,
      status: 'INVALID',
      message: `File too large: ${w.size} bytes (${mb(w.size)}) exceeds the ${mb(this.maxBytes)} limit for one ${w.content} file; it was stored but not processed. Split it into smaller files.`,
    };
  }

  private async parseBatch(work: readonly Work[]): Promise<ExamFile[]> {
    const files = await this.parseOnce(work);
    // A miss on reference data may only mean the cache is stale: check once, then re-validate those files.
    const misses = files.filter((f) => !f.result.ok && REF_MISSES.has(f.result.status));
    if (misses.length === 0 || !(await this.refreshIfChanged())) return files;
    const missed = new Set(misses.map((m) => m.importId));
    const redo = work.filter((w) => missed.has(w.id)).map((w) => ({ ...w, parsed: undefined }));
    const again = new Map((await this.parseOnce(redo)).map((f) => [f.importId, f]));
    return files.map((f) => again.get(f.importId) ?? f);
  }

  private async parseOnce(work: readonly Work[]): Promise<ExamFile[]> {
    const ref = await this.refData();
    // Parsed ahead with the current reference data: nothing to redo.
    if (work.every((w) => w.parsed?.refVersion === this.refVersion)) {
      return work.map((w) => ({ importId: w.id, result: (w.parsed as NonNullable<Work['parsed']>).result }));
    }
    const pool = this.options.pool;
    if (!pool) return work.map((w) => ({ importId: w.id, result: processTrtForLoad(w.bytes, w.transforms, ref) }));
    const results = await pool.parse(work.map((w) => ({ id: w.id, bytes: w.bytes, transforms: w.transforms })));
    return results.map((r) => ({ importId: r.id, result: r.result }));
  }

  /** One transaction per batch; if it fails, each file alone, so one bad file cannot sink the rest. */
  private async loadWithFallback(session: CopySession, files: readonly ExamFile[]): Promise<ImportOutcome[]> {
    try {
      return await this.withRetry(() => loadExamBatch(session, files));
    } catch (error) {
      if (files.length === 1)
        return this.failed(
          files.map((f) => f.importId),
          error,
        );
      this.options.logger?.warn({ err: error, files: files.length }, 'exam batch failed; retrying files one by one');
      const out: ImportOutcome[] = [];
      for (const f of files) {
        try {
          out.push(...(await this.withRetry(() => loadExamBatch(session, [f]))));
        } catch (e) {
          out.push(...(await this.failed([f.importId], e)));
        }
      }
      return out;
    }
  }

  /** Deadlocks and serialization failures are transient: try again a few times. */
  private async withRetry<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 4 || (code !== '40P01' && code !== '40001')) throw error;
        await new Promise((r) => setTimeout(r, 20 * attempt));
      }
    }
  }

  private async failed(ids: readonly number[], error: unknown): Promise<ImportOutcome[]> {
    this.options.logger?.error({ err: error, importIds: ids }, 'import failed with an internal error');
    const message = `Internal error while importing: ${(error as Error).message ?? String(error)}. The file is kept; re-run it with cers import --retry.`;
    return this.finishEach(ids.map((id) => ({ id, status: 'FAILED' as FinalStatus, message })));
  }

  /** Writes outcomes for files that are still ACCEPTED. */
  private async finishEach(outcomes: readonly ImportOutcome[]): Promise<ImportOutcome[]> {
    return this.cers.db.transaction().execute(async (trx) => {
      const claimed = await claimAccepted(
        trx,
        outcomes.map((o) => o.id),
      );
      const mine = outcomes.filter((o) => claimed.has(o.id));
      await finishImports(trx, mine);
      return mine;
    });
  }

  private async processOther(w: Work): Promise<ImportOutcome[]> {
    const processor = (this.options.processors ?? DEFAULT_PROCESSORS)[w.content];
    if (!processor) return this.finishEach([{ id: w.id, status: 'INVALID', message: `No importer for ${w.content} files` }]);
    const principal = w.creatorId === null ? undefined : await findPrincipal(this.cers.db, w.creatorId);
    try {
      const outcomes = await this.withRetry(() =>
        this.cers.db.transaction().execute(async (trx) => {
          const claimed = await claimAccepted(trx, [w.id]);
          if (!claimed.has(w.id)) return [];
          await sql`savepoint content`.execute(trx);
          const outcome = await processor(trx, Buffer.from(w.bytes.buffer, w.bytes.byteOffset, w.bytes.length), {
            importId: w.id,
            filename: w.filename,
            principal,
            now: new Date(),
          });
          // A rejected file leaves nothing behind but its status.
          if (outcome.status !== 'PROCESSED' && outcome.status !== 'NO_UPDATE') await sql`rollback to savepoint content`.execute(trx);
          const row: ImportOutcome = { id: w.id, status: outcome.status, message: outcome.message, warnings: outcome.warnings ?? null };
          await finishImports(trx, [row]);
          return [row];
        }),
      );
      if (outcomes.some((o) => o.status === 'PROCESSED')) this.invalidate();
      return outcomes;
    } catch (error) {
      return this.failed([w.id], error);
    }
  }
}
