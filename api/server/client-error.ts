/**
 * Answers for requests Node's HTTP parser refuses before any handler sees them (the
 * server's 'clientError'): malformed HTTP (400), a request line or headers over Node's
 * 16 KB limit, a long URL included (431), a chunk extension over its limit (413), and a
 * client too slow to send its headers or its request (408). Node's own answers have an
 * empty body and no Content-Type; the contract wants every answer from /graphql to be
 * JSON in the GraphQL error shape, so these are too.
 *
 * Codes: BAD_USER_INPUT for all of them. The contract's list has nothing closer for a
 * request the client did not finish in time: it is the client's side that failed, and
 * the contract names BAD_USER_INPUT with QUERY_TOO_COMPLEX as the codes of its limits
 * (the request timeout is one); SERVICE_UNAVAILABLE would tell the client the database is
 * down.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorCode } from '../../graph/model/index.ts';
import type { Logger } from './logger.ts';

const ANSWERS: Record<string, { status: number; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, message: 'The request line and headers are larger than 16 KB; send a long query in a POST body.' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, message: 'The chunk extensions of the request body are too large.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: 'The request was not received in time.' },
};
const MALFORMED = { status: 400, message: 'The request is not valid HTTP.' };
const CODE: ErrorCode = 'BAD_USER_INPUT';

/** How long, and how much more, a refused client may go on sending before its connection is closed. */
const LINGER_MS = 5_000;
const LINGER_BYTES = 1024 * 1024;

export function answerClientError(err: Error & { code?: string }, socket: Socket, logger: Logger): void {
  if (answered.has(socket)) return; // the parser reports every later chunk too; the first answer stands
  answered.add(socket);
  const known = ANSWERS[err.code ?? ''];
  // A client that resets or closes its connection mid-request is everyday life (a browser
  // dropping a keep-alive connection, fetch giving up an upload once it has its 413).
  if (err.code === 'ECONNRESET' || err.code === 'HPE_INVALID_EOF_STATE') logger.debug({ code: err.code }, 'connection closed by the client mid-request');
  else logger.warn({ code: err.code ?? null, status: (known ?? MALFORMED).status }, 'refused a request that could not be read');
  // Only when nothing of an answer was sent on this connection yet: bytes after a started
  // answer would corrupt it. (Node's own handler checks the same, through the same field.)
  const inFlight = (socket as unknown as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const { status, message } = known ?? MALFORMED;
  const body = JSON.stringify({ errors: [{ message, extensions: { code: CODE } }] });
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n`
    + `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`);
  linger(socket);
}

const answered = new WeakSet<Socket>();

/**
 * Closes the connection once the client has stopped sending, not while it still is: a
 * close with unread bytes resets the connection and loses the answer the client has not
 * read yet (api/server/oversized-body.ts says more).
 */
function linger(socket: Socket): void {
  let seen = 0;
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > LINGER_BYTES) socket.destroy();
  });
  socket.once('end', () => socket.destroy());
  socket.once('close', () => clearTimeout(timer));
  socket.resume();
}
