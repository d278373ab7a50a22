/**
 * The outbox against a real Neo4j: each write records its events in its own
 * transaction (a refused write records none), the sequencer numbers committed events
 * once each, contiguously, in commit order, also when several sequencers and many
 * writers run at once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestGraph, wipe } from '../../tests/support/graph.ts';
import type { Graph } from '../db/index.ts';
import { assignRole, endParticipation, setCommitmentStatus, setOutcomeStatus } from '../engagements/index.ts';
import { importEcosystem } from '../import/index.ts';
import type { EcosystemInput } from '../model/index.ts';
import { eventsAfter, lastSequence, sequenceEvents, type StoredEvent } from './index.ts';

let graph: Graph;

const WORLD: EcosystemInput = {
  regions: [{ code: 'R1', name: 'Region' }],
  industries: [{ code: 'I1', name: 'Industry' }],
  partners: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, name: `Partner ${id}`, type: 'SYSTEM_INTEGRATOR' as const })),
  customers: [{ id: 'c1', name: 'Customer', region: 'R1', industry: 'I1' }],
  engagements: [
    {
      id: 'e1', name: 'One', customer: 'c1', status: 'ACTIVE', startDate: '2026-01-01',
      participants: [
        { partner: 'p1', role: 'ORCHESTRATOR', from: '2026-01-01' },
        { partner: 'p2', role: 'CONTRIBUTOR', from: '2026-01-01' },
      ],
      commitments: [{ id: 'm1', owner: 'p2', description: 'm1', status: 'PENDING', dueDate: '2026-06-01', dependsOn: [] }],
      outcomes: [{ id: 'o1', description: 'o1', status: 'PENDING', dueDate: '2026-09-01', dependsOn: ['m1'] }],
    },
    {
      id: 'e2', name: 'Two', customer: 'c1', status: 'ACTIVE', startDate: '2026-01-01',
      participants: [{ partner: 'p4', role: 'ORCHESTRATOR', from: '2026-01-01' }],
      outcomes: ['o2', 'o3', 'o4', 'o5'].map((id) => ({ id, description: id, status: 'PENDING' as const, dueDate: '2026-09-01', dependsOn: [] })),
    },
  ],
};

/** Numbers what waits and returns the events after `after`, with their data parsed. */
async function numbered(after: number): Promise<Array<StoredEvent & { body: Record<string, unknown> }>> {
  while (await sequenceEvents(graph) > 0) { /* a backlog larger than one turn */ }
  const events = await eventsAfter(graph, { after, limit: 10_000 });
  return events.map((e) => ({ ...e, body: JSON.parse(e.data) as Record<string, unknown> }));
}

beforeAll(async () => {
  graph = await openTestGraph();
});
afterAll(async () => graph?.close());

beforeEach(async () => {
  await wipe(graph);
  await importEcosystem(graph, WORLD, 60_000, undefined, 'world.json');
  await numbered(0);
});

