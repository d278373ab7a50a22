/**
 * Whole answers of the tools whose GraphQL twin /graphql keeps (coverageGaps, ecosystemHealth,
 * network: api/server/answer-cache.ts), kept the same way: per role, partner scope, today, tool
 * and arguments, under the graph version read before the tool ran, so that no answer
 * outlives the data it came from (every write changes the version). Without it, a repeated
 * coverage_gaps cost 20 times the same request over /graphql, which answers from its cache.
 */
import { createHash } from 'node:crypto';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Principal } from '../../graph/access/index.ts';
import { Lru } from '../../graph/db/index.ts';
import { ANSWER_CACHE_LIMITS } from '../server/answer-cache.ts';

interface Kept {
  version: number;
  result: CallToolResult;
  bytes: number;
}

export class ToolAnswers {
  private readonly entries = new Lru<Kept>(ANSWER_CACHE_LIMITS.totalBytes, (kept) => kept.bytes);

  key(tool: string, principal: Principal, today: string, args: Record<string, unknown>): string {
    return createHash('sha256').update(JSON.stringify([tool, principal.role, principal.partnerId, today, args])).digest('base64');
  }

  /** The answer kept for `key` at `version`, if any. */
  get(key: string, version: number): CallToolResult | undefined {
    const kept = this.entries.get(key);
    return kept?.version === version ? kept.result : undefined;
  }

  /** Keeps `result`, answered from the graph at `version`; one over the per-answer bound replaces nothing but the key's old answer. */
  set(key: string, version: number, result: CallToolResult): void {
    const text = JSON.stringify(result);
    if (text.length > ANSWER_CACHE_LIMITS.entryBytes) return this.entries.delete(key);
    // Kept as plain objects: graphql-js builds its answer from Object.create(null) objects,
    // which V8 serialises on its slow path (0.33 ms for a 17 KB coverage answer, each time it
    // is sent again; a tenth of that as a plain copy).
    this.entries.set(key, { version, result: JSON.parse(text) as CallToolResult, bytes: text.length });
  }
}
