/**
 * The throughput baseline (a yardstick, not product code): a bare `node:http` server
 * that reads the request body and answers with fixed bytes and headers — the same bytes
 * the API answers to the benchmark's request.
 *
 *   BENCH_BODY_FILE=answer.json BENCH_HEADERS='{"content-type":"…"}' PORT=0 tsx bench/plain-server.ts
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const body = readFileSync(process.env.BENCH_BODY_FILE ?? '');
const headers = JSON.parse(process.env.BENCH_HEADERS ?? '{}') as Record<string, string>;

const server = createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => {
    for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
    res.setHeader('Content-Length', body.length);
    res.end(body);
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
