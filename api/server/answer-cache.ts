/**
 * Whole answers of the heavy whole-graph queries (`network`, `coverageGaps`,
 * `ecosystemHealth`), kept as the bytes that were sent, until the graph changes.
 *
 * Their data is cached below already (network metrics per version); what remained on a
 * repeat was turning 2,000 nodes and 100,000 edges into a GraphQL answer, 250 ms to 2 s
 * (measured). A repeat of the same request by the same principal on the same day, while
 * the graph version (graph/db/version.ts) is unchanged, is answered with the stored bytes after one
 * read of that version. Every write changes the version, so no answer outlives the data it
 * came from. Only answers without errors are kept; the key holds everything else an
 * answer depends on: role, partner scope, today, method, query string, Accept, body.
 */
import { createHash } from 'node:crypto';
import type { OperationDefinitionNode } from 'graphql';
import { Kind } from 'graphql';
import { Lru } from '../../graph/db/index.ts';
import type { NetworkSource } from '../../graph/network/index.ts';

/** Root fields whose answer depends only on the graph, the scope, the arguments and today. */
export const CACHED_ROOT_FIELDS: ReadonlySet<string> = new Set(['network', 'coverageGaps', 'ecosystemHealth']);

/** Memory bounds: all answers together, and one answer. */
export const ANSWER_CACHE_LIMITS = { totalBytes: 64 * 2 ** 20, entryBytes: 16 * 2 ** 20 } as const;

export interface CachedAnswer {
  version: number;
  headers: Array<[string, string]>;
  body: string;
  /** For an answer of one `network` field: the metrics it was made from, and where its `stale` flags are. */
  network?: StaleableNetwork & NetworkSource;
}

/** A `network` answer's response key, and the response keys of its `stale` field (aliases included). */
export interface StaleableNetwork {
  rootKey: string;
  staleKeys: string[];
}

/** What a request carries through Apollo so its answer can be stored. */
export interface AnswerCacheSlot {
  key: string;
  /** The graph version read before execution; the answer is stored under it. */
  version?: number;
  /** Set by the plugin once the operation is known to be cacheable and free of errors. */
  cacheable: boolean;
  /** Set by the plugin for an operation of one `network` field whose answer may answer again, marked stale. */
  staleable?: StaleableNetwork;
  /** Set by the network resolver when it answered fresh. */
  network?: NetworkSource;
}

export interface AnswerKeyParts {
  role: string;
  partnerId: string | null;
  today: string;
  method: string;
  search: string;
  accept: string;
  body: string;
}

/** A cached operation is a short query; an import body is never hashed for a key. */
const MAX_KEYED_BODY = 64 * 1024;

const MENTIONS = new RegExp([...CACHED_ROOT_FIELDS].join('|'));

/** A query whose root selects only cached fields (and maybe __typename), without fragments. */
export function isCachedOperation(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  let cached = false;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return false;
    if (CACHED_ROOT_FIELDS.has(selection.name.value)) cached = true;
    else if (selection.name.value !== '__typename') return false;
  }
  return cached;
}

/**
 * An operation whose root is one `network` field (and maybe __typename), without
 * fragments in that field's own selection, so its `stale` response keys are known.
 * After a write, its stored answer is what `network` would answer from the same
 * metrics, with each of those keys true: it is sent as such, without building the
 * answer again (a 2,000-node answer is hundreds of milliseconds of GraphQL execution).
 */
export function staleableNetwork(operation: OperationDefinitionNode): StaleableNetwork | null {
  const fields = operation.selectionSet.selections.filter((s) => !(s.kind === Kind.FIELD && s.name.value === '__typename'));
  const [root] = fields;
  if (fields.length !== 1 || root?.kind !== Kind.FIELD || root.name.value !== 'network' || !root.selectionSet) return null;
  const staleKeys: string[] = [];
  for (const selection of root.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return null;
    if (selection.name.value === 'stale') staleKeys.push(selection.alias?.value ?? 'stale');
  }
  return { rootKey: root.alias?.value ?? 'network', staleKeys };
}

/** The stored answer's bytes with its `stale` flags set. */
export function markedStale(body: string, staleable: StaleableNetwork): string {
  if (staleable.staleKeys.length === 0) return body;
  const answer = JSON.parse(body) as { data: Record<string, Record<string, unknown>> };
  for (const key of staleable.staleKeys) answer.data[staleable.rootKey]![key] = true;
  return JSON.stringify(answer) + (body.endsWith('\n') ? '\n' : '');
}

export class AnswerCache {
  private readonly entries = new Lru<CachedAnswer>(ANSWER_CACHE_LIMITS.totalBytes, (answer) => answer.body.length);

  /**
   * The key of a request that may be cacheable, or null when its text names none of the
   * cached fields (most requests: they pay one regular-expression test, no hashing).
   */
  keyFor(parts: AnswerKeyParts): string | null {
    if (parts.body.length > MAX_KEYED_BODY) return null;
    if (!MENTIONS.test(parts.body) && !MENTIONS.test(parts.search)) return null;
    const { role, partnerId, today, method, search, accept, body } = parts;
    return createHash('sha256').update(JSON.stringify([role, partnerId, today, method, search, accept, body])).digest('base64');
  }

  /** The stored answer for `key`, whatever its version (the caller compares). */
  peek(key: string): CachedAnswer | undefined {
    return this.entries.get(key);
  }

  /** Stores `answer`; one over the per-answer bound replaces nothing but the key's old answer. */
  set(key: string, answer: CachedAnswer): void {
    if (answer.body.length > ANSWER_CACHE_LIMITS.entryBytes) this.entries.delete(key);
    else this.entries.set(key, answer);
  }
}
