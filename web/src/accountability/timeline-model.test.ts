import { describe, expect, it } from 'vitest';
import type { RoleInterval } from './accountability.queries.ts';
import { buildTimeline } from './timeline-model.ts';

const p = (id: string) => ({ id, name: id });
// e-claims-copilot: Brightwater orchestrates until the due date, Cortexa from that day.
const history: RoleInterval[] = [
  { partner: p('p-brightwater'), role: 'ORCHESTRATOR', from: '2025-09-01', to: '2026-06-30' },
  { partner: p('p-brightwater'), role: 'CONTRIBUTOR', from: '2026-06-30', to: null },
  { partner: p('p-cortexa'), role: 'CONTRIBUTOR', from: '2025-09-01', to: '2026-06-30' },
  { partner: p('p-cortexa'), role: 'ORCHESTRATOR', from: '2026-06-30', to: null },
  { partner: p('p-quillfield'), role: 'CONTRIBUTOR', from: '2025-11-03', to: '2026-08-01' },
];

describe('the role timeline', () => {
  it('has a lane per partner, in order of first role, the accountable one marked', () => {
    const t = buildTimeline(history, '2026-06-30', 'p-cortexa', '2026-07-10');
    expect(t.lanes.map((l) => [l.partner.id, l.bars.length, l.accountable])).toEqual([
      ['p-brightwater', 2, false], ['p-cortexa', 2, true], ['p-quillfield', 1, false]]);
  });

  it('finds the handover on the due date', () => {
    expect(buildTimeline(history, '2026-06-30', 'p-cortexa', '2026-07-10').handovers)
      .toEqual([{ date: '2026-06-30', from: p('p-brightwater'), to: p('p-cortexa'), gapDays: 0 }]);
  });

  it('counts days without an orchestrator between two intervals', () => {
    const gap: RoleInterval[] = [
      { partner: p('a'), role: 'ORCHESTRATOR', from: '2025-01-01', to: '2025-03-01' },
      { partner: p('b'), role: 'ORCHESTRATOR', from: '2025-03-11', to: null },
    ];
    expect(buildTimeline(gap, '2025-02-01', 'a', '2025-06-01').handovers[0]?.gapDays).toBe(10);
  });

  it('runs open intervals to the end of the domain, past today and the due date', () => {
    const t = buildTimeline(history, '2026-06-30', 'p-cortexa', '2027-01-01');
    expect(t.domain[0] < '2025-09-01').toBe(true);
    expect(t.domain[1] > '2027-01-01').toBe(true);
    expect(t.lanes[1]!.bars[1]).toMatchObject({ to: t.domain[1], open: true });
  });
});
