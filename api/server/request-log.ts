/**
 * One log line per request, written when its connection is done with it: the request id,
 * method, path, status and duration. The id is the caller's `X-Request-Id` when it is a
 * sane token (so a proxy's or a client's id follows the request through), a fresh UUID
 * otherwise; the answer echoes it, so a client can quote it in a bug report.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from './logger.ts';

/** Letters, digits and `._:-`, at most 128: what ids from proxies and tracers look like, nothing that could forge a log line. */
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const REQUEST_ID_HEADER = 'X-Request-Id';

/** Fields a handler adds to its request's line (an MCP tool call's name and time, say), rather than a line of its own. */
const notes = new WeakMap<ServerResponse, Record<string, unknown>>();

/**
 * Request lines are written without the logger's redaction: their fields are the ones
 * below, none of them a secret (the path has no query string), and redacting cost 4 of
 * the 5 µs a line takes, a tenth of a small request's whole time.
 */
const lineLoggers = new WeakMap<Logger, Logger>();

function linesOf(logger: Logger): Logger {
  let lines = lineLoggers.get(logger);
  if (lines === undefined) {
    lines = logger.child({}, { redact: { paths: [] } });
    lineLoggers.set(logger, lines);
  }
  return lines;
}

export function noteOnRequestLine(res: ServerResponse, fields: Record<string, unknown>): void {
  notes.set(res, { ...notes.get(res), ...fields });
}

/** Gives the request its id (echoed in the answer) and logs its line once the answer is done or abandoned. */
export function logRequest(logger: Logger, req: IncomingMessage, res: ServerResponse, path: string): string {
  const given = req.headers['x-request-id'];
  const reqId = typeof given === 'string' && SANE_ID.test(given) ? given : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, reqId);
  const lines = linesOf(logger);
  const started = process.hrtime.bigint();
  res.once('close', () => {
    const line = { reqId, method: req.method, path, status: res.statusCode, ms: Number((process.hrtime.bigint() - started) / 1_000n) / 1_000, ...notes.get(res) };
    // Closed before the answer was complete: the client went away (an aborted upload, say)
    // or the server cut a body off. One line says so; it is not a server error.
    if (!res.writableFinished) lines.warn({ ...line, aborted: true }, 'request aborted before its answer was complete');
    else lines.info(line, 'request');
  });
  return reqId;
}
