/**
 * The kept SOURCED_AGAINST_REGISTRATION pairs ((:Contribution)-[:AGAINST]->(:DealRegistration))
 * against the rule itself, after every kind of write that can change one: each step
 * below changes the pairs (the test checks that too, so a step that changed nothing
 * could not hide a missing refresh), then the kept pairs must equal the rule's, worked
 * out again over the whole store by SOURCED_AGAINST_PAIRS.
 */
import { describe, expect, it } from 'vitest';
import { eachTestFrom, wipe } from '../../tests/support/graph.ts';
import type { Graph } from '../db/index.ts';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importEcosystem, importLoaded, loadImport } from '../import/index.ts';
import type { EcosystemInput, EngagementInput } from '../model/index.ts';
import { SOURCED_AGAINST_PAIRS } from './conflicts.queries.ts';
import { decideDealRegistration, ensureSourcedAgainst, registerDeal } from './index.ts';

let graph: Graph;
const TODAY = '2026-03-15';

const e1: EngagementInput = {
  id: 'e1', name: 'Claims copilot', customer: 'c1', status: 'ACTIVE', startDate: '2026-01-01',
  requires: [{ capability: 'genai', level: 3 }, { capability: 'crm', level: 2 }],
  participants: [{ partner: 'p1', role: 'ORCHESTRATOR', from: '2026-01-01' }],
  contributions: [
    { id: 'k1', partner: 'p2', kind: 'SOURCED', date: '2026-02-10' },
    { id: 'k2', partner: 'p3', kind: 'SOURCED', date: '2026-02-20' },
    { id: 'k3', partner: 'p2', kind: 'INFLUENCED', date: '2026-02-10' },
  ],
};
const e2: EngagementInput = {
  id: 'e2', name: 'Service desk', customer: 'c2', status: 'ACTIVE', startDate: '2026-01-01',
  requires: [{ capability: 'genai', level: 2 }],
  participants: [{ partner: 'p4', role: 'ORCHESTRATOR', from: '2026-01-01' }],
  contributions: [{ id: 'k4', partner: 'p2', kind: 'SOURCED', date: '2026-02-15' }],
};

const WORLD: EcosystemInput = {
  regions: [{ code: 'R1', name: 'Region' }],
  industries: [{ code: 'I1', name: 'Industry' }],
  capabilities: [{ id: 'genai', name: 'Generative AI' }, { id: 'crm', name: 'CRM' }],
  partners: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, name: `Partner ${id}`, type: 'SYSTEM_INTEGRATOR' as const })),
  customers: [
    { id: 'c1', name: 'Contoso', region: 'R1', industry: 'I1' },
    { id: 'c2', name: 'Fabrikam', region: 'R1', industry: 'I1' },
  ],
  engagements: [e1, e2],
  dealRegistrations: [
    // p1's genai window on c1 holds k1 (p2) and k2 (p3); p3's crm window on c1 holds k1 only.
    { id: 'A', partner: 'p1', customer: 'c1', capability: 'genai', registeredOn: '2026-02-01', expiresOn: '2026-03-01', status: 'APPROVED', reason: 'first' },
    { id: 'B', partner: 'p3', customer: 'c1', capability: 'crm', registeredOn: '2026-02-01', expiresOn: '2026-02-15', status: 'APPROVED', reason: 'first' },
    // p1's genai window on c2 holds k4.
    { id: 'C', partner: 'p1', customer: 'c2', capability: 'genai', registeredOn: '2026-02-01', expiresOn: '2026-03-01', status: 'APPROVED', reason: 'first' },
  ],
};

type Pairs = string[];

/** The kept pairs, "contribution>registration", sorted. */
async function kept(): Promise<Pairs> {
  const rows = await graph.read<{ pair: string }>('MATCH (t:Contribution)-[:AGAINST]->(d:DealRegistration) RETURN t.id + \'>\' + d.id AS pair');
  return rows.map((r) => r.pair).sort();
}

/** The rule's pairs now, over every contribution. */
async function byRule(): Promise<Pairs> {
  const rows = await graph.read<{ pair: string }>(SOURCED_AGAINST_PAIRS + ' RETURN DISTINCT t.id + \'>\' + d.id AS pair');
  return rows.map((r) => r.pair).sort();
}

/** Runs a write, checks it changed the pairs to `expected`, and that the kept ones are the rule's. */
async function step(write: () => Promise<unknown>, expected: Pairs): Promise<void> {
  const before = await kept();
  await write();
  const rule = await byRule();
  expect(rule).toEqual([...expected].sort());
  expect(rule).not.toEqual(before);
  expect(await kept()).toEqual(rule);
}

eachTestFrom(WORLD, (opened) => { graph = opened; });

