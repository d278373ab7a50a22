/**
 * GET /export against the real app on the sample: the same files `npm run export` writes
 * (csv as a zip of the layout's files), for ADMIN and ANALYST; PARTNER and anonymous
 * requests refused; an unknown format named.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTo } from '../../graph/export/index.ts';
import type { EcosystemInput } from '../../graph/model/index.ts';
import { ADMIN, useTestApp } from '../../tests/support/api.ts';
import { makeTokens, type TestTokens } from '../../tests/support/tokens.ts';

const SAMPLE = readFileSync(new URL('../../seeds/sample-ecosystem.json', import.meta.url), 'utf8');
const t = useTestApp(() => JSON.parse(SAMPLE) as EcosystemInput);

let dir: string;
let tokens: TestTokens;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecomap-export-test-'));
  tokens = await makeTokens(t.graph, ['p-quillfield']);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const download = (format: string, token: string | null = ADMIN) =>
  fetch(`${t.app.url}/export?format=${format}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

describe('GET /export', () => {
  it('json: the same bytes as npm run export, as an attachment', async () => {
    const res = await download('json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="ecomap-\d{4}-\d{2}-\d{2}\.json"$/);
    await exportTo(t.graph, join(dir, 'cli.json'), 'json');
    expect(Buffer.from(await res.arrayBuffer()).equals(await readFile(join(dir, 'cli.json')))).toBe(true);
  });

  it('csv: a zip of the layout\'s files, each the same bytes as the CLI\'s folder', async () => {
    const res = await download('csv', tokens.analyst);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    await exportTo(t.graph, join(dir, 'cli-csv'), 'csv');
    const names = (await readdir(join(dir, 'cli-csv'))).sort();
    expect(Object.keys(zip.files).sort()).toEqual(names);
    expect(names).toContain('partners.csv');
    for (const name of names) {
      expect((await zip.file(name)!.async('nodebuffer')).equals(await readFile(join(dir, 'cli-csv', name))), name).toBe(true);
    }
  });

  it('xlsx, graphml and gexf download with their types', async () => {
    for (const [format, type, start] of [
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'PK'],
      ['graphml', 'application/graphml+xml; charset=utf-8', '<?xml'],
      ['gexf', 'application/gexf+xml; charset=utf-8', '<?xml'],
    ] as const) {
      const res = await download(format);
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(Buffer.from(await res.arrayBuffer()).subarray(0, start.length).toString('latin1')).toBe(start);
    }
  });

  it('refuses a PARTNER token, no token, and an unknown format, in the GraphQL error shape', async () => {
    const partner = await download('json', tokens.partner['p-quillfield']);
    expect(partner.status).toBe(403);
    expect((await partner.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await download('json', null)).status).toBe(401);
    const unknown = await download('pdf');
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors[0].message).toMatch(/format=pdf is not a format of the export: json, csv, xlsx, graphml, gexf/);
  });
});
