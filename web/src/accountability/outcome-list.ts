/** The list of missed outcomes with filters (time, partner, region), paged by "Load more". */
import type { Api } from '../api/client.ts';
import type { OutcomeFilter } from '../api/generated/graphql.ts';
import { button, clear, el, labelled, options as fillOptions } from '../lib/dom.ts';
import { describeError } from '../shell/states.ts';
import { MISSED_OUTCOMES_QUERY, PARTNER_SEARCH_QUERY, type MissedOutcome } from './accountability.queries.ts';

/** The part of the API's OutcomeFilter the list's controls set. */
export type OutcomeFilterInput = Pick<OutcomeFilter, 'since' | 'until' | 'partnerId' | 'regions'>;

export interface OutcomeList {
  element: HTMLElement;
  rows(): readonly MissedOutcome[];
  select(id: string | undefined): void;
  destroy(): void;
}

export function createOutcomeList(api: Api, regions: ReadonlyArray<{ code: string; name: string }>, onChoose: (id: string) => void): OutcomeList {
  let rows: MissedOutcome[] = [];
  let selected: string | undefined;
  let after: string | null = null;
  let generation = 0;
  let searchTimer = 0;
  const since = el('input', { type: 'date', id: 'outcomes-since' });
  const until = el('input', { type: 'date', id: 'outcomes-until' });
  const partner = el('input', { type: 'search', id: 'outcomes-partner', list: 'outcomes-partner-list', placeholder: 'partner id', autocomplete: 'off' });
  const partnerList = el('datalist', { id: 'outcomes-partner-list' });
  const region = el('select', { id: 'outcomes-region' });
  fillOptions(region, [{ value: '', label: 'All regions' }, ...regions.map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))]);
  const count = el('div', { class: 'small muted', role: 'status', 'aria-live': 'polite', 'data-testid': 'outcome-count' });
  const tbody = el('tbody');
  const more = button('Load more', () => void load(false));
  more.hidden = true;
  const table = el('table', { 'aria-label': 'Missed outcomes' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Due'), el('th', {}, 'Outcome'), el('th', {}, 'Engagement'))), tbody);

  const filter = (): OutcomeFilterInput => ({
    ...(since.value ? { since: since.value } : {}),
    ...(until.value ? { until: until.value } : {}),
    ...(partner.value.trim() ? { partnerId: partner.value.trim() } : {}),
    ...(region.value ? { regions: [region.value] } : {}),
  });

  async function load(reset: boolean): Promise<void> {
    const mine = reset ? ++generation : generation;
    if (reset) { rows = []; after = null; clear(tbody); count.textContent = 'Loading missed outcomes…'; }
    try {
      const page = await api.query(MISSED_OUTCOMES_QUERY, { filter: filter(), after });
      if (mine !== generation) return;
      rows.push(...page.missedOutcomes.edges.map((e) => e.node));
      after = page.missedOutcomes.pageInfo.endCursor;
      more.hidden = !page.missedOutcomes.pageInfo.hasNextPage;
      count.textContent = page.missedOutcomes.totalCount === 0 ? 'No missed outcomes match these filters.'
        : `${page.missedOutcomes.totalCount} missed outcome${page.missedOutcomes.totalCount === 1 ? '' : 's'}`;
      count.setAttribute('data-total', String(page.missedOutcomes.totalCount));
      draw();
    } catch (err) {
      if (mine === generation) count.textContent = describeError(err);
    }
  }

  function draw(): void {
    clear(tbody);
    for (const o of rows) {
      const open = el('button', { type: 'button', class: 'link', 'data-outcome': o.id }, o.id);
      open.addEventListener('click', () => onChoose(o.id));
      tbody.append(el('tr', { 'aria-selected': String(o.id === selected), 'data-outcome': o.id },
        el('td', { class: 'small due' }, o.dueDate, el('br'), el('span', { class: 'status-pill' }, o.status === 'MISSED' ? 'missed' : 'partly met')),
        el('td', {}, open, el('div', { class: 'small' }, o.description)),
        el('td', { class: 'small' }, o.engagement.name, el('div', { class: 'muted' }, `${o.engagement.customer.name} · ${o.engagement.customer.region.code}`))));
    }
  }

  partner.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = window.setTimeout(async () => {
      const text = partner.value.trim();
      if (text.length < 2) return;
      try {
        const found = await api.query(PARTNER_SEARCH_QUERY, { text });
        clear(partnerList);
        for (const { node } of found.partners.edges) partnerList.append(el('option', { value: node.id }, node.name));
      } catch { /* suggestions are optional */ }
    }, 250);
  });
  for (const control of [since, until, region]) control.addEventListener('change', () => void load(true));
  partner.addEventListener('change', () => void load(true));

  const element = el('div', { class: 'outcome-list' },
    el('div', { class: 'filters' }, labelled('Due on or after', since), labelled('Due before', until),
      labelled('Partner (accountable or root cause)', partner), partnerList, labelled('Region', region), count),
    table, el('div', { class: 'state' }, more));
  void load(true);
  return {
    element,
    rows: () => rows,
    select(id) {
      selected = id;
      for (const tr of tbody.querySelectorAll('tr')) tr.setAttribute('aria-selected', String(tr.getAttribute('data-outcome') === id));
    },
    destroy() { generation++; clearTimeout(searchTimer); },
  };
}
