/**
 * The sender against a real local server: the address rule applies when connecting (a
 * name that resolves to a loopback address gets no request, whatever it resolved to
 * when the webhook was created), redirects are not followed, one keep-alive connection
 * carries many attempts, and the timeout ends an attempt without an answer.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSender } from './sender.ts';

const KEY = Buffer.alloc(32, 1);
let requests = 0;
const sockets = new Set<Socket>();
const hanging: ServerResponse[] = [];
const server = createServer((req, res) => {
  requests++;
  req.resume();
  req.on('end', () => {
    if (req.url === '/redirect') res.writeHead(302, { location: '/ok' }).end();
    else if (req.url === '/hang') hanging.push(res);
    else res.writeHead(204).end();
  });
});
server.on('connection', (socket) => sockets.add(socket));
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('the sender', () => {
  it('with the address rule on, sends nothing to a loopback address, by name or by number', async () => {
    const sender = createSender({ allowPrivate: false, timeoutMs: 5_000 });
    try {
      const before = requests;
      for (const url of [`http://localhost:${port}/ok`, `http://127.0.0.1:${port}/ok`, `http://[::ffff:127.0.0.1]:${port}/ok`]) {
        expect(await sender.send(url, KEY, 'evt', '{}'), url).toEqual({ status: null, aborted: false });
      }
      expect(requests).toBe(before);
    } finally {
      sender.close();
    }
  });

  it('without it, answers the status; a redirect is an answer, not followed; keep-alive reuses one connection', async () => {
    const sender = createSender({ allowPrivate: true, timeoutMs: 5_000 });
    try {
      const before = requests;
      const connections = sockets.size;
      expect(await sender.send(`http://localhost:${port}/redirect`, KEY, 'evt', '{}')).toEqual({ status: 302, aborted: false });
      for (let i = 0; i < 20; i++) expect((await sender.send(`http://127.0.0.1:${port}/ok`, KEY, `evt${i}`, '{}')).status).toBe(204);
      expect(requests - before).toBe(21);
      expect(sockets.size - connections).toBeLessThanOrEqual(2); // localhost and 127.0.0.1: one connection each
    } finally {
      sender.close();
    }
  });

  it('ends an attempt without an answer at the timeout, and cuts attempts in flight when closed', async () => {
    const sender = createSender({ allowPrivate: true, timeoutMs: 300 });
    const started = Date.now();
    expect(await sender.send(`http://127.0.0.1:${port}/hang`, KEY, 'evt', '{}')).toEqual({ status: null, aborted: false });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const cut = sender.send(`http://127.0.0.1:${port}/hang`, KEY, 'evt', '{}');
    while (hanging.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    sender.close();
    expect(await cut).toEqual({ status: null, aborted: true });
  });
});
