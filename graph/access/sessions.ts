/**
 * Browser sessions: a token exchanged once for a session id that the browser keeps in an
 * HttpOnly cookie (api/auth). Stored in Neo4j, so every API process on the database shares
 * them and a restart keeps them; only the id's SHA-256 is stored, as for token secrets.
 *
 * Session writes change no ecosystem data, so they go through `derivedWriteTx`: signing in
 * must not make every cached answer stale (graph/db/version.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Graph } from '../db/index.ts';
import type { AccessRole } from '../model/index.ts';
import * as Q from './sessions.queries.ts';
import { hashSecret } from './tokens.ts';

/** How long a session lives: unused for `idleMs`, and at most `maxMs` after sign-in. */
export interface SessionLifetime {
  idleMs: number;
  maxMs: number;
}

/** Whose session: a stored token, or the ADMIN_TOKEN setting (by its secret's hash). */
export type SessionOwner = { tokenId: string } | { envTokenHash: string };

export interface NewSession {
  /** The session id: goes into the cookie, never stored. */
  secret: string;
  idleUntil: number;
  expiresAt: number;
}

/** A live session as stored. `tokenId` is null for an ADMIN_TOKEN session, and for a session whose token is revoked. */
export interface SessionRow {
  tokenId: string | null;
  role: AccessRole | null;
  partnerId: string | null;
  label: string | null;
  envTokenHash: string | null;
  lastSeenAt: number;
  idleUntil: number;
  expiresAt: number;
}

/** Starts a session for `owner`; null when its token is unknown or revoked. */
export async function createSession(graph: Graph, owner: SessionOwner, lifetime: SessionLifetime, now = Date.now()): Promise<NewSession | null> {
  const secret = `ecs_${randomBytes(32).toString('base64url')}`;
  const expiresAt = now + lifetime.maxMs;
  const idleUntil = Math.min(now + lifetime.idleMs, expiresAt);
  const params = { hash: hashSecret(secret), now, idleUntil, expiresAt };
  const rows = await graph.derivedWriteTx(async (tx) => {
    // Each sign-in clears a batch of ended sessions: the store stays the size of the live ones.
    await tx.run(Q.DELETE_ENDED_SESSIONS, { now, limit: 100 });
    return 'tokenId' in owner
      ? tx.run(Q.CREATE_TOKEN_SESSION, { ...params, tokenId: owner.tokenId })
      : tx.run(Q.CREATE_ENV_SESSION, { ...params, envTokenHash: owner.envTokenHash });
  });
  return rows.length > 0 ? { secret, idleUntil, expiresAt } : null;
}

export async function findSession(graph: Graph, secret: string, now = Date.now()): Promise<SessionRow | null> {
  const [row] = await graph.read<SessionRow>(Q.FIND_SESSION, { hash: hashSecret(secret), now });
  return row ?? null;
}

/** Records use of a session: its idle deadline moves to `now + idleMs` (never past its absolute expiry). */
export async function touchSession(graph: Graph, secret: string, row: Pick<SessionRow, 'expiresAt'>, idleMs: number, now = Date.now()): Promise<number> {
  const idleUntil = Math.min(now + idleMs, row.expiresAt);
  await graph.derivedWriteTx((tx) => tx.run(Q.TOUCH_SESSION, { hash: hashSecret(secret), now, idleUntil }));
  return idleUntil;
}

/** Ends a session (sign-out); false when there was none. */
export async function endSession(graph: Graph, secret: string): Promise<boolean> {
  const [row] = await graph.derivedWriteTx((tx) => tx.run<{ n: number }>(Q.DELETE_SESSION, { hash: hashSecret(secret) }));
  return (row?.n ?? 0) > 0;
}
