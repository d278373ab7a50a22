/**
 * The templates in seeds/templates/ are what `npm run templates` writes (so they stay in
 * step with the layout), have a header and two example rows each, and import cleanly,
 * as a folder of CSV files and as the workbook.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../graph/db/index.ts';
import { importLoaded, loadImport } from '../graph/import/index.ts';
import { openTestGraph, wipe } from '../tests/support/graph.ts';
import { TEMPLATE_DIR, writeTemplates } from './templates.ts';

let graph: Graph;
let dir: string;
beforeAll(async () => {
  graph = await openTestGraph();
  dir = mkdtempSync(join(tmpdir(), 'ecomap-templates-'));
});
afterAll(async () => {
  await graph?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('seeds/templates', () => {
  it('are what the script writes today, byte for byte', async () => {
    const fresh = join(dir, 'templates');
    await writeTemplates(fresh);
    const names = readdirSync(TEMPLATE_DIR).sort();
    expect(readdirSync(fresh).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(join(fresh, name)).equals(readFileSync(join(TEMPLATE_DIR, name))), name).toBe(true);
  });

  it('hold a header and two example rows per CSV file', () => {
    const csv = readdirSync(TEMPLATE_DIR).filter((n) => n.endsWith('.csv'));
    expect(csv).toHaveLength(13);
    for (const name of csv) expect(readFileSync(join(TEMPLATE_DIR, name), 'utf8').split('\r\n').filter(Boolean), name).toHaveLength(3);
  });

  it.each(['folder', 'workbook'])('import cleanly as a %s', async (kind) => {
    await wipe(graph);
    const path = kind === 'folder' ? TEMPLATE_DIR : join(TEMPLATE_DIR, 'templates.xlsx');
    const result = await importLoaded(graph, await loadImport(path), 'templates', { timeoutMs: 60_000 });
    expect(result.problems).toBeUndefined();
    expect(result.counts).toMatchObject({ regions: 2, partners: 2, customers: 2, engagements: 2, contributions: 2, commitments: 2, outcomes: 2, dealRegistrations: 2 });
  });
});
