import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../api/live.ts';
import type { AccountabilityData, CommitmentInfo, CommitmentTree } from './accountability.queries.ts';
import { mergeRefresh, NO_REFRESH, refreshFor, shownDetailOf, type Shown } from './live-refresh.ts';

const event = (type: string, data: Record<string, unknown>): LiveEvent => ({ id: '1', type, timestamp: '2026-12-05T10:00:00.000Z', data });
const detail = { outcomeId: 'o-claims-speed', engagementId: 'e-claims', commitmentIds: new Set(['m-triage', 'm-ingest']) };
const missed: Shown = { list: 'missed', partnerFiltered: false, detail };
const atRisk: Shown = { list: 'at-risk', partnerFiltered: false, detail: null };

describe('refreshFor', () => {
  it('an outcome status reloads the list; the detail when it is the shown outcome or of its engagement', () => {
    expect(refreshFor(event('outcome.status_changed', { outcomeId: 'o-other', engagementId: 'e-other', from: 'PENDING', to: 'MISSED' }), missed))
      .toEqual({ list: true, detail: false, announce: true });
    expect(refreshFor(event('outcome.status_changed', { outcomeId: 'o-sibling', engagementId: 'e-claims' }), missed).detail).toBe(true);
    expect(refreshFor(event('outcome.status_changed', { outcomeId: 'o-claims-speed', engagementId: 'e-claims' }), missed).detail).toBe(true);
  });

  it('a commitment status reloads the detail that depends on it, even from another engagement', () => {
    expect(refreshFor(event('commitment.status_changed', { commitmentId: 'm-ingest', engagementId: 'e-lake', ownerId: 'p1' }), missed))
      .toEqual({ list: false, detail: true, announce: true });
    expect(refreshFor(event('commitment.status_changed', { commitmentId: 'm-x', engagementId: 'e-claims' }), missed).detail).toBe(true);
    expect(refreshFor(event('commitment.status_changed', { commitmentId: 'm-x', engagementId: 'e-other' }), missed)).toEqual(NO_REFRESH);
  });

  it('commitments and roles change the at-risk rows, and the missed rows only when a partner filters them', () => {
    const commitment = event('commitment.status_changed', { commitmentId: 'm-x', engagementId: 'e-other' });
    const role = event('role.assigned', { engagementId: 'e-other', partnerId: 'p1', role: 'ORCHESTRATOR', from: '2026-12-01', to: null });
    expect(refreshFor(commitment, atRisk).list).toBe(true);
    expect(refreshFor(role, atRisk)).toEqual({ list: true, detail: false, announce: true });
    expect(refreshFor(role, missed)).toEqual(NO_REFRESH);
    expect(refreshFor(role, { ...missed, partnerFiltered: true }).list).toBe(true);
    expect(refreshFor(commitment, { ...missed, partnerFiltered: true }).list).toBe(true);
  });

  it('a role change in the shown engagement reloads the detail (accountable, timeline)', () => {
    expect(refreshFor(event('role.ended', { engagementId: 'e-claims', partnerId: 'p1', role: 'ORCHESTRATOR', from: '2026-01-01', to: '2026-12-01' }), missed))
      .toEqual({ list: false, detail: true, announce: true });
  });

  it('an import may change anything shown; other events and unreadable data nothing', () => {
    expect(refreshFor(event('import.completed', { source: 'api' }), missed)).toEqual({ list: true, detail: true, announce: true });
    expect(refreshFor(event('import.completed', {}), atRisk)).toEqual({ list: true, detail: false, announce: true });
    expect(refreshFor(event('deal.registered', { engagementId: 'e-claims' }), missed)).toEqual(NO_REFRESH);
    expect(refreshFor(event('commitment.status_changed', { commitmentId: 42 }), missed)).toEqual(NO_REFRESH);
  });

  it('mergeRefresh keeps whatever either asks', () => {
    expect(mergeRefresh({ list: true, detail: false, announce: false }, { list: false, detail: true, announce: true })).toEqual({ list: true, detail: true, announce: true });
    expect(mergeRefresh(NO_REFRESH, NO_REFRESH)).toEqual(NO_REFRESH);
  });
});

describe('shownDetailOf', () => {
  const c = (id: string, engagement = 'e1'): CommitmentInfo =>
    ({ id, description: id, status: 'LATE', dueDate: null, owner: { id: 'p', name: 'P' }, engagement: { id: engagement, name: engagement } });
  const tree = (info: CommitmentInfo, ...dependsOn: CommitmentTree[]): CommitmentTree => ({ ...info, dependsOn });

  it('collects the dependency tree, the root causes with their paths, the propagated and the overdue', () => {
    const data = {
      accountability: {
        outcome: { id: 'o1', description: 'O', status: 'MISSED', dueDate: '2026-06-30', engagement: { id: 'e1', name: 'E1', status: 'ACTIVE', customer: { name: 'C' }, roleHistory: [] } },
        accountable: null,
        rootCauses: [{ commitment: c('m-deep', 'e2'), path: [{ id: 'm-a' }, { id: 'm-mid' }, { id: 'm-deep' }] }],
        propagated: [c('m-mid')],
        responsible: [],
      },
      outcome: { id: 'o1', dependsOn: [tree(c('m-a'), tree(c('m-b'))), tree(c('m-c'))] },
    } as unknown as AccountabilityData;
    const shown = shownDetailOf(data, [c('m-late')]);
    expect(shown.outcomeId).toBe('o1');
    expect(shown.engagementId).toBe('e1');
    expect([...shown.commitmentIds].sort()).toEqual(['m-a', 'm-b', 'm-c', 'm-deep', 'm-late', 'm-mid']);
  });
});
