/**
 * The test side of the real database: a Graph on the server global-setup.ts started,
 * and a wipe so each test file starts from an empty graph.
 */
import { createHash } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { Graph, applySchema } from '../../graph/db/index.ts';
import { importEcosystem } from '../../graph/import/index.ts';
import type { EcosystemInput } from '../../graph/model/index.ts';

export async function openTestGraph(options: { queryTimeoutMs?: number } = {}): Promise<Graph> {
  const driver = neo4j.driver(inject('neo4jUri'), undefined, { disableLosslessIntegers: true, logging: { level: 'error', logger: () => {} } });
  const graph = new Graph(driver, { queryTimeoutMs: options.queryTimeoutMs ?? 30_000 });
  await applySchema(graph);
  return graph;
}

/**
 * Deletes every node and relationship (the schema stays), and the network metrics
 * stored for the data that was there: a test file starts from an empty graph, not from
 * a stale network of the file before.
 */
export async function wipe(graph: Graph): Promise<void> {
  await graph.write('MATCH (n) WHERE NOT n:GraphState OR n:NetworkMetrics DETACH DELETE n');
}

/**
 * Every test of the file starts from `world` imported into an empty graph: the graph is
 * opened before the file's tests (handed to `opened`), and closed after them; `then` runs
 * after each import (work a test should not see happening).
 */
export function eachTestFrom(world: EcosystemInput, opened: (graph: Graph) => void,
  options: { timeoutMs?: number; then?: (graph: Graph) => Promise<void> } = {}): void {
  let graph: Graph | undefined;
  beforeAll(async () => {
    graph = await openTestGraph();
    opened(graph);
  });
  afterAll(async () => graph?.close());
  beforeEach(async () => {
    await wipe(graph!);
    await importEcosystem(graph!, world, options.timeoutMs ?? 60_000);
    await options.then?.(graph!);
  });
}

/**
 * Counts of nodes and relationships and a hash of all content, to compare states of the
 * ecosystem graph (the audit trail and the events, which every write extends, are not part of it).
 */
export async function snapshot(graph: Graph): Promise<{ nodes: number; relationships: number; hash: string }> {
  const nodes = await graph.read<{ labels: string[]; props: Record<string, unknown> }>(
    'MATCH (n) WHERE NOT n:GraphState AND NOT n:AuditEntry AND NOT n:Event RETURN labels(n) AS labels, properties(n) AS props');
  const rels = await graph.read<{ from: string; type: string; to: string; props: Record<string, unknown> }>(
    'MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.code) AS from, type(r) AS type, coalesce(b.id, b.code) AS to, properties(r) AS props');
  const lines = [...nodes.map((n) => `${n.labels.join(':')} ${stable(n.props)}`), ...rels.map((r) => `${r.from}-${r.type}${stable(r.props)}->${r.to}`)].sort();
  return { nodes: nodes.length, relationships: rels.length, hash: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

function stable(value: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(value).sort().map((k) => [k, value[k]]));
}
