/**
 * Writes per second at 50 concurrent writers, over HTTP against the API: each writer
 * sends its writes one after another (role handovers, commitment and outcome status
 * changes on the generated graph's engagements, seeded), every write answered with
 * success or a contract refusal. Afterwards the role invariants are checked on every
 * engagement a write touched: a refusal is fine, a broken invariant is a violation.
 *
 * Runs last for a size: its writes change the graph the other measurements read.
 */
import { Pool } from 'undici';
import type { Graph } from '../graph/db/index.ts';
import { mulberry32 } from '../graph/network/index.ts';
import { graphqlBody } from './http-client.ts';
import { percentile } from './stats.ts';

export const WRITERS = 50;

export interface WriteLoadResult {
  writers: number;
  writes: number;
  seconds: number;
  writesPerSecond: number;
  p50: number;
  p99: number;
  /** Per operation, answers by outcome: `ok` or the contract code. */
  outcomes: Record<string, Record<string, number>>;
  /** Answers that were neither success nor a contract refusal (5xx, transport failures). */
  failures: number;
  /** Engagements that break a role invariant afterwards (see INVARIANT_VIOLATIONS). */
  violations: number;
}

const ASSIGN = 'mutation($e: ID!, $p: ID!, $r: EngagementRole!, $d: Date!) { assignRole(engagementId: $e, partnerId: $p, role: $r, from: $d) { id } }';
const COMMITMENT = 'mutation($id: ID!, $s: CommitmentStatus!) { setCommitmentStatus(id: $id, status: $s) { id } }';
const OUTCOME = 'mutation($id: ID!, $s: OutcomeStatus!) { setOutcomeStatus(id: $id, status: $s) { id } }';
const REFUSALS = new Set(['CONFLICT', 'BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN']);

/** Engagements (of `$ids`) with two ORCHESTRATOR intervals in force on one date, an inverted interval, or ACTIVE without an open orchestrator. */
const INVARIANT_VIOLATIONS = `
UNWIND $ids AS id
MATCH (e:Engagement {id: id})
WITH e, [(e)<-[r:PARTICIPATES_IN]-() | r] AS rs
WITH e, rs, [r IN rs WHERE r.role = 'ORCHESTRATOR'] AS os
WHERE any(r IN rs WHERE r.to IS NOT NULL AND r.to <= r.from)
   OR any(d IN [r IN os | r.from] WHERE size([r IN os WHERE r.from <= d AND (r.to IS NULL OR d < r.to)]) > 1)
   OR (e.status = 'ACTIVE' AND size([r IN os WHERE r.to IS NULL]) <> 1)
RETURN count(e) AS n`;

interface Targets { engagements: string[]; partners: string[]; commitments: string[]; outcomes: string[] }

/** Ids from the generated graph: ACTIVE engagements, partners, and the commitments and outcomes of those engagements. */
async function loadTargets(graph: Graph, count: number): Promise<Targets> {
  const [row] = await graph.read<Targets>(`
    MATCH (e:Engagement {status: 'ACTIVE'}) WITH e ORDER BY e.id LIMIT $count
    WITH collect(e) AS es
    RETURN [e IN es | e.id] AS engagements,
           COLLECT { MATCH (p:Partner) RETURN p.id ORDER BY p.id LIMIT $count } AS partners,
           COLLECT { UNWIND es AS e MATCH (m:Commitment)-[:PART_OF]->(e) RETURN m.id } AS commitments,
           COLLECT { UNWIND es AS e MATCH (o:Outcome)-[:OF]->(e) RETURN o.id } AS outcomes`, { count });
  if (!row || row.engagements.length === 0 || row.commitments.length === 0 || row.outcomes.length === 0) {
    throw new Error('the generated ecosystem has no ACTIVE engagements with commitments and outcomes');
  }
  return row;
}

export async function measureWrites(apiUrl: string, token: string, graph: Graph, perWriter: number, seed: number): Promise<WriteLoadResult> {
  // 500 engagements among 50 writers: most writes touch different engagements, some the same.
  const targets = await loadTargets(graph, 500);
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // Handover dates after any generated interval's start, so most handovers are accepted.
  const date = () => new Date(Date.UTC(2030, 0, 1) + Math.floor(random() * 365) * 86_400_000).toISOString().slice(0, 10);
  const plan = (): [string, string, Record<string, unknown>] => {
    const r = random();
    if (r < 0.4) return ['assignRole', ASSIGN, { e: pick(targets.engagements), p: pick(targets.partners), r: random() < 0.5 ? 'ORCHESTRATOR' : 'CONTRIBUTOR', d: date() }];
    if (r < 0.7) return ['setCommitmentStatus', COMMITMENT, { id: pick(targets.commitments), s: pick(['PENDING', 'IN_PROGRESS', 'DELIVERED', 'LATE']) }];
    return ['setOutcomeStatus', OUTCOME, { id: pick(targets.outcomes), s: pick(['PENDING', 'MET', 'PARTIALLY_MET', 'MISSED']) }];
  };
  const work = Array.from({ length: WRITERS }, () => Array.from({ length: perWriter }, plan));

  // One connection per writer: the shared bench client keeps 8, which would cap the writers at 8.
  const pool = new Pool(apiUrl, { connections: WRITERS, pipelining: 1 });
  const latencies: number[] = [];
  const outcomes: Record<string, Record<string, number>> = {};
  let failures = 0;
  const started = process.hrtime.bigint();
  try {
    await Promise.all(work.map(async (writes) => {
      for (const [op, query, variables] of writes) {
        const sent = process.hrtime.bigint();
        let outcome: string;
        try {
          const res = await pool.request({
            path: '/graphql', method: 'POST', body: graphqlBody(query, variables),
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          });
          const json = await res.body.json() as { errors?: Array<{ extensions?: { code?: string } }> };
          const code = json.errors?.[0]?.extensions?.code;
          outcome = res.statusCode === 200 && !code ? 'ok' : code ?? `HTTP ${res.statusCode}`;
        } catch (err) {
          outcome = `transport: ${err instanceof Error ? err.message : String(err)}`;
        }
        latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
        if (outcome !== 'ok' && !REFUSALS.has(outcome)) failures += 1;
        (outcomes[op] ??= {})[outcome] = (outcomes[op]![outcome] ?? 0) + 1;
      }
    }));
  } finally {
    await pool.close();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const touched = [...new Set(work.flat().filter(([op]) => op === 'assignRole').map(([, , v]) => v.e as string))];
  const [violations] = await graph.read<{ n: number }>(INVARIANT_VIOLATIONS, { ids: touched });
  return {
    writers: WRITERS, writes: latencies.length, seconds, writesPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50), p99: percentile(latencies, 99), outcomes, failures, violations: violations!.n,
  };
}
