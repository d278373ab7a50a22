/**
 * Helpers for the batch reads behind the API's DataLoaders: one statement for many
 * keys, answers returned in the order of the keys (null / [] for a key the statement
 * did not return, which is how "out of scope" looks exactly like "missing").
 */
import type { Graph, Params } from './executor.ts';

/** Runs `cypher` (which UNWINDs `$ids` and returns one `column` per found id). */
export async function rowsByIds<Row extends { id: string }>(
  graph: Graph, cypher: string, ids: readonly string[], params: Params, column: string,
): Promise<Array<Row | null>> {
  const rows = await graph.read<Record<string, Row>>(cypher, { ...params, ids: [...new Set(ids)] });
  const byId = new Map(rows.map((r) => [r[column]!.id, r[column]!]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Runs `cypher` (which UNWINDs `$ids` and returns `id, items` rows). */
export async function listsByIds<Item>(graph: Graph, cypher: string, ids: readonly string[], params: Params): Promise<Item[][]> {
  const rows = await graph.read<{ id: string; items: Item[] }>(cypher, { ...params, ids: [...new Set(ids)] });
  const byId = new Map(rows.map((r) => [r.id, r.items]));
  return ids.map((id) => byId.get(id) ?? []);
}
