/**
 * Hostile input over real HTTP (contract: Errors, Import): what api/http.test.ts and
 * api/limits.test.ts do not already send. Every argument of every query and mutation,
 * found by introspecting the served schema, gets Cypher-looking strings, Unicode edge
 * cases, impossible dates, unknown enum values and out-of-range numbers, one argument at
 * a time; then malformed bodies, odd content types, documents nested thousands of levels
 * deep, very wide arguments, emoji names and a ~10 MB import.
 *
 * Every answer must be JSON in the GraphQL response shape with contract codes, never a
 * 5xx or INTERNAL_SERVER_ERROR for a client's mistake, never internals; a refused write
 * must leave the graph exactly as it was, and an accepted one must store the string as
 * sent. Codes are asserted, never message texts.
 */
import { createHash } from 'node:crypto';
import {
  buildClientSchema, getIntrospectionQuery, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType,
  isObjectType, isScalarType, type GraphQLEnumType, type GraphQLField, type GraphQLInputType, type GraphQLNamedType,
  type GraphQLObjectType, type GraphQLOutputType, type GraphQLSchema, type IntrospectionQuery,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../graph/db/index.ts';
import { ERROR_CODES } from '../graph/model/index.ts';
import { importEcosystem, MAX_KEY_LENGTH } from '../graph/import/index.ts';
import { generateEcosystem } from '../seeds/generate.ts';
import { ADMIN, startTestApp } from '../tests/support/api.ts';
import { LIST_LIMITS } from './graphql/limits.ts';
import { fixture } from '../tests/support/fixture.ts';
import { snapshot, wipe } from '../tests/support/graph.ts';
import { makeTokens } from '../tests/support/tokens.ts';
import type { RunningApp } from './app.ts';

// ---------------------------------------------------------------------------------
// What we send

/** Strings that would do harm if they ever reached Cypher as text rather than as a parameter. */
const CYPHER_STRINGS = [
  '") MATCH (n) DETACH DELETE n //',
  "') MATCH (n) DETACH DELETE n //",
  "x' OR 1=1 OR n.id = '",
  '"}) RETURN 1 AS x UNION MATCH (n) RETURN n AS x //',
  '$scope',
  '$id',
  "{id: 'x'}",
  '`Partner`',
  'p1`) DETACH DELETE (n',
  'MATCH (n) RETURN n',
  'CALL db.labels()',
  '\\"; DROP',
];

/** Unicode edge cases and sizes. */
const ODD_STRINGS = [
  '\u0000',
  'e1\u0000',
  '\ud800',
  'x\udfffy',
  '\u202Ee1\u202C',
  '\u200Bp1',
  '\uFEFFp1',
  '🦜🔥 Ecosystem',
  'e\u0301\u0301\u0301',
  'x'.repeat(10_000),
  '🦜'.repeat(5_000),
  '',
  '   ',
  'line\nbreak\ttab',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00%27',
];

const ALL_STRINGS = [...CYPHER_STRINGS, ...ODD_STRINGS];

/** Tried in every string and ID argument: the list above in a few, these everywhere (the machine is shared). */
const CORE_STRINGS = [
  CYPHER_STRINGS[0]!, CYPHER_STRINGS[1]!, CYPHER_STRINGS[2]!, '$scope', "{id: 'x'}", '`Partner`',
  '\u0000', '\ud800', '\u202Ee1\u202C', 'x'.repeat(10_000), '',
];

/** In every field of an import (each case that reaches the database costs a write and a look at the whole graph). */
const IMPORT_STRINGS = [CYPHER_STRINGS[0]!, CYPHER_STRINGS[2]!, '$scope', '\u0000', '\ud800', 'x'.repeat(10_000), ''];

/** Where every string of ALL_STRINGS is tried: `operation:argument path`. */
const FULL_LIST_SLOTS = new Set([
  'partner:id', 'engagement:id', 'partners:filter.nameContains', 'engagements:filter.partnerId', 'missedOutcomes:filter.partnerId',
  'importEcosystem:input.partners[0].id', 'importEcosystem:input.partners[0].name', 'importEcosystem:input.engagements[0].customer',
  'createApiToken:label', 'setCommitmentStatus:id', 'assignRole:partnerId',
]);

const IMPOSSIBLE_DATES: unknown[] = ['2026-02-30', '2025-02-29', '2026-13-01', '0000-00-00', '2026-1-1', '2026-01-01T00:00:00Z', '', 20260101];
const BAD_INTS: unknown[] = [-1, 2_147_483_648, 1.5, 1e300, '7'];
const BAD_FLOATS: unknown[] = [-1, 0, 1e300, 5e-324, '1.5'];
const badEnums = (values: string[]): unknown[] => ['NOPE', values[0]!.toLowerCase(), '', `${values[0]}) MATCH (n) DETACH DELETE n //`];

// ---------------------------------------------------------------------------------
// Valid arguments of every operation on the fixture (tests/support/fixture.ts). An
// operation the schema serves and this table lacks fails the test: add it here.

const H = 'h-'; // every id an import case defines starts with it
const BASE_IMPORT = {
  regions: [{ code: `${H}r`, name: 'H region' }],
  industries: [{ code: `${H}i`, name: 'H industry' }],
  capabilities: [{ id: `${H}cap`, name: 'H capability' }],
  partners: [{
    id: `${H}p`, name: 'H partner', type: 'ISV', status: 'ACTIVE', tier: 'Gold', regions: [`${H}r`], industries: [`${H}i`],
    capabilities: [{ capability: `${H}cap`, level: 3, certified: true }],
  }],
  customers: [{ id: `${H}c`, name: 'H customer', region: `${H}r`, industry: `${H}i` }],
  engagements: [{
    id: `${H}e`, name: 'H engagement', customer: `${H}c`, status: 'ACTIVE', value: 1000, currency: 'USD',
    startDate: '2026-01-01', endDate: '2026-12-31',
    requires: [{ capability: `${H}cap`, level: 2 }],
    participants: [{ partner: `${H}p`, role: 'ORCHESTRATOR', from: '2026-01-01', to: '2026-12-31' }, { partner: `${H}p`, role: 'CONTRIBUTOR', from: '2026-12-31' }],
    contributions: [{ id: `${H}k`, partner: `${H}p`, kind: 'SOURCED', date: '2026-01-02', amount: 10 }],
    commitments: [{ id: `${H}m`, owner: `${H}p`, description: 'H commitment', status: 'PENDING', dueDate: '2026-03-01', dependsOn: ['m4'] }],
    outcomes: [{ id: `${H}o`, description: 'H outcome', status: 'PENDING', dueDate: '2026-06-30', dependsOn: [`${H}m`] }],
  }],
};
const BASE_IMPORT_IDS = [`${H}r`, `${H}i`, `${H}cap`, `${H}p`, `${H}c`, `${H}e`, `${H}k`, `${H}m`, `${H}o`];

const VALID: Record<'query' | 'mutation', Record<string, Record<string, unknown>>> = {
  query: {
    accountability: { outcomeId: 'o1' },
    attribution: { engagementId: 'e1', model: 'TIME_DECAY', halfLifeDays: 7 },
    auditLog: { first: 5, filter: {} },
    coverageGaps: { input: {} },
    customer: { id: 'c1' },
    dealConflicts: { asOf: '2026-07-01' },
    dealRegistrations: { first: 5, filter: {} },
    ecosystemHealth: {},
    engagement: { id: 'e1' },
    engagementGaps: { engagementId: 'e1' },
    engagements: { first: 5, filter: {} },
    importJob: { id: 'not-a-job' },
    importJobs: {},
    exitImpact: { partnerIds: ['p1'] },
    atRiskOutcomes: { asOf: '2026-07-01', filter: {}, first: 5 },
    scenario: { input: { exits: ['p1'] } },
    missedOutcomes: { first: 5, filter: {} },
    network: { filter: {}, limit: 100 },
    outcome: { id: 'o1' },
    partner: { id: 'p1' },
    partners: { first: 5, filter: {} },
    viewer: {},
    webhookDeliveries: { webhookId: 'wh_not-a-webhook', first: 5 },
    webhooks: {},
  },
  mutation: {
    assignRole: { engagementId: 'e2', partnerId: 'p1', role: 'CONTRIBUTOR', from: '2026-09-01' },
    createApiToken: { role: 'ANALYST', label: 'hostile test' },
    createWebhook: { url: 'https://93.184.215.14/hooks/ecomap', events: ['outcome.status_changed'], partnerId: 'p1' },
    decideDealRegistration: { id: 'dr-not-a-registration', status: 'REJECTED', reason: 'hostile test' },
    deleteWebhook: { id: 'wh_not-a-webhook' },
    endParticipation: { engagementId: 'e2', partnerId: 'p3', to: '2026-09-01' },
    importEcosystem: { input: BASE_IMPORT },
    redeliver: { deliveryId: 'whd_not-a-delivery' },
    registerDeal: { input: { id: 'dr-hostile', partner: 'p1', customer: 'c1', capability: 'genai', registeredOn: '2026-01-01' } },
    revokeApiToken: { id: 'tok_not-a-token' },
    setCommitmentStatus: { id: 'm4', status: 'IN_PROGRESS' },
    setOutcomeStatus: { id: 'o2', status: 'MET' },
  },
};

// ---------------------------------------------------------------------------------
// Slots: every leaf of every argument, found in the served schema

type Kind = 'string' | 'date' | 'enum' | 'int' | 'float';
const SENTINEL = Symbol('slot');

interface Slot {
  /** A JSON path to the leaf within the argument, e.g. `.partners[0].name`. */
  path: string;
  keys: Array<string | number>;
  kind: Kind;
  leaf: GraphQLNamedType;
  /** The argument's whole value with SENTINEL at the leaf. */
  value: unknown;
}

function kindOf(type: GraphQLNamedType): Kind | null {
  if (isEnumType(type)) return 'enum';
  if (!isScalarType(type)) return null;
  switch (type.name) {
    case 'String': case 'ID': return 'string';
    case 'Date': return 'date';
    case 'Int': return 'int';
    case 'Float': return 'float';
    default: return null; // Boolean
  }
}

/** A value of an input object with only its required fields, each a plain valid-looking value. */
function requiredOnly(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [requiredOnly(inner.ofType)];
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(inner.getFields())) if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = requiredOnly(f.type);
    return out;
  }
  if (isEnumType(inner)) return inner.getValues()[0]!.value;
  return ({ Date: '2026-01-01', Int: 1, Float: 1, Boolean: false } as Record<string, unknown>)[inner.name] ?? 'x';
}

