/**
 * The structured log (issue 14, item 9): one JSON line per request with its id, method,
 * path, status and duration; the id taken from a sane X-Request-Id or made, and echoed;
 * no token in any line; an aborted upload is one line, not a stack trace.
 */
import type { IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp } from '../../tests/support/api.ts';
import type { RunningApp } from '../app.ts';
import { Authenticator } from '../auth/authenticator.ts';
import { startApollo } from '../graphql/apollo.ts';
import { ecomapSchema } from '../graphql/schema.ts';
import { createHttpServer, type HttpServer } from './http.ts';
import { createLogger } from './logger.ts';

let app: RunningApp;
let server: HttpServer;
let url: string;
/** Every line the server logged, as written. */
const lines: string[] = [];
const waiters: Array<() => void> = [];

beforeAll(async () => {
  app = await startTestApp({ LOG_LEVEL: 'silent' });
  const graph = app.open.graph;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      for (const wake of waiters.splice(0)) wake();
      done();
    },
  });
  server = createHttpServer({
    apollo: await startApollo(await ecomapSchema()), graph, auth: new Authenticator(graph, { adminToken: ADMIN, authOff: false }),
    maxBodyBytes: 10_000, webRoot: '/nonexistent', logger: createLogger('info', sink),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server ? server.close(resolve) : resolve(undefined));
  await app?.close();
});

/** The parsed lines of one request id, once `count` of them have been written (lines come when a connection is done). */
async function linesOf(reqId: string, count = 1): Promise<any[]> {
  for (;;) {
    const mine = lines.map((l) => JSON.parse(l)).filter((l) => l.reqId === reqId);
    if (mine.length >= count) return mine;
    await new Promise<void>((resolve) => waiters.push(resolve));
  }
}

describe('one JSON line per request', () => {
  it('with the request id echoed, method, path without the query string, status and duration', async () => {
    const res = await fetch(`${url}/graphql?query=${encodeURIComponent('{ viewer { role } }')}`, { headers: { Authorization: `Bearer ${ADMIN}` } });
    expect(res.status).toBe(200);
    const reqId = res.headers.get('x-request-id')!;
    expect(reqId).toMatch(/^[0-9a-f-]{36}$/);
    const [line] = await linesOf(reqId);
    expect(line).toMatchObject({ level: 30, reqId, method: 'GET', path: '/graphql', status: 200, msg: 'request' });
    expect(typeof line.ms).toBe('number');
  });

  it('a sane X-Request-Id is kept; one that is not (spaces, quotes, too long) is replaced', async () => {
    const given = 'trace-42.a:b_C';
    const kept = await fetch(`${url}/healthz`, { headers: { 'X-Request-Id': given } });
    expect(kept.headers.get('x-request-id')).toBe(given);
    expect(await linesOf(given)).toHaveLength(1);
    for (const bad of ['two words', 'x'.repeat(129), 'a"b', '{"level":60}']) {
      const res = await fetch(`${url}/healthz`, { headers: { 'X-Request-Id': bad } });
      const reqId = res.headers.get('x-request-id');
      expect(reqId).not.toBe(bad);
      expect(reqId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('no line holds the bearer token or a ?token= of the web view link', async () => {
    const secret = 'ecm_never-in-the-log-0123456789';
    const res = await fetch(`${url}/graphql`, {
      method: 'POST', headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' }, body: '{"query":"{ viewer { role } }"}',
    });
    expect(res.status).toBe(401);
    const page = await fetch(`${url}/?token=${secret}`);
    await page.text();
    const [unauthorized] = await linesOf(res.headers.get('x-request-id')!);
    expect(unauthorized).toMatchObject({ path: '/graphql', status: 401 });
    expect(await linesOf(page.headers.get('x-request-id')!)).toMatchObject([{ path: '/', status: 200 }]);
    expect(lines.join('\n')).not.toContain(secret);
    expect(lines.join('\n')).not.toContain(ADMIN);
  });
});

describe('an aborted upload', () => {
  it('is one warning line, without a stack trace', async () => {
    const reqId = 'aborted-upload-1';
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    // Gone halfway through the body, once the server has started on the request.
    const started = new Promise<void>((resolve) => {
      const onRequest = (req: IncomingMessage) => {
        if (req.headers['x-request-id'] !== reqId) return;
        server.off('request', onRequest);
        resolve();
      };
      server.on('request', onRequest);
    });
    socket.on('error', () => {});
    socket.write(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${ADMIN}\r\nX-Request-Id: ${reqId}\r\n`
      + 'Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"query":"{ viewer');
    await started;
    socket.destroy();
    const mine = await linesOf(reqId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ level: 40, reqId, method: 'POST', path: '/graphql', aborted: true });
    // Nothing else was logged about it: no error line, no stack, not later either (the
    // next request's line comes after anything this one could have caused).
    const next = await fetch(`${url}/healthz`);
    await linesOf(next.headers.get('x-request-id')!);
    expect(lines.filter((l) => l.includes(reqId))).toHaveLength(1);
    expect(lines.join('\n')).not.toMatch(/\bat .*\.ts:\d+|"stack"/);
  });
});
