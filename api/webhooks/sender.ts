/**
 * One HTTP attempt of a webhook delivery: a signed POST (Standard Webhooks headers) over
 * keep-alive connections, answered within the timeout or counted as failed. Redirects
 * are not followed (a 3xx is an answer that is not 2xx). With the address rule on, every
 * connection resolves its host through graph/webhooks' checkedLookup, and a URL that
 * names an address is checked before the request: a name that now resolves to a private
 * address gets no request.
 */
import http from 'node:http';
import https from 'node:https';
import { addressLiteral, checkedLookup, isForbiddenAddress, signature } from '../../graph/webhooks/index.ts';

export interface SendResult {
  /** The answer's status; null when none came in time (or the connection failed). */
  status: number | null;
  /** The attempt was cut by the sender's shutdown: not an answer of the receiver, not to be recorded. */
  aborted: boolean;
}

export interface Sender {
  send(url: string, key: Buffer, id: string, body: string): Promise<SendResult>;
  /** Cuts attempts in flight (they end as `aborted`) and closes idle connections. */
  close(): void;
}

/** An answer's body is read and thrown away, up to this much; a larger one closes the connection. */
const MAX_ANSWER_BYTES = 64 * 1024;

export function createSender(options: { allowPrivate: boolean; timeoutMs: number }): Sender {
  // Keep-alive: one connection per receiver stays open between deliveries, so a backlog
  // is not a TCP (and TLS) handshake per event.
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxFreeSockets: 64 }),
    'https:': new https.Agent({ keepAlive: true, maxFreeSockets: 64 }),
  } as const;
  const inFlight = new Set<http.ClientRequest>();
  let closed = false;

  function send(target: string, key: Buffer, id: string, body: string): Promise<SendResult> {
    return new Promise((resolve) => {
      let url: URL;
      try {
        url = new URL(target);
      } catch {
        resolve({ status: null, aborted: false });
        return;
      }
      const literal = addressLiteral(url);
      if (closed || (url.protocol !== 'http:' && url.protocol !== 'https:') || (!options.allowPrivate && literal !== null && isForbiddenAddress(literal))) {
        resolve({ status: null, aborted: closed });
        return;
      }
      const timestamp = Math.floor(Date.now() / 1000);
      const request = (url.protocol === 'https:' ? https : http).request(url, {
        method: 'POST',
        agent: agents[url.protocol],
        ...(options.allowPrivate ? {} : { lookup: checkedLookup as never }),
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Ecomap-Webhooks/1',
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signature(key, id, timestamp, body),
        },
      });
      inFlight.add(request);
      let settled = false;
      const finish = (status: number | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        inFlight.delete(request);
        resolve({ status, aborted: status === null && closed });
      };
      // The whole attempt, connection included: an answer's status line within the timeout.
      const timer = setTimeout(() => request.destroy(new Error('timed out')), options.timeoutMs);
      request.once('response', (res) => {
        finish(res.statusCode ?? null);
        // The body is not ours to read, but the connection is reused only once it has
        // been read to its end: read it, within bounds of size and time.
        let bytes = 0;
        const drain = setTimeout(() => res.destroy(), options.timeoutMs);
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > MAX_ANSWER_BYTES) res.destroy();
        });
        res.once('close', () => clearTimeout(drain));
        res.on('error', () => {});
      });
      request.once('error', () => finish(null));
      request.once('close', () => finish(null));
      request.end(body);
    });
  }

  return {
    send,
    close() {
      closed = true;
      for (const request of inFlight) request.destroy(new Error('the sender stopped'));
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
