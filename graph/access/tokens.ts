/**
 * Bearer tokens. A secret is 32 random bytes; the store keeps only its SHA-256 (a slow
 * password hash buys nothing for secrets this long, and every request checks one).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/index.ts';
import type { Graph } from '../db/index.ts';
import type { AccessRole } from '../model/index.ts';
import * as Q from './tokens.queries.ts';


/** Who a request acts for. `partnerId` is set for, and only for, PARTNER tokens. */
export interface Principal {
  tokenId: string;
  role: AccessRole;
  partnerId: string | null;
  label: string | null;
}

export interface NewToken extends Principal {
  /** Shown once, to whoever created the token. */
  secret: string;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function newSecret(): string {
  return `ecm_${randomBytes(32).toString('base64url')}`;
}

export async function createToken(
  graph: Graph, role: AccessRole, partnerId: string | null, label: string | null, actor: Actor = SYSTEM_ACTOR,
): Promise<NewToken> {
  const secret = newSecret();
  const id = `tok_${randomUUID()}`;
  await graph.writeTx(async (tx) => {
    await tx.run(Q.CREATE_TOKEN, { id, hash: hashSecret(secret), role, partnerId, label });
    await recordAudit(tx, actor, 'createApiToken', [id]);
  });
  return { tokenId: id, role, partnerId, label, secret };
}

export async function findToken(graph: Graph, secret: string): Promise<Principal | null> {
  const [row] = await graph.read<{ id: string; role: AccessRole; partnerId: string | null; label: string | null }>(
    Q.FIND_ACTIVE_TOKEN, { hash: hashSecret(secret) });
  return row ? { tokenId: row.id, role: row.role, partnerId: row.partnerId, label: row.label } : null;
}

/** Revokes an active token; returns the revoked token's hash, or null when there was none. */
export async function revokeToken(graph: Graph, id: string, actor: Actor = SYSTEM_ACTOR): Promise<string | null> {
  return graph.writeTx(async (tx) => {
    const [row] = await tx.run<{ hash: string }>(Q.REVOKE_TOKEN, { id });
    if (row) await recordAudit(tx, actor, 'revokeApiToken', [id]);
    return row?.hash ?? null;
  });
}

export async function hasActiveAdminToken(graph: Graph): Promise<boolean> {
  const [row] = await graph.read<{ n: number }>(Q.COUNT_ACTIVE_ADMIN_TOKENS);
  return (row?.n ?? 0) > 0;
}

export async function partnerExists(graph: Graph, id: string): Promise<boolean> {
  const [row] = await graph.read<{ exists: boolean }>(Q.PARTNER_EXISTS, { id });
  return row?.exists === true;
}
