/**
 * Request limits over HTTP (contract: Errors): depth, aliases, cost, `first`, lists in
 * arguments, the problems an answer lists, document size and the database time limit,
 * each a clear code and never a hang. Fragments and inline fragments count like the fields
 * they stand for. Codes and paths are asserted, never texts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../graph/model/index.ts';
import { ADMIN, client, codes, startTestApp, useTestApp, type GqlResponse } from '../tests/support/api.ts';
import type { RunningApp } from './app.ts';
import { fixture } from '../tests/support/fixture.ts';
import { LIST_LIMITS } from './graphql/limits.ts';
import { MAX_PROBLEMS } from './graphql/errors.ts';

/** `a { b { c { leaf } } }` */
function nest(fields: string[], leaf: string): string {
  return `${fields.map((f) => `${f} {`).join(' ')} ${leaf} ${'}'.repeat(fields.length)}`;
}

/** A field to select and a leaf of the type it returns. */
type Step = [field: string, leaf: string];

/** Engagement e1 → customer → engagements → edges → node → customer → …, one object per level. */
const ENGAGEMENT_CHAIN: { start: Step[]; loop: Step[] } = {
  start: [['engagement(id: "e1")', 'id']],
  loop: [['customer', 'id'], ['engagements(first: 1)', 'totalCount'], ['edges', 'cursor'], ['node', 'id']],
};

/** partners → edges → node → participations → edges → node → engagement → roleHistory → partner → … */
const PARTNER_CHAIN: { start: Step[]; loop: Step[] } = {
  start: [['partners(first: 1)', 'totalCount'], ['edges', 'cursor'], ['node', 'id']],
  loop: [['participations(first: 1)', 'totalCount'], ['edges', 'cursor'], ['node', 'role'], ['engagement', 'id'], ['roleHistory', 'role'], ['partner', 'id']],
};

/** The fields of a selection exactly `depth` levels deep, the leaf being the last level. */
function deepChain(depth: number, { start, loop } = ENGAGEMENT_CHAIN): { fields: string[]; leaf: string } {
  const steps = [...start];
  for (let i = 0; steps.length < depth - 1; i++) steps.push(loop[i % loop.length]!);
  return { fields: steps.map(([field]) => field), leaf: steps.at(-1)![1] };
}

/** The same deep selection three ways: plain, behind a named fragment, behind an inline fragment. */
function deepQueries(depth: number): Record<string, string> {
  const { fields, leaf } = deepChain(depth);
  const [root, ...rest] = fields;
  return {
    plain: `{ ${nest(fields, leaf)} }`,
    fragment: `{ ${root} { ...Deep } } fragment Deep on Engagement { ${nest(rest, leaf)} }`,
    inline: `{ ${root} { ... on Engagement { ${nest(rest, leaf)} } } }`,
  };
}

/** `n` aliased fields (`a0: viewer { role } …`), split across the operation, a fragment and an inline fragment. */
function aliasQueries(n: number): Record<string, string> {
  const aliased = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `a${from + i}: viewer { role }`).join(' ');
  const third = Math.floor(n / 3);
  return {
    plain: `{ ${aliased(0, n)} }`,
    fragment: `{ ${aliased(0, third)} ...Many } fragment Many on Query { ${aliased(third, n)} }`,
    inline: `{ ${aliased(0, third)} ... on Query { ${aliased(third, 2 * third)} ...Rest } } fragment Rest on Query { ${aliased(2 * third, n)} }`,
  };
}

/** 100 partners with 100 participations each (contract: the cost limit's example), `first` as given. */
const partnersWithParticipations = (first: number | string) =>
  `partners(first: ${first}) { edges { node { participations(first: ${first}) { edges { node { role } } } } } }`;

const t = useTestApp(fixture);
const { gql } = t;

/** A refusal before anything runs: a 4xx, the one code, no data. */
function expectRefused(res: GqlResponse<unknown>, code: string): void {
  expect(codes(res), JSON.stringify(res.errors)).toEqual([code]);
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(res.data ?? null).toBeNull();
}

function expectAnswered(res: GqlResponse<unknown>): void {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  expect(res.status).toBe(200);
  expect(res.data).toBeTruthy();
}

