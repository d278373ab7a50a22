import type { ClientOptions, Sink } from 'graphql-ws';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffMs, batcher, createLive, isRefusal, toLiveEvent, type LiveEvent, type LiveListener, type ReloadReason } from './live.ts';

/** A graphql-ws client as live.ts sees it: the test opens and closes the socket and sends what the server would. */
function fakeServer(token: () => string | null = () => 'secret') {
  const on: Record<string, Array<(...args: unknown[]) => void>> = {};
  const subscriptions: Array<{ sink: Sink<unknown>; ended: boolean }> = [];
  const made: ClientOptions[] = [];
  let disposed = 0;
  const live = createLive({
    url: 'ws://example.test/graphql',
    credential: () => { const t = token(); return t === null ? null : t === 'session' ? 'session' : { token: t }; },
    backoff: (attempt) => 1_000 * (attempt + 1),
    makeClient(options) {
      made.push(options);
      return {
        on(event: string, listener: (...args: unknown[]) => void) { (on[event] ??= []).push(listener); return () => {}; },
        subscribe(_payload: unknown, sink: Sink<unknown>) {
          const subscription = { sink, ended: false };
          subscriptions.push(subscription);
          return () => { subscription.ended = true; };
        },
        dispose() { disposed++; },
      } as never;
    },
  });
  const emit = (event: string, ...args: unknown[]) => { for (const l of on[event] ?? []) l(...args); };
  const last = () => subscriptions.at(-1)!;
  return {
    live, made, subscriptions,
    disposed: () => disposed,
    connected: () => emit('connected', {}, undefined, false),
    closed: (code: number) => emit('closed', { code }),
    send: (type: string, data: object, id = '1') => last().sink.next({ data: { events: { id, type, timestamp: '2026-12-05T10:00:00.000Z', data: JSON.stringify(data) } } }),
    fail: (err: unknown) => last().sink.error(err),
  };
}

function recorder(): LiveListener & { events: LiveEvent[]; reloads: ReloadReason[] } {
  const events: LiveEvent[] = [];
  const reloads: ReloadReason[] = [];
  return { events, reloads, event: (e) => { events.push(e); }, reload: (reason) => { reloads.push(reason); } };
}

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

describe('createLive', () => {
  it('opens nothing until a view listens, then one subscription that each listener filters by type', () => {
    const server = fakeServer();
    expect(server.made).toHaveLength(0);
    expect(server.live.state()).toBe('idle');
    const all = recorder();
    const outcomes = recorder();
    server.live.listen(all);
    server.live.listen(outcomes, ['outcome.status_changed']);
    expect(server.made).toHaveLength(1);
    expect(server.subscriptions).toHaveLength(1);
    expect(server.live.state()).toBe('connecting');
    server.connected();
    expect(server.live.state()).toBe('live');
    server.send('commitment.status_changed', { commitmentId: 'm1', engagementId: 'e1' }, '1');
    server.send('outcome.status_changed', { outcomeId: 'o1', engagementId: 'e1', from: 'PENDING', to: 'MISSED' }, '2');
    expect(all.events.map((e) => e.id)).toEqual(['1', '2']);
    expect(outcomes.events).toEqual([{ id: '2', type: 'outcome.status_changed', timestamp: '2026-12-05T10:00:00.000Z', data: { outcomeId: 'o1', engagementId: 'e1', from: 'PENDING', to: 'MISSED' } }]);
  });

  it('authenticates with the token read at connection time', async () => {
    const server = fakeServer(() => 'abc');
    server.live.listen(recorder());
    const params = server.made[0]!.connectionParams as () => Promise<unknown>;
    expect(await params()).toEqual({ authorization: 'Bearer abc' });
  });

  it('with a browser session, sends no parameter: the cookie goes with the upgrade', async () => {
    const server = fakeServer(() => 'session');
    server.live.listen(recorder());
    const params = server.made[0]!.connectionParams as () => Promise<unknown>;
    expect(await params()).toEqual({});
  });

  it('tells listeners to reload on connecting and after every gap: a lost socket, or a subscription the server ended', () => {
    const server = fakeServer();
    const view = recorder();
    server.live.listen(view);
    server.connected();
    expect(view.reloads).toEqual(['connected']);
    // The socket drops: graphql-ws reports the close and ends the subscription.
    server.closed(1006);
    server.fail({ code: 1006 });
    expect(server.live.state()).toBe('reconnecting');
    expect(server.subscriptions).toHaveLength(1);
    vi.advanceTimersByTime(999);
    expect(server.subscriptions).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(server.subscriptions).toHaveLength(2);
    expect(view.reloads).toEqual(['connected']);
    server.connected();
    expect(view.reloads).toEqual(['connected', 'reconnected']);
    expect(server.live.state()).toBe('live');
    // The server ends the subscription (too far behind) while the socket stays open.
    server.fail([{ message: 'More than 10000 events waited', extensions: { code: 'QUERY_TOO_COMPLEX' } }]);
    vi.advanceTimersByTime(1_000);
    expect(server.subscriptions).toHaveLength(3);
    expect(view.reloads).toEqual(['connected', 'reconnected', 'reconnected']);
  });

  it('waits longer after each failed retry, and starts over once connected', () => {
    const server = fakeServer();
    server.live.listen(recorder());
    server.fail({ code: 1006 });
    vi.advanceTimersByTime(1_000);
    server.fail({ code: 1006 });
    vi.advanceTimersByTime(1_999);
    expect(server.subscriptions).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(server.subscriptions).toHaveLength(3);
    server.connected();
    server.fail({ code: 1006 });
    vi.advanceTimersByTime(1_000);
    expect(server.subscriptions).toHaveLength(4);
  });

  it('stops for good when the server refuses the token (4403) or says it is no longer valid', () => {
    for (const refusal of [{ code: 4403 }, [{ message: 'revoked', extensions: { code: 'UNAUTHENTICATED' } }]]) {
      const server = fakeServer();
      server.live.listen(recorder());
      server.fail(refusal);
      expect(server.live.state()).toBe('stopped');
      vi.advanceTimersByTime(60_000);
      expect(server.subscriptions).toHaveLength(1);
      expect(server.disposed()).toBe(1);
    }
  });

  it('does not connect without a token, and stops when the token is gone', () => {
    let token: string | null = null;
    const server = fakeServer(() => token);
    server.live.listen(recorder());
    expect(server.made).toHaveLength(0);
    expect(server.live.state()).toBe('stopped');
    token = 'later';
    const again = fakeServer(() => token);
    again.live.listen(recorder());
    token = null;
    again.fail({ code: 1006 });
    expect(again.live.state()).toBe('stopped');
  });

  it('ends the subscription when the last listener leaves, and starts one (with a reload) for the next', () => {
    const server = fakeServer();
    const first = recorder();
    const stop = server.live.listen(first);
    server.connected();
    stop();
    expect(server.subscriptions[0]!.ended).toBe(true);
    expect(server.live.state()).toBe('idle');
    const next = recorder();
    server.live.listen(next);
    expect(server.subscriptions).toHaveLength(2);
    // The socket is still open (graphql-ws closes it a while later): the new view reloads at once.
    expect(next.reloads).toEqual(['connected']);
    expect(server.live.state()).toBe('live');
    // Late calls of the ended subscription are ignored.
    server.subscriptions[0]!.sink.complete();
    expect(server.live.state()).toBe('live');
  });

  it('sign-out closes the client; nothing opens again', () => {
    const server = fakeServer();
    server.live.listen(recorder());
    server.live.close();
    expect(server.disposed()).toBe(1);
    expect(server.live.state()).toBe('stopped');
    server.live.listen(recorder());
    expect(server.subscriptions).toHaveLength(1);
  });

  it('a listener that throws does not keep the others from their events', () => {
    const server = fakeServer();
    const thrown: unknown[] = [];
    const spy = vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((task) => { try { task(); } catch (err) { thrown.push(err); } });
    const good = recorder();
    server.live.listen({ event: () => { throw new Error('boom'); }, reload: () => {} });
    server.live.listen(good);
    server.connected();
    server.send('role.ended', { engagementId: 'e1' });
    spy.mockRestore();
    expect(good.events).toHaveLength(1);
    expect(thrown).toEqual([new Error('boom')]);
  });
});

