/**
 * The CO_DELIVERS network with its metrics, for Gephi and other graph tools (contract:
 * Spreadsheets and export): exactly what `network` answers for the whole graph (no
 * filter, every partner), written as GraphML or GEXF 1.3. Nodes and edges come in the
 * answer's order, so the same graph version gives the same file.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { UndirectedGraph } from 'graphology';
import { write as writeGexfText } from 'graphology-gexf';
import type { Graph } from '../db/index.ts';
import { NETWORK_LIMITS, network, type Network, type NetworkEdge, type NetworkNode } from '../network/index.ts';

/** How long an export waits for a fresh network when the stored one is stale. */
const FRESH_WAIT_MS = 10 * 60_000;
const POLL_MS = 250;

/** The whole network at the current graph version: a stale answer is waited out (its recomputation is queued by `network`). */
export async function freshNetwork(graph: Graph): Promise<Network> {
  const deadline = Date.now() + FRESH_WAIT_MS;
  for (;;) {
    const answer = await network(graph, {}, NETWORK_LIMITS.maxLimit);
    if (!answer.stale || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The attributes every node and edge carries, with their GraphML types. */
const NODE_ATTRIBUTES = [
  ['label', 'string'], ['kind', 'string'], ['partnerType', 'string'], ['degree', 'int'], ['betweenness', 'double'],
  ['pagerank', 'double'], ['community', 'int'], ['articulationPoint', 'boolean'],
] as const satisfies ReadonlyArray<readonly [keyof NetworkNode, string]>;
const EDGE_ATTRIBUTES = [['kind', 'string'], ['weight', 'double'], ['bridge', 'boolean']] as const satisfies ReadonlyArray<readonly [keyof NetworkEdge, string]>;

/** GraphML (graphml.graphdrawing.org), streamed; graphology-graphml reads only, so the few elements are written here. */
export async function writeGraphml(graph: Graph, path: string): Promise<Network> {
  const answer = await freshNetwork(graph);
  const out = createWriteStream(path, { encoding: 'utf8' });
  const write = async (text: string) => { if (!out.write(text)) await once(out, 'drain'); };
  try {
    await write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n');
    for (const [name, type] of NODE_ATTRIBUTES) await write(`  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>\n`);
    for (const [name, type] of EDGE_ATTRIBUTES) await write(`  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>\n`);
    await write('  <graph id="CO_DELIVERS" edgedefault="undirected">\n');
    for (const node of answer.nodes) {
      const data = NODE_ATTRIBUTES.filter(([name]) => node[name] !== null)
        .map(([name]) => `<data key="n_${name}">${xml(String(node[name]))}</data>`).join('');
      await write(`    <node id="${xml(node.id)}">${data}</node>\n`);
    }
    for (const [i, edge] of answer.edges.entries()) {
      const data = EDGE_ATTRIBUTES.map(([name]) => `<data key="e_${name}">${xml(String(edge[name]))}</data>`).join('');
      await write(`    <edge id="e${i}" source="${xml(edge.source)}" target="${xml(edge.target)}">${data}</edge>\n`);
    }
    await write('  </graph>\n</graphml>\n');
    out.end();
    await once(out, 'close');
  } catch (err) {
    out.destroy();
    throw err;
  }
  return answer;
}

/** GEXF 1.3, written by graphology-gexf (the whole network is in memory already). */
export async function writeGexf(graph: Graph, path: string): Promise<Network> {
  const answer = await freshNetwork(graph);
  const g = new UndirectedGraph();
  for (const node of answer.nodes) {
    g.addNode(node.id, Object.fromEntries(NODE_ATTRIBUTES.filter(([name]) => node[name] !== null).map(([name]) => [name, node[name]])));
  }
  for (const [i, edge] of answer.edges.entries()) {
    g.addEdgeWithKey(`e${i}`, edge.source, edge.target, { kind: edge.kind, weight: edge.weight, bridge: edge.bridge });
  }
  const text = writeGexfText(g, {
    version: '1.3',
    formatNode: (_key, attributes) => {
      const { label, ...rest } = attributes;
      return { label: String(label), attributes: rest };
    },
    formatEdge: (_key, attributes) => {
      const { weight, ...rest } = attributes;
      return { weight: Number(weight), attributes: rest };
    },
  });
  await writeFile(path, text, 'utf8');
  return answer;
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
