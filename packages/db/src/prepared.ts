import { createHash } from 'node:crypto';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  PostgresDialect,
  type PostgresDialectConfig,
  type QueryCompiler,
  type QueryResult,
  type RawBuilder,
  sql,
  type TransactionSettings,
} from 'kysely';
import type pg from 'pg';

/**
 * Prepared statements with generic plans for the hot reads (docs/adr/0014-auth-cache-and-prepared-statements.md).
 *
 * A statement that starts with PREPARED (`sql\`${PREPARED} select …\``) declares that its best plan
 * does not depend on its parameter values — it is driven by a primary key or another selective
 * indexed equality, and its arrays (`= any($n::int[])`) only filter. On PostgreSQL it then runs,
 * outside transactions, as a named prepared statement (name = hash of the text) on a second pool
 * whose sessions use plan_cache_mode = force_generic_plan: it is parsed and planned once per
 * connection instead of on every request (planning was half of a student history read). Without
 * the setting, PostgreSQL keeps re-planning these statements (its estimate for a generic plan with
 * array parameters is a little higher than for a custom one). Every other statement is untouched:
 * unnamed, planned for its values. On PGlite the mark is only a comment.
 */
export const PREPARED_MARK = '/* cers:prepared */';
export const PREPARED: RawBuilder<unknown> = sql.raw(PREPARED_MARK);

/** At most this many named statements per connection (texts vary with the scope's shape); the rest run unnamed. */
export const MAX_PREPARED_PER_CONNECTION = 200;

export function isPrepared(text: string): boolean {
  return text.startsWith(PREPARED_MARK);
}

export function statementName(text: string): string {
  return `cers_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
}

/** The generic pool: same server, plans built once per statement and connection. */
export function genericPoolConfig(config: pg.PoolConfig): pg.PoolConfig {
  return { ...config, options: '-c plan_cache_mode=force_generic_plan' };
}

/** PostgresDialect whose driver sends PREPARED statements to the generic pool. */
export class PreparingPostgresDialect extends PostgresDialect {
  readonly #generic: pg.Pool;
  constructor(config: PostgresDialectConfig & { generic: pg.Pool }) {
    const { generic, ...rest } = config;
    super(rest);
    this.#generic = generic;
  }
  override createDriver(): Driver {
    return new PreparingDriver(super.createDriver(), this.#generic);
  }
}

const prepared = new WeakMap<pg.PoolClient, Set<string>>();

async function runPrepared<R>(pool: pg.Pool, query: CompiledQuery): Promise<QueryResult<R>> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    let names = prepared.get(client);
    if (!names) {
      names = new Set();
      prepared.set(client, names);
    }
    const name = statementName(query.sql);
    const named = names.has(name) || names.size < MAX_PREPARED_PER_CONNECTION;
    const values = [...query.parameters];
    const r = await client.query<R & pg.QueryResultRow>(named ? { name, text: query.sql, values } : { text: query.sql, values });
    if (named) names.add(name);
    return result(r);
  } catch (error) {
    // A failed statement leaves the connection usable (no transaction is open), unless it is gone.
    if ((error as { code?: string }).code === undefined) broken = error as Error;
    throw error;
  } finally {
    client.release(broken);
  }
}

/** The same result shape as Kysely's PostgresConnection. */
function result<R>(r: pg.QueryResult): QueryResult<R> {
  const { command, rowCount, rows } = r;
  const changed = command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
  return { ...(changed ? { numAffectedRows: BigInt(rowCount ?? 0) } : {}), rows: (rows ?? []) as R[] };
}

/**
 * A connection that takes its pooled connection only when a statement needs it: PREPARED
 * statements outside a transaction go to the generic pool, everything else (and everything in a
 * transaction) to the ordinary pool, as before.
 */
class LazyConnection implements DatabaseConnection {
  #inner: DatabaseConnection | undefined;
  #acquiring: Promise<DatabaseConnection> | undefined;
  inTransaction = false;

  constructor(
    private readonly driver: Driver,
    private readonly generic: pg.Pool,
  ) {}

  get acquired(): DatabaseConnection | undefined {
    return this.#inner;
  }

  async inner(): Promise<DatabaseConnection> {
    if (this.#inner) return this.#inner;
    this.#acquiring ??= this.driver.acquireConnection();
    this.#inner = await this.#acquiring;
    return this.#inner;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.inTransaction && isPrepared(query.sql)) return runPrepared<R>(this.generic, query);
    return (await this.inner()).executeQuery<R>(query);
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    yield* (await this.inner()).streamQuery<R>(query, chunkSize);
  }
}

class PreparingDriver implements Driver {
  constructor(
    private readonly driver: Driver,
    private readonly generic: pg.Pool,
  ) {}

  init(): Promise<void> {
    return this.driver.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new LazyConnection(this.driver, this.generic);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = connection as LazyConnection;
    await this.driver.beginTransaction(await c.inner(), settings);
    c.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as LazyConnection;
    try {
      await this.driver.commitTransaction(await c.inner());
    } finally {
      c.inTransaction = false;
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as LazyConnection;
    try {
      await this.driver.rollbackTransaction(await c.inner());
    } finally {
      c.inTransaction = false;
    }
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.driver.savepoint?.(await (connection as LazyConnection).inner(), name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.driver.rollbackToSavepoint?.(await (connection as LazyConnection).inner(), name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.driver.releaseSavepoint?.(await (connection as LazyConnection).inner(), name, compile);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const inner = (connection as LazyConnection).acquired;
    if (inner) await this.driver.releaseConnection(inner);
  }

  async destroy(): Promise<void> {
    await this.driver.destroy();
    await this.generic.end();
  }
}
