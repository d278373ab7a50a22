/**
 * `network` over HTTP, cold and warm. Cold: the first request after a write (the
 * metrics are cached until the graph changes; the write is setCommitmentStatus to the
 * status the commitment already has, which changes nothing but the graph version).
 * Warm: the same request again. When the server does not serve `network` yet, the
 * result says so instead of failing the benchmark.
 */
import { progressBar } from '../graph/import/index.ts';
import type { Fixture } from './fixture.ts';
import { dataOrError, GraphqlError, graphqlBody, postGraphql } from './http-client.ts';
import { median, msSince, percentile } from './stats.ts';

export const NETWORK_QUERY = `query Network($limit: Int) { network(limit: $limit) {
  nodes { id degree betweenness pagerank community } edges { source target weight } truncated } }`;

const WRITE = `mutation Touch($id: ID!, $status: CommitmentStatus!) { setCommitmentStatus(id: $id, status: $status) { id } }`;

export type NetworkResult =
  | { served: false; reason: string }
  | { served: true; firstAfterStartMs: number; coldMs: number[]; warmP50: number; warmP99: number; warmMs: number[];
      /** Warm, selecting only `truncated`: the cached answer without serialising its nodes and edges. */
      warmBareP50: number;
      /** Warm, with a new alias each time: the metrics cached, the GraphQL answer built again (no whole-answer cache). */
      warmRebuiltP50: number;
      /** Attempts that failed before the first answer. */
      note?: string;
      nodes: number; edges: number; truncated: boolean };

const BARE_QUERY = 'query NetworkBare($limit: Int) { network(limit: $limit) { truncated } }';

async function timeNetwork(url: string, token: string, alias = 'network'): Promise<{ ms: number; nodes: number; edges: number; truncated: boolean }> {
  const query = alias === 'network' ? NETWORK_QUERY : NETWORK_QUERY.replace('{ network(', `{ ${alias}: network(`);
  const start = process.hrtime.bigint();
  const result = await postGraphql(url, token, graphqlBody(query, { limit: 2000 }));
  const ms = msSince(start);
  const data = dataOrError<Record<string, { nodes: unknown[]; edges: unknown[]; truncated: boolean }>>(result)[alias]!;
  return { ms, nodes: data.nodes.length, edges: data.edges.length, truncated: data.truncated };
}

/** Call first thing after the API starts, so the first request is a fresh start's. */
export async function measureNetwork(url: string, token: string, fx: Fixture, runs: number, warmRepeats: number): Promise<NetworkResult> {
  let first;
  let note: string | undefined;
  for (let attempt = 1; !first; attempt++) {
    try {
      first = await timeNetwork(url, token);
    } catch (err) {
      if (err instanceof GraphqlError && err.code === 'GRAPHQL_VALIDATION_FAILED') return { served: false, reason: 'not served by the API yet' };
      const message = err instanceof Error ? err.message : String(err);
      // CONFLICT says "try again"; say that it happened rather than hide it.
      if (!(err instanceof GraphqlError && err.code === 'CONFLICT') || attempt === 3) return { served: false, reason: message };
      note = `${note ? `${note}; ` : ''}attempt ${attempt} failed: ${message}`;
    }
  }
  const cold: number[] = [];
  const warm: number[] = [];
  const bar = progressBar('  network cold/warm');
  for (let run = 1; run <= runs; run++) {
    dataOrError(await postGraphql(url, token, graphqlBody(WRITE, { id: fx.commitment.id, status: fx.commitment.status })));
    cold.push((await timeNetwork(url, token)).ms);
    for (let i = 0; i < warmRepeats; i++) {
      warm.push((await timeNetwork(url, token)).ms);
      bar.update((run - 1) * warmRepeats + i + 1, runs * warmRepeats);
    }
  }
  const bare: number[] = [];
  for (let i = 0; i < warmRepeats; i++) {
    const start = process.hrtime.bigint();
    dataOrError(await postGraphql(url, token, graphqlBody(BARE_QUERY, { limit: 2000 })));
    bare.push(msSince(start));
  }
  const rebuilt: number[] = [];
  for (let i = 0; i < warmRepeats; i++) rebuilt.push((await timeNetwork(url, token, `rebuilt${i}`)).ms);
  const result: NetworkResult = {
    served: true, note, firstAfterStartMs: first.ms, coldMs: cold, warmMs: warm, warmBareP50: percentile(bare, 50),
    warmRebuiltP50: percentile(rebuilt, 50),
    warmP50: percentile(warm, 50), warmP99: percentile(warm, 99),
    nodes: first.nodes, edges: first.edges, truncated: first.truncated,
  };
  bar.done(`first after start ${first.ms.toFixed(0)} ms, cold median ${median(cold).toFixed(0)} ms, warm p50 ${result.warmP50.toFixed(1)} ms`);
  return result;
}
