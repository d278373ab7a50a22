/**
 * The one executor every Cypher statement runs through (as neo4j/graphql's Executor):
 * a single read statement as one auto-commit READ transaction, several reads through
 * `executeRead` (either way cluster followers serve them), writes through
 * `executeWrite`, a per-transaction timeout, driver errors mapped to the contract's
 * codes, and rows mapped to plain values so driver types never leave graph/.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import { fromDriverError } from './driver-errors.ts';
import { MARK_GRAPH_CHANGED } from './version.ts';

export type Params = Record<string, unknown>;

/** A single read is sent at most this often when the failure is retryable. */
const READ_ATTEMPTS = 2;

/** The same for a rolled-back transaction: nothing of a failed attempt was kept. */
const ROLLED_BACK_ATTEMPTS = 2;

/** One transaction's view: run a statement, get plain rows. */
export interface Tx {
  run<Row = Record<string, unknown>>(cypher: string, params?: Params): Promise<Row[]>;
}

/** A read transaction whose rows are handed over one at a time, as they arrive. */
export interface StreamTx {
  each<Row = Record<string, unknown>>(cypher: string, params: Params, onRow: (row: Row) => void): Promise<void>;
}

export interface GraphOptions {
  database?: string;
  /** Per-transaction database timeout (QUERY_TIMEOUT_MS). */
  queryTimeoutMs: number;
}

export class Graph {
  /**
   * Statements sent to the server since start. Tests read the difference across one
   * request to show that round trips do not grow with the number of items.
   */
  roundTrips = 0;

  /**
   * Called with the text of every statement sent, when set: tests look at what a request
   * sent (that it read only what the operation selects), a diagnosis can log it.
   */
  onStatement: ((cypher: string) => void) | null = null;

  constructor(readonly driver: Driver, private readonly options: GraphOptions) {}

  /**
   * The same database for work in the background (the event pump, webhook deliveries,
   * the daily at-risk look): the same driver and limits, its own round-trip counter, so
   * what it sends is never counted as a request's.
   */
  background(): Graph {
    return new Graph(this.driver, this.options);
  }

  /**
   * Runs one read statement as an auto-commit READ transaction: one round trip
   * (RUN and PULL together) where `executeRead` needs two (BEGIN, RUN and PULL, then
   * COMMIT). Measured at 10,000 engagements: accountability through the driver 2.2 ms ->
   * 1.3 ms at p50, and twice the trivial reads per second. A read changes nothing, so
   * a retryable failure (a pooled connection the server closed, a leader change) is
   * simply sent once more, as `executeRead` would.
   */
  async read<Row = Record<string, unknown>>(cypher: string, params: Params = {}): Promise<Row[]> {
    const driverParams = toDriverParams(params) as Params;
    for (let attempt = 1; ; attempt++) {
      const session = this.session('READ');
      try {
        this.sent(cypher);
        const result = await withoutCallSite(() => session.run(cypher, driverParams, { timeout: this.options.queryTimeoutMs }));
        return result.records.map((record) => toPlain(record.toObject()) as Row);
      } catch (err) {
        if (attempt < READ_ATTEMPTS && neo4j.isRetryableError(err as Error)) continue;
        throw fromDriverError(err);
      } finally {
        await session.close();
      }
    }
  }

  /** Runs one write statement in its own write transaction. */
  write<Row = Record<string, unknown>>(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.writeTx((tx) => tx.run<Row>(cypher, params));
  }

  /** `work` may be retried by the driver on transient failures: keep it idempotent. */
  readTx<T>(work: (tx: Tx) => Promise<T>, timeoutMs = this.options.queryTimeoutMs): Promise<T> {
    return this.transaction('READ', work, timeoutMs);
  }

  /**
   * Every write transaction also changes the graph version (version.ts), in the same
   * transaction, so no cached answer outlives the data it was computed from, whoever
   * writes and however the writer ends. Locks are the work's own: each write locks
   * what it changes (graph/engagements, graph/import).
   */
  writeTx<T>(work: (tx: Tx) => Promise<T>, timeoutMs = this.options.queryTimeoutMs): Promise<T> {
    return this.transaction('WRITE', async (tx) => {
      const result = await work(tx);
      await tx.run(MARK_GRAPH_CHANGED);
      return result;
    }, timeoutMs);
  }

  /**
   * Several reads in one READ transaction whose rows are never held together: each row
   * goes to `onRow` as the driver decodes it, and the driver pulls the next batch only
   * when the last is consumed. For projections of millions of rows (the network at
   * 100,000 partners), which as one list would cost the server and this process
   * hundreds of megabytes. Not retried: the caller's rows have been consumed already.
   */
  async readStreaming<T>(work: (tx: StreamTx) => Promise<T>, timeoutMs = this.options.queryTimeoutMs): Promise<T> {
    const session = this.session('READ');
    const tx = session.beginTransaction({ timeout: timeoutMs });
    try {
      const result = await work({
        each: async <Row>(cypher: string, params: Params, onRow: (row: Row) => void) => {
          this.sent(cypher);
          const rows = withoutCallSite(() => tx.run(cypher, toDriverParams(params) as Params));
          for await (const record of rows) onRow(toPlain(record.toObject()) as Row);
        },
      });
      await tx.commit();
      return result;
    } catch (err) {
      if (tx.isOpen()) await tx.rollback().catch(() => undefined);
      throw fromDriverError(err);
    } finally {
      await session.close();
    }
  }

