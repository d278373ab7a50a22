/**
 * Requests per second under load (autocannon, 50 connections) on one simple query
 * against the API, and against a plain node:http server answering the same bytes
 * (bench/plain-server.ts), alternating between the two each run.
 *
 * The simple query is `{ viewer { role } }`: authenticated, parsed, validated, checked
 * against the limits and executed by type-graphql like any other, answered without the
 * database, as the published Apollo + type-graphql comparisons are. A partner looked up
 * by id (one indexed read) is measured beside it, for what one round trip costs.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { dataOrError, graphqlBody, postGraphql } from './http-client.ts';
import { startChild, waitForLine } from './processes.ts';
import { median } from './stats.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CONNECTIONS = 50;

export interface LoadRun { requestsPerSecond: number; p50: number; p99: number; non2xx: number; errors: number }
export interface ThroughputResult {
  query: string;
  seconds: number;
  api: LoadRun[];
  /** The API on a partner looked up by id: one indexed read per request (diagnostic, no target). */
  apiOneRead: LoadRun[];
  oneReadQuery: string;
  plain: LoadRun[];
  /** Median requests/s of the API over the plain server's. */
  ratio: number;
}

export const SIMPLE_QUERY = '{ viewer { role } }';

export async function measureThroughput(apiUrl: string, token: string, partnerId: string, runs: number, seconds: number,
  log: (line: string) => void): Promise<ThroughputResult> {
  const query = SIMPLE_QUERY;
  const oneReadQuery = `{ partner(id: ${JSON.stringify(partnerId)}) { id name type } }`;
  const body = graphqlBody(query);
  const answer = await postGraphql(apiUrl, token, body);
  dataOrError(answer);
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(answer.headers)) {
    if (value === undefined || ['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(key)) continue;
    headers[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  const bodyFile = join(tmpdir(), `ecomap-bench-answer-${process.pid}.json`);
  writeFileSync(bodyFile, answer.body);

  const plain = startChild(process.execPath, ['--import', 'tsx', 'bench/plain-server.ts'], {
    cwd: ROOT, env: { ...process.env, BENCH_BODY_FILE: bodyFile, BENCH_HEADERS: JSON.stringify(headers), PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const port = (await waitForLine(plain, /listening (\d+)/, 30_000))[1];
    const plainUrl = `http://127.0.0.1:${port}`;
    const load = async (url: string, payload = body): Promise<LoadRun> => {
      const r = await autocannon({
        url: `${url}/graphql`, connections: CONNECTIONS, duration: seconds, method: 'POST', body: payload,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      });
      return { requestsPerSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
    };
    const api: LoadRun[] = [];
    const oneRead: LoadRun[] = [];
    const bare: LoadRun[] = [];
    for (let run = 1; run <= runs; run++) {
      const p = await load(plainUrl);
      bare.push(p);
      const a = await load(apiUrl);
      api.push(a);
      const n = await load(apiUrl, graphqlBody(oneReadQuery));
      oneRead.push(n);
      log(`  throughput run ${run}/${runs}: API ${a.requestsPerSecond.toFixed(0)} req/s (p99 ${a.p99} ms), API with one read ${n.requestsPerSecond.toFixed(0)} req/s, plain ${p.requestsPerSecond.toFixed(0)} req/s`
        + (a.non2xx + a.errors > 0 ? ` — API: ${a.non2xx} non-2xx, ${a.errors} errors` : ''));
    }
    const rps = (list: LoadRun[]) => median(list.map((r) => r.requestsPerSecond));
    return { query, seconds, api, apiOneRead: oneRead, oneReadQuery, plain: bare, ratio: rps(api) / rps(bare) };
  } finally {
    await plain.stop();
  }
}
