/**
 * 1,000 mixed writes from 50 concurrent clients over HTTP (contract: Import, "also when many
 * such requests arrive at once"): handovers with random dates, role ends, commitment and
 * outcome status changes, and imports of overlapping small files that replace the same
 * engagements' roles and would, together, close a DEPENDS_ON ring. Every write is answered
 * with success or a contract refusal; afterwards the graph holds every invariant: at most
 * one ORCHESTRATOR interval in force on any date, no interval ending on or before its start,
 * an open orchestrator for every ACTIVE engagement, owners that participate, no DEPENDS_ON
 * cycle, no duplicate ids, and one audit entry per acknowledged write. Writes lock only
 * what they change (the engagement of a role change, the item of a status change, the
 * imports' own lock), so the invariants here are those locks' proof.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Graph } from '../../graph/db/index.ts';
import { importEcosystem } from '../../graph/import/index.ts';
import type { EcosystemInput, EngagementInput } from '../../graph/model/index.ts';
import { applySchema, UNIQUE_KEYS } from '../../graph/db/index.ts';
import { wipe } from '../support/graph.ts';
import {
  freePort, gql, openGraphAt, percentile, prng, recordResults, startApi, succeeded, type ApiProcess, type Reply,
} from './support.ts';

const CLIENTS = 50;
const PER_CLIENT = 20;
const SEED = Number(process.env.FAULTS_SEED ?? 20_260_101);

const P = Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(2, '0')}`);
const Q = Array.from({ length: 6 }, (_, i) => `q${i}`);
const E = Array.from({ length: 8 }, (_, i) => `e${i}`);
const OV = Array.from({ length: 4 }, (_, i) => `ov${i}`);

/** A base engagement as an import lists it; `second` takes over as orchestrator on 2026-03-01 when given. */
function baseEngagement(i: number, second?: string): EngagementInput {
  const [orchestrator, contributor] = [P[i]!, P[i + 1]!];
  return {
    id: E[i]!, name: `Engagement ${i}`, customer: `c${i % 4}`, status: i % 2 === 0 ? 'ACTIVE' : 'PLANNED', startDate: '2026-01-01',
    participants: second
      ? [{ partner: orchestrator, role: 'ORCHESTRATOR', from: '2026-01-01', to: '2026-03-01' }, { partner: second, role: 'ORCHESTRATOR', from: '2026-03-01' },
        { partner: contributor, role: 'CONTRIBUTOR', from: '2026-01-01' }]
      : [{ partner: orchestrator, role: 'ORCHESTRATOR', from: '2026-01-01' }, { partner: contributor, role: 'CONTRIBUTOR', from: '2026-01-01' }],
    commitments: [
      { id: `m${i}a`, owner: orchestrator, description: `Commitment ${i}a`, status: 'PENDING' },
      { id: `m${i}b`, owner: contributor, description: `Commitment ${i}b`, status: 'PENDING', dependsOn: [`m${i}a`] },
    ],
    outcomes: [{ id: `o${i}`, description: `Outcome ${i}`, status: 'PENDING', dueDate: '2026-09-30', dependsOn: [`m${i}b`] }],
  };
}

const BASE: EcosystemInput = {
  regions: [{ code: 'R1', name: 'Region' }],
  industries: [{ code: 'I1', name: 'Industry' }],
  partners: P.map((id) => ({ id, name: `Partner ${id}`, type: 'SYSTEM_INTEGRATOR' as const, regions: ['R1'] })),
  customers: [0, 1, 2, 3].map((i) => ({ id: `c${i}`, name: `Customer ${i}`, region: 'R1', industry: 'I1' })),
  engagements: E.map((_, i) => baseEngagement(i)),
};

/**
 * Ten small files that overlap: partners q0..q5 under different names, four engagements
 * ov0..ov3 with a handover each, a base engagement's roles replaced, and commitments ovm0..3
 * that, from the fifth file on, depend on the next one: all four would make a ring.
 */
