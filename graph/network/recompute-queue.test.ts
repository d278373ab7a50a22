/** Recomputations are bounded: one at a time, merged per key, at most one waiting per key. */
import { describe, expect, it } from 'vitest';
import { RecomputeQueue } from './recompute-queue.ts';

/** Work whose end the test decides, recording what ran. */
function controlled() {
  const ran: string[] = [];
  const finish = new Map<string, () => void>();
  const work = (key: string) => (version: number) => {
    ran.push(`${key}@${version}`);
    return new Promise<string>((resolve) => finish.set(`${key}@${version}`, () => resolve(`${key}@${version}`)));
  };
  return { ran, finish, work };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('RecomputeQueue', () => {
  it('runs one job at a time, in the order asked', async () => {
    const queue = new RecomputeQueue<string>();
    const { ran, finish, work } = controlled();
    const a = queue.request('a', 1, work('a'));
    const b = queue.request('b', 1, work('b'));
    await settle();
    expect([ran, queue.busy, queue.waitingCount]).toEqual([['a@1'], true, 1]);
    finish.get('a@1')!();
    expect(await a).toBe('a@1');
    await settle();
    expect(ran).toEqual(['a@1', 'b@1']);
    finish.get('b@1')!();
    expect(await b).toBe('b@1');
  });

  it('requests for a key already running at that version or a newer one share it', async () => {
    const queue = new RecomputeQueue<string>();
    const { ran, finish, work } = controlled();
    const first = queue.request('a', 5, work('a'));
    const older = queue.request('a', 4, work('a'));
    const same = queue.request('a', 5, work('a'));
    await settle();
    finish.get('a@5')!();
    expect([await first, await older, await same]).toEqual(['a@5', 'a@5', 'a@5']);
    expect(ran).toEqual(['a@5']);
  });

  it('newer versions of a running key wait as one job, which computes the newest version asked for', async () => {
    const queue = new RecomputeQueue<string>();
    const { ran, finish, work } = controlled();
    const running = queue.request('a', 1, work('a'));
    const waiting = [2, 4, 3, 4].map((version) => queue.request('a', version, work('a')));
    await settle();
    expect(queue.waitingCount).toBe(1);
    finish.get('a@1')!();
    await running;
    await settle();
    expect(ran).toEqual(['a@1', 'a@4']);
    finish.get('a@4')!();
    expect(await Promise.all(waiting)).toEqual(['a@4', 'a@4', 'a@4', 'a@4']);
  });

  it('a failed job fails its callers only, and the next one runs', async () => {
    const queue = new RecomputeQueue<string>();
    const failed = queue.request('a', 1, () => Promise.reject(new Error('boom')));
    const next = queue.request('b', 1, async () => 'b@1');
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('b@1');
    expect(queue.busy).toBe(false);
  });
});
