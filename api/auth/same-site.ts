/**
 * Cross-site request forgery, for requests that a session cookie authenticates (contract:
 * Browser sessions and the explorer). SameSite=Strict already keeps other sites' requests
 * from carrying the cookie in current browsers; these rules hold without relying on it:
 *
 * - a request whose Origin names another site is refused (browsers send Origin on every
 *   cross-origin fetch, form POST and WebSocket upgrade, and scripts cannot change it), and
 *   so is one that the browser marks `Sec-Fetch-Site: cross-site`;
 * - a request that may change something (any method but GET and HEAD) must be one that a
 *   form or a plain link cannot make: a JSON content type, or an `X-Ecomap-Request` header.
 *   Another site's script can only send those after a CORS preflight, which this server
 *   never answers with permission.
 *
 * A request without Origin (curl, a server-side client, a same-origin GET) passes the first
 * rule: forgery needs a browser, and browsers say where a request comes from.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from '../../graph/model/index.ts';

/** The custom header that makes any request non-simple (a CORS preflight for other sites). */
export const REQUEST_HEADER = 'x-ecomap-request';

const JSON_TYPES = new Set(['application/json', 'application/graphql-response+json']);

export function checkSameSite(req: { method?: string | undefined; headers: IncomingHttpHeaders }, trustProxy: boolean): void {
  const { headers } = req;
  if (headers['sec-fetch-site'] === 'cross-site' || !sameOrigin(headers.origin, ownHost(headers, trustProxy))) {
    throw new AppError('FORBIDDEN', 'A session is only accepted from pages of this server: send a bearer token from elsewhere.');
  }
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return;
  const type = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!JSON_TYPES.has(type) && headers[REQUEST_HEADER] === undefined) {
    throw new AppError('FORBIDDEN', 'With a session, send the request as application/json (or with an X-Ecomap-Request header): a plain form post is refused.');
  }
}

/** The host the browser addressed: Host, or the trusted proxy's X-Forwarded-Host. */
function ownHost(headers: IncomingHttpHeaders, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy ? headers['x-forwarded-host'] : undefined;
  const value = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return value || headers.host;
}

/** No Origin, or one naming the host and port this request was sent to. */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  if (!host) return false;
  let from: URL;
  let to: URL;
  try {
    from = new URL(origin); // "null" (a sandboxed frame, a file) throws: refused
    to = new URL(`${from.protocol}//${host}`);
  } catch {
    return false;
  }
  return (from.protocol === 'http:' || from.protocol === 'https:') && from.host === to.host;
}
