/**
 * The explorer's two outcome lists for createOutcomeList: missed outcomes, and outcomes
 * at risk as of a date (contract: At-risk outcomes), each with its CSV.
 */
import type { Cell } from '../lib/csv.ts';
import { el } from '../lib/dom.ts';
import { todayIso } from '../lib/format.ts';
import { AT_RISK_COUNT_QUERY, AT_RISK_OUTCOMES_QUERY, MISSED_OUTCOMES_QUERY, type AtRiskRow, type MissedOutcome } from './accountability.queries.ts';
import { actLine, daysToGo, reasonLines } from './at-risk-model.ts';
import type { ListKind, ListPage } from './outcome-list.ts';

export type ListName = 'missed' | 'at-risk';

export interface ExplorerList<Row> extends ListKind<Row> {
  /** The loaded rows as CSV, header first. */
  csv(rows: readonly Row[]): Cell[][];
}

interface Connection<Edge> { totalCount?: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Edge[] }

function toListPage<Edge, Row>(c: Connection<Edge>, row: (edge: Edge) => Row): ListPage<Row> {
  return { rows: c.edges.map(row), totalCount: c.totalCount ?? null, hasNextPage: c.pageInfo.hasNextPage, endCursor: c.pageInfo.endCursor };
}

type ListedEngagement = MissedOutcome['engagement'];
const engagementWords = (e: ListedEngagement) => `${e.name} · ${e.customer.name} · ${e.customer.region.code}`;

export function missedList(): ExplorerList<MissedOutcome> {
  return {
    idPrefix: 'outcomes',
    noun: ['missed outcome', 'missed outcomes'],
    partnerLabel: 'Partner (accountable or root cause)',
    headers: ['Due', 'Outcome', 'Engagement'],
    controls: [],
    fetch: async (api, filter, after) => toListPage((await api.query(MISSED_OUTCOMES_QUERY, { filter, after })).missedOutcomes, (e) => e.node),
    id: (o) => o.id,
    searchText: (o) => o,
    cells: (o, open) => [
      el('td', { class: 'small due' }, o.dueDate, el('br'), el('span', { class: 'status-pill' }, o.status === 'MISSED' ? 'missed' : 'partly met')),
      el('td', {}, open, el('div', { class: 'small' }, o.description)),
      el('td', { class: 'small' }, o.engagement.name, el('div', { class: 'muted' }, `${o.engagement.customer.name} · ${o.engagement.customer.region.code}`)),
    ],
    csv: (rows) => [['id', 'status', 'dueDate', 'description', 'engagement', 'engagementName', 'customer', 'region'],
      ...rows.map((o) => [o.id, o.status, o.dueDate, o.description, o.engagement.id, o.engagement.name, o.engagement.customer.name, o.engagement.customer.region.code])],
  };
}

/** The at-risk list; `asOf()` is the date its rows are computed for. */
export function atRiskList(): ExplorerList<AtRiskRow> & { asOf(): string } {
  const input = el('input', { type: 'date', id: 'at-risk-as-of', min: '2000-01-01' });
  // Cleared by hand, the field means today, as the API's default does.
  const asOf = () => input.value || todayIso();
  // Names beside ids, so the file reads without the app: "m-x (p-y Partner Name)".
  const commitments = (cs: AtRiskRow['defective']) => cs.map((c) => `${c.id} (${c.owner.id} ${c.owner.name})`).join('; ');
  return {
    asOf,
    idPrefix: 'at-risk',
    noun: ['outcome at risk', 'outcomes at risk'],
    context: () => ` as of ${asOf()}`,
    partnerLabel: 'Partner (orchestrator or owner of a listed commitment)',
    headers: ['Due', 'Outcome · why at risk · who must act'],
    controls: [{ key: 'asOf', label: 'As of', input, fallback: () => todayIso() }],
    fetch: async (api, filter, after) => toListPage((await api.query(AT_RISK_OUTCOMES_QUERY, { asOf: asOf(), filter, after })).atRiskOutcomes, (e) => e.node),
    count: async (api, filter) => (await api.query(AT_RISK_COUNT_QUERY, { asOf: asOf(), filter })).atRiskOutcomes.totalCount,
    id: (r) => r.outcome.id,
    searchText: (r) => r.outcome,
    cells: (r, open) => [
      el('td', { class: 'small due' }, r.outcome.dueDate, el('br'),
        el('span', { class: 'status-pill days-to-due', 'data-days': r.daysToDue }, daysToGo(r.daysToDue))),
      el('td', {}, open, el('div', { class: 'small' }, r.outcome.description),
        el('div', { class: 'small muted' }, engagementWords(r.outcome.engagement)),
        el('ul', { class: 'reasons small' }, ...reasonLines(r).map((line) => el('li', { 'data-reason': line.reason, title: line.meaning }, line.text))),
        el('div', { class: 'act small', 'data-now': r.orchestratorNow?.id ?? '', 'data-on-due-date': r.orchestratorOnDueDate?.id ?? '' }, actLine(r))),
    ],
    csv: (rows) => [['id', 'description', 'dueDate', 'asOf', 'daysToDue', 'reasons', 'orchestratorNow', 'orchestratorNowName', 'orchestratorOnDueDate', 'orchestratorOnDueDateName',
      'defective', 'overdue', 'engagement', 'engagementName', 'customer', 'region'],
    ...rows.map((r) => [r.outcome.id, r.outcome.description, r.outcome.dueDate, asOf(), r.daysToDue, r.reasons.join('; '),
      r.orchestratorNow?.id, r.orchestratorNow?.name, r.orchestratorOnDueDate?.id, r.orchestratorOnDueDate?.name, commitments(r.defective), commitments(r.overdue),
      r.outcome.engagement.id, r.outcome.engagement.name, r.outcome.engagement.customer.name, r.outcome.engagement.customer.region.code])],
  };
}
