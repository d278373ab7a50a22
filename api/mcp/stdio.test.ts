/**
 * `npm run --silent mcp` as a desktop agent starts it: a child process on the test database
 * with the token in ECOMAP_TOKEN, driven by the SDK's stdio client. It answers what /graphql
 * answers, keeps stdout for JSON-RPC only, refuses a bad token with exit code 1, limits calls
 * per second, and stops with exit code 0 when its stdin closes.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importEcosystem } from '../../graph/import/index.ts';
import { client as gqlClient, startTestApp, type Gql } from '../../tests/support/api.ts';
import { wipe } from '../../tests/support/graph.ts';
import { makeTokens, type TestTokens } from '../../tests/support/tokens.ts';
import { SAMPLE_FILE, type RunningApp } from '../app.ts';
import { TOOLS, toolNamed } from './tools.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let app: RunningApp;
let gql: Gql;
let tokens: TestTokens;

beforeAll(async () => {
  app = await startTestApp();
  gql = gqlClient(app);
  await wipe(app.open.graph);
  await importEcosystem(app.open.graph, JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')), 120_000);
  tokens = await makeTokens(app.open.graph, ['p-cortexa']);
});
afterAll(async () => app?.close());

/** What the process gets: a clean environment with the test database and the token, as an agent's configuration gives it. */
function environment(token: string, more: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NEO4J_URI: inject('neo4jUri'), ECOMAP_TOKEN: token, ...more };
}

async function start(token: string, more: Record<string, string> = {}) {
  const transport = new StdioClientTransport({ command: 'npm', args: ['run', '--silent', 'mcp'], cwd: ROOT, env: environment(token, more), stderr: 'pipe' });
  let stderr = '';
  transport.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const client = new Client({ name: 'ecomap-stdio-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport, stderr: () => stderr };
}

function text(result: CallToolResult): string {
  const item = result.content[0];
  return item?.type === 'text' ? item.text : '';
}

describe('npm run mcp', () => {
  it('answers every tool a PARTNER may call as /graphql answers it, then stops when its client closes', async () => {
    const token = tokens.partner['p-cortexa']!;
    const { client, stderr } = await start(token);
    const listed = (await client.listTools()).tools.map((t) => t.name).sort();
    expect(listed).toEqual(TOOLS.filter((t) => t.roles.includes('PARTNER')).map((t) => t.name).sort());
    const questions: Array<[string, Record<string, unknown>]> = [
      ['explain_outcome', { outcomeId: 'o-claims-speed' }],
      ['missed_outcomes', {}],
      ['at_risk_outcomes', { asOf: '2026-12-05' }],
      ['coverage_gaps', { regions: ['JP'] }],
      ['engagement_gaps', { engagementId: 'e-claims-copilot' }],
      ['attribution', { engagementId: 'e-claims-copilot', model: 'POSITION_BASED' }],
      ['find_partners', { capabilities: ['sap'] }],
      ['partner_profile', { partnerId: 'p-cortexa' }],
    ];
    for (const [name, args] of questions) {
      const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
      const tool = toolNamed(name)!;
      const graphql = await gql(tool.document, JSON.parse(JSON.stringify(tool.variables(args))) as Record<string, unknown>, token);
      expect(result.isError, `${name}: ${text(result)}`).toBeFalsy();
      expect(result.structuredContent, name).toEqual(graphql.data);
    }
    const forbidden = (await client.callTool({ name: 'ecosystem_health', arguments: {} })) as CallToolResult;
    expect(text(forbidden)).toMatch(/^FORBIDDEN: /);
    const readme = await client.readResource({ uri: 'ecomap://contract/README.md' });
    expect((readme.contents[0] as { text: string }).text).toContain('npm run mcp');

    const pid = Number(/\(pid (\d+)\)/.exec(stderr())?.[1]);
    expect(pid).toBeGreaterThan(0);
    await client.close();
    // The server itself (below npm and tsx) says why it stopped, and is gone.
    await waitFor(() => /stopped \(stdin ended\)/.test(stderr()), 15_000);
    await waitFor(() => !alive(pid), 15_000);
    expect(stderr()).not.toMatch(/error|warn/i);
  });

  it('keeps stdout for JSON-RPC and exits with 0 when stdin ends', async () => {
    const child = spawn('npm', ['run', '--silent', 'mcp'], { cwd: ROOT, env: environment(tokens.analyst), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } })}\n`);
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'ecosystem_health', arguments: {} } })}\n`);
    await waitFor(() => stdout.split('\n').filter(Boolean).length >= 2, 120_000);
    child.stdin.end();
    expect(await exited).toBe(0);
    const lines = stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: number; result: Record<string, any> });
    expect(lines.map((l) => l.id)).toEqual([1, 2]);
    expect(lines[0]!.result.serverInfo.name).toBe('ecomap');
    expect(lines[1]!.result.structuredContent.ecosystemHealth.partners).toBe(40);
  });

  it('refuses a token it cannot authenticate: UNAUTHENTICATED on stderr, exit code 1, nothing on stdout', async () => {
    for (const token of ['not-a-token', '']) {
      const child = spawn('npm', ['run', '--silent', 'mcp'], { cwd: ROOT, env: environment(token), stdio: ['pipe', 'pipe', 'pipe'] });
      let [stdout, stderr] = ['', ''];
      child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
      child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
      const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(token ? /UNAUTHENTICATED: This token is not valid/ : /Set ECOMAP_TOKEN/);
    }
  });

  it('limits calls per second per token (MCP_CALLS_PER_SECOND)', async () => {
    const { client } = await start(tokens.analyst, { MCP_CALLS_PER_SECOND: '2' });
    const results = await Promise.all(Array.from({ length: 8 }, () => client.callTool({ name: 'find_partners', arguments: { first: 1 } }) as Promise<CallToolResult>));
    // Bursts of twice the rate: four pass at once, the rest are refused.
    expect(results.filter((r) => !r.isError).length).toBeGreaterThanOrEqual(4);
    expect(results.filter((r) => !r.isError).length).toBeLessThanOrEqual(5);
    for (const r of results.filter((x) => x.isError)) expect(text(r)).toMatch(/^QUERY_TOO_COMPLEX: This token made more than 2 tool calls per second/);
    await client.close();
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
