/**
 * Browser sessions over HTTP (contract: Browser sessions and the explorer):
 *
 * - `POST /session` with `Authorization: Bearer <token>`: exchanges the token for a session
 *   and sets its cookie (api/auth/session-cookie.ts). The web view does this once, with the
 *   token of its link, and then forgets the token.
 * - `DELETE /session`: signs out: the session ends in the store (for every process on the
 *   database) and the cookie is cleared.
 *
 * Also the explorer's front door: a browser's `GET /graphql` is sent to /graphiql.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../../graph/model/index.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import { checkSameSite } from '../auth/same-site.ts';
import { clearedSessionCookie, isHttps, readSessionCookie, sessionCookie } from '../auth/session-cookie.ts';
import { sendError } from './error-answer.ts';

export async function handleSession(options: { auth: Authenticator }, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.setHeader('Cache-Control', 'no-store');
  req.resume(); // no body is read: the token is in the header, the session in the cookie
  const { auth } = options;
  const secure = isHttps(req, auth.trustProxy);
  if (req.method === 'POST') {
    let started;
    try {
      started = await auth.startSession(req.headers.authorization);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // A refused token says nothing about the session this browser may hold: its cookie stays.
      if (err.code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', 'Bearer');
      return sendError(req, res, err.code === 'UNAUTHENTICATED' ? 401 : err.code === 'SERVICE_UNAVAILABLE' ? 503 : 500, err.code, err.message);
    }
    const { principal, session } = started;
    if (session) res.setHeader('Set-Cookie', sessionCookie(session.secret, auth.sessionLifetime.maxMs / 1000, secure));
    return sendJson(res, 200, {
      role: principal.role, partnerId: principal.partnerId,
      idleTimeoutSeconds: session ? Math.round(auth.sessionLifetime.idleMs / 1000) : null,
      expiresAt: session ? new Date(session.expiresAt).toISOString() : null,
    });
  }
  if (req.method === 'DELETE') {
    const secret = readSessionCookie(req.headers.cookie);
    let signedOut = false;
    if (secret) {
      try {
        checkSameSite(req, auth.trustProxy); // another site may not sign a person out either
        signedOut = await auth.endSession(secret);
      } catch (err) {
        if (err instanceof AppError) return answerAuthFailure(auth, req, res, err);
        throw err;
      }
    }
    res.setHeader('Set-Cookie', clearedSessionCookie(secure));
    return sendJson(res, 200, { signedOut });
  }
  res.setHeader('Allow', 'POST, DELETE');
  return sendError(req, res, 405, 'BAD_USER_INPUT', 'POST /session with a bearer token signs in; DELETE /session signs out.');
}

/**
 * 401 UNAUTHENTICATED (with WWW-Authenticate; an ended session's cookie is cleared, so the
 * browser stops sending it), 403 FORBIDDEN for a session request another site could have
 * made, 503/500 for the rest, in the GraphQL error shape.
 */
export function answerAuthFailure(auth: Authenticator, req: IncomingMessage, res: ServerResponse, err: AppError): void {
  if (err.code === 'FORBIDDEN') return sendError(req, res, 403, 'FORBIDDEN', err.message);
  if (err.code === 'UNAUTHENTICATED') {
    res.setHeader('WWW-Authenticate', 'Bearer');
    if (!req.headers.authorization && readSessionCookie(req.headers.cookie)) res.setHeader('Set-Cookie', clearedSessionCookie(isHttps(req, auth.trustProxy)));
    return sendError(req, res, 401, 'UNAUTHENTICATED', err.message);
  }
  return sendError(req, res, err.code === 'SERVICE_UNAVAILABLE' ? 503 : 500, err.code, err.message);
}

/**
 * A person's browser navigating to /graphql: it asks for HTML and for none of the JSON a
 * GraphQL client asks for, and sends neither a query nor a bearer token. A GET with a query
 * or a token is a GraphQL request, and is answered as one (in JSON), as before.
 */
export function wantsExplorer(headers: IncomingHttpHeaders, search: string): boolean {
  const types = (headers.accept ?? '').toLowerCase();
  if (!types.includes('text/html') || types.includes('application/json') || types.includes('application/graphql-response+json')) return false;
  return headers.authorization === undefined && !new URLSearchParams(search).has('query');
}

export function redirectToExplorer(res: ServerResponse): void {
  res.statusCode = 303;
  res.setHeader('Location', '/graphiql');
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end('The API explorer is at /graphiql.');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
