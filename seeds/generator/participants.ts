import type { ParticipationInput } from '../../graph/model/index.ts';
import { AS_OF_DAY, isoDate, LAST_DAY } from './dates.ts';
import type { EcosystemPlan } from './plan.ts';
import type { Rng, WeightTable } from './prng.ts';
import type { Timeline } from './timeline.ts';
import { drawDistinct } from './zipf.ts';

const TEAM_SIZES: WeightTable<number> = [[1, 20], [2, 30], [3, 25], [4, 15], [5, 10]];
const HANDOVER_CHANCE = 0.15;

export interface Team {
  /** Distinct partner ids, the first (original) orchestrator first. */
  partners: string[];
  participations: ParticipationInput[];
}

function interval(partner: string, role: ParticipationInput['role'], from: number, to: number | null): ParticipationInput {
  // `to` is left out, not null, for an open interval: that is how the contract shows it.
  return to === null
    ? { partner, role, from: isoDate(from) }
    : { partner, role, from: isoDate(from), to: isoDate(to) };
}

/**
 * Picks 1-5 distinct partners by popularity (preferential attachment: the busy get
 * busier) and gives them role intervals. Current engagements avoid INACTIVE partners.
 * Invariants: ORCHESTRATOR intervals tile [start, end) without overlap, exactly one is
 * open when the engagement is not closed, and one partner's intervals never overlap.
 */
export function drawTeam(plan: EcosystemPlan, rng: Rng, timeline: Timeline): Team {
  const current = !timeline.closed;
  const indexes = drawDistinct(
    rng.weighted(TEAM_SIZES),
    () => plan.partnerAtRank[plan.partnerPopularity.draw(rng)],
    plan.partnerAtRank,
    (p) => !current || plan.inactive[p] === 0,
  );
  // Only when every partner is INACTIVE (tiny ecosystems) does the filter leave nobody.
  if (indexes.length === 0) indexes.push(plan.partnerAtRank[0]);
  const partners = indexes.map((p) => plan.ids.partner.of(p));
  const [lead, ...others] = partners as [string, ...string[]];
  const { start, end, closed } = timeline;
  const stop = closed ? end : null;
  const participations: ParticipationInput[] = [];

  const handover = others.length > 0 && timeline.status !== 'PLANNED' && rng.chance(HANDOVER_CHANCE);
  if (handover) {
    // The lead hands the orchestrator role to a newcomer on day X and stays on as a
    // contributor from X: half-open intervals make [start, X) and [X, ...) disjoint.
    const successor = others.shift() as string;
    const last = closed ? (end as number) - 1 : AS_OF_DAY;
    const span = last - start;
    const handoverDay = rng.int(start + Math.max(1, Math.floor(span / 4)), start + Math.max(1, Math.floor((3 * span) / 4)));
    participations.push(
      interval(lead, 'ORCHESTRATOR', start, handoverDay),
      interval(successor, 'ORCHESTRATOR', handoverDay, stop),
      interval(lead, 'CONTRIBUTOR', handoverDay, stop),
    );
  } else {
    participations.push(interval(lead, 'ORCHESTRATOR', start, stop));
  }

  for (const partner of others) {
    if (closed) {
      const last = (end as number) - 1;
      const from = rng.int(start, Math.min(start + 90, last));
      participations.push(interval(partner, 'CONTRIBUTOR', from, rng.chance(0.8) ? end : rng.int(from + 1, end as number)));
      continue;
    }
    const from = timeline.status === 'ACTIVE' ? rng.int(start, Math.min(start + 90, AS_OF_DAY)) : rng.int(start, start + 30);
    // Some contributors of a running engagement have already left it.
    let to: number | null = rng.chance(0.25) ? from + rng.int(14, 180) : null;
    if (to !== null) to = Math.min(to, end ?? LAST_DAY);
    participations.push(interval(partner, 'CONTRIBUTOR', from, to !== null && to > from ? to : null));
  }
  return { partners, participations };
}
