/** TokenGate's bookkeeping, with event emitters standing in for responses (api/fairness.test.ts does it over HTTP). */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { TokenGate, type Turn } from './token-gate.ts';

/** A response as the gate sees it: it closes when answered, or when its client leaves. */
class Response extends EventEmitter {
  destroyed = false;
  close(): void {
    this.destroyed = true;
    this.emit('close');
  }
}

/** Enters `n` responses for `token`; `turns[i]` is set once the i-th one's turn is decided. */
function enter(gate: TokenGate, token: string, n: number): { responses: Response[]; turns: Array<Turn | undefined> } {
  const responses = Array.from({ length: n }, () => new Response());
  const turns: Array<Turn | undefined> = responses.map(() => undefined);
  responses.forEach((res, i) => void gate.enter(token, res).then((turn) => { turns[i] = turn; }));
  return { responses, turns };
}

const settled = () => new Promise((r) => setImmediate(r));

describe('TokenGate', () => {
  it('admits inFlight at once, queues up to `queued`, refuses the rest', async () => {
    const gate = new TokenGate({ inFlight: 2, queued: 3 });
    const { turns } = enter(gate, 'a', 7);
    await settled();
    expect(turns).toEqual(['admitted', 'admitted', undefined, undefined, undefined, 'full', 'full']);
    expect(gate.load('a')).toEqual({ active: 2, waiting: 3 });
  });

  it('passes a freed slot to the next waiting request, in arrival order', async () => {
    const gate = new TokenGate({ inFlight: 1, queued: 5 });
    const { responses, turns } = enter(gate, 'a', 3);
    await settled();
    responses[0]!.close();
    await settled();
    expect(turns).toEqual(['admitted', 'admitted', undefined]);
    responses[1]!.close();
    await settled();
    expect(turns).toEqual(['admitted', 'admitted', 'admitted']);
    responses[2]!.close();
    expect(gate.load('a')).toEqual({ active: 0, waiting: 0 });
  });

  it('a request whose client left while waiting gives up its place and never runs', async () => {
    const gate = new TokenGate({ inFlight: 1, queued: 1 });
    const { responses, turns } = enter(gate, 'a', 2);
    await settled();
    responses[1]!.close();
    await settled();
    expect(turns).toEqual(['admitted', 'gone']);
    // Its place is free again: the next request may wait there.
    const next = enter(gate, 'a', 1);
    await settled();
    expect(next.turns).toEqual([undefined]);
    responses[0]!.close();
    await settled();
    expect(next.turns).toEqual(['admitted']);
  });

  it('an already closed response is gone at once and holds no slot', async () => {
    const gate = new TokenGate({ inFlight: 1, queued: 0 });
    const closed = new Response();
    closed.destroyed = true;
    expect(await gate.enter('a', closed)).toBe('gone');
    expect(gate.load('a')).toEqual({ active: 0, waiting: 0 });
  });

  it('tokens never wait for each other', async () => {
    const gate = new TokenGate({ inFlight: 1, queued: 0 });
    const a = enter(gate, 'a', 2);
    const b = enter(gate, 'b', 1);
    await settled();
    expect(a.turns).toEqual(['admitted', 'full']);
    expect(b.turns).toEqual(['admitted']);
  });
});
