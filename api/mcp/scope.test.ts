/**
 * PARTNER scope through MCP, checked as api/access/isolation.property.test.ts checks it over
 * GraphQL: random small ecosystems whose engagements, customers, commitments, outcomes and
 * contributions carry canary strings (`CANARY<n>Z`) in their ids and texts, and a random
 * PARTNER token calling every tool it may call, about every id. No canary of anything
 * outside the partner's scope may appear in any answer (summaries, data, errors); what is
 * inside does appear (so the check can fail); an out-of-scope id answers exactly as an id
 * that does not exist; every answer equals /graphql's for the same token; the whole-ecosystem
 * tools are not listed and answer FORBIDDEN.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../graph/access/index.ts';
import { importEcosystem } from '../../graph/import/index.ts';
import type { CommitmentStatus, EcosystemInput, EngagementInput, EngagementStatus, OutcomeStatus, ParticipationInput } from '../../graph/model/index.ts';
import { COMMITMENT_STATUSES, ENGAGEMENT_STATUSES, OUTCOME_STATUSES } from '../../graph/model/index.ts';
import { client as gqlClient, startTestApp, type Gql } from '../../tests/support/api.ts';
import { wipe } from '../../tests/support/graph.ts';
import type { RunningApp } from '../app.ts';
import { TOOLS, toolNamed, type Args } from './tools.ts';

const RUNS = Number(process.env.MCP_SCOPE_RUNS ?? 10);
/**
 * Fixed, so the suite is the same on every clone: with only ten ecosystems a random seed
 * once gave two with something hidden from the viewer, under the check below (the MCP
 * tools run the served schema's documents, whose scope the isolation property test tries
 * on random seeds). MCP_SCOPE_SEED tries another.
 */
const SEED = Number(process.env.MCP_SCOPE_SEED ?? 20261206);

interface EngagementSpec {
  customer: number;
  status: EngagementStatus;
  orchestrator: number | null;
  contributors: number[];
  contributions: number[];
  commitments: Array<{ owner: number; status: CommitmentStatus; dependsOn: number[] }>;
  outcomes: Array<{ status: OutcomeStatus; due: number; dependsOn: number[] }>;
}

interface Spec { partners: number; customers: number; engagements: EngagementSpec[]; viewer: number }

const spec: fc.Arbitrary<Spec> = fc.record({
  partners: fc.integer({ min: 2, max: 5 }),
  customers: fc.integer({ min: 1, max: 3 }),
  engagements: fc.array(fc.record({
    customer: fc.nat(9),
    status: fc.constantFrom(...ENGAGEMENT_STATUSES),
    orchestrator: fc.option(fc.nat(9)),
    contributors: fc.array(fc.nat(9), { maxLength: 2 }),
    contributions: fc.array(fc.nat(9), { maxLength: 3 }),
    commitments: fc.array(fc.record({ owner: fc.nat(9), status: fc.constantFrom(...COMMITMENT_STATUSES), dependsOn: fc.array(fc.nat(40), { maxLength: 2 }) }), { maxLength: 3 }),
    outcomes: fc.array(fc.record({ status: fc.constantFrom(...OUTCOME_STATUSES), due: fc.nat(700), dependsOn: fc.array(fc.nat(40), { maxLength: 3 }) }), { maxLength: 2 }),
  }), { minLength: 1, maxLength: 6 }),
  viewer: fc.nat(9),
});

const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

interface Model {
  input: EcosystemInput;
  partnerIds: string[];
  viewer: string;
  /** Canaries of each item (id, and name or description), and the items the viewer may see. */
  canaries: Map<string, string[]>;
  visible: Set<string>;
  outcomes: string[];
  engagements: string[];
}