describe('helpers', () => {
  it('backoffMs grows from about half a second to at most 30 s', () => {
    expect([0, 1, 2, 3].map((a) => backoffMs(a, 1))).toEqual([500, 1_000, 2_000, 4_000]);
    expect(backoffMs(0, 0)).toBe(250);
    expect(backoffMs(20, 1)).toBe(30_000);
    expect(backoffMs(20, 0)).toBe(15_000);
  });

  it('isRefusal: 4403, UNAUTHENTICATED and FORBIDDEN are; a dropped socket or another error is not', () => {
    expect(isRefusal({ code: 4403 })).toBe(true);
    expect(isRefusal([{ message: 'x', extensions: { code: 'FORBIDDEN' } }])).toBe(true);
    expect(isRefusal({ code: 1006 })).toBe(false);
    expect(isRefusal(new Error('network'))).toBe(false);
    expect(isRefusal([{ message: 'x', extensions: { code: 'QUERY_TOO_COMPLEX' } }])).toBe(false);
  });

  it('toLiveEvent parses the data and keeps an event whose data cannot be read', () => {
    expect(toLiveEvent({ id: '1', type: 'import.completed', timestamp: 't', data: '{"source":"api"}' }).data).toEqual({ source: 'api' });
    expect(toLiveEvent({ id: '2', type: 'import.completed', timestamp: 't', data: 'not json' }).data).toEqual({});
    expect(toLiveEvent({ id: '3', type: 'import.completed', timestamp: 't', data: '[1]' }).data).toEqual({});
  });
});

describe('batcher', () => {
  it('merges a burst into one flush, delayMs after the first add', async () => {
    const flushed: number[][] = [];
    const batch = batcher<number[]>((a, b) => [...a, ...b], (items) => { flushed.push(items); }, 300);
    batch.add([1]);
    vi.advanceTimersByTime(200);
    batch.add([2]);
    batch.add([3]);
    expect(flushed).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(flushed).toEqual([[1, 2, 3]]);
    batch.add([4]);
    await vi.advanceTimersByTimeAsync(300);
    expect(flushed).toEqual([[1, 2, 3], [4]]);
  });

  it('what comes while a flush runs waits for it, then goes in the next one', async () => {
    const flushed: string[][] = [];
    let finish!: () => void;
    const batch = batcher<string[]>((a, b) => [...a, ...b], (items) => {
      flushed.push(items);
      return new Promise<void>((resolve) => { finish = resolve; });
    }, 300);
    batch.add(['a']);
    await vi.advanceTimersByTimeAsync(300);
    batch.add(['b']);
    batch.add(['c']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(flushed).toEqual([['a']]);
    finish();
    await vi.advanceTimersByTimeAsync(300);
    expect(flushed).toEqual([['a'], ['b', 'c']]);
  });

  it('cancel drops what waits', async () => {
    const flushed: number[] = [];
    const batch = batcher<number>((a, b) => a + b, (n) => { flushed.push(n); }, 300);
    batch.add(1);
    batch.cancel();
    batch.add(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(flushed).toEqual([]);
  });
});
