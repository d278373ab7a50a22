/**
 * What a live event makes the accountability explorer load again: the visible list, the
 * open detail, both or nothing (contract: Events and webhooks, the events' data fields).
 */
import type { LiveEvent } from '../api/live.ts';
import type { AccountabilityData, CommitmentInfo, CommitmentTree } from './accountability.queries.ts';
import type { ListName } from './list-kinds.ts';

/** The events the explorer listens to. */
export const ACCOUNTABILITY_EVENTS = ['outcome.status_changed', 'commitment.status_changed', 'role.assigned', 'role.ended', 'import.completed'] as const;

export interface Refresh {
  list: boolean;
  detail: boolean;
  /** Say "Updated just now" once done (not for the quiet reload when the first connection opens). */
  announce: boolean;
}

export const NO_REFRESH: Refresh = { list: false, detail: false, announce: false };

export const mergeRefresh = (a: Refresh, b: Refresh): Refresh =>
  ({ list: a.list || b.list, detail: a.detail || b.detail, announce: a.announce || b.announce });

export interface ShownDetail {
  outcomeId: string;
  engagementId: string;
  /** Every commitment the detail was computed from (its dependency tree, root causes, propagated, overdue). */
  commitmentIds: ReadonlySet<string>;
}

export interface Shown {
  list: ListName;
  /** The list is filtered by a partner (accountable, root cause, owner): commitments and roles decide its rows. */
  partnerFiltered: boolean;
  detail: ShownDetail | null;
}

const text = (data: LiveEvent['data'], key: string): string | null => (typeof data[key] === 'string' ? data[key] : null);

export function refreshFor(event: LiveEvent, shown: Shown): Refresh {
  const detail = shown.detail;
  const ofShownEngagement = detail !== null && text(event.data, 'engagementId') === detail.engagementId;
  // The at-risk rows show defective and overdue commitments and who orchestrates: commitments and roles change them.
  const rowsUseMore = shown.list === 'at-risk' || shown.partnerFiltered;
  switch (event.type) {
    case 'outcome.status_changed':
      return { list: true, detail: ofShownEngagement || (detail !== null && text(event.data, 'outcomeId') === detail.outcomeId), announce: true };
    case 'commitment.status_changed': {
      const id = text(event.data, 'commitmentId');
      const concerns = ofShownEngagement || (detail !== null && id !== null && detail.commitmentIds.has(id));
      return { list: rowsUseMore, detail: concerns, announce: rowsUseMore || concerns };
    }
    case 'role.assigned':
    case 'role.ended':
      return { list: rowsUseMore, detail: ofShownEngagement, announce: rowsUseMore || ofShownEngagement };
    case 'import.completed':
      return { list: true, detail: detail !== null, announce: true };
    default:
      return NO_REFRESH;
  }
}

export const needsWork = (r: Refresh): boolean => r.list || r.detail;

/** What the detail of `data` depends on, for refreshFor. */
export function shownDetailOf(data: AccountabilityData, overdue: readonly CommitmentInfo[] = []): ShownDetail {
  const ids = new Set<string>();
  const walk = (trees: readonly CommitmentTree[] | undefined) => {
    for (const tree of trees ?? []) {
      if (ids.has(tree.id)) continue;
      ids.add(tree.id);
      walk(tree.dependsOn);
    }
  };
  walk(data.outcome?.dependsOn);
  const acc = data.accountability;
  for (const r of acc.rootCauses) { ids.add(r.commitment.id); for (const p of r.path) ids.add(p.id); }
  for (const c of [...acc.propagated, ...overdue]) ids.add(c.id);
  ids.delete(acc.outcome.id);
  return { outcomeId: acc.outcome.id, engagementId: acc.outcome.engagement.id, commitmentIds: ids };
}
