/**
 * View 3, the gap heatmap: region × capability (optionally by industry), coloured by
 * coverage status; a click lists the supplying partners. What-if mode (ADMIN and ANALYST):
 * partners leave, partners join, engagements change hands; the cells that change are
 * shown before → after on the heatmap, with the engagements orphaned and adopted and the
 * health change. It grew out of the exit-impact mode, which is its exits-only case.
 * The mode, the coverage options and the scenario last run live in the address.
 */
import type { Cell } from '../lib/csv.ts';
import { button, clear, el, labelled, options as fillOptions } from '../lib/dom.ts';
import { svgsToPng } from '../lib/download.ts';
import { typeLabel } from '../lib/palette.ts';
import { sameState, type ViewState } from '../shell/route.ts';
import { canReadEcosystem, type Session } from '../shell/session.ts';
import { describeError, showError, showLoading } from '../shell/states.ts';
import type { ViewHandle } from '../shell/view.ts';
import { COVERAGE_QUERY, EXIT_COMMITMENTS_QUERY, SCENARIO_QUERY, type CoverageCell } from './gaps.queries.ts';
import { buildHeatmap, cellChanges, changeRows, countsText, STATUS_TEXT, type CellChange } from './heatmap-model.ts';
import { render as renderHeatmap } from './heatmap-view.ts';
import { decodeState, encodeState, isEmptyScenario, problemsOf, toScenarioInput, type CoverageChoice, type GapsState, type Scenario } from './scenario-model.ts';
import { createWhatIfForm, type WhatIfForm } from './what-if-form.ts';
import { renderResult, type ScenarioRun } from './what-if-result.ts';

const sameCoverage = (a: CoverageChoice, b: CoverageChoice) => a.byIndustry === b.byIndustry && a.minLevel === b.minLevel && a.thinRatio === b.thinRatio;

