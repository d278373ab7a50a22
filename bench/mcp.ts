/**
 * `npm run bench:mcp -- --data-dir PATH [--size S] [--iterations N] [--tools a,b] [--neo4j-uri URI]`: what an
 * MCP tool call costs beside the same GraphQL request (issue 19: at most 1.2×). The API runs
 * as a child process on the store `npm run bench -- --data-dir PATH` kept for the size (or on
 * a running server, --neo4j-uri, e.g. from bench/serve-store.ts); each tool's question is
 * sent as a JSON-RPC `tools/call` to /mcp and as its GraphQL document to /graphql, over the
 * same keep-alive client, alternately (which goes first alternates too), so that whatever
 * else the machine does weighs on both sides alike. Prints a Markdown table.
 */
import { parseArgs } from 'node:util';
import { TOOLS, keepCutPoints } from '../api/mcp/index.ts';
import { startApiProcess } from './api-process.ts';
import { SIZES } from './args.ts';
import { cycle, loadFixture, type Fixture } from './fixture.ts';
import { closeClient, graphqlBody, postGraphql, postJson, type GqlResult } from './http-client.ts';
import { Graph } from '../graph/db/index.ts';
import { plainDriver, startBenchServer, type BenchServer } from './neo4j.ts';
import { percentile } from './stats.ts';
import { storeDir } from './store.ts';

const USAGE = 'usage: npm run bench:mcp -- (--data-dir PATH | --neo4j-uri URI) [--size S|M|L] [--iterations N] [--tools explain_outcome,coverage_gaps]';
const ADMIN = 'bench-mcp-admin-secret-0123456789';

/** The questions timed: each tool's arguments for the i-th request. */
function questions(f: Fixture): Array<{ tool: string; args: (i: number) => Record<string, unknown> }> {
  return [
    { tool: 'explain_outcome', args: (i) => ({ outcomeId: cycle(f.missedOutcomes, i) }) },
    { tool: 'engagement_gaps', args: (i) => ({ engagementId: cycle(f.activeEngagements, i) }) },
    { tool: 'attribution', args: (i) => ({ engagementId: cycle(f.attributedEngagements, i), model: 'POSITION_BASED' }) },
    { tool: 'missed_outcomes', args: () => ({ first: 20 }) },
    { tool: 'find_partners', args: (i) => ({ query: 'a', first: 20 + (i % 2) }) },
    { tool: 'coverage_gaps', args: () => ({ regions: ['DE', 'FR'] }) },
  ];
}

interface Row { tool: string; graphql: number[]; mcp: number[] }

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: {
    'data-dir': { type: 'string' }, 'neo4j-uri': { type: 'string' }, size: { type: 'string', default: 'S' }, iterations: { type: 'string', default: '300' },
    tools: { type: 'string' },
  }, strict: true });
  const size = SIZES.find((s) => s.name === values.size?.toUpperCase());
  const iterations = Number(values.iterations);
  if (!size || (!values['data-dir'] && !values['neo4j-uri']) || !Number.isInteger(iterations) || iterations < 10) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let server: BenchServer | undefined;
  // The bench measures one call after another from one token: far over the per-token rate an agent gets.
  process.env.MCP_CALLS_PER_SECOND = '1000000';
  try {
    let uri = values['neo4j-uri'];
    if (!uri) {
      server = await startBenchServer({ dataDir: storeDir(values['data-dir']!, size), pageCacheMb: size.pageCacheMb, heapMb: size.neo4jHeapMb }, log);
      uri = server.uri;
    }
    const driver = server ? null : plainDriver(uri);
    const fixture = await loadFixture(server?.graph ?? new Graph(driver!, { queryTimeoutMs: 60_000 })).finally(() => driver?.close());
    // A cold store on a busy machine may take longer than the default 10 s for a first read.
    const api = await startApiProcess(uri, ADMIN, size.apiQueryTimeoutMs ?? 60_000);
    try {
      const rows: Row[] = [];
      const only = values.tools?.split(',');
      for (const q of questions(fixture).filter((x) => !only || only.includes(x.tool))) rows.push(await measure(api.url, q, iterations));
      process.stdout.write(table(size.name, iterations, rows));
    } finally {
      await api.stop();
    }
    return 0;
  } finally {
    await closeClient();
    await server?.stop();
  }
}

const MCP_HEADERS = { authorization: `Bearer ${ADMIN}`, accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-06-18' };

async function measure(url: string, q: { tool: string; args: (i: number) => Record<string, unknown> }, iterations: number): Promise<Row> {
  const tool = TOOLS.find((t) => t.name === q.tool)!;
  const viaGraphql = (i: number) => postGraphql(url, ADMIN, graphqlBody(tool.document, JSON.parse(JSON.stringify(tool.variables(q.args(i)))) as Record<string, unknown>));
  const viaMcp = (i: number) => postJson(url, '/mcp', JSON.stringify({ jsonrpc: '2.0', id: i, method: 'tools/call', params: { name: tool.name, arguments: q.args(i) } }), MCP_HEADERS);

  // The same answer both ways, or the comparison means nothing.
  const [g, m] = [await viaGraphql(0), await viaMcp(0)];
  const data = ok(g).data as Record<string, unknown>;
  const result = (m.json as unknown as { result?: { structuredContent?: unknown; isError?: boolean } }).result;
  if (!result || result.isError || JSON.stringify(result.structuredContent) !== JSON.stringify(tool.keep ? keepCutPoints(data) : data)) {
    throw new Error(`${tool.name}: the MCP answer differs from the GraphQL answer: ${m.body.slice(0, 300)}`);
  }
  const warmup = Math.min(50, Math.floor(iterations / 5));
  const row: Row = { tool: tool.name, graphql: [], mcp: [] };
  for (let i = 0; i < warmup + iterations; i++) {
    const order = i % 2 === 0 ? (['graphql', 'mcp'] as const) : (['mcp', 'graphql'] as const);
    for (const side of order) {
      const started = process.hrtime.bigint();
      const res = side === 'graphql' ? await viaGraphql(i) : await viaMcp(i);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (res.status !== 200) throw new Error(`${tool.name} over ${side}: HTTP ${res.status} ${res.body.slice(0, 200)}`);
      if (i >= warmup) row[side].push(ms);
    }
  }
  return row;
}

function ok(result: GqlResult): GqlResult['json'] {
  if (result.json.errors?.length) throw new Error(`GraphQL: ${result.json.errors[0]!.message}`);
  return result.json;
}

function table(size: string, iterations: number, rows: Row[]): string {
  const f = (ms: number) => ms.toFixed(2);
  const lines = [
    `MCP tool call against the same GraphQL request, size ${size}, ${iterations} of each, alternating (ms):`,
    '',
    '| tool | GraphQL p50 | MCP p50 | ratio p50 | GraphQL p99 | MCP p99 | ratio p99 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => {
      const [g50, m50, g99, m99] = [percentile(r.graphql, 50), percentile(r.mcp, 50), percentile(r.graphql, 99), percentile(r.mcp, 99)];
      return `| ${r.tool} | ${f(g50)} | ${f(m50)} | ${(m50 / g50).toFixed(2)} | ${f(g99)} | ${f(m99)} | ${(m99 / g99).toFixed(2)} |`;
    }),
    '',
  ];
  return lines.join('\n');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  },
);
