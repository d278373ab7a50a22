/**
 * No cached answer outlives the data it came from, also when the writer is killed
 * (issue 14, item 5). `npm run import` writes in batches, one transaction each; the
 * running API answers `ecosystemHealth` between two batches and keeps the answer; then
 * more batches commit and the import is killed (SIGKILL to its process group). Asked
 * again, the API must answer the counts that are stored now, not the kept answer. It
 * used to: the import changed the graph version only before its first batch and after
 * its last, so the kept answer matched the version until the next write.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applySchema, type Graph } from '../../graph/db/index.ts';
import { wipe } from '../support/graph.ts';
import { ADMIN, freePort, generatedImportFile, openGraphAt, ROOT, startApi, tempDir, until, type ApiProcess } from './support.ts';

const SIZE = { partners: 200, engagements: 4_000, seed: 12 };
const HEALTH = '{ ecosystemHealth { partners engagements } }';

interface Counts { partners: number; engagements: number }

let dir: string;
let file: string;
let total: Counts;
let graph: Graph;
let api: ApiProcess;

beforeAll(async () => {
  dir = tempDir('stale-answer');
  let counts;
  ({ file, counts } = await generatedImportFile(dir, SIZE));
  total = { partners: counts.partners, engagements: counts.engagements };
  graph = openGraphAt(inject('neo4jUri'));
  await applySchema(graph);
  await wipe(graph);
  api = await startApi({ NEO4J_URI: inject('neo4jUri'), SEED: 'none', PORT: String(await freePort()) });
}, 600_000);

afterAll(async () => {
  await api?.stop();
  await graph?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `npm run import -- FILE` against the test server, in its own process group. */
function runImport(): { pid: number; exited: () => boolean; done: Promise<{ signal: NodeJS.Signals | null }> } {
  const child = spawn('npm', ['run', 'import', '--', file], {
    cwd: ROOT, env: { ...process.env, NEO4J_URI: inject('neo4jUri') }, stdio: ['ignore', 'ignore', 'ignore'], detached: true,
  });
  let ended = false;
  const done = new Promise<{ signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (_code, signal) => { ended = true; resolve({ signal }); });
  });
  return { pid: child.pid!, exited: () => ended, done };
}

async function ask(): Promise<{ cache: string | null; health: Counts }> {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify({ query: HEALTH }),
  });
  const body = await res.json() as { data?: { ecosystemHealth: Counts }; errors?: unknown };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return { cache: res.headers.get('x-ecomap-cache'), health: body.data!.ecosystemHealth };
}

/** What is committed now (count store reads). */
async function stored(): Promise<Counts> {
  const [partners] = await graph.read<{ n: number }>('MATCH (p:Partner) RETURN count(p) AS n');
  const [engagements] = await graph.read<{ n: number }>('MATCH (e:Engagement) RETURN count(e) AS n');
  return { partners: partners!.n, engagements: engagements!.n };
}

/** True once no transaction but the one asking is open: a batch in flight at the kill has rolled back (or committed). */
async function quiet(): Promise<boolean> {
  const [row] = await graph.read<{ n: number }>(
    "SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN count(*) AS n");
  return row!.n === 0;
}

describe('an import killed mid-way leaves no stale cached answer', () => {
  it('answers the counts committed before the kill, not the answer kept between two batches', async () => {
    // Once on the empty graph, so the question's plans are ready: asked during the
    // import, it must be answered between two of its batches.
    expect((await ask()).health).toEqual({ partners: 0, engagements: 0 });
    const run = runImport();
    let between: Awaited<ReturnType<typeof ask>>;
    try {
      // Asked once the partners' batch has committed: the answer is kept.
      await until(async () => run.exited() || (await stored()).partners > 0, 300_000, 20);
      between = await ask();
      expect(between.health.engagements, 'the import wrote every engagement before the first question: use a larger file')
        .toBeLessThan(total.engagements);
      // Then at least one more batch commits after the kept answer was computed, and the import dies.
      await until(async () => run.exited() || (await stored()).engagements > between.health.engagements, 300_000, 20);
      expect(run.exited(), 'the import finished before it could be killed: use a larger file').toBe(false);
      process.kill(-run.pid, 'SIGKILL');
      expect((await run.done).signal).toBe('SIGKILL');
    } finally {
      if (!run.exited()) process.kill(-run.pid, 'SIGKILL');
    }
    await until(quiet, 120_000);

    const now = await stored();
    expect(now.engagements).toBeGreaterThan(between.health.engagements);
    const after = await ask();
    expect(after.cache).not.toBe('hit');
    expect(after.health).toEqual(now);
    // The answer cache still works: nothing changed since, so the same question is a hit.
    const again = await ask();
    expect(again).toEqual({ cache: 'hit', health: now });
  }, 600_000);
});