export function render(element: HTMLElement, session: Session, options: { state?: ViewState } = {}): ViewHandle {
  const mayWhatIf = canReadEcosystem(session.viewer);
  let cells: CoverageCell[] = [];
  let shown: ScenarioRun | null = null;
  /** The coverage options the shown scenario was answered with: its cells fit only a heatmap of the same. */
  let shownCoverage: CoverageChoice | null = null;
  let coverageReady = false;
  let svg: SVGSVGElement | null = null;
  let generation = 0;
  let runGeneration = 0;

  const byIndustry = el('input', { type: 'checkbox', id: 'gaps-by-industry' });
  const minLevel = el('select', { id: 'gaps-min-level' });
  fillOptions(minLevel, [1, 2, 3, 4, 5].map((l) => ({ value: String(l), label: `level ${l}+` })), '3');
  const thinRatio = el('input', { type: 'number', id: 'gaps-thin-ratio', min: 0.5, step: 0.5, value: 5, style: 'width:5em' });
  // The id is the exit-impact mode's, which What if replaced: tests and habits still find it.
  const whatIfMode = el('input', { type: 'checkbox', id: 'gaps-exit', disabled: !mayWhatIf });
  const summary = el('div', { class: 'summary-line', role: 'status', 'aria-live': 'polite', 'data-testid': 'gaps-summary' });
  const whatIfBox = el('section', { class: 'what-if', hidden: true, 'data-testid': 'what-if', 'aria-label': 'What if' });
  const runStatus = el('p', { class: 'small', role: 'status', 'aria-live': 'polite', 'data-testid': 'whatif-status' });
  const resultSummary = el('div', {});
  const resultHost = el('div', {});
  const body = el('div', { class: 'gaps-body' });
  const heatHost = el('div', { class: 'figure', 'data-testid': 'heatmap' });
  let form: WhatIfForm | null = null;

  const toolbar = el('div', { class: 'toolbar' },
    el('label', { class: 'check' }, byIndustry, 'Split by industry'),
    labelled('Supplier holds the capability at', minLevel),
    labelled('Thin when demand / supply exceeds', thinRatio),
    el('label', { class: 'check', title: mayWhatIf ? 'Partners leave, join or take over engagements: see what changes' : 'What if needs an ADMIN or ANALYST token' }, whatIfMode, 'What if'),
    mayWhatIf ? null : el('span', { class: 'small muted', 'data-testid': 'whatif-forbidden' },
      'What if (partners leaving, joining, engagements changing hands) needs an ADMIN or ANALYST token: a scenario reads the whole ecosystem.'));
  clear(element);
  element.append(el('div', { class: 'gaps' }, toolbar, body));
  body.append(whatIfBox, resultSummary, summary, heatHost, resultHost);

  if (mayWhatIf) {
    form = createWhatIfForm(session, () => void runFromForm());
    whatIfBox.append(
      el('p', { class: 'note' }, 'A scenario answers as if, from today, the partners leaving held no role and supplied nothing, the partners joining were ACTIVE with what you list, '
        + 'and each handover ended the open ORCHESTRATOR interval at its date. Nothing is written. Cells use the coverage options above.'),
      form.element, runStatus);
  }

  const coverage = (): CoverageChoice => ({ byIndustry: byIndustry.checked, minLevel: Number(minLevel.value), thinRatio: Number(thinRatio.value) || 5 });
  const current = (): GapsState => ({ whatIf: whatIfMode.checked, coverage: coverage(), scenario: shown?.scenario ?? { exits: [], joins: [], handovers: [] } });
  const remember = () => session.remember(undefined, encodeState(current()));

  for (const control of [byIndustry, minLevel, thinRatio]) {
    control.addEventListener('change', () => {
      remember();
      void load();
      // The changes depend on the coverage options: the scenario shown is asked again with them.
      if (shown) void run(shown.scenario, shown.names);
    });
  }
  whatIfMode.addEventListener('change', () => {
    whatIfBox.hidden = !whatIfMode.checked;
    if (!whatIfMode.checked) clearResult();
    remember();
    draw();
  });

  function clearResult(): void {
    runGeneration++;
    shown = null;
    shownCoverage = null;
    clear(resultSummary);
    clear(resultHost);
    runStatus.textContent = '';
    form?.showProblems([]);
  }

  /** Shows a state from the address: the options, the mode and the scenario, which runs. */
  async function apply(state: ViewState): Promise<void> {
    const { value, unreadable } = decodeState(state);
    byIndustry.checked = value.coverage.byIndustry;
    minLevel.value = String(value.coverage.minLevel);
    thinRatio.value = String(value.coverage.thinRatio);
    whatIfMode.checked = mayWhatIf && value.whatIf;
    whatIfBox.hidden = !whatIfMode.checked;
    clearResult();
    void load();
    if (!form || !whatIfMode.checked) return;
    await form.fill(value.scenario);
    if (!isEmptyScenario(value.scenario)) await runFromForm();
    if (unreadable.length) runStatus.textContent = `The address held parts of a scenario that could not be read (${unreadable.join(', ')}); they are left out.`;
  }

  async function load(): Promise<void> {
    const mine = ++generation;
    coverageReady = false;
    showLoading(heatHost, 'coverage');
    try {
      const answer = (await session.api.query(COVERAGE_QUERY, { input: coverage() })).coverageGaps;
      if (mine !== generation) return;
      cells = answer;
      coverageReady = true;
    } catch (err) {
      if (mine === generation) showError(heatHost, err, () => void load());
      return;
    }
    const regions = new Map(cells.map((c) => [c.region.code, c.region.name]));
    const capabilities = new Map(cells.map((c) => [c.capability.id, c.capability.name]));
    form?.setVocabulary({
      regions: [...regions].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
      capabilities: [...capabilities].map(([id, name]) => ({ id, name })).sort((a, b) => a.id.localeCompare(b.id)),
    });
    draw();
  }

  function draw(): void {
    if (!coverageReady) return;
    const fits = shown && shownCoverage && sameCoverage(shownCoverage, coverage());
    const heatmap = buildHeatmap(cells, whatIfMode.checked && fits ? shown!.changes : []);
    clear(heatHost);
    svg = null;
    if (cells.length === 0) {
      heatHost.append(el('p', { class: 'state', 'data-state': 'empty' }, 'No demand: no PLANNED or ACTIVE engagement requires a capability.'));
      summary.textContent = '';
      return;
    }
    svg = renderHeatmap(heatHost, heatmap, { onSelect: openCell }).svg;
    summary.textContent = `${cells.length} cells with demand: ${countsText(heatmap.counts)}.`
      + (heatmap.changes.size ? ` After the scenario: ${countsText(heatmap.countsAfter)}; ${heatmap.changes.size} changed cells are outlined.` : '')
      + ' Click a cell for its suppliers.';
  }

  function openCell(cell: CoverageCell, change?: CellChange): void {
    const where = `${cell.region.name}${cell.industry ? ` · ${cell.industry.name}` : ''} · ${cell.capability.name}`;
    const joining = new Set(shown?.scenario.joins.map((j) => j.id));
    const suppliers = (partners: CoverageCell['partners'], heading: string, empty: string) => [
      el('h3', {}, partners?.length ? heading : empty),
      el('ul', { class: 'suppliers' }, ...(partners ?? []).map((p) => el('li', {},
        joining.has(p.id) ? el('span', { 'data-partner': p.id }, p.name) : button(p.name, () => session.openPartner(p.id), { class: 'link', 'data-partner': p.id }),
        el('span', { class: 'muted small' }, ` ${typeLabel(p.type)}${joining.has(p.id) ? ', joining' : ''}`))))];
    const after = change?.after;
    session.panel.open(where,
      el('p', { 'data-testid': 'cell-detail' }, `Demand ${cell.demand} (PLANNED or ACTIVE engagements), supply ${cell.supply}: ${STATUS_TEXT[cell.status]}.`),
      ...suppliers(cell.partners ?? change?.before?.partners, 'Supplying partners', 'No partner supplies this'),
      ...(change ? [
        el('p', { 'data-testid': 'cell-after' }, after ? `After the scenario: supply ${after.supply}, ${STATUS_TEXT[after.status]}.` : 'After the scenario: no demand.'),
        ...suppliers(after?.partners, 'Supplying partners after the scenario', 'No partner supplies this after the scenario'),
      ] : []));
  }

  async function runFromForm(): Promise<void> {
    if (!form) return;
    const read = await form.read();
    if (!read) { runStatus.textContent = 'A partner typed above matches none in the directory: see the message beside it.'; return; }
    await run(read.scenario, read.names);
  }

  /** Asks the API; on success shows the answer and keeps the scenario in the address, on refusal only the problems. */
  async function run(scenario: Scenario, names: Map<string, string>): Promise<void> {
    const mine = ++runGeneration;
    if (isEmptyScenario(scenario)) {
      clearResult();
      remember();
      draw();
      runStatus.textContent = 'Choose partners leaving or joining, or a handover, then run the scenario.';
      return;
    }
    runStatus.textContent = 'Running the scenario…';
    const exits = scenario.exits;
    const asked = coverage();
    const [answer, commitments] = await Promise.allSettled([
      session.api.query(SCENARIO_QUERY, { input: toScenarioInput(scenario), coverage: asked }),
      exits.length ? session.api.query(EXIT_COMMITMENTS_QUERY, { ids: exits }) : Promise.resolve(null),
    ]);
    if (mine !== runGeneration) return;
    if (answer.status === 'rejected') {
      const problems = problemsOf(answer.reason);
      if (problems.length === 0) { runStatus.textContent = describeError(answer.reason); return; }
      form?.showProblems(problems);
      runStatus.textContent = `The scenario was not run: ${problems.length === 1 ? 'a problem is' : `${problems.length} problems are`} shown beside the fields.`;
      return;
    }
    form?.showProblems([]);
    const result = answer.value.scenario;
    shownCoverage = asked;
    shown = {
      scenario, names, result, changes: cellChanges(result.coverage),
      commitments: commitments.status === 'fulfilled' ? commitments.value?.exitImpact.atRiskCommitments ?? null
        : new Error(describeError(commitments.reason)),
    };
    runStatus.textContent = '';
    const { summary: said, details } = renderResult(session, shown, (change) => openCell((change.before ?? change.after)!, change));
    clear(resultSummary);
    clear(resultHost);
    resultSummary.append(said);
    resultHost.append(details);
    form?.suggestEngagements(result.orphanedEngagements);
    remember();
    draw();
  }

  void apply(options.state ?? {});
  return {
    update(_arg, state) {
      if (!sameState(state, encodeState(current()))) void apply(state);
    },
    destroy() { generation++; runGeneration++; },
    async exportPng() { return svg ? svgsToPng([svg]) : null; },
    exportCsv(): Cell[][] {
      if (whatIfMode.checked && shown) return changeRows(shown.changes);
      return [['region', 'industry', 'capability', 'demand', 'supply', 'status', 'suppliers'],
        ...cells.map((c) => [c.region.code, c.industry?.code ?? '', c.capability.id, c.demand, c.supply, c.status,
          (c.partners ?? []).map((p) => p.id).join(' ')])];
    },
  };
}
