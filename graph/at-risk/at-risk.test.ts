/**
 * atRiskOutcomePage against the contract's rules computed a second way: a seeded random
 * ecosystem (handovers, cross-engagement dependencies, every status, commitments without
 * a due date) is read back whole and the rules are applied in plain TypeScript, for
 * ADMIN and for every partner's scope, with and without filter.partnerId, paged to the
 * end. The failure subgraph must also be the one `accountability` reports for the same
 * outcome. Then a chain of diamonds shows that each traversal visits a commitment once,
 * not once per path.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestGraph, wipe } from '../../tests/support/graph.ts';
import { accountability } from '../accountability/index.ts';
import type { Graph } from '../db/index.ts';
import { importEcosystem } from '../import/index.ts';
import type { CommitmentInput, CommitmentStatus, EcosystemInput, EngagementInput, OutcomeStatus, Scope } from '../model/index.ts';
import { atRiskOutcomePage, type AtRiskOutcomeRow } from './index.ts';

let graph: Graph;

beforeAll(async () => {
  graph = await openTestGraph();
});

afterAll(async () => {
  await graph?.close();
});

/**
 * A seeded random ecosystem in which every rule has cases: engagements whose orchestrator
 * hands over during 2026, commitments of every status (some without a due date) that
 * depend on earlier ones of any engagement, PENDING outcomes due through 2027.
 */
