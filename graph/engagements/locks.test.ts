/**
 * Writes lock only what they change (issue 14): while a write transaction holds
 * engagement X's lock, a role change of engagement Y and a status change of Y's
 * commitment complete, a role change of X waits until X's holder commits and then sees
 * what it committed, and a write that gives up waiting is a retryable CONFLICT, while a
 * statement over the time limit stays QUERY_TOO_COMPLEX.
 *
 * Every wait here is on a condition: the held transaction ends only when the test says
 * so, and "the write to X waits" is seen in Neo4j's own list of blocked transactions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../db/index.ts';
import { importEcosystem } from '../import/index.ts';
import { AppError, type EcosystemInput } from '../model/index.ts';
import { openTestGraph, wipe } from '../../tests/support/graph.ts';
import { LOCK_ENGAGEMENT } from './roles.queries.ts';
import { assignRole } from './roles.ts';
import { setCommitmentStatus } from './status.ts';

const ECOSYSTEM: EcosystemInput = {
  regions: [{ code: 'R1', name: 'Region' }],
  industries: [{ code: 'I1', name: 'Industry' }],
  partners: ['p1', 'p2', 'p3'].map((id) => ({ id, name: `Partner ${id}`, type: 'SYSTEM_INTEGRATOR' as const })),
  customers: [{ id: 'c1', name: 'Customer', region: 'R1', industry: 'I1' }],
  engagements: ['X', 'Y'].map((id) => ({
    id, name: `Engagement ${id}`, customer: 'c1', status: 'ACTIVE' as const, startDate: '2026-01-01',
    participants: [
      { partner: 'p1', role: 'ORCHESTRATOR' as const, from: '2026-01-01' },
      { partner: 'p2', role: 'CONTRIBUTOR' as const, from: '2026-01-01' },
    ],
    commitments: [{ id: `m${id}`, owner: 'p2', description: `Commitment of ${id}`, status: 'PENDING' as const }],
  })),
};

/** Transactions that wait for a lock, as Neo4j lists them ("Blocked by: [...]"). */
const BLOCKED_ON_ENGAGEMENT_LOCK = `
SHOW TRANSACTIONS YIELD status, currentQuery
WHERE status STARTS WITH 'Blocked' AND currentQuery CONTAINS 'SET e.id = e.id'
RETURN count(*) AS n`;

let graph: Graph;

beforeAll(async () => {
  // The long limit only bounds a failure: a write that waited for the held lock would
  // fail at it (CONFLICT) instead of hanging the test.
  graph = await openTestGraph({ queryTimeoutMs: 30_000 });
});

afterAll(async () => {
  await graph?.close();
});

/**
 * A write transaction through the Graph executor that takes X's lock as a role change
 * does, changes X, and commits only when `release` is called.
 */
function holdEngagement(engagementId: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  let markLocked!: () => void;
  const locked = new Promise<void>((resolve) => { markLocked = resolve; });
  const committed = graph.writeTx(async (tx) => {
    await tx.run(LOCK_ENGAGEMENT, { engagementId });
    await tx.run('MATCH (e:Engagement {id: $engagementId}) SET e.name = $name', { engagementId, name: 'Renamed by the holder' });
    markLocked();
    await released;
  }, 120_000);
  return { locked, release, committed };
}

async function roles(engagementId: string): Promise<string[]> {
  const rows = await graph.read<{ r: string }>(`
    MATCH (p:Partner)-[r:PARTICIPATES_IN]->(:Engagement {id: $engagementId})
    RETURN p.id + ':' + r.role + ':' + toString(r.from) + '..' + coalesce(toString(r.to), '') AS r ORDER BY r`, { engagementId });
  return rows.map((row) => row.r);
}

describe('writes lock only what they change', () => {
  it('a write to engagement Y completes while X is held; a write to X waits for X\'s holder and sees what it committed', async () => {
    await wipe(graph);
    await importEcosystem(graph, ECOSYSTEM);
    const holder = holdEngagement('X');
    try {
      await holder.locked;

      // Y and its commitment are not X: both complete while X's holder is still open.
      await assignRole(graph, 'Y', 'p3', 'ORCHESTRATOR', '2026-02-01');
      await setCommitmentStatus(graph, 'mY', 'DELIVERED', null);
      expect(await roles('Y')).toEqual([
        'p1:CONTRIBUTOR:2026-02-01..', 'p1:ORCHESTRATOR:2026-01-01..2026-02-01', 'p2:CONTRIBUTOR:2026-01-01..', 'p3:ORCHESTRATOR:2026-02-01..',
      ]);

      // X is: its role change waits (Neo4j lists it as blocked) until the holder commits.
      let settled = false;
      const writeToX = assignRole(graph, 'X', 'p3', 'ORCHESTRATOR', '2026-03-01').finally(() => { settled = true; });
      await waitFor(async () => (await graph.read<{ n: number }>(BLOCKED_ON_ENGAGEMENT_LOCK))[0]!.n === 1);
      expect(settled).toBe(false);
      expect(await roles('X')).toEqual(['p1:ORCHESTRATOR:2026-01-01..', 'p2:CONTRIBUTOR:2026-01-01..']);

      holder.release();
      await holder.committed;
      await writeToX;
      expect(await roles('X')).toEqual([
        'p1:CONTRIBUTOR:2026-03-01..', 'p1:ORCHESTRATOR:2026-01-01..2026-03-01', 'p2:CONTRIBUTOR:2026-01-01..', 'p3:ORCHESTRATOR:2026-03-01..',
      ]);
      const [x] = await graph.read<{ name: string }>("MATCH (e:Engagement {id: 'X'}) RETURN e.name AS name");
      expect(x!.name).toBe('Renamed by the holder');
    } finally {
      holder.release(); // a failed check must not leave the holder open until its limit
    }
  });

  it('a write that gives up waiting for a lock is a retryable CONFLICT; a statement over the time limit stays QUERY_TOO_COMPLEX', async () => {
    await wipe(graph);
    await importEcosystem(graph, ECOSYSTEM);
    // A short limit: the write below waits for a lock that is released only after it failed.
    const impatient = await openTestGraph({ queryTimeoutMs: 5_000 });
    try {
      // Warm the plans of a role change, so the limit is spent waiting for the lock, not planning.
      await assignRole(impatient, 'Y', 'p3', 'CONTRIBUTOR', '2026-02-01');
      const holder = holdEngagement('X');
      let refused: unknown;
      try {
        await holder.locked;
        refused = await assignRole(impatient, 'X', 'p3', 'CONTRIBUTOR', '2026-02-01').then(() => null, (err: unknown) => err);
      } finally {
        holder.release();
      }
      await holder.committed;
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('CONFLICT');
      expect((refused as AppError).message).toMatch(/waited too long for another write.*try again/);
      expect(await roles('X')).toEqual(['p1:ORCHESTRATOR:2026-01-01..', 'p2:CONTRIBUTOR:2026-01-01..']);

      const slow = await impatient.read('UNWIND range(1, 4000000000) AS x WITH x WHERE x = -1 RETURN count(*) AS n').then(() => null, (err: unknown) => err);
      expect(slow).toBeInstanceOf(AppError);
      expect((slow as AppError).code).toBe('QUERY_TOO_COMPLEX');
    } finally {
      await impatient.close();
    }
  });
});

/** Polls `check` until it is true; the test's own timeout bounds it. */
async function waitFor(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
}
