/** Draws the contributions, commitments and outcomes of each generated engagement. */
import { CONTRIBUTION_KINDS, DEFECTIVE_STATUSES, type CommitmentInput, type CommitmentStatus, type ContributionInput, type ContributionKind, type EngagementStatus, type OutcomeInput, type OutcomeStatus } from '../../graph/model/index.ts';
import { FIRST_DAY, isoDate, LAST_DAY } from './dates.ts';
import { MAX_COMMITMENTS, MAX_CONTRIBUTIONS, MAX_OUTCOMES, type EcosystemPlan } from './plan.ts';
import type { Rng, WeightTable } from './prng.ts';
import type { Timeline } from './timeline.ts';
import { COMMITMENT_DESCRIPTIONS, OUTCOME_METRICS } from './vocabulary.ts';

const COMMITMENT_MIX: Record<EngagementStatus, WeightTable<CommitmentStatus>> = {
  PLANNED: [['PENDING', 90], ['IN_PROGRESS', 10]],
  ACTIVE: [['PENDING', 25], ['IN_PROGRESS', 30], ['DELIVERED', 30], ['LATE', 12], ['FAILED', 3]],
  COMPLETED: [['DELIVERED', 80], ['LATE', 17], ['FAILED', 3]],
  FAILED: [['DELIVERED', 30], ['LATE', 25], ['FAILED', 45]],
  CANCELLED: [['PENDING', 40], ['DELIVERED', 30], ['FAILED', 20], ['LATE', 10]],
};
const OUTCOME_MIX: Record<EngagementStatus, WeightTable<OutcomeStatus>> = {
  PLANNED: [['PENDING', 1]],
  ACTIVE: [['PENDING', 70], ['MET', 15], ['PARTIALLY_MET', 10], ['MISSED', 5]],
  COMPLETED: [['MET', 70], ['PARTIALLY_MET', 25], ['MISSED', 5]],
  FAILED: [['MISSED', 70], ['PARTIALLY_MET', 25], ['MET', 5]],
  CANCELLED: [['MISSED', 40], ['PENDING', 40], ['PARTIALLY_MET', 20]],
};
/** Credit that a partner outside the team can earn (it brought or swayed the deal). */
const OUTSIDER_KINDS: readonly ContributionKind[] = ['SOURCED', 'INFLUENCED', 'REFERRAL', 'MARKETPLACE'];
const RECENT_CAPACITY = 1024;
const CROSS_ENGAGEMENT_CHANCE = 0.03;
const SAME_ENGAGEMENT_CHANCE = 0.4;

/**
 * Global counters and the last commitments of earlier engagements, carried from one
 * engagement to the next. Dependencies only ever point at commitments made before, so
 * DEPENDS_ON is acyclic by construction; the ring keeps memory bounded.
 */
export class ItemDrawState {
  contributions = 0;
  commitments = 0;
  outcomes = 0;
  private readonly recent = new Int32Array(RECENT_CAPACITY);
  private recentCount = 0;

  remember(commitmentIndex: number): void {
    this.recent[this.recentCount % RECENT_CAPACITY] = commitmentIndex;
    this.recentCount++;
  }

  /** A commitment of an earlier engagement, or null before there is any. */
  earlier(rng: Rng): number | null {
    const available = Math.min(this.recentCount, RECENT_CAPACITY);
    return available === 0 ? null : this.recent[rng.int(0, available - 1)];
  }
}

function dayBetween(rng: Rng, lo: number, hi: number): number {
  return rng.int(Math.max(FIRST_DAY, Math.min(lo, hi)), Math.min(LAST_DAY, hi));
}

