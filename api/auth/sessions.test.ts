/**
 * Browser sessions against the real app and database (contract: Browser sessions and the
 * explorer): the exchange and its cookie, a session acting exactly as its token on every
 * path (/graphql POST and GET, the graphql-ws upgrade, /mcp), its end by sign-out,
 * revocation and expiry (checked with stored times, not by waiting), and the cross-site
 * rules. Every wait is on a condition.
 */
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningApp } from '../app.ts';
import { ADMIN, codes, startTestApp, useTestApp, type GqlResponse } from '../../tests/support/api.ts';
import { fixture } from '../../tests/support/fixture.ts';
import { makeTokens, type TestTokens } from '../../tests/support/tokens.ts';

const t = useTestApp(fixture);
let tokens: TestTokens;
beforeAll(async () => { tokens = await makeTokens(t.graph); });

interface Exchange { status: number; cookie: string | null; setCookie: string | null; body: Record<string, unknown> }

/** POST /session with a bearer token: the cookie pair to send back, and the Set-Cookie line as sent. */
async function exchange(app: RunningApp, token: string | null, headers: Record<string, string> = {}): Promise<Exchange> {
  const res = await fetch(`${app.url}/session`, { method: 'POST', headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers } });
  const setCookie = res.headers.get('set-cookie');
  return { status: res.status, setCookie, cookie: setCookie ? setCookie.split(';')[0]! : null, body: (await res.json()) as Record<string, unknown> };
}

/** A GraphQL POST as the web view sends it: JSON, with the cookie and whatever else is given. */
async function withCookie<T = Record<string, unknown>>(cookie: string, query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>): Promise<GqlResponse<T> & { setCookie: string | null }> {
  const res = await fetch(`${t.app.url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json', Cookie: cookie, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, setCookie: res.headers.get('set-cookie'), ...((await res.json()) as Omit<GqlResponse<T>, 'status'>) };
}

async function storedSessions(): Promise<number> {
  const [row] = await t.graph.read<{ n: number }>('MATCH (s:BrowserSession) RETURN count(s) AS n');
  return row!.n;
}

const SCOPED = `{ viewer { role partner { id } } engagements(first: 20) { totalCount edges { node { id } } } }`;

describe('the exchange', () => {
  it('sets an HttpOnly, SameSite=Strict cookie for the whole site, not Secure over plain http, and stores only a hash', async () => {
    const ex = await exchange(t.app, tokens.analyst);
    expect(ex.status).toBe(200);
    expect(ex.body).toMatchObject({ role: 'ANALYST', partnerId: null, idleTimeoutSeconds: 12 * 3600 });
    const attributes = ex.setCookie!.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes[0]).toMatch(/^ecomap_session=ecs_[a-z0-9_-]{43}$/);
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/', `max-age=${7 * 86400}`]));
    expect(attributes).not.toContain('secure');
    const secret = ex.cookie!.split('=')[1]!;
    const [row] = await t.graph.read<{ props: Record<string, unknown>; token: string }>(
      'MATCH (s:BrowserSession)-[:SESSION_OF]->(t:ApiToken) WHERE s.hash = $hash RETURN properties(s) AS props, t.id AS token',
      { hash: (await import('node:crypto')).createHash('sha256').update(secret).digest('hex') });
    expect(row).toBeDefined();
    expect(JSON.stringify(row!.props)).not.toContain(secret);
  });

  it('needs a valid bearer token, and a refused one leaves the cookie alone', async () => {
    const none = await exchange(t.app, null);
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    const bad = await exchange(t.app, 'ecm_not-a-token');
    expect(bad.status).toBe(401);
    expect(bad.setCookie).toBeNull();
  });

  it('works for the ADMIN_TOKEN setting too', async () => {
    const ex = await exchange(t.app, ADMIN);
    const res = await withCookie<{ viewer: { role: string } }>(ex.cookie!, '{ viewer { role } }');
    expect(res.data?.viewer.role).toBe('ADMIN');
  });
});

describe('a session is its token', () => {
  it('a PARTNER session answers exactly what its token answers, and is refused what the token is refused', async () => {
    const ex = await exchange(t.app, tokens.partner.p3!);
    const bySession = await withCookie(ex.cookie!, SCOPED);
    const byToken = await t.gql(SCOPED, undefined, tokens.partner.p3!);
    expect(bySession.errors).toBeUndefined();
    expect(bySession.status).toBe(200);
    expect(bySession.data).toEqual(byToken.data);
    expect(bySession.data).toMatchObject({ viewer: { role: 'PARTNER', partner: { id: 'p3' } }, engagements: { totalCount: 2 } });
    const network = await withCookie(ex.cookie!, '{ network { nodes { id } } }');
    expect(codes(network)).toEqual(['FORBIDDEN']);
  });

  it('on GET /graphql as on POST', async () => {
    const ex = await exchange(t.app, tokens.partner.p1!);
    const res = await fetch(`${t.app.url}/graphql?query=${encodeURIComponent('{ viewer { role partner { id } } }')}`, {
      headers: { Accept: 'application/graphql-response+json', Cookie: ex.cookie! },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { viewer: { role: 'PARTNER', partner: { id: 'p1' } } } });
  });

  it('on the graphql-ws upgrade, where the browser sends its cookie and Origin', async () => {
    const ex = await exchange(t.app, tokens.partner.p2!);
    const ask = (headers: Record<string, string>) => new Promise<{ data?: unknown; closed?: number }>((resolve) => {
      const client = createClient({
        url: `${t.app.url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: class extends WebSocket { constructor(url: string, protocols?: string | string[]) { super(url, protocols, { headers }); } },
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => {},
        on: { closed: (event) => resolve({ closed: (event as { code: number }).code }) },
      });
      client.subscribe({ query: '{ viewer { role partner { id } } }' }, {
        next: (r) => { resolve({ data: r.data }); void client.dispose(); },
        error: () => {},
        complete: () => {},
      });
    });
    const host = new URL(t.app.url).host;
    expect(await ask({ Cookie: ex.cookie!, Origin: t.app.url })).toEqual({ data: { viewer: { role: 'PARTNER', partner: { id: 'p2' } } } });
    expect(await ask({ Cookie: ex.cookie!, Origin: 'http://evil.example' })).toEqual({ closed: 4403 });
    expect(await ask({ Origin: `http://${host}` })).toEqual({ closed: 4403 });
  });

  it('on /mcp', async () => {
    const ex = await exchange(t.app, tokens.analyst);
    const initialize = (headers: Record<string, string>) => fetch(`${t.app.url}/mcp`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '1' } } }),
    });
    expect((await initialize({ Cookie: ex.cookie! })).status).toBe(200);
    expect((await initialize({ Cookie: ex.cookie!, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await initialize({})).status).toBe(401);
  });
});

