import { PARTNER_TYPES, type CapabilityHoldingInput, type PartnerInput, type PartnerType } from '../../graph/model/index.ts';
import { partnerName } from './names.ts';
import type { EcosystemPlan } from './plan.ts';
import { deriveSeed, Rng, type WeightTable } from './prng.ts';
import { drawDistinct } from './zipf.ts';

const TYPE_WEIGHTS: WeightTable<PartnerType> = [
  ['SYSTEM_INTEGRATOR', 18], ['ISV', 16], ['MSP', 12], ['RESELLER', 14], ['REFERRAL', 8],
  ['INFLUENCER', 5], ['CLOUD_MARKETPLACE', 3], ['TELCO_INFRASTRUCTURE', 4],
  ['BOUTIQUE_CONSULTANCY', 10], ['STRATEGIC_ALLIANCE', 3], ['AI_NATIVE', 7],
];
const ONE_TO_THREE: WeightTable<number> = [[1, 50], [2, 30], [3, 20]];
const LEVELS: WeightTable<number> = [[1, 15], [2, 25], [3, 30], [4, 20], [5, 10]];

/** Tier follows popularity, as partner programmes reward volume. */
function tierOf(rankShare: number): string {
  if (rankShare < 0.02) return 'PLATINUM';
  if (rankShare < 0.1) return 'GOLD';
  if (rankShare < 0.35) return 'SILVER';
  return 'REGISTERED';
}

function holdings(plan: EcosystemPlan, rng: Rng, busy: boolean): CapabilityHoldingInput[] {
  const count = busy ? rng.int(3, 6) : rng.int(1, 4);
  const order = plan.capabilityAtRank;
  const picked = drawDistinct(count, () => order[plan.capabilityPopularity.draw(rng)], order);
  return picked.map((index) => {
    const level = rng.weighted(LEVELS);
    return {
      capability: plan.catalog.capabilities[index].id,
      level,
      certified: rng.chance(level >= 4 ? 0.7 : 0.25),
    };
  });
}

/** Partners in id order; O(1) memory per partner. */
export function* partners(plan: EcosystemPlan): Generator<PartnerInput> {
  const rng = new Rng(deriveSeed(plan.options.seed, 'partners'));
  const { regions, industries } = plan.catalog;
  const total = plan.options.partners;
  const regionOrder = regions.map((_, r) => r);
  for (let i = 0; i < total; i++) {
    const rankShare = plan.rankOfPartner[i] / total;
    // The first eleven partners take one type each, so every type exists at any size ≥ 11.
    const type = i < PARTNER_TYPES.length ? PARTNER_TYPES[i] : rng.weighted(TYPE_WEIGHTS);
    const regionIndexes = drawDistinct(
      rng.weighted(ONE_TO_THREE), () => plan.regionPopularity.draw(rng), regionOrder);
    yield {
      id: plan.ids.partner.of(i),
      name: partnerName(i),
      type,
      status: plan.inactive[i] === 1 ? 'INACTIVE' : 'ACTIVE',
      tier: rng.chance(0.08) ? null : tierOf(rankShare),
      regions: regionIndexes.map((r) => regions[r].code),
      industries: rng.sample(industries, rng.weighted(ONE_TO_THREE)).map((x) => x.code),
      capabilities: holdings(plan, rng, rankShare < 0.1),
    };
  }
}