/** A valid import: one orchestrator interval at most, owners participate, DEPENDS_ON only points back. */
function build(s: Spec): Model {
  let n = 0;
  const canaries = new Map<string, string[]>();
  const named = (kind: string) => {
    const [a, b] = [`CANARY${n++}Z`, `CANARY${n++}Z`];
    canaries.set(`${kind}-${a}`, [a, b]);
    return { id: `${kind}-${a}`, text: `${kind} ${b}` };
  };
  const partnerIds = Array.from({ length: s.partners }, (_, i) => `p${i}`);
  const viewer = partnerIds[s.viewer % partnerIds.length]!;
  const customers = Array.from({ length: s.customers }, () => named('cus'));
  const visible = new Set<string>();
  const commitmentIds: string[] = [];
  const outcomes: string[] = [];
  const engagements: EngagementInput[] = s.engagements.map((e) => {
    const { id, text } = named('eng');
    const customer = customers[e.customer % customers.length]!.id;
    const orchestrator = e.orchestrator === null && e.status !== 'ACTIVE' ? null : partnerIds[(e.orchestrator ?? e.customer) % partnerIds.length]!;
    const participants: ParticipationInput[] = orchestrator ? [{ partner: orchestrator, role: 'ORCHESTRATOR', from: day(0) }] : [];
    for (const c of new Set(e.contributors.map((p) => partnerIds[p % partnerIds.length]!))) {
      if (c !== orchestrator) participants.push({ partner: c, role: 'CONTRIBUTOR', from: day(10) });
    }
    const inScope = participants.some((p) => p.partner === viewer);
    const items: string[] = [id];
    const owners = participants.map((p) => p.partner);
    const commitments = owners.length === 0 ? [] : e.commitments.map((m) => {
      const item = named('com');
      const earlier = commitmentIds.length;
      const dependsOn = earlier === 0 ? [] : [...new Set(m.dependsOn.map((d) => commitmentIds[d % earlier]!))];
      commitmentIds.push(item.id);
      items.push(item.id);
      return { id: item.id, owner: owners[m.owner % owners.length]!, description: item.text, status: m.status, dueDate: day(300), dependsOn };
    });
    const outs = e.outcomes.map((o) => {
      const item = named('out');
      items.push(item.id);
      outcomes.push(item.id);
      const dependsOn = commitmentIds.length === 0 ? [] : [...new Set(o.dependsOn.map((d) => commitmentIds[d % commitmentIds.length]!))];
      return { id: item.id, description: item.text, status: o.status, dueDate: day(o.due), dependsOn };
    });
    const contributions = e.contributions.map((k, i) => {
      const item = named('con');
      items.push(item.id);
      return { id: item.id, partner: partnerIds[k % partnerIds.length]!, kind: 'DELIVERY' as const, date: day(i * 20) };
    });
    if (inScope) {
      for (const item of items) visible.add(item);
      visible.add(customer);
    }
    return {
      id, name: text, customer, status: e.status, startDate: day(0), value: 1000, currency: 'EUR', participants, contributions, commitments,
      outcomes: outs, requires: [{ capability: 'cap', level: 4 }],
    };
  });
  const input: EcosystemInput = {
    regions: [{ code: 'R1', name: 'Region one' }],
    industries: [{ code: 'I1', name: 'Industry one' }],
    capabilities: [{ id: 'cap', name: 'Capability' }],
    partners: partnerIds.map((id, i) => ({ id, name: `Partner ${i}`, type: 'SYSTEM_INTEGRATOR', regions: ['R1'], industries: ['I1'], capabilities: [{ capability: 'cap', level: 3 + (i % 3) }] })),
    customers: customers.map((c) => ({ id: c.id, name: c.text, region: 'R1', industry: 'I1' })),
    engagements,
  };
  return { input, partnerIds, viewer, canaries, visible, outcomes, engagements: engagements.map((e) => e.id) };
}

let app: RunningApp;
let gql: Gql;

const RATE = process.env.MCP_CALLS_PER_SECOND;

beforeAll(async () => {
  // Each run calls every tool about every id at once: not what the calls-per-second limit is about (mcp.test.ts checks it).
  // Read by this file's app on its first /mcp request.
  process.env.MCP_CALLS_PER_SECOND = '100000';
  app = await startTestApp();
  gql = gqlClient(app);
});
afterAll(async () => {
  await app?.close();
  // Test files may share a process: the next one gets the usual limit.
  if (RATE === undefined) delete process.env.MCP_CALLS_PER_SECOND;
  else process.env.MCP_CALLS_PER_SECOND = RATE;
});