describe('a session ends', () => {
  it('on sign-out: the store forgets it and the cookie is cleared', async () => {
    const ex = await exchange(t.app, tokens.analyst);
    expect((await withCookie(ex.cookie!, '{ viewer { role } }')).status).toBe(200);
    const before = await storedSessions();
    const out = await fetch(`${t.app.url}/session`, { method: 'DELETE', headers: { Cookie: ex.cookie!, 'X-Ecomap-Request': '1', Origin: t.app.url } });
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ signedOut: true });
    expect(out.headers.get('set-cookie')).toMatch(/^ecomap_session=; .*Max-Age=0/);
    expect(await storedSessions()).toBe(before - 1);
    const after = await withCookie(ex.cookie!, '{ viewer { role } }');
    expect(after.status).toBe(401);
    expect(codes(after)).toEqual(['UNAUTHENTICATED']);
    expect(after.setCookie).toMatch(/Max-Age=0/); // the browser stops sending an ended session
  });

  it('when its token is revoked, at once, and its stored sessions go with it', async () => {
    const made = await t.gql<{ createApiToken: { id: string; secret: string } }>('mutation { createApiToken(role: PARTNER, partnerId: "p4") { id secret } }');
    const { id, secret } = made.data!.createApiToken;
    const first = await exchange(t.app, secret);
    const second = await exchange(t.app, secret);
    expect((await withCookie(first.cookie!, '{ viewer { role } }')).status).toBe(200); // cached now
    const revoked = await t.gql('mutation($id: ID!) { revokeApiToken(id: $id) }', { id });
    expect(revoked.data).toEqual({ revokeApiToken: true });
    for (const cookie of [first.cookie!, second.cookie!]) expect(codes(await withCookie(cookie, '{ viewer { role } }'))).toEqual(['UNAUTHENTICATED']);
    const [row] = await t.graph.read<{ n: number }>('MATCH (s:BrowserSession)-[:SESSION_OF]->(:ApiToken {id: $id}) RETURN count(s) AS n', { id });
    expect(row!.n).toBe(0);
  });

  it('when idle too long or past its absolute expiry (stored times)', async () => {
    // Each deadline ended in turn (an ended absolute expiry also ends the idle one, which is never later: graph/access/sessions.ts).
    const END = {
      idleUntil: "MATCH (s:BrowserSession {hash: $hash}) SET s.idleUntil = datetime() - duration('PT1S')",
      expiresAt: "MATCH (s:BrowserSession {hash: $hash}) SET s.expiresAt = datetime() - duration('PT1S'), s.idleUntil = datetime() - duration('PT1S')",
    };
    for (const field of ['idleUntil', 'expiresAt'] as const) {
      const ex = await exchange(t.app, tokens.analyst);
      const hash = (await import('node:crypto')).createHash('sha256').update(ex.cookie!.split('=')[1]!).digest('hex');
      await t.graph.write(END[field], { hash });
      expect(codes(await withCookie(ex.cookie!, '{ viewer { role } }')), field).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('use moves the idle deadline on, never past the absolute expiry', async () => {
    const ex = await exchange(t.app, tokens.analyst);
    const hash = (await import('node:crypto')).createHash('sha256').update(ex.cookie!.split('=')[1]!).digest('hex');
    // Last seen two minutes ago, idle deadline in ten seconds, absolute expiry in an hour.
    await t.graph.write(`MATCH (s:BrowserSession {hash: $hash})
      SET s.lastSeenAt = datetime() - duration('PT2M'), s.idleUntil = datetime() + duration('PT10S'), s.expiresAt = datetime() + duration('PT1H')`, { hash });
    expect((await withCookie(ex.cookie!, '{ viewer { role } }')).status).toBe(200);
    const [row] = await t.graph.read<{ idle: number; expires: number }>(
      'MATCH (s:BrowserSession {hash: $hash}) RETURN s.idleUntil.epochMillis - datetime().epochMillis AS idle, s.expiresAt.epochMillis - datetime().epochMillis AS expires', { hash });
    expect(row!.idle).toBeGreaterThan(30 * 60_000); // min(12 h, 1 h): the expiry bounds it
    expect(row!.idle).toBeLessThanOrEqual(row!.expires);
  });
});

describe('the cross-site rules', () => {
  let cookie: string;
  beforeAll(async () => { cookie = (await exchange(t.app, tokens.analyst)).cookie!; });

  it('refuse a session request whose Origin names another site, or that the browser marks cross-site', async () => {
    const foreign = await withCookie(cookie, '{ viewer { role } }', { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(codes(foreign)).toEqual(['FORBIDDEN']);
    expect(codes(await withCookie(cookie, '{ viewer { role } }', { Origin: 'null' }))).toEqual(['FORBIDDEN']);
    expect(codes(await withCookie(cookie, '{ viewer { role } }', { 'Sec-Fetch-Site': 'cross-site' }))).toEqual(['FORBIDDEN']);
    expect((await withCookie(cookie, '{ viewer { role } }', { Origin: t.app.url, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });

  it('refuse a simple (form) POST with a session, whatever its body', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const res = await fetch(`${t.app.url}/graphql`, {
        method: 'POST', headers: { 'Content-Type': type, Cookie: cookie }, body: 'query=mutation%20%7B%20revokeApiToken(id%3A%22x%22)%20%7D',
      });
      expect(res.status, type).toBe(403);
      expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    }
  });

  it('leave bearer tokens alone: a foreign Origin with a token is answered', async () => {
    const res = await fetch(`${t.app.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens.analyst}`, Origin: 'https://integrator.example' },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(res.status).toBe(200);
  });

  it('leave a request without a token or a session UNAUTHENTICATED, an unknown session too', async () => {
    expect(codes(await t.gql('{ viewer { role } }', undefined, null))).toEqual(['UNAUTHENTICATED']);
    const unknown = await withCookie(`ecomap_session=ecs_${'A'.repeat(43)}`, '{ viewer { role } }');
    expect(unknown.status).toBe(401);
    expect(codes(unknown)).toEqual(['UNAUTHENTICATED']);
    expect(codes(await withCookie('ecomap_session=junk', '{ viewer { role } }'))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('the explorer', () => {
  it('GET /graphql asking for HTML is sent to /graphiql; GraphQL clients are answered as before', async () => {
    const navigation = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const browser = await fetch(`${t.app.url}/graphql`, { redirect: 'manual', headers: { Accept: navigation } });
    expect([302, 303]).toContain(browser.status);
    expect(browser.headers.get('location')).toBe('/graphiql');
    const api = await fetch(`${t.app.url}/graphql?query=${encodeURIComponent('{ viewer { role } }')}`, { headers: { Accept: 'application/graphql-response+json', Authorization: `Bearer ${ADMIN}` } });
    expect(await api.json()).toEqual({ data: { viewer: { role: 'ADMIN' } } });
    // A browser's GET that carries a query (with its session), or a token, is a GraphQL request.
    const cookie = (await exchange(t.app, ADMIN)).cookie!;
    const query = await fetch(`${t.app.url}/graphql?query=${encodeURIComponent('{ viewer { role } }')}`, { redirect: 'manual', headers: { Accept: navigation, Cookie: cookie } });
    expect(await query.json()).toEqual({ data: { viewer: { role: 'ADMIN' } } });
    const bearer = await fetch(`${t.app.url}/graphql`, { redirect: 'manual', headers: { Accept: navigation, Authorization: `Bearer ${ADMIN}` } });
    expect(bearer.status).toBeGreaterThanOrEqual(400);
    const anonymous = await fetch(`${t.app.url}/graphql`, { headers: { Accept: 'application/json' } });
    expect(anonymous.status).toBe(401);
  });

  it('/graphiql is a page of the app with its own policy, framed by no one', async () => {
    const res = await fetch(`${t.app.url}/graphiql`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).toContain("font-src 'self' data:");
  });
});

describe('lifetimes and https, as configured', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({ SESSION_IDLE_SECONDS: '60', SESSION_MAX_SECONDS: '120', TRUST_PROXY: '1' });
  });
  afterAll(async () => app?.close());

  it('a short lifetime is what the cookie and the store say', async () => {
    const ex = await exchange(app, ADMIN);
    expect(ex.body).toMatchObject({ idleTimeoutSeconds: 60 });
    expect(ex.setCookie).toMatch(/Max-Age=120;/);
    const hash = (await import('node:crypto')).createHash('sha256').update(ex.cookie!.split('=')[1]!).digest('hex');
    const [row] = await app.open.graph.read<{ idle: number; expires: number }>(
      'MATCH (s:BrowserSession {hash: $hash}) RETURN s.idleUntil.epochMillis - datetime().epochMillis AS idle, s.expiresAt.epochMillis - datetime().epochMillis AS expires', { hash });
    expect(row!.idle).toBeGreaterThan(30_000);
    expect(row!.idle).toBeLessThanOrEqual(60_000);
    expect(row!.expires).toBeGreaterThan(90_000);
    expect(row!.expires).toBeLessThanOrEqual(120_000);
  });

  it('Secure behind a trusted proxy that says https; the forwarded host is the site', async () => {
    const ex = await exchange(app, ADMIN, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'ecomap.example' });
    expect(ex.setCookie!.split(';').map((a) => a.trim())).toContain('Secure');
    const ask = (origin: string) => fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: ex.cookie!, Origin: origin, 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'ecomap.example' },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect((await ask('https://ecomap.example')).status).toBe(200);
    expect((await ask(app.url)).status).toBe(403);
  });

  it('is shared by every API process on the database: made by one, used and ended on another', async () => {
    const ex = await exchange(t.app, tokens.analyst);
    const viewer = () => fetch(`${app.url}/graphql`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: ex.cookie! }, body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(await (await viewer()).json()).toEqual({ data: { viewer: { role: 'ANALYST' } } });
    const out = await fetch(`${t.app.url}/session`, { method: 'DELETE', headers: { Cookie: ex.cookie!, 'X-Ecomap-Request': '1' } });
    expect(await out.json()).toEqual({ signedOut: true });
    // The other process may answer from its few seconds of cache (as for revoked tokens), then no more.
    await expect.poll(async () => (await viewer()).status, { timeout: 30_000, interval: 250 }).toBe(401);
  });

  it('X-Forwarded-Proto is ignored by an app that does not trust a proxy', async () => {
    const ex = await exchange(t.app, tokens.analyst, { 'X-Forwarded-Proto': 'https' });
    expect(ex.setCookie!.split(';').map((a) => a.trim())).not.toContain('Secure');
  });
});
