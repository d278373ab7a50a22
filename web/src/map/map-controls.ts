/** The map's left column: search, filters (region, industry, types, time window), size, links drawn, legend, ecosystem health. */
import { clear, el, labelled, options } from '../lib/dom.ts';
import { formatShare } from '../lib/format.ts';
import { OKABE_ITO, PARTNER_TYPES, typeSwatchStyle, TYPE_LABELS, type PartnerType } from '../lib/palette.ts';
import type { Health } from './map.queries.ts';
import { windowDates, type MapFilter, type SizeBy } from './map-filter.ts';
import { LINK_CHOICES, type MapSettings } from './map-state.ts';

export interface ControlsOptions {
  months: readonly string[];
  regions: ReadonlyArray<{ code: string; name: string }>;
  industries: ReadonlyArray<{ code: string; name: string }>;
  /** Null when attributed value can be offered; otherwise why not. */
  valueUnavailable: string | null;
  initial: MapSettings;
  onChange(settings: MapSettings): void;
  onSearch(text: string): void;
}

export interface MapControls {
  element: HTMLElement;
  settings(): MapSettings;
  /** Shows these settings (from the address) without calling onChange. */
  set(settings: MapSettings): void;
  setTypeCounts(counts: ReadonlyMap<string, number>): void;
  setSearchLabels(labels: readonly string[]): void;
  setHealth(health: Health | null): void;
  /** Which level the legend explains. */
  setLevel(level: 'overview' | 'partners'): void;
}

export const SIZE_LABELS: Record<SizeBy, string> = { pagerank: 'PageRank', value: 'Attributed value (LINEAR)', degree: 'Degree' };
export const BRIDGE_COLOUR = OKABE_ITO.vermillion;
export const LINK_COLOUR = '#9a9a9a';
export const BUBBLE_COLOUR = '#8ec5e8';

