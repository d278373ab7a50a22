/**
 * Requests Node's HTTP parser refuses before a handler sees them (issue 14, item 3): a
 * URL over 16 KB (431), malformed HTTP (400), a client too slow with its headers or its
 * body (408). Each answer is JSON in the GraphQL error shape, over raw sockets because
 * no HTTP client sends such requests on purpose.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp } from '../../tests/support/api.ts';
import type { RunningApp } from '../app.ts';
import { Authenticator } from '../auth/authenticator.ts';
import { startApollo } from '../graphql/apollo.ts';
import { ecomapSchema } from '../graphql/schema.ts';
import { createHttpServer, type HttpServer } from './http.ts';
import { createLogger } from './logger.ts';

let app: RunningApp;
/** The same server with short timeouts, so that the 408s come quickly. */
let slowPatience: HttpServer;
let slowPort: number;

beforeAll(async () => {
  app = await startTestApp({ LOG_LEVEL: 'silent' });
  const graph = app.open.graph;
  slowPatience = createHttpServer({
    apollo: await startApollo(await ecomapSchema()), graph, auth: new Authenticator(graph, { adminToken: ADMIN, authOff: false }),
    maxBodyBytes: 10_000, webRoot: '/nonexistent', logger: createLogger('silent'), timeouts: { headersMs: 300, requestMs: 600 },
  });
  await new Promise<void>((resolve) => slowPatience.listen(0, '127.0.0.1', resolve));
  slowPort = (slowPatience.address() as { port: number }).port;
});
afterAll(async () => {
  slowPatience?.closeAllConnections();
  await new Promise((resolve) => slowPatience ? slowPatience.close(resolve) : resolve(undefined));
  await app?.close();
});

const portOf = (a: RunningApp) => Number(new URL(a.url).port);

/** Sends `request` and reads until the server closes the connection (and no longer: no timers here). */
function exchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.write(request);
  });
}

/** A JSON error answer in the GraphQL shape, with the status and the contract's code. */
function expectJsonError(text: string, status: number): void {
  const end = text.indexOf('\r\n\r\n');
  expect(end, text).toBeGreaterThan(0);
  const head = text.slice(0, end).toLowerCase();
  expect(head).toMatch(new RegExp(`^http/1\\.1 ${status} `));
  expect(head).toMatch(/\r\ncontent-type: application\/json; charset=utf-8/);
  expect(head).toMatch(/\r\ncache-control: no-store/);
  const body = JSON.parse(text.slice(end + 4));
  expect(body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT' } }] });
}

describe('what Node refuses before a handler runs is answered in JSON', () => {
  it('a URL over 16 KB: 431', async () => {
    const text = await exchange(portOf(app), `GET /graphql?query=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expectJsonError(text, 431);
  });

  it('malformed HTTP (a header line without a colon): 400', async () => {
    expectJsonError(await exchange(portOf(app), 'GET /graphql HTTP/1.1\r\nHost: localhost\r\nnot a header\r\n\r\n'), 400);
  });

  it('a request line that is not HTTP: 400', async () => {
    expectJsonError(await exchange(portOf(app), 'HELLO THERE\r\n\r\n'), 400);
  });

  it('headers that never end: 408 once the headers timeout passes', async () => {
    expectJsonError(await exchange(slowPort, `POST /graphql HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${ADMIN}\r\n`), 408);
  });

  it('a body that never ends: 408 once the request timeout passes', async () => {
    const head = `POST /graphql HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${ADMIN}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`;
    expectJsonError(await exchange(slowPort, `${head}{"query":`), 408);
  });

  it('after one of these the server still answers', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST', headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' }, body: '{"query":"{ viewer { role } }"}',
    });
    expect(await res.json()).toEqual({ data: { viewer: { role: 'ADMIN' } } });
  });
});
