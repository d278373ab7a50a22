/**
 * The network computation off the main thread (graph/network/network.ts starts this file
 * in a worker_threads Worker): exact betweenness is O(V·E), seconds on a large
 * ecosystem, and must not stall the requests the event loop is serving meanwhile.
 * One job at a time, in the order they arrive.
 */
import { parentPort } from 'node:worker_threads';
import { computeNetwork } from './assemble.ts';
import type { NetworkProjection } from './co-delivery.ts';

/**
 * Both ways the bulky part travels as JSON text: cloning a string is a copy of bytes,
 * while structure-cloning 150,000 small arrays costs the sending thread several times
 * what JSON.stringify does (measured at 10,000 partners), and the sender of a job is
 * the main thread.
 */
export interface NetworkJob {
  id: number;
  /** JSON of a NetworkProjection. */
  projection: string;
  limit: number;
}

/** `network`: JSON of a Network. */
export type NetworkJobResult = { id: number; network: string } | { id: number; error: string };

if (!parentPort) throw new Error('network.worker.ts runs in a worker thread only.');
const port = parentPort;

port.on('message', (job: NetworkJob) => {
  let reply: NetworkJobResult;
  try {
    const projection = JSON.parse(job.projection) as NetworkProjection;
    reply = { id: job.id, network: JSON.stringify(computeNetwork(projection, job.limit)) };
  } catch (err) {
    reply = { id: job.id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