describe('depth: at most 12 levels', () => {
  it.each(Object.entries(deepQueries(12)))('12 levels (%s) are answered', async (_, query) => {
    const res = await gql(query);
    expectAnswered(res);
    expect(res.data).toHaveProperty(['engagement', 'customer', 'engagements', 'edges', 0, 'node', 'customer']);
  });

  it.each(Object.entries(deepQueries(13)))('13 levels (%s) are QUERY_TOO_COMPLEX', async (_, query) => {
    expectRefused(await gql(query), 'QUERY_TOO_COMPLEX');
  });

  it('counts the other chain too: partners → participations → engagement → roleHistory → partner → …', async () => {
    const query = (depth: number) => {
      const { fields, leaf } = deepChain(depth, PARTNER_CHAIN);
      return `{ ${nest(fields, leaf)} }`;
    };
    expectAnswered(await gql(query(12)));
    expectRefused(await gql(query(13)), 'QUERY_TOO_COMPLEX');
  });
});

describe('aliases: at most 30', () => {
  it.each(Object.entries(aliasQueries(30)))('30 aliases (%s) are answered', async (_, query) => {
    const res = await gql<Record<string, unknown>>(query);
    expectAnswered(res);
    expect(Object.keys(res.data!)).toHaveLength(30);
  });

  it.each(Object.entries(aliasQueries(31)))('31 aliases (%s) are QUERY_TOO_COMPLEX', async (_, query) => {
    expectRefused(await gql(query), 'QUERY_TOO_COMPLEX');
  });
});

describe('the same field selected a thousand times', () => {
  it('is QUERY_TOO_COMPLEX with a message that says why, not a bare "Validation aborted."', async () => {
    const res = await gql(`{ viewer { ${'role '.repeat(1_000)}} }`);
    expectRefused(res, 'QUERY_TOO_COMPLEX');
    expect(res.errors![0]!.message).toMatch(/selects the same fields too many times/);
  });
});

describe('cost', () => {
  it('100 partners with 100 participations each is QUERY_TOO_COMPLEX; 10 with 10 is answered', async () => {
    expectRefused(await gql(`{ ${partnersWithParticipations(100)} }`), 'QUERY_TOO_COMPLEX');
    const res = await gql<{ partners: { edges: unknown[] } }>(`{ ${partnersWithParticipations(10)} }`);
    expectAnswered(res);
    expect(res.data!.partners.edges).toHaveLength(5);
  });

  it('sizes come from variables, and from a variable\'s default when it is not sent', async () => {
    const query = `query($n: Int) { ${partnersWithParticipations('$n')} }`;
    expectRefused(await gql(query, { n: 100 }), 'QUERY_TOO_COMPLEX');
    expectAnswered(await gql(query, { n: 10 }));
    expectRefused(await gql(`query($n: Int = 100) { ${partnersWithParticipations('$n')} }`), 'QUERY_TOO_COMPLEX');
    expectAnswered(await gql(`query($n: Int = 10) { ${partnersWithParticipations('$n')} }`));
  });

  it('a costly selection behind a fragment is counted where it is spread', async () => {
    const query = `{ partners(first: 100) { edges { node { ...Intervals } } } }
      fragment Intervals on Partner { ... on Partner { participations(first: 100) { edges { node { role } } } } }`;
    expectRefused(await gql(query), 'QUERY_TOO_COMPLEX');
  });
});

describe('first: 0 to 100', () => {
  it('first: 101 is BAD_USER_INPUT, literally, through a variable, or a variable default', async () => {
    expectRefused(await gql('{ partners(first: 101) { totalCount } }'), 'BAD_USER_INPUT');
    expectRefused(await gql('query($n: Int) { partners(first: $n) { totalCount } }', { n: 101 }), 'BAD_USER_INPUT');
    const res = await gql('query($n: Int = 101) { partners(first: $n) { totalCount } }');
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.data ?? null).toBeNull();
  });

  it('on a nested connection too, and for first: -1', async () => {
    expectRefused(await gql('{ partners(first: 1) { edges { node { participations(first: 101) { totalCount } } } } }'), 'BAD_USER_INPUT');
    expectRefused(await gql('{ engagements(first: -1) { totalCount } }'), 'BAD_USER_INPUT');
    expectRefused(await gql('query($n: Int) { engagements(first: $n) { totalCount } }', { n: -1 }), 'BAD_USER_INPUT');
  });

  it('first: 100 and first: 0 are fine', async () => {
    expectAnswered(await gql('{ partners(first: 100) { totalCount } engagements(first: 0) { totalCount edges { cursor } } }'));
  });
});

/** The one error's problems (paths and messages) and problemCount. */
function problemsOf(res: GqlResponse<unknown>): { problems: Array<{ path: string; message: string }>; count: unknown } {
  const extensions = res.errors![0]!.extensions as { problems?: Array<{ path: string; message: string }>; problemCount?: unknown };
  return { problems: extensions.problems ?? [], count: extensions.problemCount };
}

