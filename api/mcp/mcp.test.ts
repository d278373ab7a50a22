/**
 * `POST /mcp` on the real app and database, driven by the SDK's own client: every tool on the
 * sample ecosystem answers what /graphql answers for the same question, tools/list by role,
 * resources, 401 without a token, and bad input of every kind answered with a clear MCP error
 * (the server answering normally afterwards).
 */
import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEcosystem } from '../../graph/import/index.ts';
import { ADMIN, client as gqlClient, startTestApp, type Gql } from '../../tests/support/api.ts';
import { wipe } from '../../tests/support/graph.ts';
import { makeTokens, type TestTokens } from '../../tests/support/tokens.ts';
import { SAMPLE_FILE, type RunningApp } from '../app.ts';
import { FAIRNESS } from '../server/token-gate.ts';
import { MAX_ARGUMENT_BYTES } from './server.ts';
import { TOOLS, keepCutPoints, toolNamed, type Args } from './tools.ts';

const MAX_BODY_BYTES = 200_000;

let app: RunningApp;
let gql: Gql;
let tokens: TestTokens;
const clients: Client[] = [];

beforeAll(async () => {
  // The per-token limit under test is the default one (20 calls per second).
  delete process.env.MCP_CALLS_PER_SECOND;
  app = await startTestApp({ MAX_BODY_BYTES: String(MAX_BODY_BYTES) });
  gql = gqlClient(app);
  await wipe(app.open.graph);
  await importEcosystem(app.open.graph, JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')), 120_000);
  tokens = await makeTokens(app.open.graph, ['p-cortexa', 'p-quillfield']);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await app?.close();
});

async function connect(token: string | null = ADMIN): Promise<Client> {
  const client = new Client({ name: 'ecomap-test', version: '1.0.0' });
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  await client.connect(new StreamableHTTPClientTransport(new URL(`${app.url}/mcp`), { requestInit: { headers } }));
  clients.push(client);
  // Caches the output schemas, so that every answer below is checked against its schema by the client.
  await client.listTools();
  return client;
}

async function call(client: Client, name: string, args: Args): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

function text(result: CallToolResult): string {
  const item = result.content[0];
  return item?.type === 'text' ? item.text : '';
}

/** The same question over /graphql: the tool's document and the variables it makes of `args`. */
async function overGraphql(name: string, args: Args, token: string = ADMIN) {
  const tool = toolNamed(name)!;
  return gql(tool.document, JSON.parse(JSON.stringify(tool.variables(args))) as Record<string, unknown>, token);
}

/** POSTs one raw JSON-RPC body to /mcp. */
async function post(body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${app.url}/mcp`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers },
    body,
  });
}

const LIST = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} });

/** The questions of the README's worked examples, and one more for every tool. */
const QUESTIONS: Array<[string, Args]> = [
  ['explain_outcome', { outcomeId: 'o-claims-speed' }],
  ['explain_outcome', { outcomeId: 'o-portal-pilot' }],
  ['missed_outcomes', {}],
  ['missed_outcomes', { partnerId: 'p-parallax', first: 3 }],
  ['at_risk_outcomes', { asOf: '2026-12-05', partnerId: 'p-tessellate' }],
  ['coverage_gaps', { regions: ['JP'] }],
  ['coverage_gaps', { regions: ['DE'], capabilities: ['sap'], includeCovered: true, byIndustry: true }],
  ['engagement_gaps', { engagementId: 'e-port-twin', candidates: 3 }],
  ['exit_impact', { partnerIds: ['p-hoshimi'] }],
  ['scenario', {
    exits: ['p-brightwater'],
    joins: [{ id: 'p-dykstra', name: 'Dykstra CRM Partners', type: 'AI_NATIVE', regions: ['NL', 'DE'], capabilities: [{ capability: 'crm', level: 4 }, { capability: 'genai', level: 3 }] }],
    handovers: [{ engagementId: 'e-123', partnerId: 'p-dykstra', from: '2026-12-05' }],
  }],
  ['attribution', { engagementId: 'e-claims-copilot' }],
  ['attribution', { engagementId: 'e-claims-copilot', model: 'TIME_DECAY', halfLifeDays: 30 }],
  ['ecosystem_health', {}],
  ['coverage_gaps', { regions: ['DE'], capabilities: ['sap'] }],
  ['find_partners', { capabilities: ['sap'], regions: ['DE'] }],
  ['find_partners', { capabilities: ['sap'], status: 'ACTIVE' }],
  ['find_partners', { query: 'BRIGHT' }],
  ['partner_profile', { partnerId: 'p-cortexa' }],
  ['network_single_points', {}],
  ['network_single_points', { regions: ['JP', 'SG'] }],
];

describe('every tool on the sample ecosystem', () => {
  it('answers structuredContent equal to the GraphQL answer for the same question, and a summary', async () => {
    const admin = await connect();
    expect(new Set(QUESTIONS.map(([name]) => name))).toEqual(new Set(TOOLS.map((t) => t.name)));
    for (const [name, args] of QUESTIONS) {
      const started = Date.now();
      const result = await call(admin, name, args);
      expect(result.isError, `${name}: ${text(result)}`).toBeFalsy();
      const graphql = await overGraphql(name, args);
      expect(graphql.errors, name).toBeUndefined();
      const expected = name === 'network_single_points' ? keepCutPoints(graphql.data!) : graphql.data;
      expect(result.structuredContent, name).toEqual(expected);
      expect(result.content, name).toHaveLength(1);
      expect(text(result).length, name).toBeGreaterThan(20);
      if (process.env.MCP_TRACE) console.log(`${name} ${JSON.stringify(args)} ${Date.now() - started} ms\n${text(result)}\n`);
    }
  });

  it('says who owned the claims-speed failure in words a person could read aloud', async () => {
    const result = await call(await connect(tokens.analyst), 'explain_outcome', { outcomeId: 'o-claims-speed' });
    expect(text(result)).toMatch(/^Cortexa was accountable for o-claims-speed .*due 2026-06-30.* Two root causes: m-claims-rules .*Quillfield.*m-lake-ingest .*Brightwater/);
    expect(text(result)).toMatch(/Responsible: Brightwater Systems 50 % \(contributor\) and Quillfield.* 50 % \(contributor\)/);
  });

  it('names the thin cells of Japan and the German SAP suppliers', async () => {
    const admin = await connect();
    const japan = await call(admin, 'coverage_gaps', { regions: ['JP'] });
    expect(text(japan)).toMatch(/JP × contact-center UNCOVERED \(three engagements need it, nobody supplies it\)/);
    expect(text(japan)).toMatch(/JP × agentic-ai SINGLE_POINT \(four engagements need it, only Hoshimi/);
    const sap = await call(admin, 'coverage_gaps', { regions: ['DE'], capabilities: ['sap'] });
    expect(sap.structuredContent).toMatchObject({ coverageGaps: [{ demand: 13, supply: 2, status: 'THIN' }] });
  });

});

describe('access', () => {
  it('tools/list shows each role the tools it may call, with input and output schemas', async () => {
    const names = async (token: string) => (await (await connect(token)).listTools()).tools.map((t) => t.name).sort();
    const all = TOOLS.map((t) => t.name).sort();
    expect(await names(ADMIN)).toEqual(all);
    expect(await names(tokens.analyst)).toEqual(all);
    expect(await names(tokens.partner['p-cortexa']!)).toEqual(all.filter((n) => !['ecosystem_health', 'exit_impact', 'network_single_points', 'scenario'].includes(n)));
    for (const tool of (await (await connect()).listTools()).tools) {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type, tool.name).toBe('object');
      expect(tool.annotations?.readOnlyHint).toBe(true);
      expect(tool.description!.length).toBeGreaterThan(50);
    }
  });

  it('a PARTNER token calling a whole-ecosystem tool gets FORBIDDEN; out of scope answers exactly as unknown', async () => {
    const partner = await connect(tokens.partner['p-quillfield']!);
    const forbidden = await call(partner, 'exit_impact', { partnerIds: ['p-hoshimi'] });
    expect(forbidden.isError).toBe(true);
    expect(text(forbidden)).toMatch(/^FORBIDDEN: /);
    expect(forbidden.structuredContent).toBeUndefined();
    // o-store-footfall is in e-offers-app, where p-quillfield never held a role.
    const outside = await call(partner, 'explain_outcome', { outcomeId: 'o-store-footfall' });
    const unknown = await call(partner, 'explain_outcome', { outcomeId: 'o-no-such-outcome' });
    expect(text(unknown)).toMatch(/^NOT_FOUND: /);
    expect(outside).toEqual(unknown);
    const other = await call(partner, 'partner_profile', { partnerId: 'p-cortexa' });
    expect(text(other)).toMatch(/^FORBIDDEN: /);
    const own = await call(partner, 'partner_profile', { partnerId: 'p-quillfield' });
    expect(own.isError).toBeFalsy();
    expect(text(await call(partner, 'partner_profile', { partnerId: 'p-nobody' }))).toBe('NOT_FOUND: Partner "p-nobody" not found.');
  });

  it('without a valid token: 401 and nothing else', async () => {
    for (const headers of [{}, { Authorization: 'Bearer not-a-token' }, { Authorization: 'Basic abc' }] as Array<Record<string, string>>) {
      const res = await post(LIST, headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      const body = await res.json() as { error: { message: string }; result?: unknown };
      expect(body.error.message).toMatch(/^UNAUTHENTICATED: /);
      expect(body.result).toBeUndefined();
      expect(JSON.stringify(body)).not.toMatch(/explain_outcome|ecomap/i);
    }
    await expect(connect(null)).rejects.toThrow(/UNAUTHENTICATED/);
  });

  it('serves the contract README and schema as resources', async () => {
    const client = await connect(tokens.partner['p-cortexa']!);
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(['ecomap://contract/README.md', 'ecomap://contract/schema.graphql']);
    const readme = await client.readResource({ uri: 'ecomap://contract/README.md' });
    expect(readme.contents[0]).toMatchObject({ mimeType: 'text/markdown' });
    expect((readme.contents[0] as { text: string }).text).toContain('### AI agents (MCP)');
    const schema = await client.readResource({ uri: 'ecomap://contract/schema.graphql' });
    expect((schema.contents[0] as { text: string }).text).toContain('type Accountability');
    await expect(client.readResource({ uri: 'ecomap://contract/secrets' })).rejects.toThrow(/Resource not found/);
  });
});

describe('bad input', () => {
  it('unknown tools are a protocol error; wrong, unknown, missing and oversized arguments BAD_USER_INPUT with their path', async () => {
    const client = await connect();
    await expect(client.callTool({ name: 'run_cypher', arguments: { query: 'MATCH (n) DETACH DELETE n' } })).rejects.toThrow(/Unknown tool "run_cypher"/);
    const cases: Array<[string, Args, RegExp]> = [
      ['explain_outcome', { outcomeId: 5 }, /- outcomeId: must be a string, got number 5/],
      ['explain_outcome', {}, /- outcomeId: is required/],
      ['explain_outcome', { outcomeId: 'o-claims-speed', cypher: 'MATCH (n) RETURN n' }, /- cypher: is not an argument here; expected outcomeId/],
      ['explain_outcome', { outcomeId: 'x'.repeat(MAX_ARGUMENT_BYTES) }, /^BAD_USER_INPUT: The arguments are \d+ bytes of JSON; at most 65536/],
      ['exit_impact', { partnerIds: Array.from({ length: 1_001 }, (_, i) => `p${i}`) }, /- partnerIds: has 1001 items; at most 1000 are allowed/],
      ['exit_impact', { partnerIds: 'p-hoshimi' }, /- partnerIds: must be a list/],
      ['attribution', { engagementId: 'e-claims-copilot', model: 'LOUDEST' }, /- model: must be one of FIRST_TOUCH/],
      ['coverage_gaps', { minLevel: 9 }, /- minLevel: must be at most 5, got 9/],
      ['missed_outcomes', { first: 101 }, /- first: must be at most 100/],
      ['at_risk_outcomes', { asOf: '2026-02-30' }, /^BAD_USER_INPUT: .*2026-02-30.* is not a real date/],
      ['at_risk_outcomes', { asOf: 'tomorrow' }, /- asOf: must match/],
      ['scenario', { joins: [{ id: 'p-brightwater', name: 'Again', type: 'ISV' }] }, /^BAD_USER_INPUT: /],
      ['scenario', { joins: [{ id: 'p-x', name: 'X', type: 'ISV', capabilities: [{ capability: 'crm', level: 6 }] }] }, /- joins\[0\].capabilities\[0\].level: must be at most 5/],
      ['exit_impact', { partnerIds: ['p-nobody'] }, /^BAD_USER_INPUT: /],
      ['engagement_gaps', { engagementId: '") MATCH (n) DETACH DELETE n //' }, /^NOT_FOUND: /],
    ];
    for (const [name, args, expected] of cases) {
      const result = await call(client, name, args);
      expect(result.isError, `${name} ${JSON.stringify(args).slice(0, 80)}`).toBe(true);
      expect(text(result), name).toMatch(expected);
      expect(result.structuredContent).toBeUndefined();
    }
    // Nothing of the above changed or broke anything.
    expect((await call(client, 'ecosystem_health', {})).isError).toBeFalsy();
    expect((await gql('{ partner(id: "p-brightwater") { name } }')).data).toEqual({ partner: { name: 'Brightwater Systems' } });
  });

  it('HTTP: GET 405, not JSON 415, malformed 400, over MAX_BODY_BYTES 413, each a JSON-RPC error', async () => {
    const auth = { Authorization: `Bearer ${ADMIN}` };
    const get = await fetch(`${app.url}/mcp`, { headers: { ...auth, Accept: 'text/event-stream' } });
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    expect(((await get.json()) as { error: { code: number } }).error.code).toBe(-32000);
    const form = await post(LIST, { ...auth, 'Content-Type': 'text/plain' });
    expect(form.status).toBe(415);
    const malformed = await post('{"jsonrpc": "2.0", "id": 1, "method": ', auth);
    expect([malformed.status, ((await malformed.json()) as { error: { code: number } }).error.code]).toEqual([400, -32700]);
    const big = await post(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'find_partners', arguments: { query: 'x'.repeat(MAX_BODY_BYTES) } } }), auth);
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(/^BAD_USER_INPUT: The request body is larger than 200000 bytes/);
    const notRpc = await post(JSON.stringify({ hello: 'world' }), auth);
    expect(notRpc.status).toBe(400);
  });

  it('too many calls per second from one token are refused with QUERY_TOO_COMPLEX; other tokens go on', async () => {
    const token = tokens.partner['p-cortexa']!;
    // One JSON-RPC batch of 60 calls: the server takes them from the bucket within one turn of
    // its event loop, so the burst of 40 is spent however slowly a busy machine answers. Sent
    // as separate requests, a loaded machine spreads them over seconds and the bucket refills.
    const batch = Array.from({ length: 60 }, (_, i) => ({ jsonrpc: '2.0', id: i + 1, method: 'tools/call', params: { name: 'find_partners', arguments: { query: 'a', first: 1 } } }));
    const res = await fetch(`${app.url}/mcp`, {
      method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' }, body: JSON.stringify(batch),
    });
    expect(res.status).toBe(200);
    const results = ((await res.json()) as Array<{ id: number; result: CallToolResult }>).map((a) => a.result);
    expect(results).toHaveLength(60);
    // 40 run (the burst, perhaps one or two more for what refilled while the batch was taken
    // in); the rest are refused before they reach the database. (Those that run may still meet
    // the database's time limit on a loaded machine: forty statements at once; not this test's point.)
    const limited = results.filter((r) => r.isError && /^QUERY_TOO_COMPLEX: This token made more than 20 tool calls per second/.test(text(r)));
    expect(limited.length).toBeGreaterThanOrEqual(18);
    expect(limited.length).toBeLessThanOrEqual(20);
    const client = await connect(token);
    expect((await call(await connect(tokens.partner['p-quillfield']!), 'find_partners', { query: 'a' })).isError).toBeFalsy();
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await call(client, 'find_partners', { query: 'a' })).isError).toBeFalsy();
  });

  it('a token with its lane full (/graphql and /mcp share it) gets 429 at once, and its requests finish afterwards', async () => {
    const token = tokens.partner['p-quillfield']!;
    const stalled = new AbortController();
    // Requests whose bodies never end: the first FAIRNESS.inFlight hold the lane, the next FAIRNESS.queued wait.
    const held = Array.from({ length: FAIRNESS.inFlight + FAIRNESS.queued }, (_, i) => fetch(`${app.url}/${i % 2 ? 'mcp' : 'graphql'}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
      body: new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('{')); } }),
      duplex: 'half',
      signal: stalled.signal,
    } as RequestInit).catch(() => null));
    // Once they have all arrived (a busy machine takes a while), the next one is refused; until then it would wait its turn.
    let refused: Response | null = null;
    for (let attempt = 0; attempt < 60 && refused?.status !== 429; attempt++) {
      refused = await fetch(`${app.url}/mcp`, {
        method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: LIST, signal: AbortSignal.timeout(500),
      }).catch(() => null);
    }
    expect(refused?.status).toBe(429);
    if (!refused) return;
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^QUERY_TOO_COMPLEX: /);
    stalled.abort();
    await Promise.all(held);
    await new Promise((r) => setTimeout(r, 200));
    expect((await post(LIST, { Authorization: `Bearer ${token}` })).status).toBe(200);
  });
});

