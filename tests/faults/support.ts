/**
 * What the fault tests share: the API as a child process (`node --import tsx api/main.ts`,
 * as `npm start` runs it), a GraphQL client that never throws (a transport failure is a
 * result to count), RSS of a process, and docs/reliability-results.json, where each test
 * leaves the figures of its last run for docs/RELIABILITY.md (tests/faults/report.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { finished } from 'node:stream/promises';
import { Graph } from '../../graph/db/index.ts';
import { countImport } from '../../graph/import/index.ts';
import type { EcosystemInput } from '../../graph/model/index.ts';
import { writeEcosystem, type GenerateOptions } from '../../seeds/generate.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS_FILE = join(ROOT, 'docs', 'reliability-results.json');
export const ADMIN = 'faults-admin-secret-0123456789';

export { freePort } from '../../graph/db/index.ts';
export { mulberry32 as prng } from '../../graph/network/index.ts';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `ecomap-faults-${prefix}-`));
}

export interface ApiProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, then wait for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the API as `npm start` would, with `env` over a clean environment, and waits until it listens. */
export async function startApi(env: Record<string, string>, timeoutMs = 240_000): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', ADMIN_TOKEN: ADMIN, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const look = () => {
      const m = /Ecomap is listening on (\S+) /.exec(output);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    };
    child.stdout!.on('data', look);
    void exited.then(({ code, signal }) => { clearTimeout(timer); reject(new Error(`the API exited during start (${code ?? signal}):\n${output}`)); });
  });
  return {
    url,
    pid: child.pid!,
    child,
    exited,
    output: () => output,
    stop: async (graceMs = 60_000) => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        const result = await exited;
        clearTimeout(killer);
        return result;
      }
      return exited;
    },
  };
}

export interface Reply {
  /** When the request was sent and when its answer (or failure) arrived, ms since the epoch. */
  sentAt: number;
  doneAt: number;
  status: number | null;
  body: any;
  /** The contract codes of the answer's errors. */
  codes: string[];
  /** A transport failure (no HTTP answer): its code, e.g. ECONNREFUSED, or "timeout". */
  failure: string | null;
}

/** POSTs a GraphQL request; never throws. */
export async function gql(url: string, query: string, variables?: Record<string, unknown>, options: { token?: string; timeoutMs?: number } = {}): Promise<Reply> {
  const sentAt = Date.now();
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.token ?? ADMIN}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    let body: any;
    try { body = JSON.parse(text); } catch { body = { unparsable: text.slice(0, 200) }; }
    const codes = Array.isArray(body?.errors) ? body.errors.map((e: any) => String(e?.extensions?.code)) : [];
    return { sentAt, doneAt: Date.now(), status: res.status, body, codes, failure: null };
  } catch (err) {
    return { sentAt, doneAt: Date.now(), status: null, body: null, codes: [], failure: failureCode(err) };
  }
}

/** GET /healthz; never throws. */
export async function health(url: string, timeoutMs = 10_000): Promise<{ status: number | null; ms: number }> {
  const started = Date.now();
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.text();
    return { status: res.status, ms: Date.now() - started };
  } catch {
    return { status: null, ms: Date.now() - started };
  }
}

export function failureCode(err: unknown): string {
  const e = err as { name?: string; code?: string; cause?: { code?: string; name?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timeout';
  return e?.cause?.code ?? e?.code ?? e?.cause?.name ?? e?.cause?.message ?? String(err);
}

/** A successful answer: HTTP 200, data, no errors. */
export const succeeded = (r: Reply) => r.status === 200 && r.codes.length === 0 && r.body?.data != null;

/** Resident set size of a process in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The Java process of the local Neo4j on `dataDir` (the launcher's command line names it), if one runs. */
export function neo4jPidFor(dataDir: string): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmdline.some((a) => a.endsWith('Neo4jLauncher.java')) && cmdline.includes(dataDir)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/** A Graph on any Bolt URI, for checks behind the API's back. */
export function openGraphAt(uri: string): Graph {
  const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true, logging: { level: 'error', logger: () => {} } });
  return new Graph(driver, { queryTimeoutMs: 120_000 });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` is true, polling every `everyMs`; returns the time it took, or throws after `timeoutMs`. */
export async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 100): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`gave up after ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Keeps the figures of one test's last run in docs/reliability-results.json. */
export function recordResults(test: string, figures: Record<string, unknown>): void {
  const all = existsSync(RESULTS_FILE) ? JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown> : {};
  all[test] = { ...figures, at: new Date().toISOString() };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(all, null, 2)}\n`);
}

/**
 * A generated ecosystem (seeds/generate.ts) written to `dir/ecosystem.json` as
 * `npm run import` reads it, with what an import of it writes, by kind.
 */
export async function generatedImportFile(dir: string, size: GenerateOptions): Promise<{ file: string; counts: ReturnType<typeof countImport> }> {
  const file = join(dir, 'ecosystem.json');
  const out = createWriteStream(file);
  await writeEcosystem(size, out);
  out.end();
  await finished(out);
  return { file, counts: countImport(JSON.parse(readFileSync(file, 'utf8')) as EcosystemInput) };
}
