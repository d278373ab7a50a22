/** Handover planning on stored intervals, without a database. */
import { describe, expect, it } from 'vitest';
import { planHandovers } from './handovers.ts';

const stored = new Map([
  ['e1', [{ partner: 'a', from: '2024-01-01', to: null }]],
  ['e2', [{ partner: 'a', from: '2024-01-01', to: '2024-06-01' }, { partner: 'b', from: '2027-01-01', to: '2027-06-01' }]],
]);

describe('planHandovers', () => {
  it('a chain applies in order of from, whatever the input order', () => {
    const plan = planHandovers([
      { engagementId: 'e1', partnerId: 'c', from: '2026-06-01' },
      { engagementId: 'e1', partnerId: 'b', from: '2026-03-01' },
    ], stored);
    expect(plan).toEqual({
      ends: [{ engagement: 'e1', partner: 'a', from: '2024-01-01', to: '2026-03-01' }],
      starts: [
        { engagement: 'e1', partner: 'b', from: '2026-03-01', to: '2026-06-01' },
        { engagement: 'e1', partner: 'c', from: '2026-06-01', to: null },
      ],
      problems: [],
    });
  });

  it('handing over to the open orchestrator changes nothing; unknown engagements are left to the caller', () => {
    expect(planHandovers([
      { engagementId: 'e1', partnerId: 'a', from: '2026-01-01' },
      { engagementId: 'nope', partnerId: 'a', from: '2026-01-01' },
    ], stored)).toEqual({ ends: [], starts: [], problems: [] });
  });

  it('refuses a from not after the open interval, and one that a later stored interval would overlap', () => {
    expect(planHandovers([
      { engagementId: 'e1', partnerId: 'b', from: '2024-01-01' },
      { engagementId: 'e2', partnerId: 'c', from: '2026-01-01' },
    ], stored).problems).toEqual([
      { path: 'handovers[0].from', message: "must be after 2024-01-01, when a's open ORCHESTRATOR interval starts" },
      { path: 'handovers[1].from', message: "overlaps b's ORCHESTRATOR interval from 2027-01-01 to 2027-06-01" },
    ]);
  });
});
