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
import { createToken } from '../../graph/access/index.ts';

const TEMPLATES = new URL('../../seeds/templates/', import.meta.url);
const template = (name: string) => new File([readFileSync(new URL(name, TEMPLATES))], name);
const CSV_TEMPLATES = readdirSync(TEMPLATES).filter((n) => n.endsWith('.csv'));

interface Job {
  id: string; state: string; phase: string | null; source: string; format: string; done: number; total: number;
  problems: Array<{ path: string; message: string }>; problemCount: number;
  counts: Record<string, number> | null; error: { code: string; message: string } | null;
}

/** A request's time limit here: an import through the API is held past it below, and must not be cut. */
const QUERY_TIMEOUT_MS = 3_000;
const t = useTestApp(undefined, { QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS), MAX_UPLOAD_BYTES: String(4 * 1024 * 1024) });

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
  const input = () => generateEcosystem({ partners: 30, engagements: 60, seed: 11 });

  /**
   * Holds the imports' lock (graph/import's LOCK_IMPORTS) in an open transaction while
   * `during` runs, so that an import started meanwhile waits for it whatever the machine's speed.
   */
  async function holdingImportsLock<T>(during: () => Promise<T>): Promise<T> {
    const session = t.graph.driver.session();
    const tx = session.beginTransaction();
    try {
      await tx.run("MERGE (s:GraphState {key: 'import'}) SET s.key = s.key");
      return await during();
    } finally {
      await tx.rollback();
      await session.close();
    }
  }

  /** The job that waits for the imports' lock, once importJobs shows it there. */
  async function waitingJob(): Promise<string> {
    for (;;) {
      const res = await t.gql<{ importJobs: Job[] }>('{ importJobs { id state phase } }');
      const waiting = res.data!.importJobs.find((j) => j.state === 'WRITING' && j.phase === 'CHECKING');
      if (waiting) return waiting.id;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('an import that waits longer than QUERY_TIMEOUT_MS is written, not cut (QUERY_TOO_COMPLEX before)', async () => {
    await wipe(t.graph);
    const { answer } = await holdingImportsLock(async () => {
      const pending = t.gql<{ importEcosystem: { engagements: number } }>(
        'mutation($i: EcosystemInput!) { importEcosystem(input: $i) { engagements } }', { i: input() });
      await waitingJob();
      // Past a request's whole time limit, waiting in the import's own transaction: a slower machine only waits longer.
      await new Promise((r) => setTimeout(r, QUERY_TIMEOUT_MS + 500));
      return { answer: pending }; // wrapped: returned bare, it would be awaited before the lock is let go
    });
    const res = await answer;
    expect(codes(res)).toEqual([]);
    expect(res.data!.importEcosystem.engagements).toBe(60);
  });

  it('startImport answers at once; importJob shows it waiting for the imports\' lock, then DONE', async () => {
    await wipe(t.graph);
    const id = await holdingImportsLock(async () => {
      const started = await t.gql<{ startImport: Job }>('mutation($i: EcosystemInput!) { startImport(input: $i) { id state phase } }', { i: input() });
      expect(codes(started)).toEqual([]);
      expect(started.data!.startImport.state).toBe('WRITING');
      const jobId = started.data!.startImport.id;
      expect(await waitingJob()).toBe(jobId);
      const seen = await t.gql<{ importJob: Job }>('query($id: ID!) { importJob(id: $id) { state phase source format } }', { id: jobId });
      expect(seen.data!.importJob).toEqual({ state: 'WRITING', phase: 'CHECKING', source: 'importEcosystem', format: 'graphql' });
      return jobId;
    });
    const done = await settled(id);
    expect(done.state).toBe('DONE');
    expect(done.counts!.engagements).toBe(60);
  });

  it('importEcosystem calls are never refused for the jobs in progress: eight at once, from two ADMIN tokens, all written', async () => {
    await wipe(t.graph);
    const second = (await createToken(t.graph, 'ADMIN', null, 'second admin')).secret;
    // A third token watches: the two importing ones have their four requests in flight each.
    const watcher = (await createToken(t.graph, 'ADMIN', null, 'watcher')).secret;
    const calls = await holdingImportsLock(async () => {
      // Eight imports in progress at once (four per token pass its gate), more than the cap on uploads and startImport.
      const pending = Array.from({ length: 8 }, (_, i) => t.gql<{ importEcosystem: { engagements: number } }>(
        'mutation($i: EcosystemInput!) { importEcosystem(input: $i) { engagements } }', { i: input() }, i % 2 === 0 ? ADMIN : second));
      // While the lock is held no import can finish: one answering now was refused, and the codes below say so.
      let answered = false;
      for (const call of pending) void call.then(() => { answered = true; });
      while (!answered) {
        const res = await t.gql<{ importJobs: Job[] }>('{ importJobs { state phase } }', {}, watcher);
        if (res.data!.importJobs.filter((j) => j.state === 'WRITING').length >= 8) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      return { pending };
    });
    const answers = await Promise.all(calls.pending);
    expect(answers.map(codes)).toEqual(Array.from({ length: 8 }, () => []));
  });

  it('importJob and startImport are ADMIN only', async () => {
    const tokens = await makeTokens(t.graph, []);
    expect(codes(await t.gql('{ importJobs { id } }', {}, tokens.analyst))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql('mutation { startImport(input: {}) { id } }', {}, tokens.analyst))).toEqual(['FORBIDDEN']);
  });
});
