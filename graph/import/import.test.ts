import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Graph } from '../db/index.ts';
import { AppError } from '../model/index.ts';
import type { EcosystemInput } from '../model/index.ts';
import { openTestGraph, snapshot, wipe } from '../../tests/support/graph.ts';
import { importEcosystem } from './import.ts';

let graph: Graph;

/** The contract's example, grown to two engagements with dependencies across them. */
function base(): EcosystemInput {
  return {
    regions: [{ code: 'DE', name: 'Germany' }, { code: 'FR', name: 'France' }],
    industries: [{ code: 'FSI', name: 'Financial services' }],
    capabilities: [{ id: 'genai', name: 'Generative AI' }, { id: 'data', name: 'Data platform' }],
    partners: [
      { id: 'p1', name: 'Northwind Consulting', type: 'SYSTEM_INTEGRATOR', regions: ['DE'], industries: ['FSI'],
        capabilities: [{ capability: 'genai', level: 4, certified: true }] },
      { id: 'p2', name: 'Lumen Labs', type: 'AI_NATIVE', regions: ['DE', 'FR'], capabilities: [{ capability: 'data', level: 3 }] },
    ],
    customers: [{ id: 'c1', name: 'Contoso Bank', region: 'DE', industry: 'FSI' }],
    engagements: [
      {
        id: 'e1', name: 'Claims copilot', customer: 'c1', status: 'ACTIVE', value: 1_200_000, currency: 'USD', startDate: '2026-01-10',
        requires: [{ capability: 'genai', level: 3 }],
        participants: [
          { partner: 'p1', role: 'ORCHESTRATOR', from: '2026-01-10', to: '2026-03-01' },
          { partner: 'p1', role: 'CONTRIBUTOR', from: '2026-03-01' },
          { partner: 'p2', role: 'ORCHESTRATOR', from: '2026-03-01' },
        ],
        contributions: [{ id: 'k1', partner: 'p1', kind: 'SOURCED', date: '2025-12-01' }, { id: 'k2', partner: 'p2', kind: 'DELIVERY', date: '2026-02-01', amount: 5000 }],
        commitments: [
          { id: 'm1', owner: 'p1', description: 'Model tuned', status: 'FAILED', dependsOn: ['m2'] },
          { id: 'm2', owner: 'p2', description: 'Data ready', status: 'LATE', dueDate: '2026-02-15' },
        ],
        outcomes: [{ id: 'o1', description: 'Claims handled 30% faster', status: 'MISSED', dueDate: '2026-06-30', dependsOn: ['m1'] }],
      },
      {
        id: 'e2', name: 'Risk lakehouse', customer: 'c1', status: 'COMPLETED', startDate: '2025-01-01', endDate: '2025-12-31',
        participants: [{ partner: 'p2', role: 'ORCHESTRATOR', from: '2025-01-01', to: '2025-12-31' }],
        commitments: [{ id: 'm3', owner: 'p2', description: 'Lakehouse live', status: 'DELIVERED', dependsOn: [] }],
        outcomes: [],
      },
    ],
  };
}

/** The problems an import is refused with (failing the test when it is accepted). */
async function problemsOf(input: unknown): Promise<Array<{ path: string; message: string }>> {
  try {
    await importEcosystem(graph, input);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('BAD_USER_INPUT');
    return (err as AppError).problems ?? [];
  }
  throw new Error('the import was accepted');
}

async function pathsOf(input: unknown): Promise<string[]> {
  return (await problemsOf(input)).map((p) => p.path);
}

beforeEach(async () => {
  graph ??= await openTestGraph();
  await wipe(graph);
});
afterAll(async () => graph?.close());

