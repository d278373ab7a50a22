/**
 * Imports through the API as jobs (README "Imports through the API"), against the real app:
 * uploads to POST /imports (a workbook, CSV files, a JSON file) are checked before
 * anything is written and every problem is named by file, row and column; a READY upload is
 * written on request, its audit entry names the file; `importEcosystem` and `startImport`
 * run under IMPORT_TIMEOUT_MS, not a request's QUERY_TIMEOUT_MS, with progress readable while
 * they wait or write.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateEcosystem } from '../../seeds/generate.ts';
import { ADMIN, codes, useTestApp } from '../../tests/support/api.ts';
import { snapshot, wipe } from '../../tests/support/graph.ts';
import { makeTokens } from '../../tests/support/tokens.ts';

const TEMPLATES = new URL('../../seeds/templates/', import.meta.url);
const template = (name: string) => new File([readFileSync(new URL(name, TEMPLATES))], name);
const CSV_TEMPLATES = readdirSync(TEMPLATES).filter((n) => n.endsWith('.csv'));

interface Job {
  id: string; state: string; phase: string | null; source: string; format: string; done: number; total: number;
  problems: Array<{ path: string; message: string }>; problemCount: number;
  counts: Record<string, number> | null; error: { code: string; message: string } | null;
}

// QUERY_TIMEOUT_MS far below what an import of a few thousand items takes: an import cut by
// a request's limit would fail here.
const t = useTestApp(undefined, { QUERY_TIMEOUT_MS: '250', MAX_UPLOAD_BYTES: String(4 * 1024 * 1024) });

async function upload(files: File[], query = '', token: string | null = ADMIN): Promise<{ status: number; body: Job & { errors?: Array<{ extensions: { code: string; problems?: Job['problems'] } }> } }> {
  const form = new FormData();
  for (const file of files) form.append('file', file, file.name);
  const res = await fetch(`${t.app.url}/imports${query}`, { method: 'POST', body: form, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: await res.json() };
}

async function job(id: string): Promise<Job> {
  const res = await fetch(`${t.app.url}/imports/${id}`, { headers: { Authorization: `Bearer ${ADMIN}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as Job;
}

/** Polls until the job leaves the states in `running` (no fixed wait: a busy machine only makes it slower). */
async function settled(id: string, running = ['CHECKING', 'WRITING']): Promise<Job> {
  for (;;) {
    const seen = await job(id);
    if (!running.includes(seen.state)) return seen;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function auditOf(operation: string) {
  const res = await t.gql<{ auditLog: { edges: Array<{ node: { operation: string; source: string | null; idCount: number } }> } }>(
    'query($ops: [String!]) { auditLog(first: 5, filter: { operations: $ops }) { edges { node { operation source idCount } } } }', { ops: [operation] });
  return res.data!.auditLog.edges.map((e) => e.node);
}

describe('uploads to POST /imports', () => {
  it('a workbook is checked (READY, what it holds, nothing written), then written on request; the audit entry names the file', async () => {
    await wipe(t.graph);
    const before = await snapshot(t.graph);
    const started = await upload([new File([readFileSync(new URL('templates.xlsx', TEMPLATES))], 'partners 2026.xlsx')]);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ format: 'xlsx', source: 'partners 2026.xlsx' });
    const checked = await settled(started.body.id);
    expect(checked).toMatchObject({ state: 'READY', phase: null, problems: [], problemCount: 0 });
    expect(checked.counts).toMatchObject({ partners: 2, engagements: 2 });
    expect(await snapshot(t.graph)).toEqual(before);

    const write = await fetch(`${t.app.url}/imports/${checked.id}/write`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN}` } });
    expect(write.status).toBe(202);
    const done = await settled(checked.id, ['READY', 'WRITING']);
    expect(done).toMatchObject({ state: 'DONE', error: null });
    expect(done.counts).toMatchObject({ partners: 2, engagements: 2 });
    const partners = await t.gql<{ partners: { totalCount: number } }>('{ partners(first: 1) { totalCount } }');
    expect(partners.data!.partners.totalCount).toBe(2);
    expect((await auditOf('upload'))[0]).toMatchObject({ operation: 'upload', source: 'partners 2026.xlsx' });

    // Written once: a second write is refused, and says why.
    const again = await fetch(`${t.app.url}/imports/${checked.id}/write`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN}` } });
    expect(again.status).toBe(409);
    expect((await again.json()).errors[0].message).toMatch(/is DONE: only a READY import/);
  });

  it('CSV files with problems: every problem named by file, row and column, REFUSED, nothing written', async () => {
    await wipe(t.graph);
    const before = await snapshot(t.graph);
    const files = CSV_TEMPLATES.map((name) => {
      if (name !== 'partners.csv') return template(name);
      const text = readFileSync(new URL(name, TEMPLATES), 'utf8').split('\n');
      text[1] = text[1]!.replace(',ISV,', ',PIRATE,');
      return new File([text.join('\n')], name);
    });
    const started = await upload(files, '?write=1');
    expect(started.status).toBe(202);
    const refused = await settled(started.body.id);
    expect(refused.state).toBe('REFUSED');
    expect(refused.problems.map((p) => p.path)).toContain('partners.csv:2:type');
    expect(refused.problemCount).toBe(refused.problems.length);
    expect(await snapshot(t.graph)).toEqual(before);
  });

  it('a JSON file with ?write=1 is checked and written in one go', async () => {
    await wipe(t.graph);
    const input = generateEcosystem({ partners: 30, engagements: 60, seed: 3 });
    const started = await upload([new File([JSON.stringify(input)], 'crm-export.json')], '?write=1');
    expect(started.status).toBe(202);
    const done = await settled(started.body.id, ['CHECKING', 'READY', 'WRITING']);
    expect(done).toMatchObject({ state: 'DONE', format: 'json' });
    expect(done.counts!.engagements).toBe(60);
    expect((await auditOf('upload'))[0]).toMatchObject({ source: 'crm-export.json', idCount: expect.any(Number) });
  });

  it('refuses what is not an upload of the layout, with its reason, and writes nothing', async () => {
    await wipe(t.graph);
    const before = await snapshot(t.graph);
    const mixed = await upload([template('partners.csv'), new File(['{}'], 'more.json')]);
    expect(mixed.status).toBe(400);
    expect(mixed.body.errors![0]!.extensions.problems![0]!.message).toMatch(/not a mix/);
    const none = await upload([]);
    expect(none.status).toBe(400);
    expect(none.body.errors![0]!.extensions.problems![0]!.message).toMatch(/holds no file/);
    const notForm = await fetch(`${t.app.url}/imports`, { method: 'POST', body: '{}', headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' } });
    expect(notForm.status).toBe(415);
    const big = await upload([new File([Buffer.alloc(5 * 1024 * 1024, 'a')], 'huge.json')]);
    expect(big.status).toBe(413);
    expect(big.body.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(await snapshot(t.graph)).toEqual(before);
  });

  it('ADMIN only: other tokens get FORBIDDEN, no token UNAUTHENTICATED', async () => {
    const tokens = await makeTokens(t.graph, []);
    const analyst = await upload([template('regions.csv')], '', tokens.analyst);
    expect(analyst.status).toBe(403);
    expect(analyst.body.errors![0]!.extensions.code).toBe('FORBIDDEN');
    const anonymous = await fetch(`${t.app.url}/imports`);
    expect(anonymous.status).toBe(401);
    const list = await fetch(`${t.app.url}/imports`, { headers: { Authorization: `Bearer ${tokens.analyst}` } });
    expect(list.status).toBe(403);
  });
});

describe('importEcosystem and startImport run under IMPORT_TIMEOUT_MS, not the request limit', () => {
  const input = () => generateEcosystem({ partners: 400, engagements: 1_200, seed: 11 });

  it('an import far longer than QUERY_TIMEOUT_MS is written, not cut (QUERY_TOO_COMPLEX before)', async () => {
    await wipe(t.graph);
    const res = await t.gql<{ importEcosystem: { engagements: number } }>(
      'mutation($i: EcosystemInput!) { importEcosystem(input: $i) { engagements } }', { i: input() });
    expect(codes(res)).toEqual([]);
    expect(res.data!.importEcosystem.engagements).toBe(1_200);
  });

  it('startImport answers at once; importJob shows it waiting for the imports\' lock, then DONE', async () => {
    await wipe(t.graph);
    // Hold the imports' lock (graph/import's LOCK_IMPORTS) in an open transaction, so that
    // the job is seen waiting whatever the machine's speed.
    const session = t.graph.driver.session();
    const tx = session.beginTransaction();
    await tx.run("MERGE (s:GraphState {key: 'import'}) SET s.key = s.key");
    let id: string;
    try {
      const started = await t.gql<{ startImport: Job }>('mutation($i: EcosystemInput!) { startImport(input: $i) { id state phase } }', { i: input() });
      expect(codes(started)).toEqual([]);
      id = started.data!.startImport.id;
      expect(started.data!.startImport.state).toBe('WRITING');
      const waiting = await t.gql<{ importJob: Job; importJobs: Job[] }>('query($id: ID!) { importJob(id: $id) { state phase } importJobs { id } }', { id });
      expect(waiting.data!.importJob).toEqual({ state: 'WRITING', phase: 'CHECKING' });
      expect(waiting.data!.importJobs.map((j) => j.id)).toContain(id);
    } finally {
      await tx.rollback();
      await session.close();
    }
    const done = await settled(id);
    expect(done.state).toBe('DONE');
    expect(done.counts!.engagements).toBe(1_200);
  });

  it('importJob and startImport are ADMIN only', async () => {
    const tokens = await makeTokens(t.graph, []);
    const res = await t.gql('{ importJobs { id } }', {}, tokens.analyst);
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });
});
