/**
 * Handovers planned on an engagement's stored ORCHESTRATOR intervals (contract:
 * Scenarios): a handover ends the open ORCHESTRATOR interval at `from` and starts an
 * open one for its partner. One engagement's handovers apply in order of `from`, so a
 * chain (B from March, C from June) reads as written whatever the input order.
 */
import { clip, type IsoDate, type Problem } from '../model/index.ts';

export interface Handover { engagementId: string; partnerId: string; from: IsoDate }

interface Interval { partner: string; from: IsoDate; to: IsoDate | null; stored: boolean; endsAt?: IsoDate }

export interface IntervalEnd { engagement: string; partner: string; from: IsoDate; to: IsoDate }
export interface IntervalStart { engagement: string; partner: string; from: IsoDate; to: IsoDate | null }

export interface HandoverPlan { ends: IntervalEnd[]; starts: IntervalStart[]; problems: Problem[] }

/**
 * `stored` holds each known engagement's ORCHESTRATOR intervals; handovers of other
 * engagements were reported already and are left out. A handover to the partner that
 * already orchestrates (open, from `from` or earlier) changes nothing.
 */
export function planHandovers(
  handovers: ReadonlyArray<Handover>, stored: ReadonlyMap<string, ReadonlyArray<{ partner: string; from: IsoDate; to: IsoDate | null }>>,
): HandoverPlan {
  const problems: Problem[] = [];
  const byEngagement = new Map<string, Array<{ h: Handover; i: number }>>();
  handovers.forEach((h, i) => {
    if (!stored.has(h.engagementId)) return;
    byEngagement.set(h.engagementId, [...(byEngagement.get(h.engagementId) ?? []), { h, i }]);
  });

  const ends: IntervalEnd[] = [];
  const starts: IntervalStart[] = [];
  for (const [engagement, list] of byEngagement) {
    const intervals: Interval[] = stored.get(engagement)!.map((s) => ({ ...s, stored: true }));
    list.sort((a, b) => (a.h.from < b.h.from ? -1 : a.h.from > b.h.from ? 1 : a.i - b.i));
    for (const { h, i } of list) {
      const at = `handovers[${i}].from`;
      const open = intervals.find((x) => x.to === null);
      if (open && open.partner === h.partnerId && open.from <= h.from) continue;
      if (open && h.from <= open.from) {
        problems.push({ path: at, message: `must be after ${open.from}, when ${clip(open.partner)}'s open ORCHESTRATOR interval starts` });
        continue;
      }
      // Open-ended from `from`: any other interval still in force on or after `from` would overlap it.
      const overlapping = intervals.find((x) => x !== open && x.to !== null && x.to > h.from);
      if (overlapping) {
        problems.push({ path: at, message: `overlaps ${clip(overlapping.partner)}'s ORCHESTRATOR interval from ${overlapping.from} to ${overlapping.to}` });
        continue;
      }
      if (open) {
        open.to = h.from;
        if (open.stored) open.endsAt = h.from;
      }
      intervals.push({ partner: h.partnerId, from: h.from, to: null, stored: false });
    }
    for (const x of intervals) {
      if (x.stored && x.endsAt !== undefined) ends.push({ engagement, partner: x.partner, from: x.from, to: x.endsAt });
      if (!x.stored) starts.push({ engagement, partner: x.partner, from: x.from, to: x.to });
    }
  }
  return { ends, starts, problems };
}
