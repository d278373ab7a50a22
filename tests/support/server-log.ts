/**
 * What the servers a test file starts write to their log at `warn` and above, kept so that
 * a test can read it, and checked after every test (tests/setup/no-internal-errors.ts): an
 * INTERNAL_SERVER_ERROR that a test did not expect fails that test, instead of scrolling
 * past in the output of a passing run.
 */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../api/server/logger.ts';

export interface LogEntry {
  level: number;
  msg: string;
  reqId?: string;
  err?: { type?: string; message?: string; stack?: string };
}

const entries: LogEntry[] = [];

/** A logger whose warnings and errors land in this module instead of stdout. */
export function capturingLogger(): Logger {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) entries.push(JSON.parse(line) as LogEntry);
      done();
    },
  });
  return createLogger('warn', sink);
}

/** The internal errors logged and not yet taken. */
export function internalErrors(): LogEntry[] {
  return entries.filter((e) => e.msg === 'internal error');
}

/**
 * Takes the internal errors a test caused on purpose: at least one, each matching
 * `pattern`, each with the id of the request that caused it.
 */
export function takeInternalErrors(pattern: RegExp): LogEntry[] {
  const taken = internalErrors();
  if (taken.length === 0) throw new Error('no internal error was logged');
  for (const entry of taken) {
    if (!pattern.test(entry.err?.message ?? '')) throw new Error(`an unexpected internal error was logged: ${entry.err?.message}`);
    if (!entry.reqId) throw new Error('an internal error was logged without its request id');
  }
  clearServerLog();
  return taken;
}

export function clearServerLog(): void {
  entries.length = 0;
}
