/**
 * The embedded default: a local Neo4j Community server that the app starts itself.
 *
 * Maven resolves `org.neo4j:neo4j` and `org.neo4j:neo4j-bolt` (pom.xml beside this
 * file) into the local Maven cache once; later starts reuse the cached classpath.
 * Java runs Neo4jLauncher.java as a single source file, so there is no build step.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const POM = join(here, 'pom.xml');
const LAUNCHER = join(here, 'Neo4jLauncher.java');
const CLASSPATH_FILE = join(here, 'target', 'classpath.txt');

export interface LocalNeo4jOptions {
  dataDir: string;
  boltPort: number;
  /** Page cache in MiB; the default suits a laptop and CI. */
  pageCacheMb?: number;
  /** Where progress lines go (stderr by default). */
  log?: (line: string) => void;
  /** How long the first start may take, downloads included. */
  startTimeoutMs?: number;
}

export interface LocalNeo4j {
  uri: string;
  pid: number;
  /** Stops the server cleanly (SIGTERM runs Neo4j's shutdown); idempotent. */
  stop(): Promise<void>;
  /** Resolves when the Java process has exited, for whatever reason. */
  exited: Promise<number | null>;
}

/** The Maven-resolved classpath, resolving it first when it is missing or stale. */
export async function neo4jClasspath(log: (line: string) => void = defaultLog): Promise<string> {
  if (isClasspathFresh()) return readFileSync(CLASSPATH_FILE, 'utf8').trim();
  log('Resolving Neo4j from Maven Central (first run only; this can take a minute)…');
  mkdirSync(dirname(CLASSPATH_FILE), { recursive: true });
  try {
    await promisify(execFile)('mvn', ['-q', '-B', '-f', POM, 'dependency:build-classpath',
      `-Dmdep.outputFile=${CLASSPATH_FILE}`], { maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new Error(`Could not resolve Neo4j with Maven (is Maven 3.8+ installed and Maven Central reachable?): ${detail}`);
  }
  return readFileSync(CLASSPATH_FILE, 'utf8').trim();
}

function isClasspathFresh(): boolean {
  if (!existsSync(CLASSPATH_FILE)) return false;
  if (statSync(CLASSPATH_FILE).mtimeMs < statSync(POM).mtimeMs) return false;
  // A cleaned Maven cache leaves a classpath that points at nothing.
  return readFileSync(CLASSPATH_FILE, 'utf8').trim().split(':').every((jar) => jar !== '' && existsSync(jar));
}

/** Starts Neo4j with Bolt on 127.0.0.1:boltPort and waits until it says it is ready. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? defaultLog;
  const classpath = await neo4jClasspath(log);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const child = spawn('java', [
    '-XX:+UseG1GC', '-XX:+ExitOnOutOfMemoryError',
    '-cp', classpath, LAUNCHER, dataDir, String(options.boltPort), String(options.pageCacheMb ?? 512),
  ], {
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own process group: Ctrl-C in a terminal reaches Node, which finishes the
    // requests in flight before it stops Neo4j (the stdin pipe still ends it if Node dies).
    detached: true,
  });

  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  await waitForReady(child, exited, options.startTimeoutMs ?? 180_000, dataDir);

  let stopping: Promise<void> | undefined;
  return {
    uri: `bolt://127.0.0.1:${options.boltPort}`,
    pid: child.pid ?? -1,
    exited,
    stop: () => (stopping ??= stopProcess(child, exited)),
  };
}

function waitForReady(child: ChildProcess, exited: Promise<number | null>, timeoutMs: number, dataDir: string): Promise<void> {
  return new Promise((ready, fail) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`Neo4j did not start within ${timeoutMs} ms; see ${join(dataDir, 'logs', 'debug.log')}`));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('NEO4J_READY')) { clearTimeout(timer); ready(); }
    });
    child.stderr?.on('data', (chunk: Buffer) => { err = (err + chunk.toString()).slice(-4000); });
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`Neo4j exited during start (code ${code}): ${summarise(err)} (see ${join(dataDir, 'logs', 'debug.log')})`));
    });
  });
}

/** The message of the innermost Java exception, which says what a person can fix (port taken, store locked…). */
function summarise(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const messages = lines.map((l) => /(?:Exception|Error): (.+)$/.exec(l)?.[1]).filter((m): m is string => Boolean(m));
  const message = messages.at(-1) ?? lines.slice(-3).join(' ');
  if (/lock/i.test(message)) return `${message} (is another Neo4j using this data directory?)`;
  return message || 'no output';
}

async function stopProcess(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  await exited;
  clearTimeout(killer);
}

function defaultLog(line: string): void {
  process.stderr.write(`${line}\n`);
}
