/**
 * The restart policy as pure functions, then the supervisor over real child processes
 * (small Node scripts standing in for the Java server, which the fault test
 * tests/faults/supervisor.test.ts kills for real), with a fast policy.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Neo4jExit } from './launcher.ts';
import {
  RESTART_LIMIT, RESTART_POLICY, RESTART_STABLE_MS, Supervisor, failuresAfter, restartDelayMs, type RestartPolicy, type Supervisable,
} from './supervisor.ts';

describe('restartDelayMs', () => {
  it('doubles from 1 s and is capped at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => restartDelayMs(n))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('waits 15 s in all before the default policy gives up', () => {
    const pauses = Array.from({ length: RESTART_LIMIT - 1 }, (_, i) => restartDelayMs(i + 1));
    expect(pauses.reduce((a, b) => a + b, 0)).toBe(15_000);
  });

  it('follows the policy it is given', () => {
    const policy: RestartPolicy = { ...RESTART_POLICY, firstDelayMs: 100, maxDelayMs: 250 };
    expect([1, 2, 3, 4].map((n) => restartDelayMs(n, policy))).toEqual([100, 200, 250, 250]);
  });
});

describe('failuresAfter', () => {
  it('counts crashes of short runs and failed starts in a row', () => {
    expect(failuresAfter(0, 5_000)).toBe(1);
    expect(failuresAfter(1, 5_000)).toBe(2);
    expect(failuresAfter(2, null)).toBe(3);
    expect(failuresAfter(3, RESTART_STABLE_MS - 1)).toBe(4);
  });

  it('starts a new count after a run of at least the stable time', () => {
    expect(failuresAfter(4, RESTART_STABLE_MS)).toBe(1);
    expect(failuresAfter(4, 24 * 3_600_000)).toBe(1);
  });
});

const FAST: RestartPolicy = { firstDelayMs: 10, maxDelayMs: 40, limit: 3, stableMs: 600_000 };

interface Fake extends Supervisable {
  kill(signal: NodeJS.Signals): void;
}

/** A real process standing in for the server: `script` runs in Node. */
function fakeServer(script: string): Fake {
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const ended = new Promise<Neo4jExit>((done) => child.once('close', (code, signal) => {
    done({ code, signal, lastLines: stderr.split('\n').filter(Boolean), logFile: 'fake.log' });
  }));
  return {
    pid: child.pid!,
    ended,
    kill: (signal) => child.kill(signal),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await ended;
    },
  };
}

const RUNS = 'setInterval(() => {}, 1000)';
const CRASHES = 'console.error("boom: no space left on device"); process.exit(7)';

function harness(script: string, policy: RestartPolicy) {
  const lines: string[] = [];
  const started: Fake[] = [];
  const waiters: Array<{ test: (line: string) => boolean; done: () => void }> = [];
  const log = (line: string) => {
    lines.push(line);
    for (const w of waiters.filter((w) => w.test(line))) w.done();
  };
  /** Resolves when a log line matches (already logged or later). */
  const logged = (pattern: RegExp) => new Promise<void>((done) => {
    if (lines.some((l) => pattern.test(l))) done();
    else waiters.push({ test: (l) => pattern.test(l), done });
  });
  return { lines, started, log, logged, start: async () => { const s = fakeServer(script); started.push(s); return s; }, policy };
}

describe('Supervisor', () => {
  it('restarts a server that was killed, says why, and stops it without another restart', async () => {
    const h = harness(RUNS, FAST);
    const first = fakeServer(RUNS);
    const supervisor = new Supervisor(first, h.start, { log: h.log, policy: FAST });
    first.kill('SIGKILL');
    await h.logged(/running again/);
    expect(h.started).toHaveLength(1);
    expect(supervisor.running).toBe(h.started[0]);
    expect(h.lines).toContain(`Neo4j (pid ${first.pid}) stopped unexpectedly: killed by SIGKILL (see fake.log)`);
    expect(h.lines).toContain('Restarting Neo4j in 0.01 s (failure 1 of 3 in a row)…');

    await supervisor.stop();
    const exit = await h.started[0]!.ended;
    expect(exit.signal).toBe('SIGTERM');
    expect(h.started).toHaveLength(1);
    expect(h.lines.filter((l) => l.includes('stopped unexpectedly'))).toHaveLength(1);
    expect(supervisor.restarts).toBe(1);
  });

  it('gives up after the limit of crashes in a row, with the last words of the last one', async () => {
    const h = harness(CRASHES, FAST);
    const supervisor = new Supervisor(fakeServer(CRASHES), h.start, { log: h.log, policy: FAST });
    const reason = await supervisor.gaveUp;
    expect(reason.message).toMatch(/^Neo4j failed 3 times in a row \(none of its runs lasted 600 s\); giving up\. Last failure: exit code 7; last lines: boom: no space left on device/);
    expect(h.started).toHaveLength(2); // restarts after the 1st and 2nd failure, none after the 3rd
    expect(h.lines.filter((l) => l.startsWith('Restarting'))).toEqual([
      'Restarting Neo4j in 0.01 s (failure 1 of 3 in a row)…',
      'Restarting Neo4j in 0.02 s (failure 2 of 3 in a row)…',
    ]);
    expect(supervisor.running).toBeUndefined();
    await supervisor.stop(); // nothing left to stop
  });

  it('counts starts that fail as failures too', async () => {
    const h = harness(RUNS, FAST);
    const first = fakeServer(RUNS);
    let attempts = 0;
    const failingStart = async (): Promise<Fake> => {
      attempts++;
      throw new Error('Neo4j exited during start (code 1): Address already in use');
    };
    const supervisor = new Supervisor<Fake>(first, failingStart, { log: h.log, policy: FAST });
    first.kill('SIGKILL');
    const reason = await supervisor.gaveUp;
    expect(attempts).toBe(2);
    expect(reason.message).toContain('Last failure: Neo4j exited during start (code 1): Address already in use');
    expect(h.lines).toContain('Neo4j did not start again: Neo4j exited during start (code 1): Address already in use');
  });

  it('stop() during the pause before a restart ends it at once: nothing is started', async () => {
    const slow: RestartPolicy = { ...FAST, firstDelayMs: 3_600_000, maxDelayMs: 3_600_000 };
    const h = harness(RUNS, slow);
    const first = fakeServer(RUNS);
    const supervisor = new Supervisor(first, h.start, { log: h.log, policy: slow });
    first.kill('SIGKILL');
    await h.logged(/Restarting Neo4j in 3600 s/);
    await supervisor.stop(); // an hour if the pause were not cut short (the test times out first)
    expect(h.started).toHaveLength(0);
  });

  it('a clean stop is not a failure: no restart, no give-up', async () => {
    const h = harness(RUNS, FAST);
    const first = fakeServer(RUNS);
    const supervisor = new Supervisor(first, h.start, { log: h.log, policy: FAST });
    await supervisor.stop();
    expect((await first.ended).signal).toBe('SIGTERM');
    expect(h.started).toHaveLength(0);
    expect(h.lines).toEqual([]);
  });
});
