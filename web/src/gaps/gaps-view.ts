/**
 * View 3, the gap heatmap: region × capability (optionally by industry), coloured by
 * coverage status; a click lists the supplying partners. Exit-impact mode: choose
 * partners, see which cells turn uncovered or single-point and which engagements lose
 * their orchestrator.
 */
import type { Cell } from '../lib/csv.ts';
import { button, clear, el, labelled, options as fillOptions } from '../lib/dom.ts';
import { svgsToPng } from '../lib/download.ts';
import { typeLabel } from '../lib/palette.ts';
import { createPartnerPicker, type PartnerPicker } from '../shell/partner-picker.ts';
import { canReadEcosystem, type Session } from '../shell/session.ts';
import { describeError, showError, showLoading } from '../shell/states.ts';
import type { ViewState } from '../shell/route.ts';
import type { ViewHandle } from '../shell/view.ts';
import { COVERAGE_QUERY, EXIT_IMPACT_QUERY, type CoverageCell, type ExitImpact } from './gaps.queries.ts';
import { buildHeatmap, cellKey, STATUS_TEXT } from './heatmap-model.ts';
import { render as renderHeatmap } from './heatmap-view.ts';

export function render(element: HTMLElement, session: Session, _options: { state?: ViewState } = {}): ViewHandle {
  const mayExit = canReadEcosystem(session.viewer);
  let cells: CoverageCell[] = [];
  let impact: ExitImpact | null = null;
  let svg: SVGSVGElement | null = null;
  let generation = 0;

  const byIndustry = el('input', { type: 'checkbox', id: 'gaps-by-industry' });
  const minLevel = el('select', { id: 'gaps-min-level' });
  fillOptions(minLevel, [1, 2, 3, 4, 5].map((l) => ({ value: String(l), label: `level ${l}+` })), '3');
  const thinRatio = el('input', { type: 'number', id: 'gaps-thin-ratio', min: 0.5, step: 0.5, value: 5, style: 'width:5em' });
  const exitMode = el('input', { type: 'checkbox', id: 'gaps-exit', disabled: !mayExit });
  const summary = el('div', { class: 'summary-line', role: 'status', 'aria-live': 'polite', 'data-testid': 'gaps-summary' });
  const exitBox = el('div', { class: 'impact', hidden: true, 'data-testid': 'exit-impact' });
  const exitResult = el('div', { 'data-testid': 'exit-result' });
  const body = el('div', { class: 'gaps-body' });
  const heatHost = el('div', { class: 'figure', 'data-testid': 'heatmap' });
  let picker: PartnerPicker | null = null;

  const toolbar = el('div', { class: 'toolbar' },
    el('label', { class: 'check' }, byIndustry, 'Split by industry'),
    labelled('Supplier holds the capability at', minLevel),
    labelled('Thin when demand / supply exceeds', thinRatio),
    el('label', { class: 'check', title: mayExit ? 'What breaks if partners leave' : 'Exit impact needs an ADMIN or ANALYST token' }, exitMode, 'Exit impact'),
    mayExit ? null : el('span', { class: 'small muted' }, 'Exit impact needs an ADMIN or ANALYST token.'));
  clear(element);
  element.append(el('div', { class: 'gaps' }, toolbar, body));
  body.append(exitBox, summary, heatHost);

  if (mayExit) {
    picker = createPartnerPicker(session.api, 'exit-partners', 'Partners leaving', () => void runImpact());
    exitBox.append(el('div', { class: 'note' }, 'Exit impact compares today’s coverage with coverage without the chosen partners, by region × capability at the default level 3 and ratio 5.'),
      picker.element, exitResult);
  }

  const reload = () => void load();
  for (const control of [byIndustry, minLevel, thinRatio]) control.addEventListener('change', reload);
  exitMode.addEventListener('change', () => {
    exitBox.hidden = !exitMode.checked;
    for (const control of [byIndustry, minLevel, thinRatio]) control.disabled = exitMode.checked;
    if (exitMode.checked) { byIndustry.checked = false; minLevel.value = '3'; thinRatio.value = '5'; }
    impact = null;
    clear(exitResult);
    void load();
  });

  async function load(): Promise<void> {
    const mine = ++generation;
    showLoading(heatHost, 'coverage');
    try {
      const input = { byIndustry: byIndustry.checked, minLevel: Number(minLevel.value), thinRatio: Number(thinRatio.value) || 5 };
      cells = (await session.api.query(COVERAGE_QUERY, { input })).coverageGaps;
    } catch (err) {
      if (mine === generation) showError(heatHost, err, reload);
      return;
    }
    if (mine === generation) draw();
  }

  function draw(): void {
    const heatmap = buildHeatmap(cells, exitMode.checked ? impact : null);
    clear(heatHost);
    svg = null;
    if (cells.length === 0) {
      heatHost.append(el('p', { class: 'state', 'data-state': 'empty' }, 'No demand: no PLANNED or ACTIVE engagement requires a capability.'));
      summary.textContent = '';
      return;
    }
    svg = renderHeatmap(heatHost, heatmap, { onSelect: openCell }).svg;
    const c = heatmap.counts;
    summary.textContent = `${cells.length} cells with demand: ${c.UNCOVERED} uncovered, ${c.SINGLE_POINT} single-point, ${c.THIN} thin, ${c.COVERED} covered. Click a cell for its suppliers.`;
  }

  function openCell(cell: CoverageCell): void {
    const where = `${cell.region.name}${cell.industry ? ` · ${cell.industry.name}` : ''} · ${cell.capability.name}`;
    const partners = cell.partners ?? [];
    session.panel.open(where,
      el('p', { 'data-testid': 'cell-detail' }, `Demand ${cell.demand} (PLANNED or ACTIVE engagements), supply ${cell.supply}: ${STATUS_TEXT[cell.status]}.`),
      el('h3', {}, partners.length ? 'Supplying partners' : 'No partner supplies this'),
      el('ul', { class: 'suppliers' }, ...partners.map((p) => el('li', {},
        button(p.name, () => session.openPartner(p.id), { class: 'link', 'data-partner': p.id }), el('span', { class: 'muted small' }, ` ${typeLabel(p.type)}`)))));
  }

  async function runImpact(): Promise<void> {
    const ids = picker?.chosen().map((p) => p.id) ?? [];
    clear(exitResult);
    impact = null;
    if (ids.length === 0) { draw(); return; }
    exitResult.append(el('p', { role: 'status' }, 'Computing the exit impact…'));
    try {
      impact = (await session.api.query(EXIT_IMPACT_QUERY, { ids })).exitImpact;
    } catch (err) {
      clear(exitResult);
      exitResult.append(el('p', { role: 'alert' }, describeError(err)));
      return;
    }
    clear(exitResult);
    const names = impact.partners.map((p) => p.name).join(', ');
    const i = impact;
    exitResult.append(
      el('p', { class: 'summary-line', 'data-testid': 'exit-summary' }, el('strong', {}, `If ${names} leave${impact.partners.length === 1 ? 's' : ''}: `),
        `${i.orphanedEngagements.length} engagement${i.orphanedEngagements.length === 1 ? '' : 's'} lose their orchestrator, `,
        `${i.atRiskCommitments.length} open commitment${i.atRiskCommitments.length === 1 ? ' is' : 's are'} at risk, `,
        `${i.newlyUncovered.length} cell${i.newlyUncovered.length === 1 ? '' : 's'} turn uncovered (→0) and ${i.newlySinglePoint.length} single-point (→1).`),
      i.orphanedEngagements.length === 0 ? '' : el('table', { 'data-testid': 'orphaned' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Engagement losing its orchestrator'), el('th', {}, 'Status'), el('th', {}, 'Customer'))),
        el('tbody', {}, ...i.orphanedEngagements.map((e) => el('tr', { 'data-engagement': e.id },
          el('td', {}, e.name, el('span', { class: 'muted small' }, ` ${e.id}`)), el('td', {}, e.status.toLowerCase()), el('td', {}, e.customer.name))))));
    draw();
  }

  void load();
  return {
    update() { /* no argument */ },
    destroy() { generation++; },
    async exportPng() { return svg ? svgsToPng([svg]) : null; },
    exportCsv(): Cell[][] {
      const marks = buildHeatmap(cells, exitMode.checked ? impact : null).impact;
      return [['region', 'industry', 'capability', 'demand', 'supply', 'status', 'suppliers', 'afterExit'],
        ...cells.map((c) => [c.region.code, c.industry?.code ?? '', c.capability.id, c.demand, c.supply, c.status,
          (c.partners ?? []).map((p) => p.id).join(' '), marks.get(cellKey(c)) ?? ''])];
    },
  };
}
