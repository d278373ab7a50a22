/**
 * Child processes of the benchmark: free ports, spawning with a line matcher, peak
 * memory from /proc, and a last-resort kill of every child still running at exit.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const children = new Set<ChildProcess>();
const killAll = () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
};
process.once('exit', killAll);
// Ctrl-C ends the benchmark without 'exit' handlers otherwise; the API and the plain
// server would outlive it (Neo4j stops by itself when its parent's pipe closes).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => { killAll(); process.exit(130); });
}

export { freePort } from '../graph/db/index.ts';

export interface Child {
  process: ChildProcess;
  pid: number;
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Spawns a tracked child; it is killed if the benchmark exits first. */
export function startChild(command: string, args: string[], options: SpawnOptions): Child {
  const child = spawn(command, args, options);
  children.add(child);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => { children.delete(child); done(code); }));
  return {
    process: child,
    pid: child.pid ?? -1,
    exited,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(killer);
    },
  };
}

/**
 * Resolves with the first match of `pattern` on the child's stdout; rejects when the
 * child exits first or after `timeoutMs`. Keeps the last output for the error message.
 */
export function waitForLine(child: Child, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no "${pattern.source}" within ${timeoutMs} ms: ${tail(out + err)}`)), timeoutMs);
    child.process.stdout?.on('data', (chunk: Buffer) => {
      out = (out + chunk.toString()).slice(-8000);
      const match = pattern.exec(out);
      if (match) { clearTimeout(timer); resolve(match); }
    });
    child.process.stderr?.on('data', (chunk: Buffer) => { err = (err + chunk.toString()).slice(-8000); });
    void child.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited (code ${code}) before "${pattern.source}": ${tail(out + err)}`));
    });
  });
}

/** Peak resident set (VmHWM) of a live process, in MiB; null when /proc cannot tell. */
export function peakRssMb(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-8).join(' | ');
}

/**
 * The largest VmHWM among `pid` and its descendants, in MiB (npm → sh → node: the
 * worker is somewhere below the process we spawned).
 */
export function treePeakRssMb(pid: number): number | null {
  let peak: number | null = null;
  const visit = (p: number) => {
    const own = peakRssMb(p);
    if (own !== null) peak = Math.max(peak ?? 0, own);
    for (const child of childPids(p)) visit(child);
  };
  visit(pid);
  return peak;
}

function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`)
      .flatMap((task) => readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(/\s+/))
      .filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
