/**
 * The 413 for a body over MAX_BODY_BYTES, answered so that every client can read it.
 *
 * Many clients write the whole body before they read anything (Python's http.client,
 * a raw socket, Node's fetch on a slow server). Closing the connection while they write
 * makes the kernel reset it, and the reset throws away the 413 they have not read yet:
 * they see EPIPE or ECONNRESET instead. So, like nginx's lingering close, the answer goes
 * out whole at once (with `Connection: close`), the rest of the body is read and thrown
 * away, and the connection closes only when the body is over: then nothing unread is left
 * to cause a reset. A client that keeps sending past LINGER_FACTOR × MAX_BODY_BYTES in all
 * is cut off there (it may then see the reset); a slow one is cut off by the server's
 * request timeout (api/server/http.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** How much of a refused body is read and discarded, in all, as a multiple of MAX_BODY_BYTES. */
export const LINGER_FACTOR = 2;

/**
 * Answers 413 with `body` (JSON, already in the GraphQL error shape) and keeps reading the
 * request until it ends or `LINGER_FACTOR × limit` bytes have come in (`received` of them
 * already read), then closes the connection.
 */
export function refuseOversizedBody(req: IncomingMessage, res: ServerResponse, limit: number, received: number,
  headers: Record<string, string>, body: string): void {
  const payload = Buffer.from(body);
  res.statusCode = 413;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Length', payload.length);
  res.setHeader('Connection', 'close');
  // The whole answer now, the end of the response (which closes the connection) once the body is over.
  res.write(payload);
  const bound = LINGER_FACTOR * limit;
  let seen = received;
  const finish = () => {
    req.off('data', count);
    if (!res.writableEnded) res.end();
  };
  const count = (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > bound) {
      req.off('end', finish);
      req.socket.destroy();
    }
  };
  if (req.complete) return finish();
  req.on('error', () => {}); // the client went away: its request line says so (api/server/request-log.ts)
  req.on('data', count);
  req.once('end', finish);
  req.resume();
}
