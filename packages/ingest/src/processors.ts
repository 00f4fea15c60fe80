import type { Database } from '@cers/db';
import type { Principal } from '@cers/domain';
import type { Kysely } from 'kysely';
import type { ImportContent, Outcome } from './statuses.js';

/** What a non-exam processor gets: the stored file and who uploaded it. */
export type ProcessContext = {
  importId: number;
  filename: string | null;
  /** The uploader, when the file came through the API; CLI imports run with operator rights. */
  principal: Principal | undefined;
  now: Date;
};

/**
 * A content processor runs inside the transaction that also writes the file's final status, so a
 * file either lands whole with PROCESSED or leaves nothing behind. Expected problems are returned
 * as an Outcome; throwing means an internal error (FAILED, retried).
 */
export type ContentProcessor = (db: Kysely<Database>, bytes: Buffer, ctx: ProcessContext) => Promise<Outcome>;

export type ProcessorRegistry = Partial<Record<ImportContent, ContentProcessor>>;
