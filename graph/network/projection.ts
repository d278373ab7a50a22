/**
 * The network's projection, read from the database as compact arrays: partners by
 * index, CO_DELIVERS pairs and role edges as typed arrays of those indices. Typed
 * arrays move to the worker without a copy (a transfer), and 2,000,000 pairs take
 * 32 MB instead of the gigabyte the same rows cost as JS arrays of strings.
 */
import type { Graph } from '../db/index.ts';
import * as N from './network.queries.ts';

export interface ProjectedPartners {
  ids: string[];
  names: string[];
  types: string[];
  regions: string[][];
  capabilities: string[][];
}

/** Pairs (or partner-customer links) by index, in the order the database sent them. */
export interface IndexedLinks {
  from: Int32Array;
  to: Int32Array;
  weight: Float64Array;
}

export interface Projection {
  partners: ProjectedPartners;
  /** CO_DELIVERS: from and to are partner indices. */
  coDelivers: IndexedLinks;
  customers: { ids: string[]; names: string[] };
  /** Partner index to customer index; empty unless includeCustomers. */
  orchestratesFor: IndexedLinks;
  contributesTo: IndexedLinks;
}

/** A background recomputation reads this, not a request: it may take minutes at 100,000 partners. */
export const PROJECTION_TIMEOUT_MS = 15 * 60_000;

/**
 * Reads the projection for `params` in one read transaction, streaming every row into
 * growable number arrays. A pair or role whose partner is not among the partner rows
 * (a write between two statements of the transaction) is dropped: the metrics are
 * labelled with the graph version read before, so they are recomputed anyway.
 */
export async function readProjection(graph: Graph, params: N.NetworkProjectionParams): Promise<Projection> {
  return graph.readStreaming(async (tx) => {
    const partners: ProjectedPartners = { ids: [], names: [], types: [], regions: [], capabilities: [] };
    await tx.each<N.NetworkPartnerRow>(N.NETWORK_PARTNERS, params, (row) => {
      partners.ids.push(row.id);
      partners.names.push(row.name);
      partners.types.push(row.type);
      partners.regions.push(row.regions);
      partners.capabilities.push(row.capabilities);
    });
    const partnerIndex = indexOf(partners.ids);
    const pairs = new LinkBuilder();
    await tx.each<N.NetworkPairRow>(N.NETWORK_PAIRS, params, (row) => {
      pairs.add(partnerIndex.get(row.a), partnerIndex.get(row.b), row.weight);
    });
    const customers = { ids: [] as string[], names: [] as string[] };
    const orchestratesFor = new LinkBuilder();
    const contributesTo = new LinkBuilder();
    if (params.filter.includeCustomers) {
      await tx.each<N.NetworkCustomerRow>(N.NETWORK_CUSTOMERS, params, (row) => {
        customers.ids.push(row.id);
        customers.names.push(row.name);
      });
      const customerIndex = indexOf(customers.ids);
      await tx.each<N.NetworkRoleRow>(N.NETWORK_ROLES, params, (row) => {
        const links = row.role === 'ORCHESTRATOR' ? orchestratesFor : contributesTo;
        links.add(partnerIndex.get(row.partner), customerIndex.get(row.customer), row.weight);
      });
    }
    return {
      partners, coDelivers: pairs.done(), customers, orchestratesFor: orchestratesFor.done(), contributesTo: contributesTo.done(),
    };
  }, PROJECTION_TIMEOUT_MS);
}

/** The buffers to transfer (not copy) when the projection goes to the worker. */
export function projectionBuffers(projection: Projection): ArrayBuffer[] {
  return [projection.coDelivers, projection.orchestratesFor, projection.contributesTo]
    .flatMap((links) => [links.from.buffer, links.to.buffer, links.weight.buffer] as ArrayBuffer[]);
}

function indexOf(ids: readonly string[]): Map<string, number> {
  return new Map(ids.map((id, index) => [id, index]));
}

class LinkBuilder {
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private readonly weight: number[] = [];

  add(from: number | undefined, to: number | undefined, weight: number): void {
    if (from === undefined || to === undefined) return;
    this.from.push(from);
    this.to.push(to);
    this.weight.push(weight);
  }

  done(): IndexedLinks {
    return { from: Int32Array.from(this.from), to: Int32Array.from(this.to), weight: Float64Array.from(this.weight) };
  }
}