describe('importEcosystem writes', () => {
  it('everything in the input and reports what it held', async () => {
    const counts = await importEcosystem(graph, base());
    expect(counts).toEqual({ regions: 2, industries: 1, capabilities: 2, partners: 2, customers: 1, engagements: 2, contributions: 2, commitments: 3, outcomes: 1, dealRegistrations: 0 });
    const [row] = await graph.read<Record<string, unknown>>(`
      MATCH (e:Engagement {id: 'e1'})-[:FOR]->(c:Customer)-[:LOCATED_IN]->(r:Region)
      RETURN c.id AS customer, r.code AS region, e.startDate AS start, e.value AS value,
             COLLECT { MATCH (p:Partner)-[x:PARTICIPATES_IN]->(e) RETURN p.id + ':' + x.role + ':' + toString(x.from) + ':' + coalesce(toString(x.to), '-') ORDER BY x.from, p.id, x.role } AS roles,
             COLLECT { MATCH (:Outcome {id: 'o1'})-[:DEPENDS_ON]->(m)-[:DEPENDS_ON]->(n) RETURN m.id + '>' + n.id } AS chain`);
    expect(row).toEqual({
      customer: 'c1', region: 'DE', start: '2026-01-10', value: 1_200_000,
      roles: ['p1:ORCHESTRATOR:2026-01-10:2026-03-01', 'p1:CONTRIBUTOR:2026-03-01:-', 'p2:ORCHESTRATOR:2026-03-01:-'],
      chain: ['m1>m2'],
    });
  });

  it('the same file twice leaves the graph as after the first time', async () => {
    await importEcosystem(graph, base());
    const first = await snapshot(graph);
    await importEcosystem(graph, base());
    expect(await snapshot(graph)).toEqual(first);
  });

  it('replaces the nested lists of an engagement in the input, and keeps items that moved', async () => {
    await importEcosystem(graph, base());
    const next = base();
    const e1 = next.engagements![0]!;
    e1.requires = [{ capability: 'data', level: 2 }];
    e1.contributions = [{ id: 'k2', partner: 'p2', kind: 'CO_SELL', date: '2026-02-02' }];
    e1.commitments = [{ id: 'm1', owner: 'p1', description: 'Model tuned', status: 'DELIVERED' }];
    e1.outcomes = [];
    // m2 moves to e2, where p2 participates; m3 depends on it there.
    next.engagements![1]!.commitments = [
      { id: 'm2', owner: 'p2', description: 'Data ready', status: 'LATE' },
      { id: 'm3', owner: 'p2', description: 'Lakehouse live', status: 'DELIVERED', dependsOn: ['m2'] },
    ];
    await importEcosystem(graph, next);
    const [row] = await graph.read<Record<string, unknown>>(`
      RETURN COLLECT { MATCH (:Engagement {id: 'e1'})-[r:REQUIRES]->(c) RETURN c.id + '@' + toString(r.level) } AS requires,
             COLLECT { MATCH (k:Contribution) RETURN k.id + ':' + k.kind } AS contributions,
             COLLECT { MATCH (m:Commitment)-[:PART_OF]->(e) RETURN m.id + '@' + e.id ORDER BY m.id } AS commitments,
             COUNT { MATCH (o:Outcome) } AS outcomes,
             COLLECT { MATCH (a:Commitment)-[:DEPENDS_ON]->(b) RETURN a.id + '>' + b.id } AS deps`);
    expect(row).toEqual({
      requires: ['data@2'], contributions: ['k2:CO_SELL'], commitments: ['m1@e1', 'm2@e2', 'm3@e2'], outcomes: 0, deps: ['m3>m2'],
    });
  });

  it('accepts references to what is already stored', async () => {
    await importEcosystem(graph, base());
    await importEcosystem(graph, {
      partners: [{ id: 'p3', name: 'Orbit MSP', type: 'MSP', regions: ['FR'], capabilities: [{ capability: 'data', level: 5 }] }],
      engagements: [{
        id: 'e3', name: 'Ops run', customer: 'c1', status: 'PLANNED',
        participants: [{ partner: 'p3', role: 'ORCHESTRATOR', from: '2026-05-01' }],
        commitments: [{ id: 'm9', owner: 'p3', description: 'Runbook', status: 'PENDING', dependsOn: ['m3'] }],
        outcomes: [{ id: 'o9', description: 'Run', status: 'PENDING', dueDate: '2026-09-30', dependsOn: ['m1', 'm9'] }],
      }],
    });
    const rows = await graph.read<{ n: number }>("MATCH (:Outcome {id: 'o9'})-[:DEPENDS_ON]->(m) RETURN count(m) AS n");
    expect(rows[0]!.n).toBe(2);
  });
});