export function drawContributions(
  plan: EcosystemPlan, rng: Rng, state: ItemDrawState, timeline: Timeline, team: string[], value: number | null,
): ContributionInput[] {
  const count = rng.int(0, MAX_CONTRIBUTIONS);
  const result: ContributionInput[] = [];
  for (let i = 0; i < count; i++) {
    const outsider = rng.chance(0.1);
    const partner = outsider
      ? plan.ids.partner.of(plan.partnerAtRank[plan.partnerPopularity.draw(rng)])
      : rng.pick(team);
    const kind = outsider ? rng.pick(OUTSIDER_KINDS) : rng.pick(CONTRIBUTION_KINDS);
    const amount = rng.chance(0.3) ? null : Math.round(((value ?? 100_000) * rng.int(1, 20)) / 100 / 100) * 100;
    result.push({
      id: plan.ids.contribution.of(state.contributions++),
      partner,
      kind,
      date: isoDate(dayBetween(rng, timeline.start - 90, timeline.horizon)),
      amount,
    });
  }
  return result;
}

export function drawCommitments(
  plan: EcosystemPlan, rng: Rng, state: ItemDrawState, timeline: Timeline, team: string[],
): CommitmentInput[] {
  const count = rng.int(0, MAX_COMMITMENTS);
  const first = state.commitments;
  const result: CommitmentInput[] = [];
  for (let i = 0; i < count; i++) {
    const dependsOn: string[] = [];
    if (i > 0 && rng.chance(SAME_ENGAGEMENT_CHANCE)) {
      for (const j of rng.sample(Array.from({ length: i }, (_, k) => first + k), rng.int(1, 2))) {
        dependsOn.push(plan.ids.commitment.of(j));
      }
    }
    const earlier = rng.chance(CROSS_ENGAGEMENT_CHANCE) ? state.earlier(rng) : null;
    if (earlier !== null) dependsOn.push(plan.ids.commitment.of(earlier));
    const index = state.commitments++;
    const commitment: CommitmentInput = {
      id: plan.ids.commitment.of(index),
      owner: rng.pick(team),
      description: rng.pick(COMMITMENT_DESCRIPTIONS),
      status: rng.weighted(COMMITMENT_MIX[timeline.status]),
      dueDate: rng.chance(0.15) ? null : isoDate(dayBetween(rng, timeline.start + 14, timeline.end ?? timeline.start + 365)),
    };
    if (dependsOn.length > 0) commitment.dependsOn = dependsOn;
    result.push(commitment);
  }
  // Remembered only after the loop, so the cross-engagement pick above is always
  // another engagement's and never repeats a same-engagement dependency.
  for (let i = 0; i < count; i++) state.remember(first + i);
  return result;
}

/**
 * Outcomes hang on this engagement's commitments; an outcome whose commitments include
 * a LATE or FAILED one is usually not MET, which is what accountability analysis finds.
 */
export function drawOutcomes(
  plan: EcosystemPlan, rng: Rng, state: ItemDrawState, timeline: Timeline, commitments: CommitmentInput[],
): OutcomeInput[] {
  const count = rng.int(0, MAX_OUTCOMES);
  const result: OutcomeInput[] = [];
  for (let i = 0; i < count; i++) {
    const deps = commitments.length > 0 && rng.chance(0.85)
      ? rng.sample(commitments, rng.int(1, Math.min(3, commitments.length)))
      : [];
    let status = rng.weighted(OUTCOME_MIX[timeline.status]);
    if (status === 'MET' && deps.some((c) => DEFECTIVE_STATUSES.includes(c.status)) && rng.chance(0.6)) {
      status = rng.chance(0.5) ? 'MISSED' : 'PARTIALLY_MET';
    }
    const outcome: OutcomeInput = {
      id: plan.ids.outcome.of(state.outcomes++),
      description: `${rng.pick(OUTCOME_METRICS)} ${rng.int(2, 12) * 5}%`,
      status,
      dueDate: isoDate(dayBetween(rng, timeline.start + 30, timeline.end ?? timeline.start + 540)),
    };
    if (deps.length > 0) outcome.dependsOn = deps.map((c) => c.id);
    result.push(outcome);
  }
  return result;
}