function randomWorld(seed: number): EcosystemInput {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const day = (from: string, days: number) => new Date(Date.parse(from) + int(days) * 86_400_000).toISOString().slice(0, 10);
  const partners = Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(2, '0')}`);
  const commitmentStatuses: CommitmentStatus[] = ['PENDING', 'IN_PROGRESS', 'DELIVERED', 'LATE', 'FAILED'];
  const outcomeStatuses: OutcomeStatus[] = ['PENDING', 'PENDING', 'PENDING', 'MET', 'MISSED'];
  const earlier: string[] = [];
  const engagements = Array.from({ length: 40 }, (_, k): EngagementInput => {
    const id = `e${String(k).padStart(2, '0')}`;
    const [first, second, ...rest] = [...partners].sort(() => random() - 0.5);
    const handover = day('2026-01-01', 365);
    const team = [first!, second!, ...rest.slice(0, int(3))];
    const commitments = Array.from({ length: 3 + int(4) }, (_, i): CommitmentInput => {
      const dependsOn = [...new Set(Array.from({ length: int(3) }, () => pick(earlier.length > 0 ? earlier : ['']))
        .filter((dep) => dep !== ''))];
      const commitment = {
        id: `${id}-m${i}`, owner: pick(team), description: 'commitment', status: pick(commitmentStatuses),
        dueDate: random() < 0.15 ? null : day('2025-06-01', 700), dependsOn,
      };
      earlier.push(commitment.id);
      return commitment;
    });
    return {
      id, name: id, customer: pick(['c1', 'c2']), status: 'ACTIVE',
      participants: [
        { partner: first!, role: 'ORCHESTRATOR', from: '2025-01-01', to: handover },
        { partner: second!, role: 'ORCHESTRATOR', from: handover },
        ...team.slice(2).map((partner) => ({ partner, role: 'CONTRIBUTOR' as const, from: '2025-01-01' })),
      ],
      commitments,
      outcomes: Array.from({ length: 1 + int(3) }, (_, i) => ({
        id: `${id}-o${i}`, description: 'outcome', status: pick(outcomeStatuses), dueDate: day('2026-01-01', 730),
        dependsOn: [...new Set(Array.from({ length: 1 + int(3) }, () => pick(commitments).id))],
      })),
    };
  });
  return {
    regions: [{ code: 'R1', name: 'One' }, { code: 'R2', name: 'Two' }],
    industries: [{ code: 'I1', name: 'Industry' }],
    partners: partners.map((id) => ({ id, name: id, type: 'SYSTEM_INTEGRATOR' })),
    customers: [{ id: 'c1', name: 'c1', region: 'R1', industry: 'I1' }, { id: 'c2', name: 'c2', region: 'R2', industry: 'I1' }],
    engagements,
  };
}

/**
 * Every page of the list, followed to the end; totalCount checked on each. The same
 * list followed again in pages of 7 asked without totalCount (which stop reading at
 * their last row) must hold the same rows.
 */
async function allPages(scope: Scope, asOf: string, partnerId: string | null): Promise<AtRiskOutcomeRow[]> {
  const rows: AtRiskOutcomeRow[] = [];
  let after: string | null = null;
  let total: number | null = null;
  for (;;) {
    const page = await atRiskOutcomePage(graph, scope, asOf, { partnerId }, { first: 100, after });
    total ??= page.totalCount;
    expect(page.totalCount).toBe(total);
    rows.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(rows.length).toBe(total);
  const uncounted: AtRiskOutcomeRow[] = [];
  after = null;
  for (;;) {
    const page = await atRiskOutcomePage(graph, scope, asOf, { partnerId }, { first: 7, after, withTotal: false });
    expect(page.totalCount).toBeNull();
    uncounted.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(uncounted).toEqual(rows);
  return rows;
}

interface Item { id: string; status: string; dueDate: string | null; engagementId: string; ownerId: string | null; deps: string[] }
interface Interval { partnerId: string; engagementId: string; role: string; from: string; to: string | null }

/** The stored graph, read back as plain lists (tests may look at the database directly). */
async function readBack() {
  const items = await graph.read<Item & { outcome: boolean }>(`
    MATCH (x:Outcome|Commitment)-[:OF|PART_OF]->(e:Engagement)
    RETURN x.id AS id, x:Outcome AS outcome, x.status AS status, toString(x.dueDate) AS dueDate, e.id AS engagementId,
           COLLECT { MATCH (x)-[:OWNED_BY]->(p:Partner) RETURN p.id }[0] AS ownerId,
           COLLECT { MATCH (x)-[:DEPENDS_ON]->(c:Commitment) RETURN c.id } AS deps`);
  const intervals = await graph.read<Interval>(`
    MATCH (p:Partner)-[r:PARTICIPATES_IN]->(e:Engagement)
    RETURN p.id AS partnerId, e.id AS engagementId, r.role AS role, toString(r.from) AS from, toString(r.to) AS to`);
  return {
    outcomes: items.filter((i) => i.outcome),
    commitments: new Map(items.filter((i) => !i.outcome).map((i) => [i.id, i])),
    intervals,
  };
}

type World = Awaited<ReturnType<typeof readBack>>;

/** Every commitment reached from `start` by DEPENDS_ON through commitments that `pass`, which must pass themselves. */
function reached(world: World, start: string[], pass: (c: Item) => boolean): Item[] {
  const seen = new Map<string, Item>();
  const queue = start.map((id) => world.commitments.get(id)!).filter(pass);
  while (queue.length > 0) {
    const c = queue.shift()!;
    if (seen.has(c.id)) continue;
    seen.set(c.id, c);
    queue.push(...c.deps.map((id) => world.commitments.get(id)!).filter(pass));
  }
  return [...seen.values()];
}

/** The contract's rules in plain TypeScript: what the list should be. */
function expected(world: World, scope: Scope, asOf: string, partnerId: string | null) {
  const inScope = (engagementId: string) =>
    scope === null || world.intervals.some((i) => i.partnerId === scope && i.engagementId === engagementId);
  const orchestratorOn = (engagementId: string, day: string) => world.intervals.find((i) =>
    i.engagementId === engagementId && i.role === 'ORCHESTRATOR' && i.from <= day && (i.to === null || day < i.to))?.partnerId ?? null;
  const byId = (a: Item, b: Item) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return world.outcomes
    .filter((o) => o.status === 'PENDING' && o.dueDate! >= asOf && inScope(o.engagementId))
    .map((o) => {
      const defective = reached(world, o.deps, (c) => c.status === 'LATE' || c.status === 'FAILED');
      const overdue = reached(world, o.deps, (c) => c.status !== 'DELIVERED')
        .filter((c) => (c.status === 'PENDING' || c.status === 'IN_PROGRESS') && c.dueDate !== null && c.dueDate < asOf);
      const listed = (list: Item[]) => list.filter((c) => inScope(c.engagementId)).sort(byId).map((c) => c.id);
      return {
        id: o.id, dueDate: o.dueDate!,
        reasons: [...(defective.length > 0 ? ['DEFECTIVE_DEPENDENCY'] : []), ...(overdue.length > 0 ? ['OVERDUE_DEPENDENCY'] : [])],
        daysToDue: Math.round((Date.parse(o.dueDate!) - Date.parse(asOf)) / 86_400_000),
        now: orchestratorOn(o.engagementId, asOf), due: orchestratorOn(o.engagementId, o.dueDate!),
        defective: listed(defective), overdue: listed(overdue),
        owners: new Set([...defective, ...overdue].filter((c) => inScope(c.engagementId)).map((c) => c.ownerId)),
      };
    })
    .filter((r) => r.reasons.length > 0)
    .filter((r) => partnerId === null || r.now === partnerId || r.due === partnerId || r.owners.has(partnerId))
    .sort((a, b) => (a.dueDate !== b.dueDate ? (a.dueDate < b.dueDate ? -1 : 1) : a.id < b.id ? -1 : 1))
    .map(({ owners: _owners, dueDate: _dueDate, ...row }) => row);
}

const shape = (rows: AtRiskOutcomeRow[]) => rows.map((r) => ({
  id: r.outcome.id, reasons: r.reasons, daysToDue: r.daysToDue, now: r.orchestratorNowId, due: r.orchestratorOnDueDateId,
  defective: r.defective.map((c) => c.id), overdue: r.overdue.map((c) => c.id),
}));

describe('atRiskOutcomePage on a random ecosystem, against the rules computed in TypeScript', () => {
  const dates = ['2026-03-01', '2026-07-01', '2026-11-15'];
  let world: World;
  let partners: string[];

  beforeAll(async () => {
    await wipe(graph);
    await importEcosystem(graph, randomWorld(7), 120_000);
    world = await readBack();
    partners = [...new Set(world.intervals.map((i) => i.partnerId))].sort();
  });

  it('the world exercises every rule', () => {
    const all = dates.flatMap((asOf) => expected(world, null, asOf, null));
    expect(all.length).toBeGreaterThan(30);
    expect(all.some((r) => r.reasons.length === 2)).toBe(true);
    expect(all.some((r) => r.reasons.join() === 'OVERDUE_DEPENDENCY')).toBe(true);
    expect(all.some((r) => r.reasons.join() === 'DEFECTIVE_DEPENDENCY')).toBe(true);
    expect(all.some((r) => r.now !== r.due)).toBe(true);
    // Some scope leaves out a commitment of an outcome it lists; some empties both lists.
    const hidden = dates.flatMap((asOf) => {
      const whole = new Map(expected(world, null, asOf, null).map((r) => [r.id, r.defective.length + r.overdue.length]));
      return partners.flatMap((p) => expected(world, p, asOf, null).filter((r) => r.defective.length + r.overdue.length < whole.get(r.id)!));
    });
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.some((r) => r.defective.length + r.overdue.length === 0)).toBe(true);
  });

  it('ADMIN, with and without partnerId', async () => {
    for (const asOf of dates) {
      expect(shape(await allPages(null, asOf, null))).toEqual(expected(world, null, asOf, null));
      for (const p of partners) expect(shape(await allPages(null, asOf, p))).toEqual(expected(world, null, asOf, p));
    }
  });

  it('every PARTNER scope, with its own and another partner as partnerId', async () => {
    for (const asOf of dates) {
      for (const [i, scope] of partners.entries()) {
        expect(shape(await allPages(scope, asOf, null))).toEqual(expected(world, scope, asOf, null));
        const other = partners[(i + 1) % partners.length]!;
        expect(shape(await allPages(scope, asOf, other))).toEqual(expected(world, scope, asOf, other));
      }
    }
  });

  it('defective is the failure subgraph accountability reports for the same outcome', async () => {
    for (const row of await allPages(null, dates[0]!, null)) {
      const a = (await accountability(graph, null, row.outcome.id))!;
      const members = [...a.rootCauses.map((r) => r.commitment.id), ...a.propagated.map((c) => c.id)].sort();
      expect(row.defective.map((c) => c.id)).toEqual(members);
    }
  });
});

describe('a chain of diamonds', () => {
  // o → a0, b0 → j0 → a1, b1 → j1 → … → j29 → z: 2^30 paths from o to z, 91 commitments;
  // a and b LATE, j FAILED, z PENDING and overdue: both traversals run through every diamond.
  const DIAMONDS = 30;

  beforeAll(async () => {
    const c = (id: string, status: CommitmentInput['status'], dependsOn: string[] = [], dueDate: string | null = null): CommitmentInput =>
      ({ id, owner: 'p1', description: id, status, dependsOn, dueDate });
    const commitments: CommitmentInput[] = [c('z', 'PENDING', [], '2026-01-01')];
    for (let i = 0; i < DIAMONDS; i++) {
      const next = i === DIAMONDS - 1 ? ['z'] : [`a${i + 1}`, `b${i + 1}`];
      commitments.push(c(`a${i}`, 'LATE', [`j${i}`]), c(`b${i}`, 'LATE', [`j${i}`]), c(`j${i}`, 'FAILED', next));
    }
    const input: EcosystemInput = {
      regions: [{ code: 'R', name: 'Region' }],
      industries: [{ code: 'I', name: 'Industry' }],
      partners: [{ id: 'p1', name: 'Partner', type: 'SYSTEM_INTEGRATOR' }],
      customers: [{ id: 'c1', name: 'Customer', region: 'R', industry: 'I' }],
      engagements: [{
        id: 'e1', name: 'Diamonds', customer: 'c1', status: 'ACTIVE',
        participants: [{ partner: 'p1', role: 'ORCHESTRATOR', from: '2025-01-01' }],
        commitments,
        outcomes: [{ id: 'o1', description: 'o1', status: 'PENDING', dueDate: '2026-12-31', dependsOn: ['a0', 'b0'] }],
      }],
    };
    await wipe(graph);
    await importEcosystem(graph, input, 120_000);
  });

  it('each commitment is found once (enumerating the paths would not end within the time limit)', async () => {
    const page = await atRiskOutcomePage(graph, null, '2026-06-01', {}, { first: 10 });
    expect(page.totalCount).toBe(1);
    const row = page.edges[0]!.node;
    expect(row.reasons).toEqual(['DEFECTIVE_DEPENDENCY', 'OVERDUE_DEPENDENCY']);
    const expectedDefective = Array.from({ length: DIAMONDS }, (_, i) => [`a${i}`, `b${i}`, `j${i}`]).flat().sort();
    expect(row.defective.map((c) => c.id)).toEqual(expectedDefective);
    expect(row.overdue.map((c) => c.id)).toEqual(['z']);
  });
});

describe('the sample ecosystem\'s designed case', () => {
  beforeAll(async () => {
    const sample = JSON.parse(readFileSync(new URL('../../seeds/sample-ecosystem.json', import.meta.url), 'utf8')) as EcosystemInput;
    await wipe(graph);
    await importEcosystem(graph, sample, 120_000); // setup: the whole sample, maybe on a cold and busy database
  });

  it('o-claims-nps on 2026-12-05: the LATE rules sign-off and the overdue survey; Cortexa acts now, Tessellate owns the due date', async () => {
    const page = await atRiskOutcomePage(graph, null, '2026-12-05', { partnerId: 'p-tessellate' }, { first: 100 });
    const nps = page.edges.map((e) => e.node).find((r) => r.outcome.id === 'o-claims-nps');
    expect(nps).toMatchObject({
      daysToDue: 83,
      reasons: ['DEFECTIVE_DEPENDENCY', 'OVERDUE_DEPENDENCY'],
      orchestratorNowId: 'p-cortexa',
      orchestratorOnDueDateId: 'p-tessellate',
    });
    expect(nps!.defective.map((c) => c.id)).toEqual(['m-claims-rules']);
    expect(nps!.overdue.map((c) => c.id)).toEqual(['m-claims-followup']);
  });

  it('the day before the survey was due, only the defective reason holds', async () => {
    const page = await atRiskOutcomePage(graph, null, '2026-11-30', { partnerId: 'p-quillfield' }, { first: 100 });
    const nps = page.edges.map((e) => e.node).find((r) => r.outcome.id === 'o-claims-nps');
    expect(nps?.reasons).toEqual(['DEFECTIVE_DEPENDENCY']);
    expect(nps?.overdue).toEqual([]);
  });
});
