/**
 * A body over MAX_BODY_BYTES gets a 413 every client can read (issue 14, item 2), also the
 * clients that write their whole body before they read: Node's fetch, a raw socket, and
 * Python's http.client in a real python3 process.
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp } from '../../tests/support/api.ts';
import type { RunningApp } from '../app.ts';
import { LINGER_FACTOR } from './oversized-body.ts';

const LIMIT = 10 * 1024 * 1024; // the default MAX_BODY_BYTES
const QUIET = { LOG_LEVEL: 'silent' };

let app: RunningApp;
let small: RunningApp;
beforeAll(async () => {
  app = await startTestApp(QUIET);
  small = await startTestApp({ ...QUIET, MAX_BODY_BYTES: '2000' });
});
afterAll(async () => { await Promise.all([app?.close(), small?.close()]); });

const portOf = (a: RunningApp) => Number(new URL(a.url).port);

/** Writes `request` whole (waiting for the kernel to take it), then reads until the server closes. */
function writeAllThenRead(port: number, request: Buffer): Promise<{ text: string; error: string | null }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let error: string | null = null;
    socket.pause(); // read nothing until everything is written
    socket.write(request, (err) => {
      if (err) error = (err as NodeJS.ErrnoException).code ?? err.message;
      socket.resume();
    });
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (err: NodeJS.ErrnoException) => { error ??= err.code ?? err.message; });
    socket.on('close', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), error }));
  });
}

function postHead(bytes: number, extra = ''): string {
  return `POST /graphql HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${ADMIN}\r\nContent-Type: application/json\r\n`
    + `Content-Length: ${bytes}\r\n${extra}\r\n`;
}

/** The status and the parsed JSON body of a raw HTTP/1.1 answer. */
function parseAnswer(text: string): { status: number; headers: string; body: any } {
  const end = text.indexOf('\r\n\r\n');
  const head = text.slice(0, end);
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), headers: head.toLowerCase(), body: JSON.parse(text.slice(end + 4)) };
}

function expect413(status: number, body: any): void {
  expect(status).toBe(413);
  expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(body).not.toHaveProperty('data');
}

describe(`a body of MAX_BODY_BYTES + 1 (${LIMIT + 1} bytes)`, () => {
  it("Node's fetch reads the 413", async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
      body: Buffer.alloc(LIMIT + 1, 0x20),
    });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect413(res.status, await res.json());
  });

  it('a raw socket that writes everything before it reads gets the 413, JSON', async () => {
    const answer = await writeAllThenRead(portOf(app), Buffer.concat([Buffer.from(postHead(LIMIT + 1)), Buffer.alloc(LIMIT + 1, 0x20)]));
    expect(answer.error).toBeNull();
    const { status, headers, body } = parseAnswer(answer.text);
    expect(headers).toMatch(/\r\ncontent-type: application\/json/);
    expect(headers).toMatch(/\r\nconnection: close/);
    expect413(status, body);
  });

  it("python3's http.client (request, then getresponse) gets the 413", async () => {
    const script = `
import http.client, json, sys
c = http.client.HTTPConnection('127.0.0.1', int(sys.argv[1]))
try:
    c.request('POST', '/graphql', body=b' ' * ${LIMIT + 1},
              headers={'Content-Type': 'application/json', 'Authorization': 'Bearer ${ADMIN}'})
    r = c.getresponse()
    print(json.dumps({'status': r.status, 'body': r.read().decode()}))
except Exception as e:
    print(json.dumps({'error': type(e).__name__ + ': ' + str(e)}))
`;
    const child = spawn('python3', ['-c', script, String(portOf(app))], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    await new Promise((resolve) => child.on('close', resolve));
    const result = JSON.parse(out);
    expect(result.error).toBeUndefined();
    expect413(result.status, JSON.parse(result.body));
  });
});

describe(`a body over MAX_BODY_BYTES (2000 here) is read and discarded up to ${LINGER_FACTOR}× that, then the connection closes`, () => {
  it('a chunked body (no Content-Length) over the limit: the 413, read after writing everything', async () => {
    const body = JSON.stringify({ query: `{ viewer { role } } # ${'x'.repeat(3000)}` });
    const chunked = `${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    const head = postHead(0).replace('Content-Length: 0\r\n', 'Transfer-Encoding: chunked\r\n');
    const answer = await writeAllThenRead(portOf(small), Buffer.from(head + chunked));
    expect(answer.error).toBeNull();
    const { status, body: parsed } = parseAnswer(answer.text);
    expect413(status, parsed);
  });

  it('a client that keeps sending past the bound is cut off there, not read to its end', async () => {
    const declared = 200 * 1024 * 1024; // far more than loopback's socket buffers hold
    const socket = connect(portOf(small), '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (c: Buffer) => received.push(c));
    socket.on('error', () => {}); // the reset is expected: the server stopped reading
    const closed = new Promise((resolve) => socket.on('close', resolve));
    let written = 0;
    socket.write(postHead(declared));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    while (!socket.destroyed && written < declared) {
      written += chunk.length;
      if (!socket.write(chunk)) await new Promise((resolve) => { socket.once('drain', resolve); socket.once('close', resolve); });
    }
    await closed;
    expect(written).toBeLessThan(declared);
    // What the client read before the reset, if anything, was the 413.
    const text = Buffer.concat(received).toString('utf8');
    if (text) expect(text).toMatch(/^HTTP\/1\.1 413 /);
  });
});
