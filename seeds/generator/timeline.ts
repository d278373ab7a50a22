import type { EngagementStatus } from '../../graph/model/index.ts';
import { AS_OF_DAY, FIRST_DAY, LAST_DAY } from './dates.ts';
import type { Rng, WeightTable } from './prng.ts';

const STATUS_WEIGHTS: WeightTable<EngagementStatus> = [
  ['COMPLETED', 30], ['ACTIVE', 35], ['PLANNED', 12], ['FAILED', 12], ['CANCELLED', 11],
];

/**
 * An engagement's status and dates, as day numbers. Invariants the rest relies on:
 * `end` is null only for ACTIVE and PLANNED; a non-null `end` is ≥ start + 30; ACTIVE
 * starts ≥ 30 days before AS_OF and any end lies ≥ 30 days after it; PLANNED starts
 * after AS_OF; everything lies in 2023..2027.
 */
export interface Timeline {
  status: EngagementStatus;
  start: number;
  end: number | null;
  /** Participations stop at `end` (finished engagements) instead of staying open. */
  closed: boolean;
  /** Last day on which something can already have happened (contributions). */
  horizon: number;
}

export function drawTimeline(rng: Rng): Timeline {
  const status = rng.weighted(STATUS_WEIGHTS);
  const duration = rng.int(60, 540);
  switch (status) {
    case 'PLANNED': {
      const start = rng.int(AS_OF_DAY + 14, LAST_DAY - 180);
      const end = rng.chance(0.7) ? Math.min(start + duration, LAST_DAY) : null;
      return { status, start, end, closed: false, horizon: start };
    }
    case 'ACTIVE': {
      const start = rng.int(FIRST_DAY, AS_OF_DAY - 30);
      const end = rng.chance(0.75)
        ? Math.min(LAST_DAY, Math.max(start + duration, AS_OF_DAY + rng.int(30, 365)))
        : null;
      return { status, start, end, closed: false, horizon: AS_OF_DAY };
    }
    case 'COMPLETED':
    case 'FAILED': {
      const start = rng.int(FIRST_DAY, AS_OF_DAY - 90);
      const end = Math.min(start + duration, AS_OF_DAY - rng.int(0, 30));
      return { status, start, end, closed: true, horizon: end };
    }
    case 'CANCELLED': {
      const start = rng.int(FIRST_DAY, LAST_DAY - 180);
      const end = start + rng.int(30, 180);
      return { status, start, end, closed: true, horizon: Math.min(end, Math.max(start, AS_OF_DAY)) };
    }
  }
}
