/**
 * A list of outcomes with filters (time, partner by name or id, region) and a search by id
 * or description, paged by "Load more". The
 * missed and the at-risk lists share it: what they ask, their columns, words and own
 * controls (the at-risk list's as-of date) come from a ListKind (list-kinds.ts).
 */
import type { Api } from '../api/client.ts';
import type { OutcomeFilter } from '../api/generated/graphql.ts';
import { button, clear, el, labelled, options as fillOptions } from '../lib/dom.ts';
import type { ViewState } from '../shell/route.ts';
import { createPartnerPicker } from '../shell/partner-picker.ts';
import { describeError } from '../shell/states.ts';
import { matchesSearch } from './outcome-search.ts';

/** The part of the API's OutcomeFilter the list's controls set. */
export type OutcomeFilterInput = Pick<OutcomeFilter, 'since' | 'until' | 'partnerId' | 'regions'>;

export interface ListPage<Row> {
  rows: Row[];
  /** Null when the list counts apart from its pages (ListKind.count). */
  totalCount: number | null;
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
  /**
   * The number of rows, asked beside the first page instead of with it: where counting
   * costs more than a page (the at-risk list judges every candidate to count them), the
   * first rows show while the count is still coming.
   */
  count?(api: Api, filter: OutcomeFilterInput): Promise<number>;
  id(row: Row): string;
  /** What the search box looks in: the outcome's id and description. */
  searchText(row: Row): { id: string; description: string };
  /** The row's cells; `open` is the button that chooses the outcome. */
  cells(row: Row, open: HTMLButtonElement): HTMLTableCellElement[];
}

