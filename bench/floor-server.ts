/**
 * The latency floor (a yardstick, not product code): a bare node:http server that runs
 * the statement it is sent as one auto-commit read through the driver, as the latency
 * table's driver side does, and answers with the rows as JSON. No GraphQL, no token, no
 * limits: what any HTTP service in front of the same statement costs on this machine
 * (a second process, a loopback round trip, a body to read and one to write).
 * It runs whatever Cypher it is sent, so it listens on 127.0.0.1 only, in READ sessions.
 *
 *   NEO4J_URI=bolt://… PORT=0 tsx bench/floor-server.ts
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import { toDriverParams } from '../graph/db/index.ts';
import { plainDriver } from './neo4j.ts';

// As on the driver side (bench/run.ts) and in the API (api/main.ts).
process.setSourceMapsEnabled(false);

const driver = plainDriver(process.env.NEO4J_URI ?? '');

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    void (async () => {
      const { cypher, params } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { cypher: string; params: Record<string, unknown> };
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.run(cypher, toDriverParams(params) as Record<string, unknown>);
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ rows: result.records.map((record) => record.toObject()) }));
      } finally {
        await session.close();
      }
    })().catch((err: unknown) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ error: err instanceof Error ? err.message : String(err) }));
    });
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => void driver.close().then(() => process.exit(0))));
