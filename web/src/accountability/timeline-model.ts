/**
 * The engagement's role timeline: one lane per partner, a bar per role interval, the
 * handovers between orchestrators, the due date. Pure.
 */
import { addDays } from '../lib/format.ts';
import type { RoleInterval } from './accountability.queries.ts';

export interface TimelineBar {
  partnerId: string;
  role: RoleInterval['role'];
  from: string;
  /** Exclusive end; an open interval runs to the domain's end. */
  to: string;
  open: boolean;
}

export interface Lane {
  partner: { id: string; name: string };
  bars: TimelineBar[];
  accountable: boolean;
}

export interface Handover {
  date: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
  /** Days without an orchestrator between the two intervals (0: same day). */
  gapDays: number;
}

export interface Timeline {
  lanes: Lane[];
  handovers: Handover[];
  domain: [string, string];
  dueDate: string;
}

export function buildTimeline(history: readonly RoleInterval[], dueDate: string, accountableId: string | null, today: string): Timeline {
  const dates = history.flatMap((h) => [h.from, h.to ?? h.from]).concat(dueDate);
  const start = addDays([...dates].sort()[0]!, -30);
  const last = [...dates, ...history.some((h) => h.to === null) ? [today] : []].sort().at(-1)!;
  const end = addDays(last, 45);
  const lanes = new Map<string, Lane>();
  const ordered = [...history].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.partner.id < b.partner.id ? -1 : 1));
  for (const h of ordered) {
    let lane = lanes.get(h.partner.id);
    if (!lane) lanes.set(h.partner.id, (lane = { partner: h.partner, bars: [], accountable: h.partner.id === accountableId }));
    lane.bars.push({ partnerId: h.partner.id, role: h.role, from: h.from, to: h.to ?? end, open: h.to === null });
  }
  const orchestrations = ordered.filter((h) => h.role === 'ORCHESTRATOR');
  const handovers: Handover[] = [];
  for (let i = 1; i < orchestrations.length; i++) {
    const before = orchestrations[i - 1]!, after = orchestrations[i]!;
    if (before.partner.id === after.partner.id || before.to === null) continue;
    const gap = Math.round((Date.parse(after.from) - Date.parse(before.to)) / 86_400_000);
    handovers.push({ date: after.from, from: before.partner, to: after.partner, gapDays: Math.max(0, gap) });
  }
  return { lanes: [...lanes.values()], handovers, domain: [start, end], dueDate };
}
