/** The map's left column: search, filters (region, industry, types, time window), size, legend, ecosystem health. */
import { clear, el, labelled, options } from '../lib/dom.ts';
import { formatShare } from '../lib/format.ts';
import { PARTNER_TYPES, TYPE_COLOURS, TYPE_LABELS, type PartnerType } from '../lib/palette.ts';
import { EDGE_STYLES, type SizeBy } from './graph-model.ts';
import type { Health } from './map.queries.ts';
import { defaultFilter, windowDates, type MapFilter } from './map-filter.ts';

export interface ControlsOptions {
  months: readonly string[];
  regions: ReadonlyArray<{ code: string; name: string }>;
  industries: ReadonlyArray<{ code: string; name: string }>;
  /** Null when attributed value can be offered; otherwise why not. */
  valueUnavailable: string | null;
  onChange(filter: MapFilter): void;
  onSearch(text: string): void;
}

export interface MapControls {
  element: HTMLElement;
  filter(): MapFilter;
  setTypeCounts(counts: ReadonlyMap<string, number>): void;
  setSearchLabels(labels: readonly string[]): void;
  setHealth(health: Health | null): void;
}

const SIZE_LABELS: Record<SizeBy, string> = { pagerank: 'PageRank', value: 'Attributed value (LINEAR)', degree: 'Degree' };

