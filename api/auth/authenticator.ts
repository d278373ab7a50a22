/**
 * Who is asking: `Authorization: Bearer <secret>`, or the browser session a token was
 * exchanged for (the HttpOnly cookie, api/auth/session-cookie.ts), turned into a Principal;
 * or UNAUTHENTICATED. A session is its token: the same Principal (role, scope, tokenId, so
 * the same per-token gate), on every path that asks here (/graphql GET and POST, the
 * graphql-ws upgrade, /mcp).
 *
 * Found tokens and sessions are cached for a few seconds so a busy client does not cost a
 * database round trip per request; revoking through this server forgets the token and
 * every cached session at once (another server instance forgets them within CACHE_MS), and
 * a sign-out forgets its session at once.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import {
  createSession, endSession, findSession, hashSecret, touchSession, findToken,
  type NewSession, type Principal, type SessionLifetime, type SessionRow,
} from '../../graph/access/index.ts';
import type { Graph } from '../../graph/db/index.ts';
import { AppError } from '../../graph/model/index.ts';
import { checkSameSite } from './same-site.ts';
import { readSessionCookie } from './session-cookie.ts';

const CACHE_MS = 5_000;
const CACHE_MAX = 10_000;

export const ENV_ADMIN: Principal = { tokenId: 'env:ADMIN_TOKEN', role: 'ADMIN', partnerId: null, label: 'ADMIN_TOKEN' };
export const AUTH_OFF: Principal = { tokenId: 'auth:off', role: 'ADMIN', partnerId: null, label: 'AUTH=off' };

/** 12 hours unused, 7 days at most (api/config.ts: SESSION_IDLE_SECONDS, SESSION_MAX_SECONDS). */
export const DEFAULT_SESSION_LIFETIME: SessionLifetime = { idleMs: 12 * 3_600_000, maxMs: 7 * 86_400_000 };

/** What a request shows of itself to be authenticated: its method and headers (an IncomingMessage). */
export interface RequestLike {
  method?: string | undefined;
  headers: IncomingHttpHeaders;
}

/** How a request proved who it is, so a long-lived connection can check it again (api/events/live-server.ts). */
export type Credential = { kind: 'bearer'; authorization: string } | { kind: 'session'; secret: string } | { kind: 'off' };

export interface Authenticated {
  principal: Principal;
  credential: Credential;
}

export interface AuthenticatorOptions {
  adminToken?: string | undefined;
  authOff: boolean;
  sessionLifetime?: SessionLifetime;
  /** TRUST_PROXY: X-Forwarded-Host and X-Forwarded-Proto describe the request (api/auth/same-site.ts). */
  trustProxy?: boolean;
}

interface CachedSession {
  principal: Principal | null;
  until: number;
}

export class Authenticator {
  private readonly cache = new Map<string, { principal: Principal | null; until: number }>();
  private readonly sessions = new Map<string, CachedSession>();
  private readonly adminHash: Buffer | null;
  readonly sessionLifetime: SessionLifetime;
  readonly trustProxy: boolean;

  constructor(private readonly graph: Graph, private readonly options: AuthenticatorOptions) {
    this.adminHash = options.adminToken ? Buffer.from(hashSecret(options.adminToken), 'hex') : null;
    this.sessionLifetime = options.sessionLifetime ?? DEFAULT_SESSION_LIFETIME;
    this.trustProxy = options.trustProxy ?? false;
  }

