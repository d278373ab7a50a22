/**
 * `npm run import` killed mid-way, then run again (contract: Running, import from a shell:
 * "after an interruption, running the same command again completes it"). A generated
 * ecosystem is imported into an empty graph; when part of it is written, the whole process
 * group (npm, tsx, node) gets SIGKILL; the same command then runs to the end. The graph must
 * equal, node for node and relationship for relationship, one imported without interruption.
 */
import { spawn } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applySchema, type Graph } from '../../graph/db/index.ts';
import { snapshot, wipe } from '../support/graph.ts';
import { generatedImportFile, openGraphAt, recordResults, ROOT, sleep, tempDir } from './support.ts';

const SIZE = { partners: 200, engagements: Number(process.env.FAULTS_IMPORT_ENGAGEMENTS ?? 2_000), seed: 11 };

let dir: string;
let file: string;
let graph: Graph;
let expectedNodes: number;

beforeAll(async () => {
  dir = tempDir('import');
  let counts;
  ({ file, counts } = await generatedImportFile(dir, SIZE));
  expectedNodes = Object.values(counts).reduce((a, b) => a + b, 0);
  graph = openGraphAt(inject('neo4jUri'));
  await applySchema(graph);
}, 600_000);

afterAll(async () => {
  await graph?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `npm run import -- FILE` against the test server, in its own process group. */
function runImport(): { pid: number; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number; output: string }> } {
  const started = Date.now();
  const child = spawn('npm', ['run', 'import', '--', file], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_URI: inject('neo4jUri') },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr!.on('data', (c: Buffer) => { output += c.toString(); });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number; output: string }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - started, output }));
  });
  return { pid: child.pid!, done };
}

async function nodeCount(): Promise<number> {
  const [row] = await graph.read<{ n: number }>('MATCH (n) WHERE NOT n:GraphState AND NOT n:AuditEntry AND NOT n:Event AND NOT n:ApiToken RETURN count(n) AS n');
  return row!.n;
}

describe('npm run import, killed mid-way and run again', () => {
  it('ends with the same graph as an import that was never interrupted', async () => {
    await wipe(graph);

    // 1. Kill the whole process group once between a quarter and most of the nodes are written.
    const first = runImport();
    let exited = false;
    void first.done.then(() => { exited = true; });
    let atKill = 0;
    while (!exited) {
      atKill = await nodeCount();
      if (atKill >= expectedNodes * 0.25) break;
      await sleep(50);
    }
    expect(exited, 'the import finished before it could be interrupted: use a larger file').toBe(false);
    process.kill(-first.pid, 'SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    await sleep(500); // let the server finish rolling back the batch in flight
    const partial = await nodeCount();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(expectedNodes);
    const interrupted = await snapshot(graph);

    // 2. The same command again, to the end.
    const second = runImport();
    const resumed = await second.done;
    expect(resumed.code, resumed.output).toBe(0);
    const afterResume = await snapshot(graph);
    expect(afterResume).not.toEqual(interrupted);
    const [audit] = await graph.read<{ n: number }>("MATCH (a:AuditEntry {operation: 'import'}) RETURN count(a) AS n");
    expect(audit!.n).toBe(1); // the killed run recorded nothing: its audit entry is written last

    // 3. The same file into an empty graph, uninterrupted.
    await wipe(graph);
    const clean = await runImport().done;
    expect(clean.code, clean.output).toBe(0);
    const uninterrupted = await snapshot(graph);

    expect(afterResume).toEqual(uninterrupted);
    expect(uninterrupted.nodes).toBe(expectedNodes);

    const figures = {
      file: `${SIZE.partners} partners, ${SIZE.engagements} engagements (seed ${SIZE.seed}), ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB`,
      nodes: uninterrupted.nodes,
      relationships: uninterrupted.relationships,
      nodesWhenKilled: atKill,
      nodesAfterKill: partial,
      killedAfterMs: killed.ms,
      resumedRunMs: resumed.ms,
      uninterruptedRunMs: clean.ms,
      sameGraph: afterResume.hash === uninterrupted.hash,
    };
    recordResults('interruptedImport', figures);
    console.log('[interrupted-import]', figures);
  }, 600_000);
});
