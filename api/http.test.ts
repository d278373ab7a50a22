/**
 * The HTTP surface over real HTTP (contract: Running, Access, Errors): /healthz, the web
 * view at /, and /graphql's answers to everything a client may send, right or wrong.
 * Every error answer in this file is also checked for leaked internals.
 */
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../graph/access/index.ts';
import { ERROR_CODES } from '../graph/model/index.ts';
import { importEcosystem } from '../graph/import/index.ts';
import { ADMIN, startTestApp } from '../tests/support/api.ts';
import { fixture } from '../tests/support/fixture.ts';
import { wipe } from '../tests/support/graph.ts';
import { takeInternalErrors } from '../tests/support/server-log.ts';
import type { RunningApp } from './app.ts';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

interface Answer {
  status: number;
  type: string;
  headers: Headers;
  text: string;
  /** The parsed JSON body; undefined when the body is not JSON. */
  body: any;
}

/** What must never reach a client: stack frames, the database's name or language, file paths. */
const INTERNALS: RegExp[] = [
  /\n\s+at /, /\bat \//, /\bat file:/, /neo4j/i, /cypher/i, /node_modules/, /file:\/\//,
  /(^|[\s"'(])\/(?:[\w.-]+\/)+[\w.-]+\.(?:[cm]?[jt]s|java)\b/, /[A-Z]:\\/,
];

function expectNoInternals(answer: Answer): void {
  for (const leak of INTERNALS) expect(answer.text, `error answer leaks ${leak}: ${answer.text}`).not.toMatch(leak);
}

/** Any request; every error answer (4xx/5xx or a body with `errors`) is checked for internals. */
async function send(app: RunningApp, path: string, init: RequestInit & { token?: string | null } = {}): Promise<Answer> {
  const { token = ADMIN, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const res = await fetch(`${app.url}${path}`, { ...rest, headers });
  const text = await res.text();
  let body: any;
  try { body = JSON.parse(text); } catch { body = undefined; }
  const answer = { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, text, body };
  if (answer.status >= 400 || body?.errors) expectNoInternals(answer);
  return answer;
}

/** POST /graphql with a JSON body. */
function post(app: RunningApp, query: string,
  options: { token?: string | null; variables?: Record<string, unknown>; accept?: string; path?: string } = {}) {
  return send(app, options.path ?? '/graphql', {
    method: 'POST',
    token: options.token,
    headers: { 'Content-Type': 'application/json', ...(options.accept ? { Accept: options.accept } : {}) },
    body: JSON.stringify({ query, variables: options.variables }),
  });
}

/** A request error: the status, JSON in the GraphQL response shape, one error with `code`, no data. */
function expectRequestError(answer: Answer, status: number, code: string): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.type).toMatch(/^application\/(json|graphql-response\+json)\b/);
  expect(answer.body?.errors?.[0]?.extensions?.code, answer.text).toBe(code);
  expect(answer.body).not.toHaveProperty('data');
}

let app: RunningApp;

/** The request lines of the structured log are not what these tests look at. */
const QUIET = { LOG_LEVEL: 'silent' };

beforeAll(async () => {
  app = await startTestApp(QUIET);
  await wipe(app.open.graph);
  await importEcosystem(app.open.graph, fixture(), 120_000); // setup, not under test: no 10 s budget on a busy machine
});
afterAll(async () => app?.close());

describe('/healthz and /', () => {
  it('GET /healthz answers 200 with a small JSON body while Neo4j is up', async () => {
    const answer = await send(app, '/healthz', { token: null });
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^application\/json/);
    expect(answer.body).toMatchObject({ status: 'ok' });
  });

  it('GET / answers 200 with the web view (HTML), no token needed', async () => {
    const answer = await send(app, '/', { token: null });
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^text\/html/);
  });
});

