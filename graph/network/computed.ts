/**
 * The computed network: every node and edge of one filtered network with its metrics,
 * and the community overview, in columns of typed arrays. One form serves three
 * places: the worker builds it, each API process keeps it in memory to answer any
 * `limit` or `communities` selection, and it is stored in Neo4j (v8 serialisation,
 * gzip) so another process or a restarted server reads it instead of computing again.
 */
import { deserialize, serialize } from 'node:v8';
import { gunzip, gzipSync } from 'node:zlib';
import { promisify } from 'node:util';

export interface ComputedNetwork {
  /** The graph version read before the projection: the metrics describe this version (or a newer one). */
  version: number;
  /** When the projection was read, ISO 8601 UTC. */
  computedAt: string;
  /** Null when betweenness is exact, else the number of sampled sources. */
  betweennessSample: number | null;
  /** Partner nodes ordered by id (code units); every index below points into these. */
  partners: {
    ids: string[];
    names: string[];
    types: string[];
    degree: Int32Array;
    betweenness: Float64Array;
    pagerank: Float64Array;
    community: Int32Array;
    articulation: Uint8Array;
  };
  /** CO_DELIVERS edges, source < target (partner indices), ordered by source then target. */
  coDelivers: { source: Int32Array; target: Int32Array; weight: Float64Array; bridge: Uint8Array };
  /** Customer nodes ordered by id; empty unless includeCustomers. */
  customers: { ids: string[]; names: string[]; degree: Int32Array };
  /** Partner-customer edges ordered by partner, customer, kind; kind 0 is ORCHESTRATES_FOR, 1 CONTRIBUTES_TO. */
  roles: { partner: Int32Array; customer: Int32Array; weight: Float64Array; kind: Uint8Array };
  /** By community id. */
  communities: { size: Int32Array; label: string[]; top: Int32Array[] };
  /** Summed CO_DELIVERS weight between two communities, source < target, ordered. */
  communityLinks: { source: Int32Array; target: Int32Array; weight: Float64Array };
}

/** Bumped when ComputedNetwork changes shape: stored metrics of another format are ignored (recomputed). */
export const COMPUTED_FORMAT = 1;

/** Bytes for the database: v8's serialisation keeps typed arrays as raw bytes; gzip at its fastest level. */
export function encodeComputed(computed: ComputedNetwork): Uint8Array {
  // A copy with a buffer of its own: small Buffers share Node's pool, which must not be transferred.
  return new Uint8Array(gzipSync(serialize(computed), { level: 1 }));
}

const gunzipAsync = promisify(gunzip);

/** Inflating runs on libuv's thread pool; only the deserialisation is on the caller's thread. */
export async function decodeComputed(bytes: Uint8Array): Promise<ComputedNetwork> {
  return deserialize(await gunzipAsync(bytes)) as ComputedNetwork;
}

/** Roughly what one computed network holds in memory, for the cache's bound. */
export function computedBytes(computed: ComputedNetwork): number {
  const arrays = [
    computed.partners.degree, computed.partners.betweenness, computed.partners.pagerank, computed.partners.community,
    computed.partners.articulation, computed.coDelivers.source, computed.coDelivers.target, computed.coDelivers.weight,
    computed.coDelivers.bridge, computed.customers.degree, computed.roles.partner, computed.roles.customer,
    computed.roles.weight, computed.roles.kind, computed.communities.size, ...computed.communities.top,
    computed.communityLinks.source, computed.communityLinks.target, computed.communityLinks.weight,
  ];
  const strings = 3 * computed.partners.ids.length + 2 * computed.customers.ids.length + computed.communities.label.length;
  return arrays.reduce((sum, array) => sum + array.byteLength, 0) + 64 * strings;
}
