/**
 * `npm run import -- FILE.json` as a person runs it: a real process against the test
 * run's Neo4j, its exit status and what it prints.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Graph } from '../db/index.ts';
import { openTestGraph, snapshot, wipe } from '../../tests/support/graph.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let graph: Graph;
let dir: string;

beforeAll(async () => {
  graph = await openTestGraph();
  dir = mkdtempSync(join(tmpdir(), 'ecomap-cli-'));
});
afterAll(async () => {
  await graph?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI on `content` written to a file; resolves when the process has exited. */
function runCli(content: unknown): Promise<{ code: number | null; stderr: string }> {
  const file = join(dir, 'ecosystem.json');
  writeFileSync(file, JSON.stringify(content));
  const child = spawn('npx', ['tsx', 'graph/import/cli.ts', file], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_URI: inject('neo4jUri') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => { stderr += c.toString(); });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stderr }));
  });
}

describe('npm run import refuses a file', () => {
  it('with every problem listed: a date that is not real does not hide an empty name, a negative value or `to` before `from`', async () => {
    await wipe(graph);
    const before = await snapshot(graph);
    const { code, stderr } = await runCli({
      regions: [{ code: 'DE', name: 'Germany' }],
      industries: [{ code: 'FSI', name: 'Financial services' }],
      partners: [{ id: 'p1', name: 'Northwind Consulting', type: 'SYSTEM_INTEGRATOR' }],
      customers: [{ id: 'c1', name: 'Contoso Bank', region: 'DE', industry: 'FSI' }],
      engagements: [{
        id: 'e1', name: '', customer: 'c1', status: 'PLANNED', value: -5, startDate: '2026-02-30',
        participants: [{ partner: 'p1', role: 'ORCHESTRATOR', from: '2026-03-01', to: '2026-01-01' }],
      }],
    });
    expect(code, stderr).toBe(1);
    expect(stderr).toContain('Refused: 4 problems; nothing was written.');
    const listed = stderr.split('\n').filter((line) => line.startsWith('  ')).map((line) => line.trim().split(': ')[0]).sort();
    expect(listed).toEqual([
      'engagements[0].name', 'engagements[0].participants[0].to', 'engagements[0].startDate', 'engagements[0].value',
    ]);
    expect(await snapshot(graph)).toEqual(before);
  }, 120_000); // a real `npx tsx` process, started on a machine other test runs share: more than the 60 s default
});
