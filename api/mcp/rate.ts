/**
 * Tool calls per second, per token. The token gate (api/server/token-gate.ts) bounds how many
 * requests of a token run at once; an agent in a loop sends one call after another and never
 * trips it, yet can keep a core and the database busy. A bucket per token refills at
 * `perSecond` and holds `burst`: a call finding it empty is refused at once
 * (QUERY_TOO_COMPLEX, the contract's code for a limit the client went over).
 */
import { positiveInt } from '../../graph/db/index.ts';

/** Buckets kept at most; full ones are the same as none, so they go first. */
const MAX_BUCKETS = 10_000;

export class CallLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(readonly perSecond: number, readonly burst: number, private readonly now: () => number = () => performance.now()) {}

  /** Takes one call from `key`'s bucket; false when it is empty. */
  take(key: string): boolean {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= MAX_BUCKETS) this.prune(now);
      bucket = { tokens: this.burst, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1_000) * this.perSecond);
    bucket.at = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  private prune(now: number): void {
    for (const [key, b] of this.buckets) if (b.tokens + ((now - b.at) / 1_000) * this.perSecond >= this.burst) this.buckets.delete(key);
    if (this.buckets.size >= MAX_BUCKETS) this.buckets.clear(); // bounded, like the authenticator's cache
  }
}

/** MCP_CALLS_PER_SECOND (default 20) per token, in bursts of up to twice that. */
export function callLimiterFromEnv(env: NodeJS.ProcessEnv = process.env): CallLimiter {
  const perSecond = positiveInt(env.MCP_CALLS_PER_SECOND, 20, 'MCP_CALLS_PER_SECOND');
  return new CallLimiter(perSecond, 2 * perSecond);
}