const MAX_ITEMS = LIST_LIMITS.items;
const unknownIds = (n: number, prefix = 'nope-') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe(`lists in arguments: at most ${MAX_ITEMS} items`, () => {
  const EXIT = 'query($ids: [ID!]!) { exitImpact(partnerIds: $ids) { partners { id } } }';

  it('one id over the limit is BAD_USER_INPUT naming the argument, sent as a variable or written in the document', async () => {
    const sent = await gql(EXIT, { ids: unknownIds(MAX_ITEMS + 1) });
    expectRefused(sent, 'BAD_USER_INPUT');
    expect(problemsOf(sent).problems.map((p) => p.path)).toEqual(['partnerIds']);
    expect(problemsOf(sent).problems[0]!.message).toContain('exitImpact');
    const written = await gql(`{ exitImpact(partnerIds: ${JSON.stringify(unknownIds(MAX_ITEMS + 1))}) { partners { id } } }`);
    expectRefused(written, 'BAD_USER_INPUT');
    expect(problemsOf(written).problems.map((p) => p.path)).toEqual(['partnerIds']);
  });

  it('800,000 ids are refused before anything runs, with a small answer', async () => {
    const res = await fetch(`${t.app.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify({ query: EXIT, variables: { ids: unknownIds(800_000, 'x') } }),
    });
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text.length).toBeLessThan(2_000);
    expect(JSON.parse(text).errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('filter lists inside input objects: in a variable object, in a literal object around a variable, enum lists written out; each field reported', async () => {
    const res = await gql(`query($f: PartnerFilter, $r: [ID!]) {
      partners(filter: $f) { totalCount }
      engagements(filter: { regions: $r, statuses: [${Array(MAX_ITEMS + 1).fill('ACTIVE').join(', ')}] }) { totalCount } }`,
    { f: { regions: unknownIds(MAX_ITEMS + 1), industries: unknownIds(MAX_ITEMS + 1), nameContains: 'x' }, r: unknownIds(MAX_ITEMS + 2) });
    expectRefused(res, 'BAD_USER_INPUT');
    const { problems } = problemsOf(res);
    expect(problems.map((p) => p.path).sort()).toEqual(['filter.industries', 'filter.regions', 'filter.regions', 'filter.statuses']);
    expect(problems.filter((p) => p.message.includes('engagements')).map((p) => p.path).sort()).toEqual(['filter.regions', 'filter.statuses']);
  });

  it('a list inside the import\'s records, and the same list behind an alias and a fragment', async () => {
    const partner = { id: 'lim-p', name: 'Limit', type: 'ISV', regions: unknownIds(MAX_ITEMS + 1) };
    const res = await gql('mutation($i: EcosystemInput!) { importEcosystem(input: $i) { partners } }', { i: { partners: [partner] } });
    expectRefused(res, 'BAD_USER_INPUT');
    expect(problemsOf(res).problems.map((p) => p.path)).toEqual(['input.partners[0].regions']);
    const aliased = await gql(`query($r: [ID!]) { a: partners(filter: { regions: $r }) { ...Count } b: partners(filter: { regions: ["DE"] }) { ...Count } }
      fragment Count on PartnerConnection { totalCount }`, { r: unknownIds(MAX_ITEMS + 1) });
    expectRefused(aliased, 'BAD_USER_INPUT');
    expect(problemsOf(aliased).problems).toEqual([{ path: 'filter.regions', message: expect.stringContaining(' a;') }]);
  });

  it(`${MAX_ITEMS} items are fine, and still filter`, async () => {
    const res = await gql<{ partners: { totalCount: number } }>('query($r: [ID!]) { partners(filter: { regions: $r }) { totalCount } }',
      { r: [...unknownIds(MAX_ITEMS - 1), 'DE'] });
    expectAnswered(res);
    expect(res.data!.partners.totalCount).toBe(2);
  });

  it(`the import's record lists take more than ${MAX_ITEMS} (a 10 MB import holds about 10,000 engagements)`, async () => {
    const partners = Array.from({ length: MAX_ITEMS + 1 }, (_, i) => ({ id: `lim-${i}`, name: `Limit ${i}`, type: 'ISV', regions: ['nowhere'] }));
    const res = await gql('mutation($i: EcosystemInput!) { importEcosystem(input: $i) { partners } }', { i: { partners } });
    // Refused by the import's own rules (an unknown region each), not by the list limit.
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(problemsOf(res).problems[0]!.path).toBe('partners[0].regions[0]');
    expect(problemsOf(res).count).toBe(MAX_ITEMS + 1);
  });
});

describe(`problems: the first ${MAX_PROBLEMS} and their count`, () => {
  it(`${MAX_ITEMS} unknown partners answer the first ${MAX_PROBLEMS} problems, in input order, and problemCount ${MAX_ITEMS}`, async () => {
    const res = await gql('query($ids: [ID!]!) { exitImpact(partnerIds: $ids) { partners { id } } }', { ids: unknownIds(MAX_ITEMS) });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    const { problems, count } = problemsOf(res);
    expect(problems.map((p) => p.path)).toEqual(Array.from({ length: MAX_PROBLEMS }, (_, i) => `partnerIds[${i}]`));
    expect(count).toBe(MAX_ITEMS);
  });

  it('an answer with fewer problems lists them all, with their count', async () => {
    const res = await gql('{ exitImpact(partnerIds: ["p1", "nope-a", "nope-b"]) { partners { id } } }');
    expect(problemsOf(res).problems.map((p) => p.path)).toEqual(['partnerIds[1]', 'partnerIds[2]']);
    expect(problemsOf(res).count).toBe(2);
  });
});

describe('document size', () => {
  it('a document over the token limit is QUERY_TOO_COMPLEX as JSON, never a 500', async () => {
    expectRefused(await gql(`{ ${'viewer { role } '.repeat(6000)} }`), 'QUERY_TOO_COMPLEX');
  });

  it('another syntax error (even one naming "tokens") stays GRAPHQL_VALIDATION_FAILED', async () => {
    expectRefused(await gql('{ viewer { role } } tokens'), 'GRAPHQL_VALIDATION_FAILED');
  });

  it('fragments that spread each other twice, 24 deep, are refused at once instead of expanded 2^24 times', async () => {
    const fragments = Array.from({ length: 23 }, (_, i) => `fragment F${i} on Partner { ...F${i + 1} ...F${i + 1} }`);
    const query = `{ partner(id: "p1") { ...F0 } } ${fragments.join(' ')} fragment F23 on Partner { id }`;
    expectRefused(await gql(query), 'QUERY_TOO_COMPLEX');
  });
});

/**
 * The per-request database timeout. Neo4j enforces a transaction's timeout from a monitor
 * that looks every 2 s (db.transaction.monitor.check.interval), so a read of the size a test
 * can load finishes before it is ever checked, even with QUERY_TIMEOUT_MS=1. What reliably
 * outlasts the limit is real contention: a concurrent transaction (a long import, an
 * operator's session) holds the outcome the request wants to write.
 */
describe('the database time limit (QUERY_TIMEOUT_MS)', () => {
  const setStatus = 'mutation { setOutcomeStatus(id: "o1", status: MISSED) { id status } }';
  let limited: RunningApp;
  let held: GqlResponse<unknown>;
  let heldMs: number;

  beforeAll(async () => {
    // Short enough to end the held request soon; long enough to leave the ordinary write of
    // the last test below room on a busy machine (the test apps' usual limit is 10 s).
    limited = await startTestApp({ QUERY_TIMEOUT_MS: '5000' });
    const session = t.graph.driver.session();
    const blocker = session.beginTransaction();
    try {
      await blocker.run("MATCH (o:Outcome {id: 'o1'}) SET o.status = o.status");
      const started = Date.now();
      held = await client(limited)(setStatus);
      heldMs = Date.now() - started;
    } finally {
      await blocker.rollback();
      await session.close();
    }
  });
  afterAll(async () => limited?.close());

  it('a request held up past the limit is answered within seconds, with a contract code and no internals', () => {
    // Without the limit it would wait for the blocker, which only lets go after the answer:
    // no answer at all before the hook's 240 s (or undici's 300 s). The limit ends it after
    // 5 s plus up to the monitor's 2 s; 60 s leaves room for a busy machine and still tells
    // the limit from anything else that could end the wait.
    expect(heldMs).toBeLessThan(60_000);
    expect(held.status).toBe(200);
    expect(held.data ?? null).toBeNull();
    expect(held.errors).toHaveLength(1);
    expect(ERROR_CODES).toContain(held.errors![0]!.extensions.code);
    expect(JSON.stringify(held)).not.toMatch(/neo4j|cypher|transaction|lock|\bat \/|\.ts\b/i);
  });

  // Neo4j 5 reports a lock wait ended by the timeout as Neo.ClientError.Transaction.LockClientStopped:
  // the request was fine, another write held what it needed; the client may retry it.
  it('a wait for another write\'s lock is a retryable CONFLICT that says so, not "too complex"', () => {
    expect(codes(held)).toEqual(['CONFLICT']);
    expect(held.errors![0]!.message).toMatch(/waited too long for another write.*try again/);
  });

  it('the same write goes through once nothing holds it up', async () => {
    const res = await client(limited)(setStatus);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ setOutcomeStatus: { id: 'o1', status: 'MISSED' } });
  });
});
