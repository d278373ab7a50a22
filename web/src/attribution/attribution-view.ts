/** View 4, attribution: one engagement's value credited by the five models, side by side, with the touches. */
import { ApiError } from '../api/client.ts';
import type { EngagementListQuery } from '../api/generated/graphql.ts';
import type { Cell } from '../lib/csv.ts';
import { clear, el, labelled, options as fillOptions } from '../lib/dom.ts';
import { svgsToPng } from '../lib/download.ts';
import { formatMoney, humanize } from '../lib/format.ts';
import type { ViewState } from '../shell/route.ts';
import type { Session } from '../shell/session.ts';
import { showEmpty, showError, showLoading } from '../shell/states.ts';
import type { ViewHandle } from '../shell/view.ts';
import { render as renderChart } from './attribution-chart.ts';
import { attributionMatrix, MODELS, type MatrixRow } from './attribution-model.ts';
import { decodeAttribution, encodeAttribution, MODEL_ENUM, parseHalfLife, type AttributionChoice } from './attribution-state.ts';
import { ATTRIBUTION_QUERY, ENGAGEMENT_LIST_QUERY, type AttributionData } from './attribution.queries.ts';

const LIST_CAP = 1_000;

/**
 * The address holds the engagement (`#attribution/e-…`), the half-life and the model the
 * rows are ordered by (attribution-state.ts). Show and a changed model push a history
 * entry; the view answers the address, so Back shows the previous answer.
 */
export function render(element: HTMLElement, session: Session, options: { engagementId?: string; state?: ViewState } = {}): ViewHandle {
  let rows: MatrixRow[] = [];
  let svg: SVGSVGElement | null = null;
  let generation = 0;
  let shownEngagement: string | undefined;
  let choice: AttributionChoice = decodeAttribution(options.state ?? {});
  /** What the shown answer was asked with, so an unchanged address asks nothing again. */
  let shownKey = '';
  let shownName = '';
  const input = el('input', { type: 'search', id: 'attribution-engagement', list: 'attribution-engagements', placeholder: 'engagement id', autocomplete: 'off', size: 28 });
  const list = el('datalist', { id: 'attribution-engagements' });
  // step="any": any positive half-life is valid (a step of 1 from a min of 0.5 made 7 itself
  // invalid, so the form could not be sent). Positivity is checked on submit, as the API does.
  const halfLife = el('input', { type: 'number', id: 'attribution-half-life', min: 0, step: 'any', value: choice.halfLife, inputmode: 'decimal', style: 'width:6em', required: true });
  const orderBy = el('select', { id: 'attribution-model' });
  fillOptions(orderBy, MODELS.map((m) => ({ value: MODEL_ENUM[m.key], label: m.title })), MODEL_ENUM[choice.model]);
  const form = el('form', { class: 'toolbar' }, labelled('Engagement', input), list, labelled('Time-decay half-life (days)', halfLife),
    labelled('Order rows by', orderBy), el('button', { type: 'submit', id: 'attribution-show' }, 'Show'));
  const result = el('div', { class: 'attribution', 'data-testid': 'attribution' });
  const readChoice = (): AttributionChoice | null => {
    const days = parseHalfLife(halfLife.value);
    const model = MODELS.find((m) => MODEL_ENUM[m.key] === orderBy.value)?.key ?? choice.model;
    return days === null ? null : { halfLife: days, model };
  };
  halfLife.addEventListener('input', () => halfLife.setCustomValidity(''));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = readChoice();
    if (!next) {
      halfLife.setCustomValidity('The half-life is a number of days greater than 0, such as 7 or 2.5.');
      halfLife.reportValidity();
      return;
    }
    const id = input.value.trim() || shownEngagement;
    if (id) session.navigate('attribution', id, encodeAttribution(next));
  });
  // Ordering needs no new answer: the choice goes to the address (a history entry) at once.
  orderBy.addEventListener('change', () => {
    const next = readChoice() ?? { ...choice, model: MODELS.find((m) => MODEL_ENUM[m.key] === orderBy.value)?.key ?? choice.model };
    session.navigate('attribution', shownEngagement, encodeAttribution({ halfLife: choice.halfLife, model: next.model }));
  });
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

  let data: AttributionData | null = null;

  async function show(id: string): Promise<void> {
    input.value = id;
    halfLife.value = String(choice.halfLife);
    orderBy.value = MODEL_ENUM[choice.model];
    shownEngagement = id;
    const key = `${id}|${choice.halfLife}`;
    if (key === shownKey && data) { draw(data); return; }
    const mine = ++generation;
    shownKey = key;
    showLoading(result, `the attribution of ${id}`);
    try {
      data = await session.api.query(ATTRIBUTION_QUERY, { id, halfLife: choice.halfLife });
    } catch (err) {
      if (mine !== generation) return;
      shownKey = '';
      data = null;
      if (err instanceof ApiError && err.code === 'NOT_FOUND') notFound(id);
      else showError(result, err, () => void show(id));
      return;
    }
    if (mine !== generation) return;
    draw(data);
  }

  function draw(answer: AttributionData): void {
    svg = null;
    rows = [];
    const e = answer.engagement;
    if (!e) { notFound(shownEngagement ?? ''); return; }
    shownName = e.name;
    rows = attributionMatrix(answer, choice.model);
    clear(result);
    result.append(el('h2', {}, e.name),
      el('p', { class: 'muted' }, `${e.id} · ${e.status.toLowerCase()} · ${e.customer.name} · value ${formatMoney(e.value, e.currency)} · ${e.contributions.length} contribution${e.contributions.length === 1 ? '' : 's'} (touches)`));
    if (e.contributions.length === 0) { result.append(el('p', { 'data-state': 'empty' }, 'No contributions recorded: nobody gets credit.')); return; }
    const chartHost = el('div', { class: 'figure' });
    result.append(chartHost);
    svg = renderChart(chartHost, { rows, currency: e.currency, hasValue: e.value !== null, orderBy: choice.model }).svg;
    result.append(el('p', { class: 'small muted', 'data-testid': 'half-life-used', 'data-half-life': choice.halfLife },
      `Time decay with a half-life of ${choice.halfLife} day${choice.halfLife === 1 ? '' : 's'}: a touch that many days before the last one counts half as much.`));
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
    update(arg, state) {
      choice = decodeAttribution(state);
      halfLife.value = String(choice.halfLife);
      orderBy.value = MODEL_ENUM[choice.model];
      if (arg) { void show(arg); return; }
      // Back to no engagement: the page shows none, as the address says.
      generation++;
      shownEngagement = undefined;
      shownKey = '';
      svg = null;
      rows = [];
      input.value = '';
      showEmpty(result, 'Choose an engagement to compare how the five attribution models credit its partners.');
    },
    destroy() { generation++; },
    async exportPng() {
      return svg ? svgsToPng([svg], {
        title: `Attribution: ${shownName} (${shownEngagement ?? ''})`,
        details: [`Five models side by side; time-decay half-life ${choice.halfLife} days; rows ordered by ${MODELS.find((m) => m.key === choice.model)!.title}.`],
      }) : null;
    },
    exportCsv(): Cell[][] {
      return [['partner', 'name', ...MODELS.flatMap((m) => [`${m.key}Share`, `${m.key}Amount`])],
        ...rows.map((r) => [r.partner.id, r.partner.name, ...MODELS.flatMap((m) => [r.values[m.key].share, r.values[m.key].amount])])];
    },
  };
}
