/**
 * A list of outcomes with filters (time, partner, region), paged by "Load more". The
 * missed and the at-risk lists share it: what they ask, their columns, words and own
 * controls (the at-risk list's as-of date) come from a ListKind (list-kinds.ts).
 */
import type { Api } from '../api/client.ts';
import type { OutcomeFilter } from '../api/generated/graphql.ts';
import { button, clear, el, labelled, options as fillOptions } from '../lib/dom.ts';
import type { ViewState } from '../shell/route.ts';
import { describeError } from '../shell/states.ts';
import { PARTNER_SEARCH_QUERY } from './accountability.queries.ts';

/** The part of the API's OutcomeFilter the list's controls set. */
export type OutcomeFilterInput = Pick<OutcomeFilter, 'since' | 'until' | 'partnerId' | 'regions'>;

export interface ListPage<Row> {
  rows: Row[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

/** A control one list has and the other has not, kept in the address under `key`. */
export interface ListControl {
  key: string;
  label: string;
  input: HTMLInputElement;
  /** The value when the address names none (the as-of date: today). */
  fallback(): string;
}

export interface ListKind<Row> {
  /** Prefix of the controls' ids: `outcomes-since`, `at-risk-since`… */
  idPrefix: string;
  /** Singular and plural, for the count: "1 missed outcome". */
  noun: readonly [string, string];
  /** Words after the count, e.g. " as of 2026-12-05". */
  context?(): string;
  partnerLabel: string;
  headers: readonly string[];
  controls: readonly ListControl[];
  fetch(api: Api, filter: OutcomeFilterInput, after: string | null): Promise<ListPage<Row>>;
  id(row: Row): string;
  /** The row's cells; `open` is the button that chooses the outcome. */
  cells(row: Row, open: HTMLButtonElement): HTMLTableCellElement[];
}

export interface OutcomeList<Row> {
  element: HTMLElement;
  rows(): readonly Row[];
  select(id: string | undefined): void;
  /**
   * Loads again, in place, as many rows as are loaded (a live change): the selection,
   * the scroll position and the focused row stay; rows new to the list are marked.
   */
  refresh(): Promise<void>;
  /** What the controls hold, for the address (set controls only). */
  state(): ViewState;
  /** Sets the controls from the address; reloads when anything changed. */
  setState(state: ViewState): void;
  destroy(): void;
}

export interface OutcomeListOptions {
  initial: ViewState;
  onChoose(id: string): void;
  /** A person changed a control (after the list started reloading). */
  onChange(): void;
}

export function createOutcomeList<Row>(
  api: Api, regions: ReadonlyArray<{ code: string; name: string }>, kind: ListKind<Row>, options: OutcomeListOptions,
): OutcomeList<Row> {
  let rows: Row[] = [];
  let selected: string | undefined;
  let after: string | null = null;
  let generation = 0;
  let searchTimer = 0;
  const id = (name: string) => `${kind.idPrefix}-${name}`;
  const since = el('input', { type: 'date', id: id('since') });
  const until = el('input', { type: 'date', id: id('until') });
  const partner = el('input', { type: 'search', id: id('partner'), list: id('partner-list'), placeholder: 'partner id', autocomplete: 'off' });
  const partnerList = el('datalist', { id: id('partner-list') });
  const region = el('select', { id: id('region') });
  fillOptions(region, [{ value: '', label: 'All regions' }, ...regions.map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))]);
  const inputs: Record<string, HTMLInputElement | HTMLSelectElement> = {
    since, until, partner, region, ...Object.fromEntries(kind.controls.map((c) => [c.key, c.input])),
  };
  const fallback = (key: string) => kind.controls.find((c) => c.key === key)?.fallback() ?? '';
  const count = el('div', { class: 'small muted', role: 'status', 'aria-live': 'polite', 'data-testid': 'outcome-count' });
  const tbody = el('tbody');
  const more = button('Load more', () => void load(false));
  more.hidden = true;
  const plural = kind.noun[1];
  const table = el('table', { 'aria-label': plural.charAt(0).toUpperCase() + plural.slice(1) },
    el('thead', {}, el('tr', {}, ...kind.headers.map((h) => el('th', {}, h)))), tbody);