describe('an import moves items only out of engagements it lists', () => {
  /** e3: a new engagement of p1 and p2 that lists an item of each kind stored under e1. */
  function takingFromE1(): EcosystemInput {
    return {
      engagements: [{
        id: 'e3', name: 'Claims copilot, phase 2', customer: 'c1', status: 'PLANNED',
        participants: [{ partner: 'p1', role: 'ORCHESTRATOR', from: '2026-06-01' }, { partner: 'p2', role: 'CONTRIBUTOR', from: '2026-06-01' }],
        contributions: [{ id: 'k-new', partner: 'p1', kind: 'SOURCED', date: '2026-05-01' }, { id: 'k2', partner: 'p2', kind: 'DELIVERY', date: '2026-02-01' }],
        commitments: [{ id: 'm2', owner: 'p2', description: 'Data ready', status: 'LATE' }],
        outcomes: [{ id: 'o1', description: 'Claims handled 30% faster', status: 'MISSED', dueDate: '2026-06-30' }],
      }],
    };
  }

  it('refuses to take items from an engagement the input does not list, each at its path, and writes nothing', async () => {
    await importEcosystem(graph, base());
    const before = await snapshot(graph);
    const problems = await problemsOf(takingFromE1());
    expect(problems).toEqual([
      { path: 'engagements[0].contributions[1].id', message: 'contribution "k2" belongs to engagement "e1", which this input does not list' },
      { path: 'engagements[0].commitments[0].id', message: 'commitment "m2" belongs to engagement "e1", which this input does not list' },
      { path: 'engagements[0].outcomes[0].id', message: 'outcome "o1" belongs to engagement "e1", which this input does not list' },
    ]);
    expect(await snapshot(graph)).toEqual(before);
  });

  it('moves them when the input lists the engagement they leave too', async () => {
    await importEcosystem(graph, base());
    const input = takingFromE1();
    const e1 = base().engagements![0]!;
    e1.contributions = e1.contributions!.filter((k) => k.id !== 'k2');
    e1.commitments = [{ id: 'm1', owner: 'p1', description: 'Model tuned', status: 'FAILED', dependsOn: ['m2'] }];
    e1.outcomes = [];
    input.engagements!.push(e1);
    await importEcosystem(graph, input);
    const rows = await graph.read<{ item: string; engagement: string }>(`
      MATCH (x)-[:TO|PART_OF|OF]->(e:Engagement) WHERE x.id IN ['k2', 'm2', 'o1'] RETURN x.id AS item, e.id AS engagement ORDER BY item`);
    expect(rows).toEqual([{ item: 'k2', engagement: 'e3' }, { item: 'm2', engagement: 'e3' }, { item: 'o1', engagement: 'e3' }]);
  });

  it('leaves items where they are stored when the input lists them under the same engagement', async () => {
    await importEcosystem(graph, base());
    await expect(importEcosystem(graph, { engagements: [base().engagements![0]!] })).resolves.toBeDefined();
  });
});