function slotsOf(type: GraphQLInputType, base: unknown, keys: Array<string | number> = []): Slot[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const rest = Array.isArray(base) ? base.slice(1) : [];
    return slotsOf(inner.ofType, Array.isArray(base) ? base[0] : undefined, [...keys, 0]).map((s) => ({ ...s, value: [s.value, ...rest] }));
  }
  if (isInputObjectType(inner)) {
    const object = (base && typeof base === 'object' ? base : requiredOnly(inner)) as Record<string, unknown>;
    return Object.values(inner.getFields()).flatMap((f) =>
      slotsOf(f.type, object[f.name], [...keys, f.name]).map((s) => ({ ...s, value: { ...object, [f.name]: s.value } })));
  }
  const kind = kindOf(inner);
  return kind ? [{ path: pathText(keys), keys, kind, leaf: inner, value: SENTINEL }] : [];
}

function pathText(keys: Array<string | number>): string {
  return keys.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
}

function fill(value: unknown, hostile: unknown): unknown {
  if (value === SENTINEL) return hostile;
  if (Array.isArray(value)) return value.map((v) => fill(v, hostile));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, hostile)]));
  return value;
}

function hostileValues(slot: Slot, key: string): unknown[] {
  switch (slot.kind) {
    case 'string': return FULL_LIST_SLOTS.has(key) ? ALL_STRINGS : key.startsWith('importEcosystem:') ? IMPORT_STRINGS : CORE_STRINGS;
    case 'date': return IMPOSSIBLE_DATES;
    case 'enum': return badEnums((slot.leaf as GraphQLEnumType).getValues().map((v) => v.value as string));
    case 'int': return BAD_INTS;
    case 'float': return BAD_FLOATS;
  }
}

/** A selection of an output type's leaves: `__typename` and its scalar fields without required arguments. */
function leaves(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  const scalars = Object.values(named.getFields())
    .filter((f) => !isObjectType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => f.name);
  return `{ __typename ${scalars.join(' ')} }`;
}

interface Case {
  label: string;
  operation: 'query' | 'mutation';
  field: string;
  document: string;
  variables: Record<string, unknown>;
  /** The value sent, to strip from the answer before looking for internals. */
  hostile: unknown;
  slot?: Slot;
  /** Where the hostile value sits: an argument of the root field, or of a field below it. */
  nested: boolean;
}

