/**
 * `network` over HTTP at one size (issue 15's targets):
 *
 * - cold: the first request on a new database, which waits for the whole computation
 *   (projection read, metrics, storing), with `limit` 2000;
 * - after a write: the next request's time (it answers the last metrics, `stale: true`),
 *   and how long until a fresh answer exists (the background recomputation of the
 *   whole network), per run; the write is setCommitmentStatus to the status the
 *   commitment already has, which changes nothing but the graph version;
 * - warm: the same request again (limit 2000), and with a new alias each time (the
 *   metrics held, the GraphQL answer built again);
 * - the community overview: `limit: 0` with partnerCount, communities and communityLinks,
 *   its time warm and its size in bytes.
 *
 * When the server does not serve `network` yet, the result says so instead of failing.
 */
import { progressBar } from '../graph/import/index.ts';
import type { Fixture } from './fixture.ts';
import { dataOrError, GraphqlError, graphqlBody, postGraphql } from './http-client.ts';
import { median, msSince, percentile } from './stats.ts';

export const NETWORK_QUERY = `query Network($limit: Int) { network(limit: $limit) {
  stale computedAt partnerCount betweennessSample truncated
  nodes { id degree betweenness pagerank community articulationPoint } edges { source target weight bridge } } }`;

const OVERVIEW_QUERY = `query Overview { network(limit: 0) {
  stale partnerCount communities { id size label topPartners { id label pagerank } } communityLinks { source target weight } } }`;

const WRITE = `mutation Touch($id: ID!, $status: CommitmentStatus!) { setCommitmentStatus(id: $id, status: $status) { id } }`;

/** How often the run looks for the fresh answer after a write. */
const FRESH_POLL_MS = 100;

export type NetworkResult =
  | { served: false; reason: string }
  | { served: true;
      /** The first request on a new database: the whole computation, waited for. */
      firstAfterStartMs: number;
      /** Per run: the first request after a write (answered stale). */
      staleMs: number[];
      /** Per run: from the write until a fresh answer exists. */
      freshAfterWriteMs: number[];
      /** Whether each first answer after a write was stale (it should be, every time). */
      staleAnswers: number;
      warmP50: number; warmP99: number; warmMs: number[];
      /** Warm, with a new alias each time: the metrics held, the GraphQL answer built again. */
      warmRebuiltP50: number;
      overviewP50: number;
      overviewBytes: number;
      communities: number;
      communityLinks: number;
      /** Attempts that failed before the first answer. */
      note?: string;
      partnerCount: number; betweennessSample: number | null;
      nodes: number; edges: number; truncated: boolean };

interface Answer { stale: boolean; partnerCount: number; betweennessSample: number | null; truncated: boolean; nodes: unknown[]; edges: unknown[] }

async function timeNetwork(url: string, token: string, alias = 'network'): Promise<{ ms: number; answer: Answer }> {
  const query = alias === 'network' ? NETWORK_QUERY : NETWORK_QUERY.replace('{ network(', `{ ${alias}: network(`);
  const start = process.hrtime.bigint();
  const result = await postGraphql(url, token, graphqlBody(query, { limit: 2000 }));
  const ms = msSince(start);
  return { ms, answer: dataOrError<Record<string, Answer>>(result)[alias]! };
}

/** Call first thing after the API starts on a database that never computed its network. */
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
  const staleMs: number[] = [];
  const freshMs: number[] = [];
  const warm: number[] = [];
  let staleAnswers = 0;
  const bar = progressBar('  network after a write / warm');
  for (let run = 1; run <= runs; run++) {
    const written = process.hrtime.bigint();
    dataOrError(await postGraphql(url, token, graphqlBody(WRITE, { id: fx.commitment.id, status: fx.commitment.status })));
    const next = await timeNetwork(url, token);
    staleMs.push(next.ms);
    if (next.answer.stale) staleAnswers += 1;
    for (let answer = next.answer; answer.stale;) {
      await new Promise((resolve) => setTimeout(resolve, FRESH_POLL_MS));
      answer = (await timeNetwork(url, token)).answer;
    }
    freshMs.push(msSince(written));
    for (let i = 0; i < warmRepeats; i++) {
      warm.push((await timeNetwork(url, token)).ms);
      bar.update((run - 1) * warmRepeats + i + 1, runs * warmRepeats);
    }
  }
  const rebuilt: number[] = [];
  for (let i = 0; i < warmRepeats; i++) rebuilt.push((await timeNetwork(url, token, `rebuilt${i}`)).ms);
  const overview: number[] = [];
  let overviewBytes = 0;
  let counts = { communities: 0, communityLinks: 0 };
  for (let i = 0; i < warmRepeats; i++) {
    const start = process.hrtime.bigint();
    const result = await postGraphql(url, token, graphqlBody(OVERVIEW_QUERY.replace('{ network(', `{ overview${i}: network(`), {}));
    overview.push(msSince(start));
    const data = dataOrError<Record<string, { communities: unknown[]; communityLinks: unknown[] }>>(result)[`overview${i}`]!;
    overviewBytes = Buffer.byteLength(result.body);
    counts = { communities: data.communities.length, communityLinks: data.communityLinks.length };
  }
  const result: NetworkResult = {
    served: true, note, firstAfterStartMs: first.ms, staleMs, freshAfterWriteMs: freshMs, staleAnswers,
    warmMs: warm, warmP50: percentile(warm, 50), warmP99: percentile(warm, 99), warmRebuiltP50: percentile(rebuilt, 50),
    overviewP50: percentile(overview, 50), overviewBytes, ...counts,
    partnerCount: first.answer.partnerCount, betweennessSample: first.answer.betweennessSample,
    nodes: first.answer.nodes.length, edges: first.answer.edges.length, truncated: first.answer.truncated,
  };
  bar.done(`first after start ${first.ms.toFixed(0)} ms, after a write ${median(staleMs).toFixed(0)} ms (stale ${staleAnswers}/${runs}), `
    + `fresh after ${median(freshMs).toFixed(0)} ms, warm p50 ${result.warmP50.toFixed(1)} ms, overview p50 ${result.overviewP50.toFixed(1)} ms`);
  return result;
}
