/** View 4, attribution: one engagement's value credited by the five models, side by side, with the touches. */
import { ApiError } from '../api/client.ts';
import type { EngagementListQuery } from '../api/generated/graphql.ts';
import type { Cell } from '../lib/csv.ts';
import { clear, el, labelled } from '../lib/dom.ts';
import { svgsToPng } from '../lib/download.ts';
import { formatMoney, humanize } from '../lib/format.ts';
import type { Session } from '../shell/session.ts';
import { showEmpty, showError, showLoading } from '../shell/states.ts';
import type { ViewHandle } from '../shell/view.ts';
import { render as renderChart } from './attribution-chart.ts';
import { attributionMatrix, MODELS, type MatrixRow } from './attribution-model.ts';
import { ATTRIBUTION_QUERY, ENGAGEMENT_LIST_QUERY, type AttributionData } from './attribution.queries.ts';

const LIST_CAP = 1_000;

export function render(element: HTMLElement, session: Session, options: { engagementId?: string } = {}): ViewHandle {
  let rows: MatrixRow[] = [];
  let svg: SVGSVGElement | null = null;
  let generation = 0;
  const input = el('input', { type: 'search', id: 'attribution-engagement', list: 'attribution-engagements', placeholder: 'engagement id', autocomplete: 'off', size: 28 });
  const list = el('datalist', { id: 'attribution-engagements' });
  const halfLife = el('input', { type: 'number', id: 'attribution-half-life', min: 0.5, step: 1, value: 7, style: 'width:5em' });
  const form = el('form', { class: 'toolbar' }, labelled('Engagement', input), list, labelled('Time-decay half-life (days)', halfLife), el('button', { type: 'submit' }, 'Show'));
  const result = el('div', { class: 'attribution', 'data-testid': 'attribution' });
  form.addEventListener('submit', (event) => { event.preventDefault(); if (input.value.trim()) session.navigate('attribution', input.value.trim()); });
  halfLife.addEventListener('change', () => { if (input.value.trim()) void show(input.value.trim()); });
  clear(element);
  element.append(form, result);

  void (async () => {
    let after: string | null = null;
    try {
      for (let n = 0; n < LIST_CAP; n += 100) {
        // Annotated: `after` feeds the next request, so TypeScript cannot infer the page's type by itself.
        const page: EngagementListQuery = await session.api.query(ENGAGEMENT_LIST_QUERY, { after });
        for (const { node } of page.engagements.edges) list.append(el('option', { value: node.id }, node.name));
        if (!page.engagements.pageInfo.hasNextPage) break;
        after = page.engagements.pageInfo.endCursor;
      }
    } catch { /* suggestions are optional */ }
    if (!options.engagementId && !input.value && list.firstElementChild) {
      showEmpty(result, 'Choose an engagement (type its id or pick from the suggestions) to compare how the five attribution models credit its partners.');
    }
  })();
  if (options.engagementId) void show(options.engagementId);
  else showEmpty(result, 'Choose an engagement to compare how the five attribution models credit its partners.');

  async function show(id: string): Promise<void> {
    const mine = ++generation;
    input.value = id;
    showLoading(result, `the attribution of ${id}`);
    let data: AttributionData;
    try {
      data = await session.api.query(ATTRIBUTION_QUERY, { id, halfLife: Number(halfLife.value) || 7 });
    } catch (err) {
      if (mine !== generation) return;
      if (err instanceof ApiError && err.code === 'NOT_FOUND') notFound(id);
      else showError(result, err, () => void show(id));
      return;
    }
    if (mine !== generation) return;
    svg = null;
    rows = [];
    const e = data.engagement;
    if (!e) { notFound(id); return; }
    rows = attributionMatrix(data);
    clear(result);
    result.append(el('h2', {}, e.name),
      el('p', { class: 'muted' }, `${e.id} · ${e.status.toLowerCase()} · ${e.customer.name} · value ${formatMoney(e.value, e.currency)} · ${e.contributions.length} contribution${e.contributions.length === 1 ? '' : 's'} (touches)`));
    if (e.contributions.length === 0) { result.append(el('p', { 'data-state': 'empty' }, 'No contributions recorded: nobody gets credit.')); return; }
    const chartHost = el('div', { class: 'figure' });
    result.append(chartHost);
    svg = renderChart(chartHost, { rows, currency: e.currency, hasValue: e.value !== null }).svg;
    const touches = [...e.contributions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
    result.append(el('h3', {}, 'Touches, in the order the models read them'),
      el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, '#'), el('th', {}, 'Date'), el('th', {}, 'Partner'), el('th', {}, 'Kind'), el('th', { class: 'num' }, 'Amount'))),
        el('tbody', {}, ...touches.map((c, i) => el('tr', {}, el('td', {}, String(i + 1)), el('td', {}, c.date), el('td', {}, c.partner.name),
          el('td', {}, humanize(c.kind)), el('td', { class: 'num' }, formatMoney(c.amount, null)))))));
  }

  function notFound(id: string): void {
    showEmpty(result, `No engagement “${id}” (or it is outside what your token may see).`);
  }

  return {
    update(arg) { if (arg) void show(arg); },
    destroy() { generation++; },
    async exportPng() { return svg ? svgsToPng([svg]) : null; },
    exportCsv(): Cell[][] {
      return [['partner', 'name', ...MODELS.flatMap((m) => [`${m.key}Share`, `${m.key}Amount`])],
        ...rows.map((r) => [r.partner.id, r.partner.name, ...MODELS.flatMap((m) => [r.values[m.key].share, r.values[m.key].amount])])];
    },
  };
}
