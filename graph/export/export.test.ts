/**
 * The JSON export: a round trip that gives the same bytes and the same graph, a copy
 * that is consistent while writes land, and the backup and restore a person runs as two
 * commands against a running server.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestGraph, snapshot, wipe } from '../../tests/support/graph.ts';
import type { Graph } from '../db/index.ts';
import { setOutcomeStatus } from '../engagements/index.ts';
import { importEcosystem } from '../import/index.ts';
import { exportToFile } from './export-file.ts';
import { writeEcosystemJson } from './export-json.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = JSON.parse(readFileSync(join(ROOT, 'seeds/sample-ecosystem.json'), 'utf8')) as unknown;

let graph: Graph;
let dir: string;
beforeAll(async () => {
  graph = await openTestGraph({ queryTimeoutMs: 120_000 });
  dir = mkdtempSync(join(tmpdir(), 'ecomap-export-'));
});
afterAll(async () => {
  await graph?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function exportText(pageSize?: number): Promise<string> {
  let text = '';
  const result = await writeEcosystemJson(graph, async (chunk) => { text += chunk; }, { pageSize });
  expect(result.consistent).toBe(true);
  return text;
}

describe('JSON export', () => {
  it('round trip on the sample: export, import into an empty database, export again: the same bytes and the same graph', async () => {
    await wipe(graph);
    await importEcosystem(graph, SAMPLE, 120_000);
    const before = await snapshot(graph);
    // Pages of 7 rows: paging must not change a byte.
    const first = await exportText(7);
    expect(await exportText()).toBe(first);
    const parsed = JSON.parse(first) as { partners: unknown[]; engagements: unknown[] };
    expect(parsed.partners).toHaveLength(40);
    expect(parsed.engagements).toHaveLength(166);

    await wipe(graph);
    await importEcosystem(graph, JSON.parse(first), 120_000);
    expect(await snapshot(graph)).toEqual(before);
    expect(await exportText()).toBe(first);
  }, 180_000); // two imports of the whole sample and three exports, maybe on a cold and busy database: 30 s on an idle one

  it('a write that lands during the export: that copy is thrown away and the next attempt is the state after it', async () => {
    const out = join(dir, 'during.json');
    let wrote = false;
    const result = await exportToFile(graph, out, {
      pageSize: 10,
      afterPage: async (section) => {
        if (section === 'partners' && !wrote) {
          wrote = true;
          await setOutcomeStatus(graph, 'o-claims-speed', 'MET');
        }
      },
    });
    expect(result.attempts).toBe(2);
    const file = readFileSync(out, 'utf8');
    expect(file).toBe(await exportText());
    expect(file).toContain('"id":"o-claims-speed","description"');
    expect(JSON.parse(file).engagements.flatMap((e: { outcomes: Array<{ id: string; status: string }> }) => e.outcomes)
      .find((o: { id: string }) => o.id === 'o-claims-speed').status).toBe('MET');
    await setOutcomeStatus(graph, 'o-claims-speed', 'MISSED');
  });

  it('gives up with CONFLICT when every attempt sees a write, and leaves no file', async () => {
    const out = join(dir, 'never.json');
    let n = 0;
    const attempt = exportToFile(graph, out, {
      attempts: 3,
      afterPage: async (section) => {
        if (section === 'regions') await setOutcomeStatus(graph, 'o-claims-speed', n++ % 2 === 0 ? 'MET' : 'MISSED');
      },
    });
    await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);
    await setOutcomeStatus(graph, 'o-claims-speed', 'MISSED');
  });
});

describe('backup and restore, as a person runs them', () => {
  const run = (script: string, args: string[]) => promisify(execFile)('node_modules/.bin/tsx', [script, ...args], {
    cwd: ROOT, env: { ...process.env, NEO4J_URI: inject('neo4jUri') }, maxBuffer: 64 * 1024 * 1024,
  });

  it('npm run export while the server runs, then npm run import into an empty database: the same graph', async () => {
    const before = await snapshot(graph);
    const backup = join(dir, 'backup.json');
    const { stderr } = await run('graph/export/cli.ts', ['--format', 'json', '--out', backup]);
    expect(stderr).toMatch(/^Exported 10 regions, 7 industries, 18 capabilities, 40 partners, 66 customers, 166 engagements, \d+ deal registrations to /);
    await wipe(graph);
    await run('graph/import/cli.ts', [backup]);
    expect(await snapshot(graph)).toEqual(before);
  }, 180_000); // two real tsx processes (as graph/import/cli.test.ts, which gives one 120 s) on a machine other runs share

  it('refuses a format it does not write, saying which it does', async () => {
    await expect(run('graph/export/cli.ts', ['--format', 'pdf', '--out', join(dir, 'x.pdf')])).rejects.toMatchObject({
      code: 1, stderr: expect.stringContaining('this version writes: json, csv, xlsx, graphml, gexf'),
    });
  });
});
