/**
 * Per-token fairness over real HTTP (issue 14: no amplification by a read-only token;
 * api/server/token-gate.ts). Token A floods the API with writes that a transaction of this
 * test holds on a lock, so they stay in flight for as long as the test wants; token B's
 * light read must be answered while all of A's are still held. Conditions, not durations:
 * B is sent once the server has placed every one of A's requests, and A is let go only
 * after B's answer.
 *
 * Without the gate, A's requests take every connection of the driver's pool (100): B waits
 * for one, gets SERVICE_UNAVAILABLE after the 5 s acquisition timeout, and A's extra requests
 * are answered the same way. With it, A holds FAIRNESS.inFlight connections, FAIRNESS.queued
 * more wait their turn unread, and the rest are refused at once with 429.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../graph/db/index.ts';
import { importEcosystem } from '../graph/import/index.ts';
import { ADMIN, startTestApp } from '../tests/support/api.ts';
import { fixture } from '../tests/support/fixture.ts';
import { openTestGraph, wipe } from '../tests/support/graph.ts';
import { makeTokens } from '../tests/support/tokens.ts';
import type { RunningApp } from './app.ts';
import { FAIRNESS } from './server/token-gate.ts';

/** More than the pool's 100 connections plus the queue, so that without the gate the pool runs dry. */
const FLOOD = 170;

interface Answer {
  status: number;
  code?: string;
  retryAfter: string | null;
  data?: unknown;
}

let app: RunningApp;
/** A connection of its own, to watch the database while the app's pool may be exhausted. */
let watcher: Graph;
let analyst: string;

async function post(query: string, token: string): Promise<Answer> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: Array<{ extensions: { code: string } }> };
  return { status: res.status, code: body.errors?.[0]?.extensions.code, retryAfter: res.headers.get('retry-after'), data: body.data };
}

/** Transactions waiting for a lock: A's requests that reached the database. */
async function blocked(): Promise<number> {
  const [row] = await watcher.read<{ n: number }>("SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n");
  return row?.n ?? 0;
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((r) => setTimeout(r, 50));
}

beforeAll(async () => {
  // Held writes wait on the lock for as long as the test holds it, not for a time limit.
  app = await startTestApp({ QUERY_TIMEOUT_MS: '600000' });
  await wipe(app.open.graph);
  await importEcosystem(app.open.graph, fixture(), 120_000);
  analyst = (await makeTokens(app.open.graph, [])).analyst;
  watcher = await openTestGraph();
}, 240_000);

afterAll(async () => {
  await watcher?.close();
  await app?.close();
});

describe('one token\'s flood does not hold up another token', () => {
  it(`${FLOOD} held writes of token A: B's read is answered while they are held; A gets ${FAIRNESS.inFlight} in flight, ${FAIRNESS.queued} waiting, 429 for the rest`, async () => {
    const session = app.open.graph.driver.session();
    const blocker = session.beginTransaction();
    const answersOfA: Answer[] = [];
    let flood: Promise<Answer[]> | undefined;
    try {
      await blocker.run("MATCH (o:Outcome {id: 'o1'}) SET o.status = o.status");
      flood = Promise.all(Array.from({ length: FLOOD }, () =>
        post('mutation { setOutcomeStatus(id: "o1", status: MISSED) { id } }', ADMIN).then((a) => { answersOfA.push(a); return a; })));
      // Every request of A placed: held in the database, or answered (refused); those waiting
      // in the gate are the only ones neither, and there are at most FAIRNESS.queued of them.
      await until(async () => (await blocked()) + answersOfA.length >= FLOOD - FAIRNESS.queued);

      const b = await post('{ partners { totalCount } }', analyst);
      const answeredOfA = answersOfA.filter((a) => a.status !== 429);
      expect(b).toMatchObject({ status: 200, data: { partners: { totalCount: 5 } } });
      expect(answeredOfA).toEqual([]); // all of A's admitted requests were still held when B answered
      expect(await blocked()).toBe(FAIRNESS.inFlight);
    } finally {
      await blocker.rollback();
      await session.close();
    }
    const all = await flood!;
    const refused = all.filter((a) => a.status === 429);
    expect(refused).toHaveLength(FLOOD - FAIRNESS.inFlight - FAIRNESS.queued);
    for (const a of refused) expect(a).toMatchObject({ code: 'QUERY_TOO_COMPLEX', retryAfter: String(FAIRNESS.retryAfterSeconds) });
    // Once let go, every admitted or waiting request is answered, in turn.
    const done = all.filter((a) => a.status !== 429);
    expect(done).toHaveLength(FAIRNESS.inFlight + FAIRNESS.queued);
    for (const a of done) expect(a).toMatchObject({ status: 200, data: { setOutcomeStatus: { id: 'o1' } } });
  }, 300_000);
});
