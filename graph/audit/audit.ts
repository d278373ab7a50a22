/** Who did what, when: recorded inside each write's transaction, read by ADMIN only. */
import { randomUUID } from 'node:crypto';
import type { Graph, Tx } from '../db/index.ts';
import { AUDIT_PAGE, RECORD_AUDIT, type AuditRow } from './audit.queries.ts';
import { decodeCursor, toPage, type Page, type PageArgs } from '../model/index.ts';

/** The author of a write: a token (id and role), or the system itself (seed, CLI). */
export interface Actor {
  tokenId: string;
  role: string;
  partnerId: string | null;
}

export const SYSTEM_ACTOR: Actor = { tokenId: 'system', role: 'ADMIN', partnerId: null };
export const CLI_ACTOR: Actor = { tokenId: 'cli:import', role: 'ADMIN', partnerId: null };

/** Entries keep at most this many ids; `idCount` says how many there were. */
const MAX_IDS = 200;

/** `source`: the file an import came from (its name as the user gave it), when there was one. */
export async function recordAudit(tx: Tx, actor: Actor, operation: string, ids: string[], source: string | null = null): Promise<void> {
  await tx.run(RECORD_AUDIT, {
    id: randomUUID(), tokenId: actor.tokenId, role: actor.role, partnerId: actor.partnerId,
    operation, ids: ids.slice(0, MAX_IDS), idCount: ids.length, source,
  });
}

export interface AuditFilter {
  operations?: string[] | null;
  tokenId?: string | null;
  since?: string | null;
  until?: string | null;
}

export async function auditPage(graph: Graph, filter: AuditFilter, args: PageArgs): Promise<Page<AuditRow>> {
  const [row] = await graph.read<{ totalCount: number; page: AuditRow[] }>(AUDIT_PAGE, {
    operations: filter.operations ?? null,
    tokenId: filter.tokenId ?? null,
    since: filter.since ?? null,
    until: filter.until ?? null,
    after: decodeCursor(args.after, 2),
    limit: args.first + 1,
  });
  return toPage(row!.page, args.first, row!.totalCount, (a) => [a.at, a.id]);
}