/** One case per (root field, argument leaf, hostile value), sent through variables. */
/**
 * Operations whose every argument another operation's cases already send through the same
 * code: startImport is importEcosystem without the wait (the same input type, validator and
 * job, api/import/import-jobs.ts), and its writes land after it answers, which this
 * sequential table cannot undo case by case.
 */
const COVERED_BY: Record<string, string> = { 'mutation.startImport': 'mutation.importEcosystem' };

function rootCases(schema: GraphQLSchema, operation: 'query' | 'mutation'): { cases: Case[]; missing: string[] } {
  const root = operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const cases: Case[] = [];
  const missing: string[] = [];
  for (const field of Object.values(root.getFields())) {
    if (COVERED_BY[`${operation}.${field.name}`]) continue;
    const valid = VALID[operation][field.name];
    if (!valid) { missing.push(`${operation}.${field.name}`); continue; }
    const declare = (args: readonly { name: string; type: GraphQLInputType }[]) => args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
    const call = field.args.length ? `(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
    const document = `${operation} Case${field.args.length ? `(${declare(field.args)})` : ''} { ${field.name}${call} ${leaves(field.type)} }`;
    for (const arg of field.args) {
      for (const slot of slotsOf(arg.type, valid[arg.name])) {
        for (const hostile of hostileValues(slot, `${field.name}:${arg.name}${slot.path}`)) {
          cases.push({
            label: `${operation} ${field.name}(${arg.name}${slot.path}) = ${show(hostile)} [variables]`,
            operation, field: field.name, document, variables: { ...valid, [arg.name]: fill(slot.value, hostile) },
            hostile, slot: { ...slot, path: `${arg.name}${slot.path}`, keys: [arg.name, ...slot.keys] }, nested: false,
          });
        }
      }
      // Cypher-looking strings written into the document itself, for the arguments that take a string or a list of them.
      const leaf = getNamedType(arg.type);
      const inner = isNonNullType(arg.type) ? arg.type.ofType : arg.type;
      if (kindOf(leaf) === 'string' && (isScalarType(inner) || (isListType(inner) && isScalarType(getNamedType(inner))))) {
        for (const hostile of CYPHER_STRINGS.slice(0, 4)) {
          const others = field.args.filter((a) => a.name !== arg.name);
          const literal = isListType(inner) ? `[${JSON.stringify(hostile)}]` : JSON.stringify(hostile);
          const args = [...others.map((a) => `${a.name}: $${a.name}`), `${arg.name}: ${literal}`].join(', ');
          cases.push({
            label: `${operation} ${field.name}(${arg.name}) = ${show(hostile)} [literal]`,
            operation, field: field.name,
            document: `${operation} Case${others.length ? `(${declare(others)})` : ''} { ${field.name}(${args}) ${leaves(field.type)} }`,
            variables: Object.fromEntries(others.filter((a) => valid[a.name] !== undefined).map((a) => [a.name, valid[a.name]])),
            hostile, slot: { path: arg.name, keys: [arg.name], kind: 'string', leaf, value: SENTINEL }, nested: false,
          });
        }
      }
    }
  }
  return { cases, missing };
}

/**
 * Arguments of fields below the root (`partner { participations(after:) }`,
 * `engagement { orchestrator(asOf:) }`, …), each reached once from a root query field with
 * valid arguments, up to four levels down.
 */
function nestedCases(schema: GraphQLSchema): Case[] {
  const query = schema.getQueryType()!;
  const seen = new Set<string>();
  const cases: Case[] = [];
  for (const rootField of Object.values(query.getFields())) {
    const valid = VALID.query[rootField.name];
    if (!valid) continue;
    const walk = (type: GraphQLObjectType, path: string[], depth: number) => {
      for (const field of Object.values(type.getFields()) as Array<GraphQLField<unknown, unknown>>) {
        const key = `${type.name}.${field.name}`;
        if (field.args.length > 0 && !seen.has(key)) {
          seen.add(key);
          for (const arg of field.args) {
            for (const slot of slotsOf(arg.type, undefined)) {
              for (const hostile of hostileValues(slot, `${key}:${arg.name}`)) {
                const rootArgs = rootField.args.map((a) => `${a.name}: $r_${a.name}`).join(', ');
                const declared = [...rootField.args.map((a) => `$r_${a.name}: ${String(a.type)}`), `$h: ${String(arg.type)}`].join(', ');
                const inner = `${field.name}(${arg.name}: $h) ${leaves(field.type)}`;
                const selection = path.reduceRight((acc, step) => `${step} { ${acc} }`, inner);
                cases.push({
                  label: `query ${rootField.name} → ${[...path, field.name].join('.')}(${arg.name}${slot.path}) = ${show(hostile)}`,
                  operation: 'query', field: rootField.name,
                  document: `query Case(${declared}) { ${rootField.name}${rootArgs ? `(${rootArgs})` : ''} { ${selection} } }`,
                  variables: { ...Object.fromEntries(Object.entries(valid).map(([k, v]) => [`r_${k}`, v])), h: fill(slot.value, hostile) },
                  hostile, slot, nested: true,
                });
              }
            }
          }
        }
        const named = getNamedType(field.type);
        if (isObjectType(named) && depth < 4 && field.args.every((a) => !isNonNullType(a.type))) walk(named, [...path, field.name], depth + 1);
      }
    };
    const named = getNamedType(rootField.type);
    if (isObjectType(named)) walk(named, [], 1);
  }
  return cases;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…(${typeof value === 'string' ? value.length : ''})` : text;
}

// ---------------------------------------------------------------------------------
// How we send it, and what every answer must be

interface Answer {
  status: number;
  type: string;
  text: string;
  body: any;
  ms: number;
}

/** What must never reach a client (as api/http.test.ts): stack frames, the database's name or language, file paths. */
const INTERNALS: RegExp[] = [
  /\n\s+at /, /\bat \//, /\bat file:/, /neo4j/i, /cypher/i, /node_modules/, /file:\/\//, /Maximum call stack/i,
  /(^|[\s"'(])\/(?:[\w.-]+\/)+[\w.-]+\.(?:[cm]?[jt]s|java)\b/, /[A-Z]:\\/,
];

/**
 * How long an answer may take before it counts as a problem, and when the client gives up
 * (a hang). Not a speed target: ordinary answers take milliseconds, and the slowest
 * legitimate one, the ~10 MB import (parse, validate, then up to QUERY_TIMEOUT_MS of
 * database time), took 16 s on a loaded 2-core machine. A hostile value that made the
 * server spin (a regex, an expansion) for minutes still shows here; a busy machine does not.
 */
const SLOW_ANSWER_MS = 90_000;
const HANG_MS = 150_000;

let app: RunningApp;
let graph: Graph;

async function send(body: string | Uint8Array, headers: Record<string, string> = {}, token: string | null = ADMIN): Promise<Answer> {
  const started = Date.now();
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === 'string' ? body : new Blob([Buffer.from(body)], { type: 'application/json' }),
    signal: AbortSignal.timeout(HANG_MS),
  });
  const text = await res.text();
  let parsed: any;
  try { parsed = JSON.parse(text); } catch { parsed = undefined; }
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, body: parsed, ms: Date.now() - started };
}