async function check(m: Model): Promise<{ hidden: number }> {
  await wipe(app.open.graph);
  await importEcosystem(app.open.graph, m.input, 120_000);
  const token = (await createToken(app.open.graph, 'PARTNER', m.viewer, 'mcp scope')).secret;
  const client = new Client({ name: 'ecomap-scope-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${app.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  try {
    const listed = (await client.listTools()).tools.map((t) => t.name);
    expect(listed.sort()).toEqual(TOOLS.filter((t) => t.roles.includes('PARTNER')).map((t) => t.name).sort());
    const answers: string[] = [];
    const ask = async (name: string, args: Args): Promise<CallToolResult> => {
      const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
      answers.push(JSON.stringify(result));
      if (!result.isError) {
        const tool = toolNamed(name)!;
        const graphql = await gql(tool.document, JSON.parse(JSON.stringify(tool.variables(args))) as Record<string, unknown>, token);
        expect(result.structuredContent, `${name} ${JSON.stringify(args)}`).toEqual(graphql.data);
      }
      return result;
    };

    // Items by id: in scope answered, outside exactly as an id that does not exist.
    for (const [name, key, ids, none] of [
      ['explain_outcome', 'outcomeId', m.outcomes, 'out-none'],
      ['engagement_gaps', 'engagementId', m.engagements, 'eng-none'],
      ['attribution', 'engagementId', m.engagements, 'eng-none'],
    ] as const) {
      const unknown = await ask(name, { [key]: none });
      expect((unknown.content[0] as { text: string }).text).toMatch(/^NOT_FOUND: /);
      for (const id of ids) {
        const result = await ask(name, { [key]: id });
        if (m.visible.has(id)) expect(result.isError, `${name} ${id}: ${JSON.stringify(result.content)}`).toBeFalsy();
        else expect(result, `${name} ${id} is out of scope`).toEqual(unknown);
      }
    }
    // Lists: the scope's own (equal to /graphql's, checked in ask).
    await ask('missed_outcomes', { first: 100 });
    await ask('at_risk_outcomes', { asOf: day(0), first: 100 });
    await ask('coverage_gaps', { includeCovered: true, byIndustry: true, minLevel: 1 });
    await ask('find_partners', { first: 100 });
    for (const p of m.partnerIds) {
      const profile = await ask('partner_profile', { partnerId: p });
      expect(profile.isError ? (profile.content[0] as { text: string }).text.split(':')[0] : 'OK', p).toBe(p === m.viewer ? 'OK' : 'FORBIDDEN');
    }
    for (const [name, args] of [['exit_impact', { partnerIds: [m.viewer] }], ['ecosystem_health', {}], ['scenario', { exits: [m.viewer] }], ['network_single_points', {}]] as const) {
      const refused = await ask(name, args);
      expect((refused.content[0] as { text: string }).text, name).toMatch(/^FORBIDDEN: /);
      expect(refused.structuredContent).toBeUndefined();
    }

    const text = answers.join('\n');
    const hidden = [...m.canaries].filter(([id]) => !m.visible.has(id)).flatMap(([, c]) => c);
    expect(hidden.filter((c) => text.includes(c)), `${m.viewer} sees out-of-scope canaries`).toEqual([]);
    // What is in scope does show up: engagement names (engagement_gaps), outcome descriptions (explain_outcome).
    const shown = [...m.visible].filter((id) => id.startsWith('eng-') || id.startsWith('out-')).flatMap((id) => m.canaries.get(id)!);
    expect(shown.filter((c) => !text.includes(c))).toEqual([]);
    return { hidden: hidden.length };
  } finally {
    await client.close();
  }
}

describe('PARTNER tokens through MCP on random ecosystems', () => {
  it(`see exactly their scope in every tool, summaries and errors included (${RUNS} ecosystems)`, async () => {
    let withHidden = 0;
    await fc.assert(fc.asyncProperty(spec, async (s) => {
      const m = build(s);
      const { hidden } = await check(m);
      if (hidden > 0 && m.visible.size > 0) withHidden++;
    }), { numRuns: RUNS, seed: SEED, endOnFailure: true });
    // The generator must produce partners that see some things and not others.
    expect(withHidden).toBeGreaterThan(RUNS / 4);
  }, 600_000);
});
