/**
 * The embedded default: a local Neo4j Community server that the app starts itself.
 *
 * Maven resolves `org.neo4j:neo4j` and `org.neo4j:neo4j-bolt` (pom.xml beside this
 * file) into the local Maven cache once; later starts reuse the cached classpath.
 * Java runs Neo4jLauncher.java as a single source file, so there is no build step.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { availableMemoryMb, defaultNeo4jMemory, initialHeapMb } from './memory.ts';

const here = dirname(fileURLToPath(import.meta.url));
const POM = join(here, 'pom.xml');
const LAUNCHER = join(here, 'Neo4jLauncher.java');
const CLASSPATH_FILE = join(here, 'target', 'classpath.txt');

export interface LocalNeo4jOptions {
  dataDir: string;
  boltPort: number;
  /** Page cache in MiB (server.memory.pagecache.size); default: sized from the machine (memory.ts). */
  pageCacheMb?: number;
  /** Largest JVM heap in MiB (-Xmx; it starts at initialHeapMb); default: sized from the machine (memory.ts). */
  heapMb?: number;
  /** Where progress lines go (stderr by default). */
  log?: (line: string) => void;
  /** How long the first start may take, downloads included. */
  startTimeoutMs?: number;
}

export interface LocalNeo4j {
  uri: string;
  pid: number;
  heapMb: number;
  pageCacheMb: number;
  /** Stops the server cleanly (SIGTERM runs Neo4j's shutdown); idempotent. */
  stop(): Promise<void>;
  /** Resolves with the exit code when the Java process has exited, for whatever reason. */
  exited: Promise<number | null>;
  /** Resolves when the Java process has exited, with what says why. */
  ended: Promise<Neo4jExit>;
}

/** How the Java process ended, and its last words. */
export interface Neo4jExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last lines of its stderr or, when it printed nothing there (a SIGKILL), what its debug.log said last. */
  lastLines: string[];
  /** Where the full story is. */
  logFile: string;
}

const LAST_LINES = 5;

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
  const sized = defaultNeo4jMemory(availableMemoryMb());
  const heapMb = options.heapMb ?? sized.heapMb;
  const pageCacheMb = options.pageCacheMb ?? sized.pageCacheMb;
  const child = spawn('java', [
    // -Xmx is the bound that was missing (the JVM's default is a quarter of the machine).
    `-Xms${initialHeapMb(heapMb)}m`, `-Xmx${heapMb}m`,
    '-XX:+UseG1GC', '-XX:+ExitOnOutOfMemoryError',
    '-cp', classpath, LAUNCHER, dataDir, String(options.boltPort), String(pageCacheMb),
  ], {
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own process group: Ctrl-C in a terminal reaches Node, which finishes the
    // requests in flight before it stops Neo4j (the stdin pipe still ends it if Node dies).
    detached: true,
  });

  // Kept for the whole life of the process: when it dies later, its last words say why.
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
  const logFile = join(dataDir, 'logs', 'debug.log');
  // 'close', not 'exit': by then stderr has been read to its end.
  const ended = new Promise<Neo4jExit>((done) => child.once('close', (code, signal) => {
    done({ code, signal, lastLines: lastLines(stderr) ?? logWords(tail(logFile)) ?? [], logFile });
  }));
  const exited = ended.then((exit) => exit.code);
  await waitForReady(child, ended, options.startTimeoutMs ?? 180_000, () => stderr, logFile);

  let stopping: Promise<void> | undefined;
  return {
    uri: `bolt://127.0.0.1:${options.boltPort}`,
    pid: child.pid ?? -1,
    heapMb,
    pageCacheMb,
    exited,
    ended,
    stop: () => (stopping ??= stopProcess(child, exited)),
  };
}

/** One line for a log: how the process ended and its last words. */
export function describeExit(exit: Neo4jExit): string {
  const how = exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
  const words = exit.lastLines.length > 0 ? `; last lines: ${exit.lastLines.join(' | ')}` : '';
  return `${how}${words} (see ${exit.logFile})`;
}

function waitForReady(child: ChildProcess, ended: Promise<Neo4jExit>, timeoutMs: number, stderr: () => string, logFile: string): Promise<void> {
  return new Promise((ready, fail) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`Neo4j did not start within ${timeoutMs} ms; see ${logFile}`));
    }, timeoutMs);
    const onOut = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('NEO4J_READY')) {
        clearTimeout(timer);
        // Keep draining stdout (a full pipe would block the server), without keeping it.
        child.stdout?.off('data', onOut);
        child.stdout?.resume();
        ready();
      }
    };
    child.stdout?.on('data', onOut);
    void ended.then((exit) => {
      clearTimeout(timer);
      fail(new Error(`Neo4j exited during start (${exit.signal ?? `code ${exit.code}`}): ${summarise(stderr())} (see ${logFile})`));
    });
  });
}

/** The last few non-empty lines of `text` (each cut to a log line's length), or undefined when there are none. */
function lastLines(text: string, count = LAST_LINES): string[] | undefined {
  const lines = text.split('\n').map((l) => l.trim().slice(0, 300)).filter(Boolean).slice(-count);
  return lines.length > 0 ? lines : undefined;
}

/**
 * What debug.log says last: its warnings and errors when it has some (a full disk, a
 * corrupt store), else its very last line; its routine INFO lines would bury the cause.
 */
function logWords(logTail: string): string[] | undefined {
  const alarms = logTail.split('\n').filter((l) => /^\S+ \S+ (WARN|ERROR)\b/.test(l)).join('\n');
  return lastLines(alarms, 3) ?? lastLines(logTail, 1);
}

/** The end of a file that may be large (Neo4j's debug.log); empty when it cannot be read. */
function tail(file: string, bytes = 8192): string {
  try {
    const fd = openSync(file, 'r');
    try {
      const size = statSync(file).size;
      const buffer = Buffer.alloc(Math.min(bytes, size));
      readSync(fd, buffer, 0, buffer.length, size - buffer.length);
      return buffer.toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
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
