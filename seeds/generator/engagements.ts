import type { EngagementInput, RequirementInput } from '../../graph/model/index.ts';
import { isoDate } from './dates.ts';
import { drawCommitments, drawContributions, drawOutcomes, ItemDrawState } from './contributions-commitments-outcomes.ts';
import { drawTeam } from './participants.ts';
import type { EcosystemPlan } from './plan.ts';
import { deriveSeed, Rng, type WeightTable } from './prng.ts';
import { drawTimeline } from './timeline.ts';
import { CURRENCIES, ENGAGEMENT_KINDS, ENGAGEMENT_THEMES } from './vocabulary.ts';

const REQUIRED_LEVELS: WeightTable<number> = [[1, 5], [2, 20], [3, 40], [4, 25], [5, 10]];

/** Uniform over capabilities, unlike holdings: rarely held ones become coverage gaps. */
function requirements(plan: EcosystemPlan, rng: Rng): RequirementInput[] {
  return rng.sample(plan.catalog.capabilities, rng.int(1, 3))
    .map((c) => ({ capability: c.id, level: rng.weighted(REQUIRED_LEVELS) }));
}

/** 10k..3.2M on a log scale, in thousands; about one in ten is unknown (null). */
function drawValue(rng: Rng): number | null {
  return rng.chance(0.1) ? null : Math.round(Math.pow(10, 4 + 2.5 * rng.float()) / 1000) * 1000;
}

/**
 * Engagements in id order, each built on the fly from the seeded stream: memory stays
 * O(1) per engagement plus a fixed ring of recent commitments, whatever the count.
 */
export function* engagements(plan: EcosystemPlan): Generator<EngagementInput> {
  const rng = new Rng(deriveSeed(plan.options.seed, 'engagements'));
  const state = new ItemDrawState();
  for (let i = 0; i < plan.options.engagements; i++) {
    const timeline = drawTimeline(rng);
    const customer = plan.customerAtRank[plan.customerPopularity.draw(rng)];
    const value = drawValue(rng);
    const team = drawTeam(plan, rng, timeline);
    const commitments = drawCommitments(plan, rng, state, timeline, team.partners);
    yield {
      id: plan.ids.engagement.of(i),
      name: `${rng.pick(ENGAGEMENT_THEMES)} ${rng.pick(ENGAGEMENT_KINDS)}`,
      customer: plan.ids.customer.of(customer),
      status: timeline.status,
      value,
      currency: value === null ? null : rng.weighted(CURRENCIES),
      startDate: isoDate(timeline.start),
      endDate: timeline.end === null ? null : isoDate(timeline.end),
      requires: requirements(plan, rng),
      participants: team.participations,
      contributions: drawContributions(plan, rng, state, timeline, team.partners, value),
      commitments,
      outcomes: drawOutcomes(plan, rng, state, timeline, commitments),
    };
  }
}
