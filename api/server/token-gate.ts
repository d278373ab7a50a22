/**
 * Per-token fairness (issue 14: no amplification by a read-only token). Every request of
 * /graphql passes here once its token is known and before its body is read: at most
 * FAIRNESS.inFlight requests of one token are worked on at once, the next FAIRNESS.queued
 * wait for their turn in arrival order (their bodies unread, so waiting costs no memory),
 * and any more are refused at once (api/server/http.ts answers 429 with Retry-After).
 *
 * Without it, one token's flood took every database connection (the driver's pool holds
 * 100) and every turn of the event loop, and another token's light request waited for all
 * of it. With it, that request competes with at most FAIRNESS.inFlight of the flood's.
 *
 * The limit is per token, not per role or per process: two tokens never wait for each
 * other here. Many tokens at once are bounded by the database's own limits.
 */

/** The concurrency one token gets. 4 in flight keeps two cores and the database busy; 64 waiting covers 50-connection load tests. */
export const FAIRNESS = { inFlight: 4, queued: 64, retryAfterSeconds: 1 } as const;

/** What a request's response looks like to the gate: it tells when it is done, or gone. */
export interface Closable {
  readonly destroyed: boolean;
  once(event: 'close', listener: () => void): unknown;
}

/** `admitted`: work on it (its slot frees itself when it closes); `full`: refuse it; `gone`: the client left while it waited. */
export type Turn = 'admitted' | 'full' | 'gone';

interface Lane {
  active: number;
  /** Admits the next request waiting, in arrival order. */
  waiting: Array<() => void>;
}

export class TokenGate {
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly limits: { inFlight: number; queued: number } = FAIRNESS) {}

  /** Waits for `token`'s turn for the request answered by `res`. */
  enter(token: string, res: Closable): Promise<Turn> {
    if (res.destroyed) return Promise.resolve('gone');
    let lane = this.lanes.get(token);
    if (!lane) {
      lane = { active: 0, waiting: [] };
      this.lanes.set(token, lane);
    }
    const held = lane;
    if (held.active < this.limits.inFlight) {
      held.active++;
      res.once('close', () => this.release(token, held));
      return Promise.resolve('admitted');
    }
    if (held.waiting.length >= this.limits.queued) return Promise.resolve('full');
    return new Promise<Turn>((resolve) => {
      let admitted = false;
      const admit = () => { admitted = true; resolve('admitted'); };
      held.waiting.push(admit);
      res.once('close', () => {
        if (admitted) return this.release(token, held);
        held.waiting.splice(held.waiting.indexOf(admit), 1);
        resolve('gone');
        this.prune(token, held);
      });
    });
  }

  /** Requests of `token` being worked on, and waiting: for tests and diagnostics. */
  load(token: string): { active: number; waiting: number } {
    const lane = this.lanes.get(token);
    return { active: lane?.active ?? 0, waiting: lane?.waiting.length ?? 0 };
  }

  /** A request is done: its slot goes to the next one still waiting, in arrival order. */
  private release(token: string, lane: Lane): void {
    const next = lane.waiting.shift();
    if (next) next(); // the slot passes on: `active` stays
    else lane.active--;
    this.prune(token, lane);
  }

  private prune(token: string, lane: Lane): void {
    if (lane.active === 0 && lane.waiting.length === 0 && this.lanes.get(token) === lane) this.lanes.delete(token);
  }
}
