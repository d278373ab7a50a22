/**
 * Keeps the embedded Neo4j running: when its Java process exits and we did not ask it
 * to, say why, start it again on the same data directory and Bolt port after a growing
 * pause, and give up after too many failures in a row, so that the app can exit and a
 * service manager (systemd, Kubernetes, Docker's restart policy) act on a host that
 * needs a person. Meanwhile requests answer SERVICE_UNAVAILABLE (the driver fails fast,
 * connect.ts) and the driver reconnects by itself once the server is back.
 */
import { describeExit, type Neo4jExit } from './launcher.ts';

/**
 * The restart policy (docs/RELIABILITY.md). The pause before restart n is
 * FIRST_DELAY × 2^(n−1), capped: 1 s, 2 s, 4 s, 8 s, then the supervisor gives up at the
 * 5th failure in a row, 15 s of pauses plus the starts after the first crash. A failure
 * is an exit we did not ask for or a start that did not come up; a server that then ran
 * for STABLE_MS counts as recovered, and its next crash starts a new count at 1. So a
 * crash a day is restarted for ever, a crash loop (a full disk, a corrupt store, a heap
 * too small for the graph) stops after five tries, however slow the starts are (a window
 * of wall-clock time would let a slow machine's crash loop run for ever).
 */
export const RESTART_FIRST_DELAY_MS = 1_000;
export const RESTART_MAX_DELAY_MS = 30_000;
export const RESTART_LIMIT = 5;
export const RESTART_STABLE_MS = 120_000;

export interface RestartPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** Consecutive failures at which the supervisor gives up. */
  limit: number;
  /** How long a server must stay up for its next exit to start a new count. */
  stableMs: number;
}

export const RESTART_POLICY: RestartPolicy = {
  firstDelayMs: RESTART_FIRST_DELAY_MS,
  maxDelayMs: RESTART_MAX_DELAY_MS,
  limit: RESTART_LIMIT,
  stableMs: RESTART_STABLE_MS,
};

/** The pause before the next start, after `failures` (≥ 1) consecutive failures. */
export function restartDelayMs(failures: number, policy: RestartPolicy = RESTART_POLICY): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, failures - 1));
}

/**
 * The count after one more failure. `uptimeMs`: how long the server ran before it
 * exited, or null for a start that never came up.
 */
export function failuresAfter(previous: number, uptimeMs: number | null, policy: RestartPolicy = RESTART_POLICY): number {
  return uptimeMs !== null && uptimeMs >= policy.stableMs ? 1 : previous + 1;
}

/** What the supervisor needs of a server process (a LocalNeo4j). */
export interface Supervisable {
  pid: number;
  ended: Promise<Neo4jExit>;
  stop(): Promise<void>;
}

export interface SupervisorOptions {
  log: (line: string) => void;
  policy?: RestartPolicy;
}

export class Supervisor<T extends Supervisable> {
  /** Resolves with the reason when the supervisor gives up; the server is down for good then. */
  readonly gaveUp: Promise<Error>;
  /** How many times a server was started again (for logs and tests). */
  restarts = 0;
  private current: T | undefined;
  private failures = 0;
  private stopping = false;
  private restarting: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private resolveGaveUp!: (reason: Error) => void;
  private readonly policy: RestartPolicy;

  constructor(first: T, private readonly start: () => Promise<T>, private readonly options: SupervisorOptions) {
    this.policy = options.policy ?? RESTART_POLICY;
    this.gaveUp = new Promise((resolve) => { this.resolveGaveUp = resolve; });
    this.watch(first);
  }

  /** The server running now, if one is (none between a crash and its restart). */
  get running(): T | undefined {
    return this.current;
  }

  /** Stops supervising and stops the server; a start in progress is waited for and stopped. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.restarting;
    await this.current?.stop();
  }

  private watch(server: T): void {
    this.current = server;
    const startedAt = Date.now();
    void server.ended.then((exit) => {
      if (this.stopping) return;
      this.current = undefined;
      this.failures = failuresAfter(this.failures, Date.now() - startedAt, this.policy);
      this.options.log(`Neo4j (pid ${server.pid}) stopped unexpectedly: ${describeExit(exit)}`);
      this.restarting = this.restartLoop(describeExit(exit));
    });
  }

  private async restartLoop(lastFailure: string): Promise<void> {
    for (;;) {
      if (this.stopping) return;
      if (this.failures >= this.policy.limit) {
        const reason = new Error(
          `Neo4j failed ${this.failures} times in a row (none of its runs lasted ${this.policy.stableMs / 1000} s); `
          + `giving up. Last failure: ${lastFailure}`,
        );
        this.options.log(reason.message);
        this.resolveGaveUp(reason);
        return;
      }
      const delay = restartDelayMs(this.failures, this.policy);
      this.options.log(`Restarting Neo4j in ${delay / 1000} s (failure ${this.failures} of ${this.policy.limit} in a row)…`);
      await this.pause(delay);
      if (this.stopping) return;
      try {
        const server = await this.start();
        if (this.stopping) {
          await server.stop();
          return;
        }
        this.restarts++;
        this.options.log(`Neo4j is running again (pid ${server.pid}).`);
        this.watch(server);
        return;
      } catch (err) {
        lastFailure = err instanceof Error ? err.message : String(err);
        this.failures = failuresAfter(this.failures, null, this.policy);
        this.options.log(`Neo4j did not start again: ${lastFailure}`);
      }
    }
  }

  /** A pause that stop() cuts short. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
