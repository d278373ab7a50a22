/** What every resolver gets: who asks, within which scope, and the request's loaders. */
import type { Principal } from '../../graph/access/index.ts';
import type { Graph } from '../../graph/db/index.ts';
import { AppError } from '../../graph/model/index.ts';
import type { Scope } from '../../graph/model/index.ts';
import type { AnswerCacheSlot } from '../server/answer-cache.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { selects } from './selection.ts';

export interface Context {
  principal: Principal;
  /** null for ADMIN and ANALYST; the partner id of a PARTNER token. */
  scope: Scope;
  graph: Graph;
  /** The request's loaders; `loaders.selection` is what the operation selects (api/graphql/selection.ts). */
  loaders: Loaders;
  /** "Today" is the server's current date (UTC), fixed for the whole request. */
  today: string;
  /** Called with a revoked token's hash, so the authenticator's cache forgets it. */
  onRevoke: (hash: string) => void;
  /** Present when the request may be answered from, or stored in, the answer cache. */
  answerCache?: AnswerCacheSlot;
  /** Where a failure the server cannot explain goes: the log, with the request's id (errors.ts). */
  reportInternal: (err: unknown) => void;
}

export function createContext(
  graph: Graph, principal: Principal, onRevoke: (hash: string) => void, reportInternal: (err: unknown) => void,
): Context {
  const scope = principal.role === 'PARTNER' ? principal.partnerId : null;
  return { principal, scope, graph, loaders: createLoaders(graph, scope), today: new Date().toISOString().slice(0, 10), onRevoke, reportInternal };
}

/** After a write, later fields of the same operation must not see cached reads from before it. */
export function afterWrite(ctx: Context): void {
  ctx.loaders = createLoaders(ctx.graph, ctx.scope, ctx.loaders.selection);
}

/** Whether the operation reads the `totalCount` of `connection` (a type name) anywhere: counting is a page's dearest part. */
export function wantsTotal(ctx: Context, connection: string): boolean {
  return selects(ctx.loaders.selection, `${connection}.totalCount`);
}

/** Writes are ADMIN's (contract: Access), except setCommitmentStatus, which checks itself. */
export function requireAdmin(ctx: Context): void {
  if (ctx.principal.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'This operation needs an ADMIN token.');
}

/** network, exitImpact and ecosystemHealth are not for PARTNER tokens (contract: Access). */
export function refusePartner(ctx: Context, what: string): void {
  if (ctx.principal.role === 'PARTNER') throw new AppError('FORBIDDEN', `A PARTNER token cannot read ${what}.`);
}

/** A non-null field whose object is out of scope behaves as if it did not exist. */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new AppError('NOT_FOUND', `${what} not found.`);
  return value;
}

/** `first` of a connection: at most 100 (contract: Errors); null means the default. */
export function pageSize(first: number | null | undefined, fallback = 20): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 0 || n > 100) {
    throw new AppError('BAD_USER_INPUT', '"first" must be between 0 and 100.', [{ path: 'first', message: 'must be between 0 and 100' }]);
  }
  return n;
}