describe('authentication', () => {
  it('no Authorization header: 401 UNAUTHENTICATED and nothing else', async () => {
    const answer = await post(app, '{ viewer { role } }', { token: null });
    expectRequestError(answer, 401, 'UNAUTHENTICATED');
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('an unknown token, or a header that is not a bearer token: 401 UNAUTHENTICATED', async () => {
    expectRequestError(await post(app, '{ viewer { role } }', { token: 'ecm_not-a-real-token' }), 401, 'UNAUTHENTICATED');
    const basic = await send(app, '/graphql', {
      method: 'POST', token: null, body: '{"query":"{ viewer { role } }"}',
      headers: { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from(`x:${ADMIN}`).toString('base64')}` },
    });
    expectRequestError(basic, 401, 'UNAUTHENTICATED');
  });

  it('a token revoked through revokeApiToken stops working at once', async () => {
    const token = await createToken(app.open.graph, 'ANALYST', null, 'to be revoked');
    expect((await post(app, '{ viewer { role } }', { token: token.secret })).body).toEqual({ data: { viewer: { role: 'ANALYST' } } });

    const revoked = await post(app, 'mutation($id: ID!) { revokeApiToken(id: $id) }', { variables: { id: token.tokenId } });
    expect(revoked.body).toEqual({ data: { revokeApiToken: true } });

    expectRequestError(await post(app, '{ viewer { role } }', { token: token.secret }), 401, 'UNAUTHENTICATED');
  });

  it('introspection: nothing without a token; the full schema for any valid token, a PARTNER one included', async () => {
    expectRequestError(await post(app, getIntrospectionQuery(), { token: null }), 401, 'UNAUTHENTICATED');
    expectRequestError(await post(app, '{ __typename }', { token: null }), 401, 'UNAUTHENTICATED');

    const partner = await createToken(app.open.graph, 'PARTNER', 'p5', 'introspection');
    for (const token of [ADMIN, partner.secret]) {
      const answer = await post(app, getIntrospectionQuery(), { token });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.__schema.queryType.name).toBe('Query');
      expect(answer.body.data.__schema.types.map((t: { name: string }) => t.name)).toContain('Partner');
    }
  });
});

describe('what the client sends', () => {
  let small: RunningApp;
  beforeAll(async () => { small = await startTestApp({ ...QUIET, MAX_BODY_BYTES: '2000' }); });
  afterAll(async () => small?.close());

  it('a body that is not JSON: 400 BAD_USER_INPUT, as JSON', async () => {
    const answer = await send(app, '/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"query": "{ viewer' });
    expectRequestError(answer, 400, 'BAD_USER_INPUT');
  });

  it('a body that is not application/json (text/plain): 415, as JSON', async () => {
    const answer = await send(app, '/graphql', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"query":"{ viewer { role } }"}' });
    expectRequestError(answer, 415, 'BAD_USER_INPUT');
  });

  it('a body over MAX_BODY_BYTES: 413, as JSON; a body under it is answered', async () => {
    expect((await post(small, '{ viewer { role } }')).body).toEqual({ data: { viewer: { role: 'ADMIN' } } });
    const query = `{ viewer { role } } # ${'x'.repeat(3000)}`;
    const answer = await post(small, query);
    expectRequestError(answer, 413, 'BAD_USER_INPUT');
    // Without a Content-Length, too: the limit holds for a streamed body.
    const streamed = await send(small, '/graphql', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: new Blob([JSON.stringify({ query })]).stream(), duplex: 'half',
    } as RequestInit);
    expectRequestError(streamed, 413, 'BAD_USER_INPUT');
  });

  it('GET /graphql?query= runs a query', async () => {
    const answer = await send(app, `/graphql?query=${encodeURIComponent('{viewer{role}}')}`);
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^application\/json/);
    expect(answer.body).toEqual({ data: { viewer: { role: 'ADMIN' } } });
  });

  it('a mutation over GET: 405, as JSON, and nothing is written', async () => {
    const token = await createToken(app.open.graph, 'ANALYST', null, 'survives a GET');
    const mutation = `mutation { revokeApiToken(id: "${token.tokenId}") }`;
    const answer = await send(app, `/graphql?query=${encodeURIComponent(mutation)}`);
    expect(answer.status).toBe(405);
    expect(answer.type).toMatch(/^application\/json/);
    expect(ERROR_CODES).toContain(answer.body.errors[0].extensions.code);
    expect(answer.headers.get('allow')).toMatch(/POST/);
    expect((await post(app, '{ viewer { role } }', { token: token.secret })).body).toEqual({ data: { viewer: { role: 'ANALYST' } } });
  });

  it('PUT /graphql: 405, as JSON, naming the methods allowed', async () => {
    const answer = await send(app, '/graphql', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"query":"{ viewer { role } }"}' });
    expect(answer.status).toBe(405);
    expect(answer.type).toMatch(/^application\/json/);
    expect(ERROR_CODES).toContain(answer.body.errors[0].extensions.code);
    expect(answer.headers.get('allow')).toBe('GET, POST');
  });

  it('a browser opening /graphql gets JSON, never an HTML page', async () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const withQuery = await send(app, `/graphql?query=${encodeURIComponent('{viewer{role}}')}`, { headers: { Accept: browser } });
    expect(withQuery.type).toMatch(/^application\/json/);
    expect(withQuery.body).toEqual({ data: { viewer: { role: 'ADMIN' } } });
    for (const accept of [browser, 'text/html']) {
      const bare = await send(app, '/graphql', { headers: { Accept: accept } });
      expect(bare.status).toBeGreaterThanOrEqual(400);
      expect(bare.type).toMatch(/^application\/json/);
      expect(ERROR_CODES).toContain(bare.body.errors[0].extensions.code);
    }
  });
});

describe('Accept: application/graphql-response+json', () => {
  const accept = GRAPHQL_RESPONSE;

  it('answers, successful or not, come in that media type', async () => {
    const ok = await post(app, '{ viewer { role } }', { accept });
    expect(ok.status).toBe(200);
    expect(ok.type).toMatch(/^application\/graphql-response\+json/);
    expect(ok.body).toEqual({ data: { viewer: { role: 'ADMIN' } } });

    expectRequestError(await post(app, '{ nope }', { accept }), 400, 'GRAPHQL_VALIDATION_FAILED');
    expect((await post(app, '{ nope }', { accept })).type).toMatch(/^application\/graphql-response\+json/);

    const unauthenticated = await post(app, '{ viewer { role } }', { accept, token: null });
    expectRequestError(unauthenticated, 401, 'UNAUTHENTICATED');
    expect(unauthenticated.type).toMatch(/^application\/graphql-response\+json/);

    const malformed = await send(app, '/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: accept }, body: '{' });
    expectRequestError(malformed, 400, 'BAD_USER_INPUT');
    expect(malformed.type).toMatch(/^application\/graphql-response\+json/);
  });
});

describe('Accept: application/json (legacy): 200 with the errors for a well-formed request', () => {
  const LEGACY = 'application/json';
  /** The three request errors the GraphQL-over-HTTP specification answers 200 under application/json. */
  const REQUEST_ERRORS: Array<[string, string, Record<string, unknown> | undefined, string]> = [
    ['a document that does not parse', '{ viewer { role }', undefined, 'GRAPHQL_VALIDATION_FAILED'],
    ['a document that does not validate', '{ nope }', undefined, 'GRAPHQL_VALIDATION_FAILED'],
    ['a variable that cannot be coerced', 'query($id: ID!) { partner(id: $id) { id } }', { id: { not: 'an id' } }, 'BAD_USER_INPUT'],
  ];

  it.each(REQUEST_ERRORS)('%s: 200, application/json, the errors and no data', async (_, query, variables, code) => {
    const answer = await post(app, query, { accept: LEGACY, variables });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.type).toMatch(/^application\/json/);
    expect(answer.body.errors[0].extensions.code).toBe(code);
    expect(answer.body).not.toHaveProperty('data');
  });

  it.each(REQUEST_ERRORS)('%s: still 400 for the web view\'s Accept, graphql-response+json, */* and no Accept', async (_, query, variables, code) => {
    for (const accept of [`${GRAPHQL_RESPONSE}, application/json`, GRAPHQL_RESPONSE, '*/*', undefined]) {
      const answer = await send(app, '/graphql', {
        method: 'POST', body: JSON.stringify({ query, variables }),
        headers: { 'Content-Type': 'application/json', ...(accept ? { Accept: accept } : {}) },
      });
      if (accept === undefined) expect(answer.headers.get('content-type')).toMatch(/^application\/json/); // fetch sends */* then
      expectRequestError(answer, 400, code);
    }
  });

  it('a request that is not well-formed stays 4xx under application/json too', async () => {
    const noQuery = await send(app, '/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: LEGACY }, body: '{}' });
    expectRequestError(noQuery, 400, 'BAD_USER_INPUT');
    const notJson = await send(app, '/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: LEGACY }, body: '{' });
    expectRequestError(notJson, 400, 'BAD_USER_INPUT');
    const mutationOverGet = await send(app, `/graphql?query=${encodeURIComponent('mutation { revokeApiToken(id: "x") }')}`, { headers: { Accept: LEGACY } });
    expect(mutationOverGet.status).toBe(405);
  });
});

describe('headers', () => {
  it("the page and its assets: frame-ancestors 'none' in the CSP (merged with the rest), X-Frame-Options: DENY", async () => {
    const assets = await send(app, '/', { token: null });
    const asset = /\/assets\/[\w.-]+\.js/.exec(assets.text)?.[0] ?? '/assets/missing.js';
    for (const [path, method] of [['/', 'GET'], ['/', 'HEAD'], [asset, 'GET'], ['/somewhere/deep', 'GET'], ['/', 'POST']] as const) {
      const answer = await send(app, path, { token: null, method });
      const csp = answer.headers.get('content-security-policy') ?? '';
      expect(csp, `${method} ${path}`).toMatch(/(^|;\s*)frame-ancestors 'none'(;|$)/);
      expect(csp, `${method} ${path}: the page's own policy is kept`).toMatch(/(^|;\s*)default-src 'self'(;|$)/);
      expect(csp.match(/frame-ancestors/g)).toHaveLength(1);
      expect(answer.headers.get('x-frame-options'), `${method} ${path}`).toBe('DENY');
    }
  });

  it('every /graphql answer carries Cache-Control: no-store, a cached answer included', async () => {
    const cached = '{ ecosystemHealth { activePartners } }';
    await post(app, cached);
    const answers = {
      ok: await post(app, '{ viewer { role } }'),
      get: await send(app, `/graphql?query=${encodeURIComponent('{ viewer { role } }')}`),
      cacheHit: await post(app, cached),
      validation: await post(app, '{ nope }'),
      unauthenticated: await post(app, '{ viewer { role } }', { token: null }),
      notJson: await send(app, '/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' }),
      wrongType: await send(app, '/graphql', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' }),
      wrongMethod: await send(app, '/graphql', { method: 'DELETE' }),
    };
    expect(answers.cacheHit.headers.get('x-ecomap-cache')).toBe('hit');
    for (const [name, answer] of Object.entries(answers)) expect(answer.headers.get('cache-control'), name).toBe('no-store');
  });

  it('/graphql/ (a trailing slash) and below: 404 NOT_FOUND as JSON, not the page', async () => {
    for (const path of ['/graphql/', '/graphql/x']) {
      const get = await send(app, `${path}?query=${encodeURIComponent('{ viewer { role } }')}`);
      expectRequestError(get, 404, 'NOT_FOUND');
      expect(get.headers.get('cache-control')).toBe('no-store');
      expectRequestError(await post(app, '{ viewer { role } }', { path }), 404, 'NOT_FOUND');
    }
  });
});

describe('internal errors', () => {
  it('a failure the server cannot explain is INTERNAL_SERVER_ERROR with a generic message', async () => {
    // Data written around the API (a hand edit in the database): a partner without a name,
    // which the schema promises is never null.
    await app.open.graph.write("CREATE (:Partner {id: 'p-broken', type: 'ISV', status: 'ACTIVE'})");
    try {
      const answer = await post(app, '{ partner(id: "p-broken") { id name } }');
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual({ partner: null });
      expect(answer.body.errors).toHaveLength(1);
      const [error] = answer.body.errors;
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(error.path).toEqual(['partner', 'name']);
      // What graphql-js said stays in the log, with the request's id, and not in the answer.
      expect(error.message).not.toMatch(/Partner\.name|non-nullable|null/i);
      expect(takeInternalErrors(/^Cannot return null for non-nullable field Partner\.name\.$/)).toHaveLength(1);
    } finally {
      await app.open.graph.write("MATCH (p:Partner {id: 'p-broken'}) DETACH DELETE p");
    }
  });
});