  const filter = (): OutcomeFilterInput => ({
    ...(since.value ? { since: since.value } : {}),
    ...(until.value ? { until: until.value } : {}),
    ...(partner.value.trim() ? { partnerId: partner.value.trim() } : {}),
    ...(region.value ? { regions: [region.value] } : {}),
  });

  async function load(reset: boolean): Promise<void> {
    const mine = reset ? ++generation : generation;
    if (reset) { rows = []; after = null; clear(tbody); count.textContent = `Loading ${plural}…`; count.removeAttribute('data-total'); }
    try {
      const page = await kind.fetch(api, filter(), after);
      if (mine !== generation) return;
      rows.push(...page.rows);
      showPage(page);
      draw();
    } catch (err) {
      if (mine === generation) count.textContent = describeError(err);
    }
  }

  /** The cursor, "Load more" and the count of the last page read. */
  function showPage(page: ListPage<Row>): void {
    after = page.endCursor;
    more.hidden = !page.hasNextPage;
    const context = kind.context?.() ?? '';
    count.textContent = page.totalCount === 0 ? `No ${plural}${context} match these filters.`
      : `${page.totalCount} ${kind.noun[page.totalCount === 1 ? 0 : 1]}${context}`;
    count.setAttribute('data-total', String(page.totalCount));
  }

  async function refresh(): Promise<void> {
    const mine = ++generation;
    const wanted = Math.max(rows.length, 1);
    const before = new Set(rows.map((row) => kind.id(row)));
    const fresh: Row[] = [];
    let cursor: string | null = null;
    try {
      for (;;) {
        const page: ListPage<Row> = await kind.fetch(api, filter(), cursor);
        if (mine !== generation) return;
        fresh.push(...page.rows);
        cursor = page.endCursor;
        if (!page.hasNextPage || fresh.length >= wanted) { showPage(page); break; }
      }
    } catch (err) {
      if (mine === generation) count.textContent = describeError(err);
      return;
    }
    rows = fresh;
    draw(before.size ? (id) => !before.has(id) : undefined);
  }

  function draw(isNew?: (id: string) => boolean): void {
    const scroller = element.isConnected ? element : null;
    const scrollTop = scroller?.scrollTop ?? 0;
    const focused = document.activeElement instanceof HTMLElement && tbody.contains(document.activeElement)
      ? document.activeElement.closest('tr')?.getAttribute('data-outcome') ?? null : null;
    clear(tbody);
    for (const row of rows) {
      const outcomeId = kind.id(row);
      const open = el('button', { type: 'button', class: 'link', 'data-outcome': outcomeId }, outcomeId);
      open.addEventListener('click', () => options.onChoose(outcomeId));
      tbody.append(el('tr', { 'aria-selected': String(outcomeId === selected), 'data-outcome': outcomeId, 'data-new': isNew?.(outcomeId) }, ...kind.cells(row, open)));
      if (outcomeId === focused) open.focus({ preventScroll: true });
    }
    if (scroller) scroller.scrollTop = scrollTop;
  }

  function setState(state: ViewState): boolean {
    let changed = false;
    for (const [key, input] of Object.entries(inputs)) {
      const value = state[key] ?? fallback(key);
      if (input.value !== value) { input.value = value; changed = true; }
    }
    return changed;
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
  for (const control of Object.values(inputs)) {
    control.addEventListener('change', () => {
      // A date typed digit by digit passes through years like 0002: not asked for until whole.
      if (!control.validity.valid) return;
      void load(true);
      options.onChange();
    });
  }

  const element = el('div', { class: 'outcome-list' },
    el('div', { class: 'filters' }, ...kind.controls.map((c) => labelled(c.label, c.input)),
      labelled('Due on or after', since), labelled('Due before', until),
      labelled(kind.partnerLabel, partner), partnerList, labelled('Region', region), count),
    table, el('div', { class: 'state' }, more));
  setState(options.initial);
  void load(true);
  return {
    element,
    rows: () => rows,
    refresh,
    select(outcomeId) {
      selected = outcomeId;
      for (const tr of tbody.querySelectorAll('tr')) tr.setAttribute('aria-selected', String(tr.getAttribute('data-outcome') === outcomeId));
    },
    state() {
      return Object.fromEntries(Object.entries(inputs).map(([key, input]) => [key, input.value.trim()]).filter(([, v]) => v !== ''));
    },
    setState(state) { if (setState(state)) void load(true); },
    destroy() { generation++; clearTimeout(searchTimer); },
  };
}