export function createControls(o: ControlsOptions): MapControls {
  let current: MapSettings = { filter: { ...o.initial.filter, types: new Set(o.initial.filter.types) }, linksPerNode: o.initial.linksPerNode };
  const emit = () => o.onChange(current);
  const setFilter = (patch: Partial<MapFilter>) => { current = { ...current, filter: { ...current.filter, ...patch } }; emit(); };

  const search = el('input', { type: 'search', id: 'map-search', list: 'map-search-list', placeholder: 'Partner name or id', autocomplete: 'off' });
  const datalist = el('datalist', { id: 'map-search-list' });
  const searchForm = el('form', { role: 'search' }, labelled('Find a partner', search), datalist, el('button', { type: 'submit' }, 'Find'));
  searchForm.addEventListener('submit', (event) => { event.preventDefault(); o.onSearch(search.value); });

  const region = el('select', { id: 'map-region' });
  options(region, [{ value: '', label: 'All regions' }, ...o.regions.map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))]);
  region.addEventListener('change', () => setFilter({ region: region.value }));
  const industry = el('select', { id: 'map-industry' });
  options(industry, [{ value: '', label: 'All industries' }, ...o.industries.map((i) => ({ value: i.code, label: i.name }))]);
  industry.addEventListener('change', () => setFilter({ industry: industry.value }));

  const last = Math.max(0, o.months.length - 1);
  const fromRange = el('input', { type: 'range', min: 0, max: last, value: 0, id: 'map-from', 'aria-label': 'Time window start (month)' });
  const toRange = el('input', { type: 'range', min: 0, max: last, value: last, id: 'map-to', 'aria-label': 'Time window end (month)' });
  const windowText = el('div', { class: 'small', 'aria-live': 'polite' });
  const showWindow = () => {
    const { since, until } = windowDates(o.months, current.filter.from, current.filter.to);
    windowText.textContent = current.filter.from === 0 && current.filter.to === last ? `All engagements (${since} to ${until})` : `Engagements overlapping ${since} to ${until}`;
  };
  const onRange = (which: 'from' | 'to') => {
    let from = Number(fromRange.value), to = Number(toRange.value);
    if (from > to) { if (which === 'from') to = from; else from = to; }
    fromRange.value = String(from); toRange.value = String(to);
    current = { ...current, filter: { ...current.filter, from, to } };
    showWindow();
  };
  fromRange.addEventListener('input', () => onRange('from'));
  toRange.addEventListener('input', () => onRange('to'));
  fromRange.addEventListener('change', emit);
  toRange.addEventListener('change', emit);

  const sizeBy = el('select', { id: 'map-size' });
  options(sizeBy, (Object.keys(SIZE_LABELS) as SizeBy[]).filter((s) => s !== 'value' || !o.valueUnavailable).map((s) => ({ value: s, label: SIZE_LABELS[s] })));
  sizeBy.addEventListener('change', () => setFilter({ sizeBy: sizeBy.value as SizeBy }));
  const links = el('select', { id: 'map-links' });
  options(links, LINK_CHOICES.map((k) => ({ value: Number.isFinite(k) ? String(k) : 'all', label: Number.isFinite(k) ? `The ${k} strongest` : 'All' })));
  links.addEventListener('change', () => { current = { ...current, linksPerNode: links.value === 'all' ? Infinity : Number(links.value) }; emit(); });

  const typeCounts = new Map<PartnerType, HTMLElement>();
  const typeBoxes = new Map<PartnerType, HTMLInputElement>();
  const typeLegend = el('fieldset', { class: 'legend' }, el('legend', {}, 'Partner types (colour; untick to hide)'),
    ...PARTNER_TYPES.map((t) => {
      const box = el('input', { type: 'checkbox', checked: true, 'data-type': t });
      typeBoxes.set(t, box);
      box.addEventListener('change', () => {
        const types = new Set(current.filter.types);
        if (box.checked) types.add(t); else types.delete(t);
        setFilter({ types });
      });
      const count = el('span', { class: 'muted small' });
      typeCounts.set(t, count);
      return el('label', { class: 'row' }, box, el('span', { class: 'swatch', style: typeSwatchStyle(t) }), TYPE_LABELS[t], count);
    }));

  const marks = el('div', { class: 'legend', 'data-testid': 'map-legend' });
  let level: 'overview' | 'partners' = 'overview';
  function legend(): void {
    clear(marks);
    marks.append(el('strong', { class: 'small' }, 'Marks'));
    if (level === 'overview') {
      marks.append(
        el('div', { class: 'row' }, el('span', { class: 'swatch', style: `background:${BUBBLE_COLOUR}` }), 'A community (Louvain); area: its partners'),
        el('div', { class: 'row' }, line(LINK_COLOUR, 4), 'Co-delivery between two communities; width: shared engagements'),
        el('div', { class: 'row small muted' }, 'Click a bubble or zoom into it to see its partners.'));
    } else {
      marks.append(
        el('div', { class: 'row' }, el('span', { class: 'swatch ring' }), 'Articulation point: removing it splits the network'),
        el('div', { class: 'row' }, line(BRIDGE_COLOUR, 3), 'Bridge: the only link between two parts'),
        el('div', { class: 'row' }, line(LINK_COLOUR, 1.5), 'Co-delivers; width: shared engagements'),
        el('div', { class: 'row small muted' }, `Size: ${SIZE_LABELS[current.filter.sizeBy]}. Colour: partner type.`));
    }
  }

  const health = el('div', {});
  const body = el('div', { class: 'map-side-body', id: 'map-side-body' },
    searchForm,
    labelled('Region', region), labelled('Industry', industry),
    el('div', { class: 'field' }, el('span', { class: 'field-label' }, 'Time window'),
      el('div', { class: 'range-pair' }, el('span', {}, 'from'), fromRange, el('span', {}, 'to'), toRange), windowText),
    labelled('Partner size', sizeBy),
    o.valueUnavailable ? el('p', { class: 'small muted' }, o.valueUnavailable) : null,
    labelled('Links drawn per partner', links),
    marks, typeLegend, health);
  // At narrow widths the column folds away behind this button (map.css), leaving the map the room.
  const toggle = el('button', { type: 'button', class: 'map-side-toggle', 'aria-expanded': 'true', 'aria-controls': 'map-side-body' }, 'Filters');
  const element = el('div', { class: 'map-side', 'data-collapsed': String(window.matchMedia?.('(max-width: 1100px)').matches ?? false) }, toggle, body);
  const syncToggle = () => toggle.setAttribute('aria-expanded', String(element.dataset.collapsed !== 'true'));
  toggle.addEventListener('click', () => { element.dataset.collapsed = String(element.dataset.collapsed !== 'true'); syncToggle(); });
  syncToggle();

  function show(): void {
    const f = current.filter;
    region.value = f.region;
    industry.value = f.industry;
    fromRange.value = String(f.from);
    toRange.value = String(f.to);
    sizeBy.value = f.sizeBy;
    links.value = Number.isFinite(current.linksPerNode) ? String(current.linksPerNode) : 'all';
    for (const [t, box] of typeBoxes) box.checked = f.types.has(t);
    showWindow();
    legend();
  }
  show();

  return {
    element,
    settings: () => current,
    set(settings) { current = settings; show(); },
    setTypeCounts(counts) {
      for (const [t, node] of typeCounts) node.textContent = counts.has(t) ? ` ${counts.get(t)}` : '';
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
    setLevel(next) { level = next; legend(); },
  };
}

function line(colour: string, width: number): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', '28'); svg.setAttribute('height', '10');
  const l = document.createElementNS('http://www.w3.org/2000/svg', 'line');
  for (const [k, v] of Object.entries({ x1: '1', x2: '27', y1: '5', y2: '5', stroke: colour, 'stroke-width': String(width) })) l.setAttribute(k, v);
  svg.appendChild(l);
  return svg;
}
