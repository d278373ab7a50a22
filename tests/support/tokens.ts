/**
 * Stored API tokens for tests, made straight in the graph (as createApiToken stores
 * them). wipe() deletes ApiToken nodes, so make them again after every wipe.
 */
import { createToken } from '../../graph/access/index.ts';
import type { Graph } from '../../graph/db/index.ts';

export interface TestTokens {
  analyst: string;
  /** PARTNER token secrets by partner id. */
  partner: Record<string, string>;
}

export async function makeTokens(graph: Graph, partnerIds: readonly string[] = ['p1', 'p2', 'p3', 'p4', 'p5']): Promise<TestTokens> {
  const analyst = (await createToken(graph, 'ANALYST', null, 'test analyst')).secret;
  const partner: Record<string, string> = {};
  for (const id of partnerIds) partner[id] = (await createToken(graph, 'PARTNER', id, `test ${id}`)).secret;
  return { analyst, partner };
}

/** What an opaque page cursor carries, as text (the server's cursors are base64url). */
export function cursorText(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString('utf8');
}