describe('what writes record', () => {
  it('an import: one import.completed with its counts and source, for the whole ecosystem only', async () => {
    const start = await lastSequence(graph);
    await importEcosystem(graph, WORLD, 60_000, undefined, 'again.json');
    const events = await numbered(start);
    expect(events.map((e) => e.type)).toEqual(['import.completed']);
    expect(events[0]!.body).toEqual({
      source: 'again.json', regions: 1, industries: 1, capabilities: 0, partners: 4, customers: 1,
      engagements: 2, contributions: 0, commitments: 1, outcomes: 5,
    });
    expect(events[0]!.partners).toBeNull();
    expect(events[0]!.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  });

  it('status changes name the old and new values; the engagement\'s partners are the scope; the same status again records nothing', async () => {
    const start = await lastSequence(graph);
    await setCommitmentStatus(graph, 'm1', 'LATE', 'p2');
    await setOutcomeStatus(graph, 'o1', 'MISSED');
    await setOutcomeStatus(graph, 'o1', 'MISSED');
    const events = await numbered(start);
    expect(events.map((e) => [e.type, e.body])).toEqual([
      ['commitment.status_changed', { commitmentId: 'm1', engagementId: 'e1', ownerId: 'p2', from: 'PENDING', to: 'LATE' }],
      ['outcome.status_changed', { outcomeId: 'o1', engagementId: 'e1', from: 'PENDING', to: 'MISSED' }],
    ]);
    for (const e of events) expect([...e.partners!].sort()).toEqual(['p1', 'p2']);
  });

  it('a handover: the outgoing orchestrator ends, continues as contributor, the incoming one starts, in that order', async () => {
    const start = await lastSequence(graph);
    await assignRole(graph, 'e1', 'p3', 'ORCHESTRATOR', '2026-05-01');
    await endParticipation(graph, 'e1', 'p2', '2026-06-01');
    const events = await numbered(start);
    expect(events.map((e) => [e.type, e.body])).toEqual([
      ['role.ended', { engagementId: 'e1', partnerId: 'p1', role: 'ORCHESTRATOR', from: '2026-01-01', to: '2026-05-01' }],
      ['role.assigned', { engagementId: 'e1', partnerId: 'p1', role: 'CONTRIBUTOR', from: '2026-05-01', to: null }],
      ['role.assigned', { engagementId: 'e1', partnerId: 'p3', role: 'ORCHESTRATOR', from: '2026-05-01', to: null }],
      ['role.ended', { engagementId: 'e1', partnerId: 'p2', role: 'CONTRIBUTOR', from: '2026-01-01', to: '2026-06-01' }],
    ]);
    // The scope is the engagement as the write left it: the new orchestrator is in it.
    expect([...events[2]!.partners!].sort()).toEqual(['p1', 'p2', 'p3']);
  });

  it('a refused write records nothing', async () => {
    const start = await lastSequence(graph);
    await expect(setCommitmentStatus(graph, 'm1', 'LATE', 'p1')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setOutcomeStatus(graph, 'nope', 'MET')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(assignRole(graph, 'e1', 'p3', 'ORCHESTRATOR', '2025-01-01')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(importEcosystem(graph, { partners: [{ id: 'p9', name: 'x', type: 'NOPE' }] })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await numbered(start)).toEqual([]);
    expect(await graph.read('MATCH (e:Event) WHERE e.seq IS NULL RETURN e')).toEqual([]);
  });
});

describe('the sequence', () => {
  it('many writers and three sequencers at once: every event numbered once, contiguously; one outcome\'s changes in commit order', async () => {
    const start = await lastSequence(graph);
    const statuses = ['MET', 'MISSED', 'PENDING', 'PARTIALLY_MET'] as const;
    let sequencing = true;
    const sequencers = [0, 1, 2].map(async () => {
      while (sequencing) await sequenceEvents(graph);
    });
    // Each outcome's changes one after another (each waits for the last to commit),
    // the four outcomes side by side.
    await Promise.all(['o2', 'o3', 'o4', 'o5'].map(async (id) => {
      for (let round = 0; round < 5; round++) {
        for (const status of statuses) await setOutcomeStatus(graph, id, status);
      }
    }));
    sequencing = false;
    await Promise.all(sequencers);
    const events = await numbered(start);
    expect(events).toHaveLength(4 * 5 * statuses.length);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => start + i + 1));
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (const id of ['o2', 'o3', 'o4', 'o5']) {
      const mine = events.filter((e) => e.body.outcomeId === id).map((e) => `${e.body.from as string}>${e.body.to as string}`);
      // PENDING > MET > MISSED > PENDING > PARTIALLY_MET > MET …: each change starts where the last ended.
      const expected = Array.from({ length: 20 }, (_, i) => `${i === 0 ? 'PENDING' : statuses[(i - 1) % 4]}>${statuses[i % 4]}`);
      expect(mine).toEqual(expected);
    }
  }, 120_000);

  it('writers racing on one outcome: in number order, each change starts where the one before it ended', async () => {
    const start = await lastSequence(graph);
    const statuses = ['MET', 'MISSED', 'PENDING', 'PARTIALLY_MET'] as const;
    await Promise.all([0, 1, 2, 3].map(async (w) => {
      for (let i = 0; i < 12; i++) await setOutcomeStatus(graph, 'o3', statuses[(w + i) % 4]!);
    }));
    const chain = (await numbered(start)).map((e) => e.body as { from: string; to: string });
    expect(chain.length).toBeGreaterThan(0);
    expect(chain[0]!.from).toBe('PENDING');
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.from).toBe(chain[i - 1]!.to);
    for (const link of chain) expect(link.from).not.toBe(link.to);
    const [row] = await graph.read<{ status: string }>("MATCH (o:Outcome {id: 'o3'}) RETURN o.status AS status");
    expect(chain.at(-1)!.to).toBe(row!.status);
  }, 120_000);

  it('reads by type and by partner scope', async () => {
    const start = await lastSequence(graph);
    await setOutcomeStatus(graph, 'o1', 'MET');
    await setOutcomeStatus(graph, 'o2', 'MET');
    await setCommitmentStatus(graph, 'm1', 'DELIVERED', null);
    await numbered(start);
    const ids = async (q: { types?: string[]; scope?: string }) =>
      (await eventsAfter(graph, { after: start, limit: 100, types: q.types as never, scope: q.scope ?? null })).map((e) => JSON.parse(e.data) as Record<string, string>);
    expect((await ids({ types: ['outcome.status_changed'] })).map((d) => d.outcomeId)).toEqual(['o1', 'o2']);
    expect((await ids({ scope: 'p4' })).map((d) => d.outcomeId)).toEqual(['o2']);
    expect((await ids({ scope: 'p2' })).map((d) => d.outcomeId ?? d.commitmentId)).toEqual(['o1', 'm1']);
    expect(await ids({ scope: 'p3' })).toEqual([]);
  });
});