export function createControls(o: ControlsOptions): MapControls {
  let filter = defaultFilter(o.months);
  const emit = () => o.onChange(filter);

  const search = el('input', { type: 'search', id: 'map-search', list: 'map-search-list', placeholder: 'Partner name or id', autocomplete: 'off' });
  const datalist = el('datalist', { id: 'map-search-list' });
  const searchForm = el('form', { role: 'search' }, labelled('Find a partner', search), datalist, el('button', { type: 'submit' }, 'Find'));
  searchForm.addEventListener('submit', (event) => { event.preventDefault(); o.onSearch(search.value); });

  const region = el('select', { id: 'map-region' });
  options(region, [{ value: '', label: 'All regions' }, ...o.regions.map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))]);
  region.addEventListener('change', () => { filter = { ...filter, region: region.value }; emit(); });
  const industry = el('select', { id: 'map-industry' });
  options(industry, [{ value: '', label: 'All industries' }, ...o.industries.map((i) => ({ value: i.code, label: i.name }))]);
  industry.addEventListener('change', () => { filter = { ...filter, industry: industry.value }; emit(); });

  const last = Math.max(0, o.months.length - 1);
  const fromRange = el('input', { type: 'range', min: 0, max: last, value: 0, id: 'map-from', 'aria-label': 'Time window start (month)' });
  const toRange = el('input', { type: 'range', min: 0, max: last, value: last, id: 'map-to', 'aria-label': 'Time window end (month)' });
  const windowText = el('div', { class: 'small', 'aria-live': 'polite' });
  const showWindow = () => {
    const { since, until } = windowDates(o.months, filter.from, filter.to);
    windowText.textContent = filter.from === 0 && filter.to === last ? `All engagements (${since} to ${until})` : `Engagements overlapping ${since} to ${until}`;
  };
  const onRange = (which: 'from' | 'to') => {
    let from = Number(fromRange.value), to = Number(toRange.value);
    if (from > to) { if (which === 'from') to = from; else from = to; }
    fromRange.value = String(from); toRange.value = String(to);
    filter = { ...filter, from, to };
    showWindow();
  };
  fromRange.addEventListener('input', () => onRange('from'));
  toRange.addEventListener('input', () => onRange('to'));
  fromRange.addEventListener('change', emit);
  toRange.addEventListener('change', emit);
  showWindow();

  const sizeBy = el('select', { id: 'map-size' });
  options(sizeBy, (Object.keys(SIZE_LABELS) as SizeBy[]).filter((s) => s !== 'value' || !o.valueUnavailable).map((s) => ({ value: s, label: SIZE_LABELS[s] })));
  sizeBy.addEventListener('change', () => { filter = { ...filter, sizeBy: sizeBy.value as SizeBy }; emit(); });
  const customers = el('input', { type: 'checkbox', id: 'map-customers' });
  customers.addEventListener('change', () => { filter = { ...filter, includeCustomers: customers.checked }; edgeLegend(); emit(); });

  const typeCounts = new Map<PartnerType, HTMLElement>();
  const typeLegend = el('fieldset', { class: 'legend' }, el('legend', {}, 'Partner types (colour; untick to hide)'),
    ...PARTNER_TYPES.map((t) => {
      const box = el('input', { type: 'checkbox', checked: true, 'data-type': t });
      box.addEventListener('change', () => {
        const types = new Set(filter.types);
        if (box.checked) types.add(t); else types.delete(t);
        filter = { ...filter, types };
        emit();
      });
      const count = el('span', { class: 'muted small' });
      typeCounts.set(t, count);
      return el('label', { class: 'row' }, box, el('span', { class: 'swatch', style: `background:${TYPE_COLOURS[t]}` }), TYPE_LABELS[t], count);
    }));

  const edges = el('div', { class: 'legend' });
  function edgeLegend(): void {
    clear(edges);
    edges.append(el('strong', { class: 'small' }, 'Links'));
    EDGE_STYLES.forEach((style, i) => {
      if (i >= 4 && !filter.includeCustomers) return;
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.setAttribute('width', '28'); svg.setAttribute('height', '10');
      const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
      for (const [k, v] of Object.entries({ x1: '1', x2: '27', y1: '5', y2: '5', stroke: style.colour, 'stroke-width': String(Math.max(1, style.width)), 'stroke-opacity': String(Math.min(1, style.alpha + 0.3)) })) line.setAttribute(k, v);
      if (style.dash) line.setAttribute('stroke-dasharray', style.dash.join(' '));
      svg.appendChild(line);
      edges.append(el('div', { class: 'row' }, svg, style.legend));
    });
    edges.append(el('div', { class: 'row small muted' }, 'Dashed outlines: communities (Louvain). Size: ', SIZE_LABELS[filter.sizeBy], '.'));
  }
  edgeLegend();

  const health = el('div', {});
  const element = el('div', { class: 'map-side' },
    searchForm,
    labelled('Region', region), labelled('Industry', industry),
    el('div', { class: 'field' }, el('span', { class: 'field-label' }, 'Time window'),
      el('div', { class: 'range-pair' }, el('span', {}, 'from'), fromRange, el('span', {}, 'to'), toRange), windowText),
    labelled('Node size', sizeBy),
    o.valueUnavailable ? el('p', { class: 'small muted' }, o.valueUnavailable) : null,
    el('label', { class: 'check' }, customers, 'Show customers'),
    typeLegend, edges, health);

  return {
    element,
    filter: () => filter,
    setTypeCounts(counts) {
      for (const [t, node] of typeCounts) node.textContent = counts.has(t) ? ` ${counts.get(t)}` : '';
      edgeLegend();
    },
    setSearchLabels(labels) {
      clear(datalist);
      for (const label of labels.slice(0, 3000)) datalist.append(el('option', { value: label }));
    },
    setHealth(h) {
      clear(health);
      if (!h) return;
      const rows: Array<[string, string]> = [
        ['Partners (active)', `${h.partners} (${h.activePartners})`], ['Engagements', String(h.engagements)],
        ['Outcome success', h.outcomeSuccessRate === null ? '–' : formatShare(h.outcomeSuccessRate)],
        ['Value Gini', h.valueGini.toFixed(2)], ['Top 10% hold', formatShare(h.topDecileValueShare)], ['Long tail', String(h.longTail)],
      ];
      health.append(el('strong', { class: 'small' }, 'Ecosystem health'), el('dl', { class: 'health' }, ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])));
    },
  };
}