  /** A bearer token only (the stdio MCP server, a session's exchange). */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    if (this.options.authOff) return AUTH_OFF;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) throw new AppError('UNAUTHENTICATED', 'Send "Authorization: Bearer <token>"; ask an ADMIN for a token.');
    const hash = hashSecret(match[1]!);
    if (this.adminHash && timingSafeEqual(this.adminHash, Buffer.from(hash, 'hex'))) return ENV_ADMIN;

    const now = Date.now();
    const cached = this.cache.get(hash);
    const principal = cached && cached.until > now ? cached.principal : await this.lookUp(hash, match[1]!, now);
    if (!principal) throw new AppError('UNAUTHENTICATED', 'This token is not valid (unknown or revoked).');
    return principal;
  }

  /**
   * An HTTP request or WebSocket upgrade: its bearer token when it sends one (a bearer
   * token always wins, and is never subject to the session's cross-site rules), else its
   * session cookie, refused with FORBIDDEN when the request could have been forged by
   * another site (api/auth/same-site.ts).
   */
  async authenticateRequest(req: RequestLike): Promise<Authenticated> {
    if (this.options.authOff) return { principal: AUTH_OFF, credential: { kind: 'off' } };
    const authorization = req.headers.authorization;
    if (authorization !== undefined && authorization.trim() !== '') {
      return { principal: await this.authenticate(authorization), credential: { kind: 'bearer', authorization } };
    }
    const secret = readSessionCookie(req.headers.cookie);
    if (secret === null) await this.authenticate(undefined); // throws UNAUTHENTICATED, with the usual words
    checkSameSite(req, this.trustProxy);
    return { principal: await this.session(secret!), credential: { kind: 'session', secret: secret! } };
  }

  /** Checks a credential again (a live subscription, between events): its Principal, or UNAUTHENTICATED. */
  async check(credential: Credential): Promise<Principal> {
    switch (credential.kind) {
      case 'off': return AUTH_OFF;
      case 'bearer': return this.authenticate(credential.authorization);
      case 'session': return this.session(credential.secret);
    }
  }

  /** Exchanges the bearer token of `authorization` for a new session (POST /session). */
  async startSession(authorization: string | undefined): Promise<{ principal: Principal; session: NewSession | null }> {
    const principal = await this.authenticate(authorization);
    if (principal === AUTH_OFF) return { principal, session: null }; // nothing to remember: every request is ADMIN
    const owner = principal === ENV_ADMIN ? { envTokenHash: this.adminHash!.toString('hex') } : { tokenId: principal.tokenId };
    const session = await createSession(this.graph, owner, this.sessionLifetime);
    // Revoked between the check and the write: as if the check had seen it.
    if (!session) throw new AppError('UNAUTHENTICATED', 'This token is not valid (unknown or revoked).');
    return { principal, session };
  }

  /** Ends a session (sign-out), here and in the store. */
  async endSession(secret: string): Promise<boolean> {
    this.sessions.delete(hashSecret(secret));
    return endSession(this.graph, secret);
  }

  /** Forgets a revoked token's cache entry, and every cached session (one of them may be that token's). */
  forget(hash: string): void {
    this.cache.delete(hash);
    this.sessions.clear();
  }

  private async lookUp(hash: string, secret: string, now: number): Promise<Principal | null> {
    const principal = await findToken(this.graph, secret);
    if (this.cache.size >= CACHE_MAX) this.cache.clear(); // bounded: a flood of bad tokens cannot grow it
    this.cache.set(hash, { principal, until: now + CACHE_MS });
    return principal;
  }

  private async session(secret: string): Promise<Principal> {
    const hash = hashSecret(secret);
    const now = Date.now();
    const cached = this.sessions.get(hash);
    const principal = cached && cached.until > now ? cached.principal : await this.lookUpSession(hash, secret, now);
    if (!principal) throw new AppError('UNAUTHENTICATED', 'This session has ended (signed out, expired, or its token was revoked); sign in again with a link.');
    return principal;
  }

  private async lookUpSession(hash: string, secret: string, now: number): Promise<Principal | null> {
    const row = await findSession(this.graph, secret, now);
    const principal = row ? this.principalOf(row) : null;
    let until = now + CACHE_MS;
    if (row && principal) {
      // Used: the idle deadline moves on, written at most about once a minute per session.
      const touchEvery = Math.min(60_000, this.sessionLifetime.idleMs / 10);
      let idleUntil = row.idleUntil;
      if (now - row.lastSeenAt >= touchEvery) {
        idleUntil = await touchSession(this.graph, secret, row, this.sessionLifetime.idleMs, now).catch(() => row.idleUntil);
      }
      until = Math.min(until, idleUntil); // a cached session never outlives its deadline
    }
    if (this.sessions.size >= CACHE_MAX) this.sessions.clear();
    this.sessions.set(hash, { principal, until });
    return principal;
  }

  /** The token's Principal; an ADMIN_TOKEN session only while the setting still holds the same secret. */
  private principalOf(row: SessionRow): Principal | null {
    if (row.envTokenHash !== null) {
      return this.adminHash && row.envTokenHash.length === 64 && timingSafeEqual(this.adminHash, Buffer.from(row.envTokenHash, 'hex')) ? ENV_ADMIN : null;
    }
    if (row.tokenId === null || row.role === null) return null;
    return { tokenId: row.tokenId, role: row.role, partnerId: row.partnerId, label: row.label };
  }
}
