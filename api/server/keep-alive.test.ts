/**
 * A busy machine pauses processes for seconds. A client that reuses an idle keep-alive
 * connection after such a pause must get its answer, not a reset: the server keeps idle
 * connections longer than clients do (api/server/http.ts, KEEP_ALIVE_TIMEOUT_MS).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningApp } from '../app.ts';
import { ADMIN, startTestApp } from '../../tests/support/api.ts';

let app: RunningApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => app?.close());

const ask = () => fetch(`${app.url}/graphql`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN}` },
  body: JSON.stringify({ query: '{ viewer { role } }' }),
});

/** What load does to a process: nothing runs, timers included, for `ms`. */
function stall(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) { /* the event loop is blocked, as under heavy load */ }
}

it('a POST on a keep-alive connection that sat idle through a 6 s pause is answered', async () => {
  for (let round = 0; round < 3; round++) {
    expect((await ask()).status).toBe(200);
    // Both ends of the connection live in this process: the pause stalls client and server alike.
    stall(6_000);
    const res = await ask();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { viewer: { role: 'ADMIN' } } });
  }
}, 120_000);