function gql(document: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  return send(JSON.stringify({ query: document, variables }));
}

/**
 * The problems of one answer: not JSON in the GraphQL response shape, a 5xx, a code
 * outside the contract or INTERNAL_SERVER_ERROR, internals in the text.
 */
function answerProblems(answer: Answer, hostile: unknown = undefined): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  if (!/^application\/(json|graphql-response\+json)\b/.test(answer.type)) problems.push(`content type "${answer.type}"`);
  if (!answer.body || typeof answer.body !== 'object' || (!('data' in answer.body) && !Array.isArray(answer.body.errors))) {
    problems.push(`not a GraphQL response: ${answer.text.slice(0, 200)}`);
    return problems;
  }
  for (const error of answer.body.errors ?? []) {
    const code = error?.extensions?.code;
    if (!(ERROR_CODES as readonly string[]).includes(code)) problems.push(`code ${JSON.stringify(code)} is not the contract's`);
    else if (code === 'INTERNAL_SERVER_ERROR' || code === 'SERVICE_UNAVAILABLE') problems.push(`code ${code}`);
  }
  let text = answer.text;
  if (typeof hostile === 'string' && hostile !== '') text = text.split(JSON.stringify(hostile).slice(1, -1)).join('').split(hostile).join('');
  for (const leak of INTERNALS) if (leak.test(text)) problems.push(`leaks ${leak}: ${answer.text.slice(0, 300)}`);
  if (answer.ms > SLOW_ANSWER_MS) problems.push(`took ${answer.ms} ms`);
  return problems;
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/** The stored form of a string: what UTF-8 can carry (a lone surrogate becomes U+FFFD). */
function stored(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** All of the graph but the audit trail and the write counter, in one round trip: cheaper than snapshot() per case. */
async function fingerprint(): Promise<string> {
  const [row] = await graph.read<{ nodes: unknown[]; rels: unknown[] }>(`
    CALL { MATCH (n) WHERE NOT n:GraphState AND NOT n:AuditEntry AND NOT n:Event RETURN collect([labels(n), properties(n)]) AS nodes }
    CALL { MATCH (a)-[r]->(b) RETURN collect([coalesce(a.id, a.code, a.key), type(r), properties(r), coalesce(b.id, b.code, b.key)]) AS rels }
    RETURN nodes, rels`);
  const lines = [...row!.nodes, ...row!.rels].map((x) => JSON.stringify(x)).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

const FIXTURE_IDS = ['p1', 'p2', 'p3', 'p4', 'p5', 'c1', 'c2', 'c3', 'e1', 'e2', 'e3', 'e4', 'k1', 'k2', 'm1', 'm2', 'm3', 'm4', 'o1', 'o2', 'o3'];

let baseline: Awaited<ReturnType<typeof snapshot>>;
let schema: GraphQLSchema;

beforeAll(async () => {
  app = await startTestApp();
  graph = app.open.graph;
  await wipe(graph);
  await importEcosystem(graph, fixture(), 120_000);
  await makeTokens(graph, ['p1']);
  const introspection = await gql(getIntrospectionQuery());
  expect(introspection.body.errors).toBeUndefined();
  schema = buildClientSchema(introspection.body.data as IntrospectionQuery);
  baseline = await snapshot(graph);
}, 240_000);
afterAll(async () => app?.close());

describe('every argument of every operation, from the served schema', () => {
  it('the table of valid arguments covers every operation the schema serves', () => {
    expect([...rootCases(schema, 'query').missing, ...rootCases(schema, 'mutation').missing]).toEqual([]);
  });

  it('queries: hostile values in every argument (and every argument of the fields below) are answered with contract codes, find nothing, write nothing', async () => {
    const cases = [...rootCases(schema, 'query').cases, ...nestedCases(schema)];
    // The generator found what we know is there: a sanity floor, so a broken walk cannot pass quietly.
    const slots = new Set(cases.map((c) => `${c.field}:${c.slot?.path}`));
    expect(slots.size).toBeGreaterThan(40);
    for (const known of ['partner:id', 'engagements:filter.partnerId', 'partners:filter.nameContains', 'missedOutcomes:filter.since', 'exitImpact:partnerIds[0]']) {
      expect(slots, known).toContain(known);
    }
    expect(cases.some((c) => c.nested && c.label.includes('participations(after)'))).toBe(true);
    expect(cases.some((c) => c.nested && c.label.includes('orchestrator(asOf)'))).toBe(true);

    const failures: string[] = [];
    const slowest: Array<[number, string]> = [];
    await pool(cases, 6, async (c) => {
      const answer = await gql(c.document, c.variables);
      slowest.push([answer.ms, c.label]);
      const problems = answerProblems(answer, c.hostile);
      // A string that named nothing must find nothing: were it spliced into Cypher, `OR 1=1` would find everything.
      if (!c.nested && c.slot?.kind === 'string' && typeof c.hostile === 'string' && c.hostile.trim() !== '' && answer.body?.data) {
        const data = JSON.stringify(answer.body.data);
        const found = FIXTURE_IDS.filter((id) => data.includes(`"${id}"`));
        if (found.length > 0 && c.field !== 'viewer') problems.push(`answered with fixture data ${found.join(', ')}`);
      }
      if (problems.length > 0) failures.push(`${c.label}: ${problems.join('; ')}`);
    });
    expect(failures).toEqual([]);
    expect(await snapshot(graph)).toEqual(baseline);
    console.log(`[hostile] ${cases.length} read cases over ${slots.size} argument leaves; slowest: ${slowest.sort((a, b) => b[0] - a[0]).slice(0, 5).map(([ms, label]) => `${label} ${ms} ms`).join(', ')}`);
  }, 600_000);

  it('mutations: hostile values in every argument are refused with nothing written, or stored exactly as sent', async () => {
    const { cases } = rootCases(schema, 'mutation');
    const slots = new Set(cases.map((c) => `${c.field}:${c.slot?.path}`));
    for (const known of ['importEcosystem:input.partners[0].name', 'importEcosystem:input.engagements[0].commitments[0].dependsOn[0]',
      'assignRole:from', 'setCommitmentStatus:status', 'createApiToken:label']) {
      expect(slots, known).toContain(known);
    }
    let before = await fingerprint();
    const failures: string[] = [];
    let accepted = 0;
    for (const c of cases) {
      const answer = await gql(c.document, c.variables);
      const problems = answerProblems(answer, c.hostile);
      const result = answer.body?.data?.[c.field];
      if (answer.body?.errors?.length) {
        if (result !== undefined && result !== null) problems.push('an error, yet data');
      } else if (result !== undefined && result !== null && result !== false) { // revokeApiToken of no token: false, nothing done
        accepted++;
        problems.push(...await acceptedProblems(c, result));
        // Undo what an accepted case wrote, so the next case starts from the fixture again.
        const ids = [...BASE_IMPORT_IDS, ...(typeof c.hostile === 'string' ? [stored(c.hostile)] : [])];
        await graph.write('MATCH (n) WHERE (n.id IN $ids OR n.code IN $ids) AND NOT coalesce(n.id, n.code) IN $keep DETACH DELETE n', { ids, keep: FIXTURE_IDS });
        if (c.field === 'createApiToken') await graph.write('MATCH (t:ApiToken {id: $id}) DETACH DELETE t', { id: result.id });
      }
      // A 400 is a request refused before anything ran (parse, validation, variables, limits): the last snapshot covers those.
      if (answer.status !== 400 && await fingerprint() !== before) {
        failures.push(`${c.label}: the graph changed${answer.body?.errors ? ' although the write was refused' : ''}`);
        await restore();
        before = await fingerprint();
        continue;
      }
      if (problems.length > 0) failures.push(`${c.label}: ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
    expect(accepted).toBeGreaterThan(0); // names, descriptions and labels take any string: the round trip was checked
    expect(await snapshot(graph)).toEqual(baseline);
    console.log(`[hostile] ${cases.length} write cases over ${slots.size} argument leaves, ${accepted} accepted and undone`);
  }, 900_000);
});

describe(`every list in every argument, from the served schema: at most ${LIST_LIMITS.items} items`, () => {
  /** A plain valid value of a leaf, so that only the list's length can be wrong. */
  const plain = (slot: Slot): unknown => {
    switch (slot.kind) {
      case 'string': return 'x';
      case 'date': return '2026-01-01';
      case 'enum': return (slot.leaf as GraphQLEnumType).getValues()[0]!.value;
      default: return 1;
    }
  };

  /** The input type whose field `keys` (within the argument `type`) names, or null when the list is the argument itself. */
  function ownerOf(type: GraphQLInputType, keys: Array<string | number>): string | null {
    let owner: string | null = null;
    let at: GraphQLInputType = type;
    for (const key of keys) {
      const inner = isNonNullType(at) ? at.ofType : at;
      if (isListType(inner)) { at = inner.ofType; owner = null; continue; }
      if (!isInputObjectType(inner)) break;
      owner = inner.name;
      at = inner.getFields()[key as string]!.type;
    }
    return owner;
  }

  it('one item over is BAD_USER_INPUT with the list\'s path; the import\'s record lists take more', async () => {
    const lists = new Map<string, Case & { listPath: string; owner: string | null }>();
    for (const operation of ['query', 'mutation'] as const) {
      const root = operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
      for (const c of rootCases(schema, operation).cases) {
        if (!c.slot || c.nested) continue;
        const [argName, ...keys] = c.slot.keys as [string, ...Array<string | number>];
        const arg = root.getFields()[c.field]!.args.find((a) => a.name === argName)!;
        keys.forEach((key, i) => {
          if (typeof key !== 'number') return;
          const listKeys = keys.slice(0, i);
          const listPath = `${argName}${pathText(listKeys)}`;
          const id = `${c.field}:${listPath}`;
          if (lists.has(id)) return;
          // The arguments as the case sends them, a plain value at the leaf, and the list at `listKeys` one item over.
          const variables: Record<string, any> = { ...c.variables, [argName]: fill(c.slot!.value, plain(c.slot!)) };
          const [last, ...up] = [argName, ...listKeys].reverse();
          const parent = up.reverse().reduce((v: any, k) => v[k], variables);
          parent[last!] = Array.from({ length: LIST_LIMITS.items + 1 }, () => parent[last!][0]);
          lists.set(id, { ...c, variables, listPath, owner: ownerOf(arg.type, listKeys) });
        });
      }
    }
    const paths = [...lists.keys()];
    // What we know is there: a sanity floor, so a broken walk cannot pass quietly.
    for (const known of ['exitImpact:partnerIds', 'partners:filter.regions', 'engagements:filter.statuses', 'coverageGaps:input.capabilities',
      'importEcosystem:input.partners', 'importEcosystem:input.engagements[0].participants', 'importEcosystem:input.engagements[0].commitments[0].dependsOn']) {
      expect(paths, known).toContain(known);
    }
    const failures: string[] = [];
    for (const c of lists.values()) {
      const answer = await gql(c.document, c.variables);
      const problems = answerProblems(answer);
      const listed = (answer.body?.errors ?? []).flatMap((e: any) => (e.extensions?.problems ?? []).map((p: any) => p.path));
      const limit = (c.owner !== null ? LIST_LIMITS.byInputType[c.owner] : undefined) ?? LIST_LIMITS.items;
      if (limit > LIST_LIMITS.items) {
        // More is allowed here: not refused for its length (the import's own rules may still refuse 1,001 copies of one record).
        if (listed.includes(c.listPath)) problems.push(`refused for its length, limit ${limit}`);
      } else if (answer.status !== 400 || answer.body?.errors?.[0]?.extensions?.code !== 'BAD_USER_INPUT' || !listed.includes(c.listPath)) {
        problems.push(`not refused with its path: ${answer.status} ${answer.text.slice(0, 300)}`);
      }
      if (problems.length > 0) failures.push(`${c.field}(${c.listPath}): ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
    expect(await snapshot(graph)).toEqual(baseline);
    console.log(`[hostile] ${lists.size} lists in arguments, each sent one item over its limit`);
  }, 300_000);
});

/** An accepted write with a hostile string must have stored exactly that string (as UTF-8 can carry it). */
async function acceptedProblems(c: Case, result: any): Promise<string[]> {
  if (typeof c.hostile !== 'string' || !c.slot) return [];
  if (c.field === 'createApiToken' && c.slot.path === 'label') {
    const [row] = await graph.read<{ label: string }>('MATCH (t:ApiToken {id: $id}) RETURN t.label AS label', { id: result.id });
    return row?.label === stored(c.hostile) ? [] : [`label stored as ${show(row?.label)}`];
  }
  if (c.field === 'registerDeal' && c.slot.path === 'input.id') {
    // An id is any string, as in imports: stored exactly as sent, never read as Cypher.
    const rows = await graph.read('MATCH (d:DealRegistration {id: $id}) RETURN d', { id: stored(c.hostile) });
    return rows.length === 1 ? [] : [`DealRegistration ${show(c.hostile)} not stored`];
  }
  if (c.field !== 'importEcosystem') return [`accepted ${show(c.hostile)}`];
  const keys = c.slot.keys.slice(1); // without "input"
  const LABELS: Record<string, [string, string]> = {
    regions: ['Region', 'code'], industries: ['Industry', 'code'], capabilities: ['Capability', 'id'], partners: ['Partner', 'id'],
    customers: ['Customer', 'id'], engagements: ['Engagement', 'id'], contributions: ['Contribution', 'id'], commitments: ['Commitment', 'id'],
    outcomes: ['Outcome', 'id'],
  };
  const section = keys.length === 3 ? keys[0] : keys.length === 5 ? keys[2] : undefined;
  const property = keys.at(-1);
  if (typeof section !== 'string' || typeof property !== 'string' || !LABELS[section]) return [];
  const [label, key] = LABELS[section]!;
  const baseKey = `${H}${({ regions: 'r', industries: 'i', capabilities: 'cap', partners: 'p', customers: 'c', engagements: 'e', contributions: 'k', commitments: 'm', outcomes: 'o' } as Record<string, string>)[section]}`;
  if (property === key) {
    const rows = await graph.read('MATCH (n) WHERE $label IN labels(n) AND n[$key] = $id RETURN n', { label, key, id: stored(c.hostile) });
    return rows.length === 1 ? [] : [`${label} ${show(c.hostile)} not stored`];
  }
  if (!['name', 'tier', 'currency', 'description'].includes(property)) return [];
  const [row] = await graph.read<{ value: unknown }>('MATCH (n) WHERE $label IN labels(n) AND n[$key] = $id RETURN n[$property] AS value', { label, key, id: baseKey, property });
  return row?.value === stored(c.hostile) ? [] : [`${label}.${property} stored as ${show(row?.value)}`];
}

async function restore(): Promise<void> {
  await wipe(graph);
  await importEcosystem(graph, fixture(), 120_000);
  await makeTokens(graph, ['p1']);
  baseline = await snapshot(graph);
}

// ---------------------------------------------------------------------------------

describe('what the client sends, beyond api/http.test.ts', () => {
  const MALFORMED: Array<[string, string | Uint8Array]> = [
    ['null', 'null'], ['an empty array', '[]'], ['a string', '"x"'], ['a number', '5'], ['an empty object', '{}'],
    ['an empty body', ''], ['whitespace', '   '], ['query: 5', '{"query": 5}'], ['query: null', '{"query": null}'],
    ['variables as a string', '{"query":"{ viewer { role } }","variables":"x"}'],
    ['variables as a list', '{"query":"{ viewer { role } }","variables":[1]}'],
    ['operationName: 5', '{"query":"{ viewer { role } }","operationName":5}'],
    ['extensions as a string', '{"query":"{ viewer { role } }","extensions":"x"}'],
    ['a persisted query hash', '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}'],
    ['a batch', JSON.stringify([{ query: '{ viewer { role } }' }, { query: '{ viewer { role } }' }])],
    ['a byte-order mark first', '\ufeff{"query":"{ viewer { role } }"}'],
    ['invalid UTF-8 in the query', Uint8Array.from([...Buffer.from('{"query":"'), 0xff, 0xfe, 0xc3, 0x28, ...Buffer.from('"}')])],
    ['trailing garbage', '{"query":"{ viewer { role } }"} xyz'],
    ['an unterminated string', '{"query":"{ viewer'],
    ['NUL bytes', '{"query":"{ viewer { role } }\u0000"}'],
    ['a lone surrogate in the document', '{"query":"{ partner(id: \\"\\ud800\\") { id } }"}'],
    ['an operation name that is not in the document', '{"query":"query A { viewer { role } }","operationName":"B"}'],
    ['two operations and no name', '{"query":"query A { viewer { role } } query B { viewer { role } }"}'],
    ['a subscription', '{"query":"subscription { viewer { role } }"}'],
    ['a mutation named as a query', '{"query":"query { importEcosystem(input: {}) { partners } }"}'],
    ['an undeclared variable', '{"query":"{ partner(id: $id) { id } }","variables":{"id":"p1"}}'],
    ['a variable of the wrong type', '{"query":"query($id: Int) { partner(id: $id) { id } }","variables":{"id":1}}'],
    ['a null for a non-null variable', '{"query":"query($id: ID!) { partner(id: $id) { id } }","variables":{"id":null}}'],
    ['an object for an ID', '{"query":"query($id: ID!) { partner(id: $id) { id } }","variables":{"id":{"$ne":null}}}'],
    ['a list for an ID', '{"query":"query($id: ID!) { partner(id: $id) { id } }","variables":{"id":["p1","p2"]}}'],
    ['an unknown input field', '{"query":"query($f: PartnerFilter) { partners(filter: $f) { totalCount } }","variables":{"f":{"where":"1=1"}}}'],
    ['an import with unknown fields', '{"query":"mutation($i: EcosystemInput!) { importEcosystem(input: $i) { partners } }","variables":{"i":{"partners":[{"id":"h-x","name":"x","type":"ISV","query":"MATCH (n) DETACH DELETE n"}]}}}'],
    ['an audit filter with a date-time the database cannot read', '{"query":"{ auditLog(filter: { since: \\"March 7, 2026\\" }) { totalCount } }"}'],
  ];

  it.each(MALFORMED)('%s: JSON with a contract code, no data, no 5xx', async (_, body) => {
    const answer = await send(body);
    expect(answerProblems(answer)).toEqual([]);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body.errors.length).toBeGreaterThan(0);
    expect(answer.body.data ?? null).toBeNull();
  });

  it.each([
    ['none', undefined], ['form-urlencoded', 'application/x-www-form-urlencoded'], ['multipart', 'multipart/form-data; boundary=x'],
    ['application/graphql', 'application/graphql'], ['text/html', 'text/html'], ['application/xml', 'application/xml'],
    ['application/json-patch+json', 'application/json-patch+json'], ['application/jsonx', 'application/jsonx'],
  ])('Content-Type %s: 415, JSON with a contract code', async (_, type) => {
    const headers: Record<string, string> = type === undefined ? {} : { 'Content-Type': type };
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST', headers: { Authorization: `Bearer ${ADMIN}`, ...headers },
      body: type === undefined ? new Blob(['{"query":"{ viewer { role } }"}']) : '{"query":"{ viewer { role } }"}',
    });
    const answer: Answer = { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text(), body: undefined, ms: 0 };
    answer.body = JSON.parse(answer.text);
    expect(answerProblems(answer)).toEqual([]);
    expect(answer.status).toBe(415);
    expect(answer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('JSON nested 500,000 levels deep in variables, or 300,000 deep in an object, is answered, not crashed on', async () => {
    const arrays = await send(`{"query":"{ viewer { role } }","variables":${'['.repeat(500_000)}${']'.repeat(500_000)}}`);
    expect(answerProblems(arrays)).toEqual([]);
    expect(arrays.status).toBe(400);
    const objects = await send(`{"query":"{ viewer { role } }","variables":${'{"a":'.repeat(300_000)}1${'}'.repeat(300_000)}}`);
    expect(answerProblems(objects)).toEqual([]);
    expect(objects.body).toEqual({ data: { viewer: { role: 'ADMIN' } } });
  });

  it('__proto__ and constructor keys in variables and body are plain data', async () => {
    const answer = await send('{"query":"query($f: PartnerFilter) { partners(filter: $f) { totalCount } }","__proto__":{"query":"{ nope }"},'
      + '"variables":{"f":{"__proto__":{"nameContains":"zzz"},"constructor":{"prototype":{"nameContains":"zzz"}}}}}');
    expect(answerProblems(answer)).toEqual([]);
    expect(answer.status).toBeLessThan(500);
    const after = await gql('{ partners { totalCount } }');
    expect(after.body).toEqual({ data: { partners: { totalCount: 5 } } });
  });
});

describe('deep, wide and aliased', () => {
  it.each([2_000, 9_000])('a selection %i levels deep is QUERY_TOO_COMPLEX, not a stack overflow', async (n) => {
    const answer = await gql(`{ partner(id: "p1") { ${'participations { edges { node { partner { '.repeat(Math.ceil(n / 4))} id ${'} } } } '.repeat(Math.ceil(n / 4))} } }`);
    expect(answerProblems(answer)).toEqual([]);
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: any) => e.extensions.code)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it.each([2_000, 9_000])('a list value %i levels deep is QUERY_TOO_COMPLEX, not a stack overflow', async (n) => {
    const answer = await gql(`{ exitImpact(partnerIds: ${'['.repeat(n)}"p1"${']'.repeat(n)}) { partners { id } } }`);
    expect(answerProblems(answer)).toEqual([]);
    expect(answer.body.errors.map((e: any) => e.extensions.code)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('an input object 3,000 levels deep in the document is refused with a contract code', async () => {
    const answer = await gql(`{ partners(filter: ${'{ nameContains: "x", regions: ['.repeat(3_000)}"DE"${'] }'.repeat(3_000)}) { totalCount } }`);
    expect(answerProblems(answer)).toEqual([]);
    expect(answer.status).toBe(400);
  });

  it('100,000 ids in one list argument, and 50,000 filter values, are refused at once with the arguments\' paths', async () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `p-${i}`);
    const exit = await gql('query($ids: [ID!]!) { exitImpact(partnerIds: $ids) { partners { id } } }', { ids });
    expect(answerProblems(exit)).toEqual([]);
    expect(exit.status).toBe(400);
    expect(exit.body.errors.map((e: any) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect(exit.body.errors[0].extensions.problems.map((p: any) => p.path)).toEqual(['partnerIds']);
    const filter = await gql('query($r: [ID!]) { partners(filter: { regions: $r }) { totalCount } engagements(filter: { regions: $r }) { totalCount } }',
      { r: [...ids.slice(0, 50_000), 'DE'] });
    expect(answerProblems(filter)).toEqual([]);
    expect(filter.status).toBe(400);
    expect(filter.body.errors[0].extensions.problems.map((p: any) => p.path)).toEqual(['filter.regions', 'filter.regions']);
  });

  it('5,000 directives, 5,000 repeated arguments, or 2,000 operations in one document: refused with a contract code', async () => {
    for (const document of [
      `{ viewer ${'@include(if: true) '.repeat(5_000)} { role } }`,
      `{ partner(${'id: "p1", '.repeat(5_000)}) { id } }`,
      Array.from({ length: 2_000 }, (_, i) => `query Q${i} { viewer { role } }`).join('\n'),
    ]) {
      const answer = await gql(document);
      expect(answerProblems(answer)).toEqual([]);
      expect(answer.status).toBe(400);
    }
  });

  it('30 aliases of the most expensive analysis each are refused, or answered within the limits', async () => {
    const document = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: accountability(outcomeId: "o1") { rootCauses { path { id owner { participations(first: 100) { totalCount } } } } }`).join(' ')} }`;
    const answer = await gql(document);
    expect(answerProblems(answer)).toEqual([]);
  });
});

describe('Unicode through importEcosystem', () => {
  const NAMES = {
    partner: '🦜 Parrot & Söhne — 株式会社 \u202Eevil\u202C',
    customer: 'Ωmega \u0000 Bank e\u0301\u0301',
    engagement: '👩🏽‍💻 Copilot 🇩🇪 \u200B',
    description: 'עברית العربية ✅',
  };

  it('emoji, RTL marks, combining marks, NUL and zero-width characters are stored and read back exactly', async () => {
    const input = {
      partners: [{ id: 'u-p', name: NAMES.partner, type: 'AI_NATIVE', regions: ['DE'] }],
      customers: [{ id: 'u-c', name: NAMES.customer, region: 'DE', industry: 'FSI' }],
      engagements: [{
        id: 'u-e', name: NAMES.engagement, customer: 'u-c', status: 'ACTIVE', startDate: '2026-01-01',
        participants: [{ partner: 'u-p', role: 'ORCHESTRATOR', from: '2026-01-01' }],
        commitments: [{ id: 'u-m', owner: 'u-p', description: NAMES.description, status: 'PENDING' }],
      }],
    };
    try {
      const imported = await gql('mutation($i: EcosystemInput!) { importEcosystem(input: $i) { partners customers engagements commitments } }', { i: input });
      expect(imported.body).toEqual({ data: { importEcosystem: { partners: 1, customers: 1, engagements: 1, commitments: 1 } } });
      const read = await gql(`{ engagement(id: "u-e") { name customer { name } commitments { description owner { name } } }
        partners(filter: { nameContains: "🦜 PARROT & SÖHNE" }) { totalCount edges { node { id } } } }`);
      expect(read.body).toEqual({
        data: {
          engagement: { name: NAMES.engagement, customer: { name: NAMES.customer }, commitments: [{ description: NAMES.description, owner: { name: NAMES.partner } }] },
          partners: { totalCount: 1, edges: [{ node: { id: 'u-p' } }] },
        },
      });
    } finally {
      await graph.write("MATCH (n) WHERE n.id IN ['u-p', 'u-c', 'u-e', 'u-m'] DETACH DELETE n");
    }
    expect(await snapshot(graph)).toEqual(baseline);
  });

  it(`ids and names longer than ${MAX_KEY_LENGTH} characters are BAD_USER_INPUT with their paths, nothing written`, async () => {
    const long = 'x'.repeat(10_000);
    const answer = await gql('mutation($i: EcosystemInput!) { importEcosystem(input: $i) { partners } }', {
      i: { partners: [{ id: long, name: 'fine', type: 'ISV' }, { id: 'u-fine', name: long, type: 'ISV' }] },
    });
    expect(answerProblems(answer)).toEqual([]);
    expect(answer.body.errors.map((e: any) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect(answer.body.errors[0].extensions.problems.map((p: any) => p.path)).toEqual(['partners[0].id', 'partners[1].name']);
    const atLimit = await gql('mutation($i: EcosystemInput!) { importEcosystem(input: $i) { partners } }', {
      i: { partners: [{ id: `u-${'é'.repeat(MAX_KEY_LENGTH - 2)}`, name: '🦜'.repeat(MAX_KEY_LENGTH / 2), type: 'ISV' }] },
    });
    expect(atLimit.body).toEqual({ data: { importEcosystem: { partners: 1 } } });
    await graph.write("MATCH (p:Partner) WHERE p.id STARTS WITH 'u-' DETACH DELETE p");
    expect(await snapshot(graph)).toEqual(baseline);
  });
});

describe('a ~10 MB import', () => {
  /** The importEcosystem body of a valid generated ecosystem (1,000 partners, `engagements`). */
  const importBody = (engagements: number) => JSON.stringify({
    query: 'mutation($i: EcosystemInput!) { importEcosystem(input: $i) { partners engagements } }',
    variables: { i: generateEcosystem({ partners: 1_000, engagements, seed: 7 }) },
  });

  /** The largest such body of at most `bytes`. */
  function bodyUnder(bytes: number): string {
    let [lo, hi] = [1_000, 16_000];
    expect(Buffer.byteLength(importBody(hi))).toBeGreaterThan(bytes);
    while (hi - lo > 20) {
      const mid = Math.floor((lo + hi) / 2);
      if (Buffer.byteLength(importBody(mid)) <= bytes) lo = mid; else hi = mid;
    }
    return importBody(lo);
  }

  it('just under MAX_BODY_BYTES: a JSON answer with a contract code; if refused, nothing written', async () => {
    const body = bodyUnder(10 * 1024 * 1024);
    expect(Buffer.byteLength(body)).toBeGreaterThan(9.9 * 1024 * 1024);
    const answer = await send(body);
    expect(answerProblems(answer)).toEqual([]);
    if (answer.body.errors) {
      expect(answer.body.data?.importEcosystem ?? null).toBeNull();
      expect(await snapshot(graph)).toEqual(baseline);
    } else {
      expect(answer.body.data.importEcosystem.partners).toBe(1_000);
      await restore();
    }
    console.log(`[hostile] ${(Buffer.byteLength(body) / 1024 / 1024).toFixed(2)} MiB import: ${answer.status} ${answer.body.errors?.[0]?.extensions?.code ?? 'accepted'} in ${answer.ms} ms`);
  }, 300_000); // building the body and the import itself on a busy machine, and room for HANG_MS to report a hang

  it('just over MAX_BODY_BYTES: 413, JSON with a contract code, nothing written', async () => {
    const body = importBody(16_000);
    expect(Buffer.byteLength(body)).toBeGreaterThan(10 * 1024 * 1024);
    const answer = await send(body);
    expect(answerProblems(answer)).toEqual([]);
    expect(answer.status).toBe(413);
    expect(answer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await snapshot(graph)).toEqual(baseline);
  }, 300_000);
});

describe('what an answer echoes: never the whole of what was sent', () => {
  const MB = 'x'.repeat(1024 * 1024);

  /** A refusal whose whole answer is small, whatever it quoted. */
  function expectSmallRefusal(answer: Answer, code = 'BAD_USER_INPUT'): void {
    expect(answerProblems(answer)).toEqual([]);
    expect(answer.body.errors.map((e: any) => e.extensions.code)).toEqual([code]);
    expect(answer.text.length, answer.text.slice(0, 300)).toBeLessThan(4_000);
  }

  it('a 1 MB date in a variable, or written in the document', async () => {
    expectSmallRefusal(await gql('query($s: Date) { missedOutcomes(filter: { since: $s }) { totalCount } }', { s: `2026-01-01${MB}` }));
    expectSmallRefusal(await gql(`{ missedOutcomes(filter: { since: "2026-01-01${MB}" }) { totalCount } }`));
  });

  it('a 1 MB id that names nothing, in a read and in an import\'s reference', async () => {
    expectSmallRefusal(await gql('query($ids: [ID!]!) { exitImpact(partnerIds: $ids) { partners { id } } }', { ids: [MB] }));
    const answer = await gql('mutation($i: EcosystemInput!) { importEcosystem(input: $i) { partners } }', {
      i: { partners: [{ id: 'h-echo', name: 'Echo', type: 'ISV', regions: [MB] }] },
    });
    expectSmallRefusal(answer);
    expect(answer.body.errors[0].extensions.problems.map((p: any) => p.path)).toEqual(['partners[0].regions[0]']);
    expect(await snapshot(graph)).toEqual(baseline);
  });

  it('a 1 MB field name in a variable object, and a 1 MB enum value', async () => {
    expectSmallRefusal(await gql('query($f: PartnerFilter) { partners(filter: $f) { totalCount } }', { f: { [MB]: 1 } }));
    expectSmallRefusal(await gql('query($f: EngagementFilter) { engagements(filter: $f) { totalCount } }', { f: { statuses: [MB] } }));
  });
});