// Last: it adds to the sample.
describe('network_single_points', () => {
  it('names the articulation points and bridges, and nothing else of the network', async () => {
    // A chain of three new partners beside the sample's (densely linked) network: the middle one is a cut point.
    await importEcosystem(app.open.graph, {
      partners: ['a', 'b', 'c'].map((x) => ({ id: `p-chain-${x}`, name: `Chain ${x.toUpperCase()}`, type: 'ISV' as const, regions: ['JP'] })),
      customers: [{ id: 'c-chain', name: 'Chain customer', region: 'JP', industry: 'FSI' }],
      engagements: [['a', 'b'], ['b', 'c']].map(([o, c], i) => ({
        id: `e-chain-${i}`, name: `Chain ${i}`, customer: 'c-chain', status: 'COMPLETED' as const, startDate: '2025-01-01', endDate: '2025-06-30',
        participants: [{ partner: `p-chain-${o}`, role: 'ORCHESTRATOR' as const, from: '2025-01-01' }, { partner: `p-chain-${c}`, role: 'CONTRIBUTOR' as const, from: '2025-01-01' }],
      })),
    }, 120_000);
    const admin = await connect();
    // After a write the network answers at once from the last metrics (stale) while it computes the new ones.
    let result = await call(admin, 'network_single_points', {});
    for (let i = 0; i < 120 && (result.structuredContent as { network: { stale: boolean } }).network.stale; i++) {
      await new Promise((r) => setTimeout(r, 500));
      result = await call(admin, 'network_single_points', {});
    }
    expect(result.structuredContent).toMatchObject({ network: {
      stale: false, partnerCount: 43,
      nodes: [{ id: 'p-chain-b', label: 'Chain B', articulationPoint: true }],
      edges: [{ source: 'p-chain-a', target: 'p-chain-b', bridge: true }, { source: 'p-chain-b', target: 'p-chain-c', bridge: true }],
    } });
    expect(text(result)).toBe('Of 43 partners in the network, one partner is an articulation point (Chain B): removing one splits its part of the network. '
      + 'Two partnerships are bridges, the only link between two parts: Chain A – Chain B and Chain B – Chain C.');
    expect(result.structuredContent).toEqual(keepCutPoints((await overGraphql('network_single_points', {})).data!));
  });
});