const FILES: EcosystemInput[] = Array.from({ length: 10 }, (_, k) => {
  const j = k % 4;
  const partners = [Q[k % 6]!, Q[(k + 1) % 6]!, Q[(k + 2) % 6]!];
  const base = k % 8;
  return {
    partners: partners.map((id) => ({ id, name: `Partner ${id} from file ${k}`, type: 'ISV' as const })),
    engagements: [
      {
        id: OV[j]!, name: `Overlap ${j} from file ${k}`, customer: `c${j}`, status: 'ACTIVE', startDate: '2026-01-01',
        participants: [
          { partner: partners[0]!, role: 'ORCHESTRATOR', from: '2026-01-01', to: '2026-06-01' },
          { partner: partners[1]!, role: 'ORCHESTRATOR', from: '2026-06-01' },
          { partner: P[0]!, role: 'CONTRIBUTOR', from: '2026-01-01' },
        ],
        commitments: [
          { id: `ovm${j}`, owner: partners[0]!, description: `Ring ${j}`, status: 'PENDING', dependsOn: k >= 4 ? [`ovm${(j + 1) % 4}`] : [] },
          { id: `ovx${j}`, owner: P[0]!, description: `Cross ${j}`, status: 'IN_PROGRESS', dependsOn: ['m0a'] },
        ],
        outcomes: [{ id: `ovo${j}`, description: `Overlap outcome ${j}`, status: 'PENDING', dueDate: '2026-12-31', dependsOn: [`ovm${j}`] }],
      },
      baseEngagement(base, P[(base + 2 + (k % 5)) % 12]!),
    ],
  };
});

const ASSIGN = 'mutation($e: ID!, $p: ID!, $r: EngagementRole!, $d: Date!) { assignRole(engagementId: $e, partnerId: $p, role: $r, from: $d) { id } }';
const END = 'mutation($e: ID!, $p: ID!, $d: Date!) { endParticipation(engagementId: $e, partnerId: $p, to: $d) { id } }';
const COMMITMENT = 'mutation($id: ID!, $s: CommitmentStatus!) { setCommitmentStatus(id: $id, status: $s) { id status } }';
const OUTCOME = 'mutation($id: ID!, $s: OutcomeStatus!) { setOutcomeStatus(id: $id, status: $s) { id status } }';
const IMPORT = 'mutation($i: EcosystemInput!) { importEcosystem(input: $i) { engagements } }';

type Op = 'assignRole' | 'endParticipation' | 'setCommitmentStatus' | 'setOutcomeStatus' | 'importEcosystem';
/**
 * The refusals the contract names for a write: a broken rule, a missing item, or a
 * conflict with a concurrent write (CONFLICT too: a write that waited for another one's
 * lock past QUERY_TIMEOUT_MS is rolled back and may be retried). Not QUERY_TOO_COMPLEX:
 * no write here is too big for the limit, and waiting for a lock is not one.
 */
const REFUSALS = ['CONFLICT', 'BAD_USER_INPUT', 'NOT_FOUND'];

let graph: Graph;
let api: ApiProcess;

beforeAll(async () => {
  graph = openGraphAt(inject('neo4jUri'));
  await applySchema(graph);
  await wipe(graph);
  await importEcosystem(graph, BASE, 120_000);
  api = await startApi({ NEO4J_URI: inject('neo4jUri'), SEED: 'none', PORT: String(await freePort()) });
  // Warm the server's plans for each kind of write once (a cold plan takes seconds on a busy machine).
  for (const [query, variables] of [
    [OUTCOME, { id: 'o1', s: 'PENDING' }], [COMMITMENT, { id: 'm1a', s: 'PENDING' }], [IMPORT, { i: FILES[0] }],
    [ASSIGN, { e: 'e1', p: 'p05', r: 'CONTRIBUTOR', d: '2026-02-01' }], [END, { e: 'e1', p: 'p05', d: '2026-02-02' }],
  ] as const) {
    const reply = await gql(api.url, query, variables, { timeoutMs: 120_000 });
    expect(succeeded(reply), JSON.stringify(reply.body)).toBe(true);
  }
}, 600_000);

afterAll(async () => {
  await api?.stop();
  await graph?.close();
});

