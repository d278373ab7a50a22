/**
 * Whole answers of the tools whose GraphQL twin /graphql keeps (coverageGaps, ecosystemHealth,
 * network: api/server/answer-cache.ts), kept the same way: per role, partner scope, today, tool
 * and arguments, under the graph version read before the tool ran, so that no answer
 * outlives the data it came from (every write changes the version). Without it, a repeated
 * coverage_gaps cost 20 times the same request over /graphql, which answers from its cache.
 *
 * Kept as the bytes of the result's JSON as it was first sent, which go into the JSON-RPC
 * envelope as they are (exchange.ts): serialising a large answer again on every call was most
 * of what a kept coverage_gaps cost beyond /graphql, which sends its stored bytes too.
 */
import { createHash } from 'node:crypto';
import type { Principal } from '../../graph/access/index.ts';
import { Lru } from '../../graph/db/index.ts';
import { ANSWER_CACHE_LIMITS } from '../server/answer-cache.ts';

interface Kept {
  version: number;
  /** The result's JSON, as sent. */
  json: Buffer;
}

export class ToolAnswers {
  private readonly entries = new Lru<Kept>(ANSWER_CACHE_LIMITS.totalBytes, (kept) => kept.json.length);

  key(tool: string, principal: Principal, today: string, args: Record<string, unknown>): string {
    return createHash('sha256').update(JSON.stringify([tool, principal.role, principal.partnerId, today, args])).digest('base64');
  }

  /** The JSON of the result kept for `key` at `version`, if any. */
  get(key: string, version: number): Buffer | undefined {
    const kept = this.entries.get(key);
    return kept?.version === version ? kept.json : undefined;
  }

  /** Keeps a result's JSON, answered from the graph at `version`; one over the per-answer bound replaces nothing but the key's old answer. */
  set(key: string, version: number, json: Buffer): void {
    if (json.length > ANSWER_CACHE_LIMITS.entryBytes) return this.entries.delete(key);
    this.entries.set(key, { version, json });
  }
}
