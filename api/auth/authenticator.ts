/**
 * Turns `Authorization: Bearer <secret>` into a Principal, or refuses with
 * UNAUTHENTICATED. Found tokens are cached for a few seconds so a busy client does not
 * cost a database round trip per request; revoking through this server forgets the
 * token at once (another server instance forgets it within CACHE_MS).
 */
import { timingSafeEqual } from 'node:crypto';
import { findToken, hashSecret, type Principal } from '../../graph/access/index.ts';
import type { Graph } from '../../graph/db/index.ts';
import { AppError } from '../../graph/model/index.ts';

const CACHE_MS = 5_000;
const CACHE_MAX = 10_000;

export const ENV_ADMIN: Principal = { tokenId: 'env:ADMIN_TOKEN', role: 'ADMIN', partnerId: null, label: 'ADMIN_TOKEN' };
export const AUTH_OFF: Principal = { tokenId: 'auth:off', role: 'ADMIN', partnerId: null, label: 'AUTH=off' };

export class Authenticator {
  private readonly cache = new Map<string, { principal: Principal | null; until: number }>();
  private readonly adminHash: Buffer | null;

  constructor(private readonly graph: Graph, private readonly options: { adminToken?: string; authOff: boolean }) {
    this.adminHash = options.adminToken ? Buffer.from(hashSecret(options.adminToken), 'hex') : null;
  }

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

  /** Forgets a revoked token's cache entry. */
  forget(hash: string): void {
    this.cache.delete(hash);
  }

  private async lookUp(hash: string, secret: string, now: number): Promise<Principal | null> {
    const principal = await findToken(this.graph, secret);
    if (this.cache.size >= CACHE_MAX) this.cache.clear(); // bounded: a flood of bad tokens cannot grow it
    this.cache.set(hash, { principal, until: now + CACHE_MS });
    return principal;
  }
}