describe('the kept SOURCED_AGAINST_REGISTRATION pairs follow every write', () => {
  it('an import writes them', async () => {
    expect(await byRule()).toEqual(['k1>A', 'k1>B', 'k2>A', 'k4>C']);
    expect(await kept()).toEqual(await byRule());
  });

  it('an engagement moved to another customer, and its requirements changed', async () => {
    // e1 moves to c2: its touches leave A and B and fall in C's window (k1 on 02-10, k2 on 02-20).
    await step(() => importEcosystem(graph, { engagements: [{ ...e1, customer: 'c2' }] }, 60_000), ['k1>C', 'k2>C', 'k4>C']);
    // Back to c1 without genai: only B (crm) is left, for k1.
    await step(() => importEcosystem(graph, { engagements: [{ ...e1, requires: [{ capability: 'crm', level: 2 }] }] }, 60_000), ['k1>B', 'k4>C']);
  });

  it('a contribution moved, re-dated, no longer SOURCED, or removed', async () => {
    // k4 moves from e2 (c2) to e1 (c1): A and B on 02-15? B ends on 02-15, so A only.
    const k4 = e2.contributions![0]!;
    await step(() => importEcosystem(graph, { engagements: [{ ...e1, contributions: [...e1.contributions!, k4] }, { ...e2, contributions: [] }] }, 60_000),
      ['k1>A', 'k1>B', 'k2>A', 'k4>A']);
    // k2 re-dated after A's window; k1 no longer SOURCED.
    await step(() => importEcosystem(graph, { engagements: [{ ...e1, contributions: [
      { ...e1.contributions![0]!, kind: 'INFLUENCED' }, { ...e1.contributions![1]!, date: '2026-03-01' }, e1.contributions![2]!, k4,
    ] }] }, 60_000), ['k4>A']);
    // k4 no longer listed: removed with its pair.
    await step(() => importEcosystem(graph, { engagements: [{ ...e1, contributions: [] }] }, 60_000), []);
  });

  it('a registration moved, re-dated or rejected by an import', async () => {
    const [A, B, C] = WORLD.dealRegistrations!;
    // A moves to c2 (k4's customer); B's window now starts after k1.
    await step(() => importEcosystem(graph, { dealRegistrations: [{ ...A!, customer: 'c2' }, { ...B!, registeredOn: '2026-02-11' }] }, 60_000),
      ['k4>A', 'k4>C']);
    await step(() => importEcosystem(graph, { dealRegistrations: [{ ...C!, status: 'REJECTED', reason: 'lapsed' }] }, 60_000), ['k4>A']);
  });

  it('registerDeal APPROVED and decideDealRegistration both ways', async () => {
    await step(() => decideDealRegistration(graph, 'C', 'REJECTED', 'lapsed', TODAY), ['k1>A', 'k1>B', 'k2>A']);
    // p4 (e2's orchestrator, not the touch's partner p2) registers genai on c2, approved at once: k4 falls in it.
    await step(() => registerDeal(graph, {
      id: 'D', partner: 'p4', customer: 'c2', capability: 'genai', registeredOn: '2026-02-14', expiresOn: '2026-02-16', status: 'APPROVED', reason: 'sourced it',
    }, TODAY), ['k1>A', 'k1>B', 'k2>A', 'k4>D']);
    await step(() => decideDealRegistration(graph, 'A', 'REJECTED', 'lapsed', TODAY), ['k1>B', 'k4>D']);
    await step(() => decideDealRegistration(graph, 'A', 'APPROVED', 'restored', TODAY), ['k1>A', 'k1>B', 'k2>A', 'k4>D']);
    // A PENDING registration protects nothing: no pair, nothing to refresh.
    await registerDeal(graph, { id: 'E', partner: 'p4', customer: 'c1', capability: 'genai', registeredOn: '2026-02-01' }, TODAY);
    expect(await kept()).toEqual(await byRule());
  });

  it('an import into an empty store (npm run import) marks them built; into a store with data, not', async () => {
    const marked = async () => (await graph.read<{ n: number }>("MATCH (s:GraphState {key: 'sourcedAgainst'}) RETURN count(s) AS n"))[0]!.n;
    const file = join(mkdtempSync(join(tmpdir(), 'ecomap-against-')), 'world.json');
    writeFileSync(file, JSON.stringify(WORLD));
    await graph.write("MATCH (s:GraphState {key: 'sourcedAgainst'}) DELETE s");
    expect(await importLoaded(graph, await loadImport(file), 'world.json', { timeoutMs: 60_000 })).toMatchObject({ counts: { dealRegistrations: 3 } });
    expect(await marked()).toBe(0); // the store held WORLD already
    await wipe(graph);
    await importLoaded(graph, await loadImport(file), 'world.json', { timeoutMs: 60_000 });
    expect(await marked()).toBe(1);
    expect(await kept()).toEqual(['k1>A', 'k1>B', 'k2>A', 'k4>C']);
  });

  it('a store without them gets them once, at start', async () => {
    await graph.write('MATCH ()-[a:AGAINST]->() DELETE a');
    await graph.write("MATCH (s:GraphState {key: 'sourcedAgainst'}) DELETE s");
    expect(await kept()).toEqual([]);
    await ensureSourcedAgainst(graph);
    expect(await kept()).toEqual(['k1>A', 'k1>B', 'k2>A', 'k4>C']);
    // Marked built: a second start reads one node and changes nothing.
    await graph.write('MATCH ()-[a:AGAINST]->() DELETE a');
    await ensureSourcedAgainst(graph);
    expect(await kept()).toEqual([]);
  });
});