export interface OutcomeList<Row> {
  element: HTMLElement;
  rows(): readonly Row[];
  /** The rows the search lets through (all loaded rows without one). */
  shownRows(): readonly Row[];
  select(id: string | undefined): void;
  /**
   * Loads again, in place, as many rows as are loaded (a live change): the selection,
   * the scroll position and the focused row stay; rows new to the list are marked.
   */
  refresh(): Promise<void>;
  /** What the controls hold, for the address (set controls only): `partner` is an id, `q` the search. */
  state(): ViewState;
  /** The filters in words, for an export's caption. */
  filters(): string[];
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

/** How many pages a search reads at most: it looks through loaded rows, so it loads the rest first. */
const SEARCH_PAGES = 20;

export function createOutcomeList<Row>(
  api: Api, regions: ReadonlyArray<{ code: string; name: string }>, kind: ListKind<Row>, options: OutcomeListOptions,
): OutcomeList<Row> {
  let rows: Row[] = [];
  let selected: string | undefined;
  let after: string | null = null;
  let generation = 0;
  let pages = 0;
  let searchTimer = 0;
  const id = (name: string) => `${kind.idPrefix}-${name}`;
  // A year typed digit by digit passes through 0002, 0020, 0202: below the min they are invalid,
  // so neither the API nor the history (one entry per change) sees them.
  const since = el('input', { type: 'date', id: id('since'), min: '1900-01-01' });
  const until = el('input', { type: 'date', id: id('until'), min: '1900-01-01' });
  // The partner filter takes a name or an id, as the exit-impact picker does: one partner.
  const partner = createPartnerPicker(api, id('partner'), kind.partnerLabel, () => { void load(true); options.onChange(); }, { single: true, action: 'Filter' });
  const search = el('input', { type: 'search', id: id('search'), placeholder: 'id or words of the description', autocomplete: 'off' });
  const region = el('select', { id: id('region') });
  fillOptions(region, [{ value: '', label: 'All regions' }, ...regions.map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))]);
  const inputs: Record<string, HTMLInputElement | HTMLSelectElement> = {
    since, until, region, ...Object.fromEntries(kind.controls.map((c) => [c.key, c.input])),
  };
  const partnerId = () => partner.chosen()[0]?.id ?? '';
  const fallback = (key: string) => kind.controls.find((c) => c.key === key)?.fallback() ?? '';
  const count = el('div', { class: 'small muted', role: 'status', 'aria-live': 'polite', 'data-testid': 'outcome-count' });
  const searchCount = el('div', { class: 'small muted', 'data-testid': 'outcome-search-count' });
  /** The number of rows; null while it is being counted. */
  let total: number | null = 0;
  let hasNextPage = false;
  /** A page of the current load has been shown (the count waits for it). */
  let pageShown = false;
  const tbody = el('tbody');
  const more = button('Load more', () => void load(false));
  more.hidden = true;
  const plural = kind.noun[1];
  const table = el('table', { 'aria-label': plural.charAt(0).toUpperCase() + plural.slice(1) },
    el('thead', {}, el('tr', {}, ...kind.headers.map((h) => el('th', {}, h)))), tbody);

  const filter = (): OutcomeFilterInput => ({
    ...(since.value ? { since: since.value } : {}),
    ...(until.value ? { until: until.value } : {}),
    ...(partnerId() ? { partnerId: partnerId() } : {}),
    ...(region.value ? { regions: [region.value] } : {}),
  });

  async function load(reset: boolean): Promise<void> {
    const mine = reset ? ++generation : generation;
    if (reset) { rows = []; after = null; pageShown = false; clear(tbody); count.textContent = `Loading ${plural}…`; count.removeAttribute('data-total'); }
    // Both requests at once: the rows show as soon as they come, the count when it does.
    if (reset && kind.count) void countAll(mine);
    try {
      const page = await kind.fetch(api, filter(), after);
      if (mine !== generation) return;
      rows.push(...page.rows);
      showPage(page);
      draw();
      pages = reset ? 1 : pages + 1;
      // A search looks through the loaded rows: with one typed, the next pages come too.
      if (search.value.trim() && page.hasNextPage && pages < SEARCH_PAGES) void load(false);
    } catch (err) {
      if (mine === generation) count.textContent = describeError(err);
    }
  }

  /** The cursor, "Load more" and the count of the last page read. */
  function showPage(page: ListPage<Row>): void {
    after = page.endCursor;
    hasNextPage = page.hasNextPage;
    pageShown = true;
    more.hidden = !page.hasNextPage;
    if (page.totalCount !== null) total = page.totalCount;
    showCount();
  }

  function showCount(): void {
    const context = kind.context?.() ?? '';
    if (total === null) {
      // Counting still: say what is shown so far.
      count.textContent = `${rows.length}${hasNextPage ? '+' : ''} ${kind.noun[rows.length === 1 && !hasNextPage ? 0 : 1]}${context} (counting…)`;
      count.removeAttribute('data-total');
      return;
    }
    count.textContent = total === 0 ? `No ${plural}${context} match these filters.`
      : `${total} ${kind.noun[total === 1 ? 0 : 1]}${context}`;
    count.setAttribute('data-total', String(total));
  }

  /** Asks the count (ListKind.count) for the filters of load number `mine`. */
  async function countAll(mine: number): Promise<void> {
    total = null;
    try {
      const counted = await kind.count!(api, filter());
      if (mine !== generation) return;
      total = counted;
      // Before the first page comes, "Loading…" stays; showPage shows the count then.
      if (pageShown) showCount();
    } catch (err) {
      if (mine === generation) count.textContent = describeError(err);
    }
  }

  /** More rows than are loaded exist (the count may still be coming). */
  const moreToLoad = () => after !== null && (total === null || rows.length < total);

  /** The rows the search lets through, and a line that says how many of how many. */
  function visibleRows(): Row[] {
    const text = search.value.trim();
    const found = text ? rows.filter((row) => matchesSearch(kind.searchText(row), text)) : rows;
    searchCount.textContent = text ? `${found.length} of ${rows.length} loaded match “${text}”${moreToLoad() ? ' (loading the rest…)' : ''}` : '';
    searchCount.setAttribute('data-shown', String(found.length));
    return found;
  }

  async function refresh(): Promise<void> {
    const mine = ++generation;
    if (kind.count) void countAll(mine);
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
    for (const row of visibleRows()) {
      const outcomeId = kind.id(row);
      const open = el('button', { type: 'button', class: 'link', 'data-outcome': outcomeId }, outcomeId);
      open.addEventListener('click', () => options.onChoose(outcomeId));
      tbody.append(el('tr', { 'aria-selected': String(outcomeId === selected), 'data-outcome': outcomeId, 'data-new': isNew?.(outcomeId) }, ...kind.cells(row, open)));
      if (outcomeId === focused) open.focus({ preventScroll: true });
    }
    if (scroller) scroller.scrollTop = scrollTop;
  }

  /** Sets the controls; true when the API must be asked again (a search only filters what is loaded). */
  function setState(state: ViewState): boolean {
    let changed = false;
    for (const [key, input] of Object.entries(inputs)) {
      const value = state[key] ?? fallback(key);
      if (input.value !== value) { input.value = value; changed = true; }
    }
    const wantedPartner = state.partner ?? '';
    if (wantedPartner !== partnerId()) {
      void partner.set(wantedPartner ? [{ id: wantedPartner }] : []);
      changed = true;
    }
    const text = state.q ?? '';
    if (search.value !== text) {
      search.value = text;
      draw();
      if (text && !changed && moreToLoad()) void load(false);
    }
    return changed;
  }

  // Typing filters at once; the address (a history entry) changes once the search is done (change: Enter or leaving the field).
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = window.setTimeout(() => {
      draw();
      if (search.value.trim() && moreToLoad()) void load(false);
    }, 150);
  });
  search.addEventListener('change', () => options.onChange());
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
      labelled('Region', region), el('div', { class: 'partner-filter' }, partner.element),
      labelled('Search outcomes', search), el('div', {}, count, searchCount)),
    table, el('div', { class: 'state' }, more));
  setState(options.initial);
  void load(true);
  return {
    element,
    rows: () => rows,
    shownRows: () => (search.value.trim() ? rows.filter((row) => matchesSearch(kind.searchText(row), search.value.trim())) : rows),
    refresh,
    select(outcomeId) {
      selected = outcomeId;
      for (const tr of tbody.querySelectorAll('tr')) tr.setAttribute('aria-selected', String(tr.getAttribute('data-outcome') === outcomeId));
    },
    state() {
      const own = Object.fromEntries(Object.entries(inputs).map(([key, input]) => [key, input.value.trim()]).filter(([, v]) => v !== ''));
      return { ...own, ...(partnerId() ? { partner: partnerId() } : {}), ...(search.value.trim() ? { q: search.value.trim() } : {}) };
    },
    filters() {
      const chosen = partner.chosen()[0];
      return [
        since.value ? `Due on or after ${since.value}` : '', until.value ? `Due before ${until.value}` : '',
        chosen ? `Partner: ${chosen.name} (${chosen.id})` : '', region.value ? `Region: ${region.selectedOptions[0]?.textContent ?? region.value}` : '',
        search.value.trim() ? `Search: “${search.value.trim()}”` : '',
      ].filter(Boolean);
    },
    setState(state) { if (setState(state)) void load(true); },
    destroy() { generation++; clearTimeout(searchTimer); },
  };
}