describe('1,000 mixed writes from 50 clients', () => {
  it('are each answered with success or a contract refusal, and leave every invariant true', async () => {
    const random = prng(SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const date = () => new Date(Date.UTC(2026, 0, 2) + Math.floor(random() * 729) * 86_400_000).toISOString().slice(0, 10);
    const plan = (): [Op, string, Record<string, unknown>] => {
      const r = random();
      if (r < 0.35) return ['assignRole', ASSIGN, { e: pick([...E, ...OV]), p: pick([...P, ...Q]), r: random() < 0.7 ? 'ORCHESTRATOR' : 'CONTRIBUTOR', d: date() }];
      if (r < 0.45) return ['endParticipation', END, { e: pick([...E, ...OV]), p: pick([...P, ...Q]), d: date() }];
      if (r < 0.65) {
        return ['setCommitmentStatus', COMMITMENT, {
          id: pick([...E.flatMap((_, i) => [`m${i}a`, `m${i}b`]), ...OV.map((_, j) => `ovm${j}`), ...OV.map((_, j) => `ovx${j}`)]),
          s: pick(['PENDING', 'IN_PROGRESS', 'DELIVERED', 'LATE', 'FAILED']),
        }];
      }
      if (r < 0.8) return ['setOutcomeStatus', OUTCOME, { id: pick(E.map((_, i) => `o${i}`)), s: pick(['PENDING', 'MET', 'PARTIALLY_MET', 'MISSED']) }];
      return ['importEcosystem', IMPORT, { i: pick(FILES) }];
    };
    const work = Array.from({ length: CLIENTS }, () => Array.from({ length: PER_CLIENT }, plan));
    const [auditBefore] = await graph.read<{ n: number }>("MATCH (a:AuditEntry {tokenId: 'env:ADMIN_TOKEN'}) RETURN count(a) AS n");

    const replies: Array<Reply & { op: Op }> = [];
    const started = Date.now();
    await Promise.all(work.map(async (ops) => {
      for (const [op, query, variables] of ops) replies.push({ ...(await gql(api.url, query, variables, { timeoutMs: 120_000 })), op });
    }));
    const seconds = (Date.now() - started) / 1000;

    // Every write answered: success, or a refusal the contract names. No 5xx, no transport failure, no timeout.
    expect(replies).toHaveLength(CLIENTS * PER_CLIENT);
    const bad = replies.filter((r) => !succeeded(r) && !(r.status !== null && r.status < 500 && r.codes.length === 1 && REFUSALS.includes(r.codes[0]!)));
    expect(bad.map((r) => `${r.op}: ${r.status} ${r.failure ?? r.codes.join(',')}`)).toEqual([]);
    const tally: Record<string, Record<string, number>> = {};
    for (const r of replies) {
      const outcome = succeeded(r) ? 'ok' : r.codes[0]!;
      (tally[r.op] ??= {})[outcome] = (tally[r.op]![outcome] ?? 0) + 1;
    }
    // The mix did exercise both sides of each rule.
    expect(tally.assignRole!.ok).toBeGreaterThan(0);
    expect(tally.assignRole!.CONFLICT).toBeGreaterThan(0);
    expect(tally.importEcosystem!.ok).toBeGreaterThan(0);

    // At most one ORCHESTRATOR interval in force on any date, checked at every boundary of every engagement.
    const overlaps = await graph.read(`
      MATCH (e:Engagement)<-[r:PARTICIPATES_IN {role: 'ORCHESTRATOR'}]-()
      WITH e, collect(r) AS rs
      UNWIND [x IN rs | x.from] + [x IN rs WHERE x.to IS NOT NULL | x.to] AS d
      WITH e, d, size([x IN rs WHERE x.from <= d AND (x.to IS NULL OR d < x.to)]) AS inForce
      WHERE inForce > 1
      RETURN e.id AS engagement, toString(d) AS date, inForce`);
    expect(overlaps).toEqual([]);
    const [{ boundaries }] = await graph.read<{ boundaries: number }>(`
      MATCH (e:Engagement)<-[r:PARTICIPATES_IN {role: 'ORCHESTRATOR'}]-() RETURN count(r.from) + count(r.to) AS boundaries`) as [{ boundaries: number }];
    expect(boundaries).toBeGreaterThan(E.length * 2);

    // No interval ends on or before its start.
    const backwards = await graph.read('MATCH (p)-[r:PARTICIPATES_IN]->(e) WHERE r.to IS NOT NULL AND r.to <= r.from RETURN p.id AS partner, e.id AS engagement');
    expect(backwards).toEqual([]);

    // Every ACTIVE engagement has exactly one open ORCHESTRATOR interval.
    const orphaned = await graph.read(`
      MATCH (e:Engagement {status: 'ACTIVE'})
      WHERE COUNT { (e)<-[r:PARTICIPATES_IN {role: 'ORCHESTRATOR'}]-() WHERE r.to IS NULL } <> 1
      RETURN e.id AS engagement`);
    expect(orphaned).toEqual([]);

    // Owners participate in their commitment's engagement.
    const strangers = await graph.read(`
      MATCH (p:Partner)<-[:OWNED_BY]-(m:Commitment)-[:PART_OF]->(e:Engagement)
      WHERE NOT (p)-[:PARTICIPATES_IN]->(e)
      RETURN m.id AS commitment`);
    expect(strangers).toEqual([]);

    // No DEPENDS_ON cycle, although the files together would close one.
    const [{ cycles }] = await graph.read<{ cycles: number }>('MATCH p = (m:Commitment)-[:DEPENDS_ON*1..50]->(m) RETURN count(p) AS cycles') as [{ cycles: number }];
    expect(cycles).toBe(0);
    const [{ ring }] = await graph.read<{ ring: number }>("MATCH (m:Commitment)-[:DEPENDS_ON]->(n:Commitment) WHERE m.id STARTS WITH 'ovm' RETURN count(*) AS ring") as [{ ring: number }];

    // No duplicate ids, under any label (the graph version's change marks carry GraphState, without a key).
    for (const [label, key] of UNIQUE_KEYS) {
      const duplicates = await graph.read(
        'MATCH (n) WHERE $label IN labels(n) AND NOT n:GraphChange WITH n[$key] AS k, count(*) AS c WHERE c > 1 OR k IS NULL RETURN k, c', { label, key });
      expect(duplicates, label).toEqual([]);
    }

    // One audit entry per acknowledged write (an assignRole that changes nothing records none).
    const audit = await graph.read<{ op: string; n: number }>(
      "MATCH (a:AuditEntry {tokenId: 'env:ADMIN_TOKEN'}) RETURN a.operation AS op, count(a) AS n");
    const audited = Object.fromEntries(audit.map((a) => [a.op, a.n]));
    const warmUps: Record<string, number> = { setOutcomeStatus: 1, setCommitmentStatus: 1, importEcosystem: 1, assignRole: 1, endParticipation: 1 };
    for (const op of ['endParticipation', 'setCommitmentStatus', 'setOutcomeStatus', 'importEcosystem'] as const) {
      expect(audited[op] ?? 0, op).toBe((tally[op]?.ok ?? 0) + warmUps[op]!);
    }
    expect(audited.assignRole ?? 0).toBeLessThanOrEqual((tally.assignRole?.ok ?? 0) + 1);
    expect(audit.reduce((n, a) => n + a.n, 0)).toBeGreaterThan(auditBefore!.n);

    const latencies = replies.map((r) => r.doneAt - r.sentAt);
    const figures = {
      clients: CLIENTS,
      writes: replies.length,
      seconds: Math.round(seconds * 10) / 10,
      writesPerSecond: Math.round((replies.length / seconds) * 10) / 10,
      latencyP50Ms: percentile(latencies, 50),
      latencyP99Ms: percentile(latencies, 99),
      latencyMaxMs: Math.max(...latencies),
      outcomes: tally,
      orchestratorBoundariesChecked: boundaries,
      overlaps: overlaps.length,
      cycles,
      ringEdgesStored: ring,
      duplicates: 0,
    };
    recordResults('concurrency', figures);
    console.log('[concurrency]', JSON.stringify(figures));
  }, 600_000);
});