describe('importEcosystem refuses, names every problem with its path and writes nothing', () => {
  it('keeps the graph exactly as it was', async () => {
    await importEcosystem(graph, base());
    const before = await snapshot(graph);
    const bad = base();
    bad.partners![0]!.name = 'Renamed';
    bad.engagements![0]!.participants![0]!.partner = 'ghost';
    await problemsOf(bad);
    expect(await snapshot(graph)).toEqual(before);
  });

  it('an unknown reference, in the input or the store', async () => {
    const bad = base();
    bad.engagements![0]!.participants![2]!.partner = 'nobody';
    bad.engagements![0]!.customer = 'c404';
    bad.engagements![0]!.requires![0]!.capability = 'quantum';
    bad.engagements![0]!.outcomes![0]!.dependsOn = ['m1', 'm404'];
    bad.customers![0]!.region = 'XX';
    bad.partners![1]!.industries = ['NOPE'];
    expect((await pathsOf(bad)).sort()).toEqual([
      'customers[0].region',
      'engagements[0].commitments[1].owner', // p2's only role was the one now pointing at "nobody"
      'engagements[0].customer',
      'engagements[0].outcomes[0].dependsOn[1]',
      'engagements[0].participants[2].partner',
      'engagements[0].requires[0].capability',
      'partners[1].industries[0]',
    ]);
  });

  it('a reference to a stored commitment the same import removes', async () => {
    await importEcosystem(graph, base());
    const next = base();
    next.engagements![0]!.commitments = next.engagements![0]!.commitments!.filter((m) => m.id !== 'm2');
    next.engagements![0]!.commitments![0]!.dependsOn = [];
    next.engagements![1]!.commitments![0]!.dependsOn = ['m2'];
    expect(await pathsOf(next)).toEqual(['engagements[1].commitments[0].dependsOn[0]']);
  });

  it('an id given twice for the same kind', async () => {
    const bad = base();
    bad.partners!.push({ id: 'p1', name: 'Twin', type: 'ISV' });
    bad.engagements![1]!.commitments!.push({ id: 'm1', owner: 'p2', description: 'again', status: 'PENDING' });
    bad.engagements![1]!.contributions = [{ id: 'k1', partner: 'p2', kind: 'REFERRAL', date: '2025-02-01' }];
    const problems = await problemsOf(bad);
    expect(problems.map((p) => p.path).sort()).toEqual([
      'engagements[1].commitments[1].id', 'engagements[1].contributions[0].id', 'partners[2].id',
    ]);
    expect(problems.find((p) => p.path === 'partners[2].id')!.message).toContain('partners[0].id');
  });

  it('a level outside 1..5', async () => {
    const bad = base();
    bad.partners![0]!.capabilities![0]!.level = 0;
    bad.engagements![0]!.requires![0]!.level = 6;
    expect((await pathsOf(bad)).sort()).toEqual(['engagements[0].requires[0].level', 'partners[0].capabilities[0].level']);
  });

  it('a date that is not a real YYYY-MM-DD date', async () => {
    const bad = base();
    bad.engagements![0]!.startDate = '2026-02-30';
    bad.engagements![0]!.contributions![0]!.date = '2026-13-01';
    bad.engagements![0]!.outcomes![0]!.dueDate = '30/06/2026';
    bad.engagements![0]!.commitments![1]!.dueDate = '2025-02-29';
    expect((await pathsOf(bad)).sort()).toEqual([
      'engagements[0].commitments[1].dueDate', 'engagements[0].contributions[0].date',
      'engagements[0].outcomes[0].dueDate', 'engagements[0].startDate',
    ]);
  });

  it('accepts 29 February of a leap year', async () => {
    const good = base();
    good.engagements![0]!.commitments![1]!.dueDate = '2028-02-29';
    await expect(importEcosystem(graph, good)).resolves.toBeDefined();
  });

  it('"to" not after "from"', async () => {
    const bad = base();
    bad.engagements![1]!.participants![0]!.to = '2025-01-01';
    bad.engagements![0]!.participants![0]!.to = '2025-12-31';
    expect((await pathsOf(bad)).sort()).toEqual(['engagements[0].participants[0].to', 'engagements[1].participants[0].to']);
  });

  it('two ORCHESTRATOR intervals of one engagement that overlap', async () => {
    const bad = base();
    bad.engagements![0]!.participants![2]!.from = '2026-02-28'; // one day inside p1's interval
    expect(await pathsOf(bad)).toEqual(['engagements[0].participants[2]']);
    const open = base();
    open.engagements![1]!.participants!.push({ partner: 'p1', role: 'ORCHESTRATOR', from: '2024-01-01' });
    expect(await pathsOf(open)).toEqual(['engagements[1].participants[0]']);
  });

  it('intervals that only touch do not overlap', async () => {
    // base() already hands over on 2026-03-01: [2026-01-10, 2026-03-01) then [2026-03-01, ∞).
    await expect(importEcosystem(graph, base())).resolves.toBeDefined();
  });

  it('an ACTIVE engagement with no open ORCHESTRATOR interval', async () => {
    const bad = base();
    bad.engagements![0]!.participants![2]!.to = '2026-12-31';
    expect(await pathsOf(bad)).toEqual(['engagements[0].participants']);
  });

  it('a commitment whose owner never participates in its engagement', async () => {
    const bad = base();
    bad.engagements![1]!.commitments![0]!.owner = 'p1';
    expect(await pathsOf(bad)).toEqual(['engagements[1].commitments[0].owner']);
  });

  it('a DEPENDS_ON cycle, named', async () => {
    const bad = base();
    bad.engagements![0]!.commitments![1]!.dependsOn = ['m3'];
    bad.engagements![1]!.commitments![0]!.dependsOn = ['m1'];
    const problems = await problemsOf(bad);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('m1 → m2 → m3 → m1');
    expect(problems[0]!.path).toMatch(/^engagements\[\d\]\.commitments\[\d\]\.dependsOn\[0\]$/);
  });

  it('a DEPENDS_ON cycle that closes through stored edges', async () => {
    await importEcosystem(graph, base()); // stored: m1 → m2
    const edit: EcosystemInput = {
      engagements: [{
        id: 'e2', name: 'Risk lakehouse', customer: 'c1', status: 'COMPLETED',
        participants: [{ partner: 'p2', role: 'ORCHESTRATOR', from: '2025-01-01', to: '2025-12-31' }],
        commitments: [{ id: 'm3', owner: 'p2', description: 'Lakehouse live', status: 'DELIVERED', dependsOn: ['m1'] }],
      }],
    };
    await expect(importEcosystem(graph, edit)).resolves.toBeDefined(); // m3 → m1 → m2: acyclic
    const cyclic: EcosystemInput = {
      engagements: [{
        id: 'e1', name: 'Claims copilot', customer: 'c1', status: 'ACTIVE',
        participants: [{ partner: 'p2', role: 'ORCHESTRATOR', from: '2026-03-01' }, { partner: 'p1', role: 'CONTRIBUTOR', from: '2026-01-10' }],
        commitments: [
          { id: 'm1', owner: 'p1', description: 'Model tuned', status: 'FAILED', dependsOn: ['m2'] },
          { id: 'm2', owner: 'p2', description: 'Data ready', status: 'LATE', dependsOn: ['m3'] }, // m3 → m1 is stored
        ],
      }],
    };
    const problems = await problemsOf(cyclic);
    expect(problems.map((p) => p.message)).toEqual(['DEPENDS_ON cycle: m1 → m2 → m3 → m1']);
  });

  it('a commitment that depends on itself', async () => {
    const bad = base();
    bad.engagements![0]!.commitments![1]!.dependsOn = ['m2'];
    expect((await problemsOf(bad)).map((p) => p.message)).toEqual(['DEPENDS_ON cycle: m2 → m2']);
  });

  it('a negative value or amount', async () => {
    const bad = base();
    bad.engagements![0]!.value = -1;
    bad.engagements![0]!.contributions![1]!.amount = -5;
    expect((await pathsOf(bad)).sort()).toEqual(['engagements[0].contributions[1].amount', 'engagements[0].value']);
  });

  it('an empty id or name', async () => {
    const bad = base();
    bad.regions![1]!.code = '';
    bad.partners![0]!.name = '  ';
    bad.engagements![1]!.commitments![0]!.id = '';
    expect((await pathsOf(bad)).sort()).toEqual([
      'engagements[1].commitments[0].id', 'partners[0].name',
      'partners[1].regions[1]', // FR lost its code, so the reference to it is unknown too
      'regions[1].code',
    ]);
  });

  it('a misshapen file: wrong types, unknown enum values and fields, missing fields', async () => {
    const problems = await problemsOf({
      partners: [{ id: 'p1', name: 'A', type: 'WIZARD', extra: 1 }],
      engagements: [{ id: 'e1', customer: 'c1', status: 'ACTIVE', value: 'lots', participants: 'p1' }],
    });
    expect(problems.map((p) => p.path).sort()).toEqual([
      'engagements[0].customer', // the rules still run on what could be read: c1 is neither in the input nor stored
      'engagements[0].name', 'engagements[0].participants', 'engagements[0].value', 'partners[0].extra', 'partners[0].type',
    ]);
    expect(await pathsOf([])).toEqual(['$']);
  });

  it('reports shape problems and rule problems together: a bad date or enum hides nothing else', async () => {
    const bad = base() as unknown as { engagements: Array<Record<string, any>>; partners: Array<Record<string, any>> };
    bad.engagements[0]!.startDate = '2026-02-30'; // shape: not a real date
    bad.engagements[0]!.name = ''; // rule: empty name, in the same engagement
    bad.engagements[0]!.value = -10; // rule: negative value, in the same engagement
    bad.engagements[1]!.participants[0]!.role = 'CAPTAIN'; // shape: a bad role …
    bad.engagements[1]!.participants[0]!.to = '2024-12-31'; // … and its interval still checked: `to` before `from`
    bad.partners[1]!.type = 'WIZARD';
    bad.partners[1]!.name = ' ';
    const problems = await problemsOf(bad);
    expect(problems.map((p) => p.path).sort()).toEqual([
      'engagements[0].name', 'engagements[0].startDate', 'engagements[0].value',
      'engagements[1].participants[0].role', 'engagements[1].participants[0].to',
      'partners[1].name', 'partners[1].type',
    ]);
    expect(problems.find((p) => p.path === 'engagements[0].startDate')!.message).toContain('2026-02-30');
    expect(problems.find((p) => p.path === 'partners[1].type')!.message).toContain('WIZARD');
  });

  it('skips only the checks that need a broken value', async () => {
    const bad = base() as unknown as { engagements: Array<Record<string, any>> };
    // e1's only open ORCHESTRATOR interval has an unreadable role: whether e1 has an open
    // one cannot be decided, so that check is skipped (it would fail without the role).
    bad.engagements[0]!.participants[2]!.role = 42;
    // An item that is not an object keeps the places of the others: m3's owner is checked at its own path.
    bad.engagements[1]!.commitments = ['m-broken', { id: 'm3', owner: 'p1', description: 'Lakehouse live', status: 'DELIVERED' }];
    expect((await pathsOf(bad)).sort()).toEqual([
      'engagements[0].participants[2].role', 'engagements[1].commitments[0]', 'engagements[1].commitments[1].owner',
    ]);
  });

  it('lists every problem of a file at once', async () => {
    const bad = base();
    bad.partners![0]!.capabilities![0]!.level = 9;
    bad.engagements![0]!.value = -3;
    bad.engagements![1]!.commitments![0]!.owner = 'p1';
    expect(await pathsOf(bad)).toHaveLength(3);
  });
});
