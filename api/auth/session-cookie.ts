/**
 * The browser session's cookie (contract: Browser sessions and the explorer): HttpOnly (no
 * script reads it, so a script injected into a page cannot carry it off), SameSite=Strict
 * (no other site's page, link or form makes the browser send it), Secure when the page
 * was served over https, Path=/ (the web view, /graphql, its WebSocket and /mcp).
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

export const SESSION_COOKIE = 'ecomap_session';

/** The form of the ids graph/access makes; anything else is not looked up. */
const SESSION_ID = /^ecs_[A-Za-z0-9_-]{43}$/;

/** The session id of a Cookie header, or null. */
export function readSessionCookie(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (SESSION_ID.test(value)) return value;
  }
  return null;
}

/** The Set-Cookie value that keeps `secret` for `maxAgeSeconds` (the session's absolute lifetime). */
export function sessionCookie(secret: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${secret}; Path=/; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** The Set-Cookie value that makes the browser drop the cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/**
 * Whether the browser reached us over https: a TLS socket, or, when the app trusts its
 * proxy (TRUST_PROXY=1), the proxy's `X-Forwarded-Proto: https`. Untrusted, that header
 * is anyone's to send, and a Secure cookie over plain http would never come back.
 */
export function isHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as Partial<TLSSocket>).encrypted === true) return true;
  if (!trustProxy) return false;
  const proto = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(proto) ? proto[0] : proto)?.split(',')[0]?.trim().toLowerCase();
  return first === 'https';
}