  /**
   * A write transaction that changes no ecosystem data, only what is derived from it
   * and keyed by the graph version it describes (the network's stored metrics), so
   * it must not change that version: no change mark. Nothing a user wrote goes
   * through here.
   */
  derivedWriteTx<T>(work: (tx: Tx) => Promise<T>, timeoutMs = this.options.queryTimeoutMs): Promise<T> {
    return this.transaction('WRITE', work, timeoutMs);
  }

  /**
   * Runs `work` in an explicit WRITE transaction that is always rolled back, never
   * committed: answers "as if" changes had happened (graph/scenarios), computed by the
   * analyses' own statements on the changed graph inside the transaction. Nothing is
   * kept, so there is no graph-version mark and no bookmark.
   *
   * Locks: Neo4j takes no locks for reads and shows other transactions only committed
   * data, so concurrent readers neither see these changes nor wait for them. A node or
   * relationship whose properties `work` sets, and the unique-constraint entry of a node
   * it creates, stay exclusively locked from that write until the rollback (never longer
   * than `timeoutMs`): a writer of the same items waits for the rollback, then goes on.
   * Creating or deleting a relationship locks nothing others wait for: Neo4j 5 takes
   * those locks at commit, which never comes (measured, graph/scenarios). Callers
   * write as late as they can (read first, change, read the answers, roll back).
   *
   * A transient failure (a deadlock with such a writer, a leader change) runs `work`
   * once more: nothing of the first attempt was kept.
   */
  async rolledBackTx<T>(work: (tx: Tx) => Promise<T>, timeoutMs = this.options.queryTimeoutMs): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const session = this.session('WRITE');
      const tx = session.beginTransaction({ timeout: timeoutMs });
      try {
        return await work(this.wrap(tx));
      } catch (err) {
        if (attempt < ROLLED_BACK_ATTEMPTS && neo4j.isRetryableError(err as Error)) continue;
        throw fromDriverError(err);
      } finally {
        if (tx.isOpen()) await tx.rollback().catch(() => undefined);
        await session.close();
      }
    }
  }

  /**
   * Runs one schema statement (a constraint, an index, waiting for indexes) in its own
   * transaction. Neo4j refuses data writes in a transaction that changes the schema, so
   * this one carries no version mark; no answer depends on the schema.
   */
  async schema(statement: string): Promise<void> {
    await this.transaction('WRITE', (tx) => tx.run(statement), this.options.queryTimeoutMs);
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      // Shared bookmarks: a read after a write sees it, also on a cluster's followers.
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
  }

  private async transaction<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>, timeoutMs: number): Promise<T> {
    const session = this.session(mode);
    const config = { timeout: timeoutMs };
    const body = (mtx: ManagedTransaction) => work(this.wrap(mtx));
    try {
      return await (mode === 'READ' ? session.executeRead(body, config) : session.executeWrite(body, config));
    } catch (err) {
      throw fromDriverError(err);
    } finally {
      await session.close();
    }
  }

  private sent(cypher: string): void {
    this.roundTrips += 1;
    this.onStatement?.(cypher);
  }

  /** A managed transaction, or an explicit one (rolledBackTx): both run statements alike. */
  private wrap(mtx: Pick<ManagedTransaction, 'run'>): Tx {
    return {
      run: async <Row>(cypher: string, params: Params = {}) => {
        this.sent(cypher);
        const result: QueryResult = await withoutCallSite(() => mtx.run(cypher, toDriverParams(params) as Params));
        return result.records.map((record) => toPlain(record.toObject()) as Row);
      },
    };
  }
}

/**
 * Starts a statement without the driver's call-site stack. The driver formats a stack
 * trace for every result it creates (`new Error().stack`), only to append it to errors;
 * ours are mapped to the contract's codes (errors.ts) and never show it. Formatting it
 * was the largest cost of a read outside the driver's own packing: about 0.25 ms per
 * statement under tsx's source maps and still measurable without them. The limit is
 * restored before anything else runs: `start` only creates the result synchronously.
 */
function withoutCallSite<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * JS numbers that are whole become Cypher integers (the driver would send every JS
 * number as a float, which LIMIT refuses and which would store levels as 3.0).
 */
export function toDriverParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toDriverParams);
  // Bytes (a Uint8Array or Int8Array) are Neo4j's byte[]: the driver sends them as they are.
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = toDriverParams(inner);
  return out;
}

/**
 * Driver values to plain JS: Integer → number, temporal values → ISO strings,
 * nodes and relationships → their properties.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toPlain(value[i]);
    return value;
  }
  if (typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  // A map of a record is a plain object the driver made for this answer alone: its
  // entries are converted where they are, not copied (a nested list of 700 rows
  // allocated every map twice, and the type checks below ran on each).
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    for (const key in map) {
      const inner = map[key];
      if (inner === undefined) map[key] = null;
      else if (typeof inner === 'object' && inner !== null) map[key] = toPlain(inner);
    }
    return map;
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (neo4j.isDate(value as never) || neo4j.isDateTime(value as never) || neo4j.isLocalDateTime(value as never)
    || neo4j.isDuration(value as never) || neo4j.isTime(value as never) || neo4j.isLocalTime(value as never)) {
    return String(value);
  }
  if (neo4j.isNode(value as never) || neo4j.isRelationship(value as never)) {
    return toPlain({ ...(value as { properties: object }).properties });
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = toPlain(inner);
  return out;
}
