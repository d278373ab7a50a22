import { buildCatalog, type Catalog } from './catalog.ts';
import { IdFormat } from './ids.ts';
import { checkOptions, type GenerateOptions } from './options.ts';
import { deriveSeed, Rng } from './prng.ts';
import { RankSampler } from './zipf.ts';

/**
 * Share of partners that can ever be drawn into an engagement. The rest is the idle
 * tail; the Zipf tail of the reachable part adds more partners with nothing.
 */
const REACHABLE_SHARE = 0.7;
const INACTIVE_SHARE = 0.04;
/** Most engagements can cite this many items (contributions, commitments, outcomes). */
export const MAX_CONTRIBUTIONS = 4;
export const MAX_COMMITMENTS = 4;
export const MAX_OUTCOMES = 3;

/**
 * Everything the sections share, computed once before any item is produced: sizes, the
 * catalog, who is popular, who is inactive, and the id formats. O(partners + customers)
 * memory in typed arrays; no engagement is ever held here.
 */
export interface EcosystemPlan {
  options: GenerateOptions;
  catalog: Catalog;
  customerCount: number;
  /** partnerAtRank[r] is the index of the partner with popularity rank r (0 = busiest). */
  partnerAtRank: Uint32Array;
  rankOfPartner: Uint32Array;
  inactive: Uint8Array;
  partnerPopularity: RankSampler;
  customerAtRank: Uint32Array;
  customerPopularity: RankSampler;
  /** Skewed towards the first regions of the catalog (the larger markets). */
  regionPopularity: RankSampler;
  /** Over a shuffled capability order: some capabilities are rare, which makes coverage gaps. */
  capabilityAtRank: Uint32Array;
  capabilityPopularity: RankSampler;
  ids: {
    partner: IdFormat;
    customer: IdFormat;
    engagement: IdFormat;
    contribution: IdFormat;
    commitment: IdFormat;
    outcome: IdFormat;
  };
}

function inverse(permutation: Uint32Array): Uint32Array {
  const result = new Uint32Array(permutation.length);
  permutation.forEach((value, index) => { result[value] = index; });
  return result;
}

export function createPlan(options: GenerateOptions): EcosystemPlan {
  checkOptions(options);
  const rng = new Rng(deriveSeed(options.seed, 'plan'));
  const catalog = buildCatalog(options.partners);
  const customerCount = Math.max(1, Math.round(options.engagements / 10));

  const partnerAtRank = rng.permutation(options.partners);
  const inactive = new Uint8Array(options.partners);
  for (let i = 0; i < options.partners; i++) inactive[i] = rng.chance(INACTIVE_SHARE) ? 1 : 0;
  const reachable = Math.max(1, Math.ceil(options.partners * REACHABLE_SHARE));

  const capabilities = catalog.capabilities.length;
  return {
    options,
    catalog,
    customerCount,
    partnerAtRank,
    rankOfPartner: inverse(partnerAtRank),
    inactive,
    // Exponent 1.2 with offset 8: the top 10% carry 60-90% of participations (more as
    // the ecosystem grows), yet the busiest partner gets under 5% of the draws.
    partnerPopularity: new RankSampler(options.partners, 1.2, 8, reachable),
    customerAtRank: rng.permutation(customerCount),
    customerPopularity: new RankSampler(customerCount, 0.8, 3),
    regionPopularity: new RankSampler(catalog.regions.length, 0.7, 1),
    capabilityAtRank: rng.permutation(capabilities),
    capabilityPopularity: new RankSampler(capabilities, 0.9, 2),
    ids: {
      partner: new IdFormat('p', options.partners),
      customer: new IdFormat('c', customerCount),
      engagement: new IdFormat('e', options.engagements),
      contribution: new IdFormat('k', options.engagements * MAX_CONTRIBUTIONS),
      commitment: new IdFormat('m', options.engagements * MAX_COMMITMENTS),
      outcome: new IdFormat('o', options.engagements * MAX_OUTCOMES),
    },
  };
}
