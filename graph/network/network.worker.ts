/**
 * The network computation off the main thread (graph/network/network.ts starts this file
 * in a worker_threads Worker): betweenness, Louvain and the rest take seconds on a large
 * ecosystem and must not stall the requests the event loop is serving meanwhile.
 * One job at a time, in the order they arrive. Typed arrays travel both ways as
 * transfers (no copy); the stored form is encoded here too, off the main thread.
 */
import { parentPort } from 'node:worker_threads';
import { computeNetwork } from './compute.ts';
import { encodeComputed, type ComputedNetwork } from './computed.ts';
import type { Projection } from './projection.ts';

export interface NetworkJob {
  id: number;
  projection: Projection;
  version: number;
  computedAt: string;
}

/** `encoded`: the computed network as stored in the database (computed.ts). */
export type NetworkJobResult = { id: number; computed: ComputedNetwork; encoded: Uint8Array } | { id: number; error: string };

if (!parentPort) throw new Error('network.worker.ts runs in a worker thread only.');
const port = parentPort;

port.on('message', (job: NetworkJob) => {
  try {
    const computed = computeNetwork(job.projection, job.version, job.computedAt);
    const encoded = encodeComputed(computed);
    port.postMessage({ id: job.id, computed, encoded } satisfies NetworkJobResult, [...buffersOf(computed), encoded.buffer as ArrayBuffer]);
  } catch (err) {
    port.postMessage({ id: job.id, error: err instanceof Error ? err.stack ?? err.message : String(err) } satisfies NetworkJobResult);
  }
});

/** Every typed array's buffer in `value`, once each. */
function buffersOf(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) found.add(value.buffer as ArrayBuffer);
  else if (Array.isArray(value)) for (const item of value) buffersOf(item, found);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) buffersOf(item, found);
  return [...found];
}
