/**
 * View 3, the gap heatmap: region × capability (optionally by industry), coloured by
 * coverage status; a click lists the supplying partners. What-if mode (ADMIN and ANALYST):
 * partners leave, partners join, engagements change hands; the cells that change are
 * shown before → after on the heatmap, with the engagements orphaned and adopted and the
 * health change. It grew out of the exit-impact mode, which is its exits-only case.
 * The mode, the coverage options, the heatmap's options (hide covered, order by severity,
 * regions and capabilities) and the scenario last run live in the address; each change a
 * person makes is a history entry, so Back undoes it.
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
import {
  coverageFilters, decodeHeatmapOptions, describeHeatmapOptions, encodeHeatmapOptions, HEATMAP_KEYS, type HeatmapOptions,
} from './heatmap-options.ts';
import { render as renderHeatmap } from './heatmap-view.ts';
import { createMultiPick } from './multi-pick.ts';
import { decodeState, encodeState, isEmptyScenario, problemsOf, toScenarioInput, type CoverageChoice, type GapsState, type Scenario } from './scenario-model.ts';
import { createWhatIfForm, type WhatIfForm } from './what-if-form.ts';
import { renderResult, type ScenarioRun } from './what-if-result.ts';

const sameCoverage = (a: CoverageChoice, b: CoverageChoice) => a.byIndustry === b.byIndustry && a.minLevel === b.minLevel && a.thinRatio === b.thinRatio;

/** The state without the heatmap options' keys: what scenario-model reads and writes. */
const withoutHeatmapKeys = (state: ViewState): ViewState => Object.fromEntries(Object.entries(state).filter(([k]) => !(HEATMAP_KEYS as readonly string[]).includes(k)));

export function render(element: HTMLElement, session: Session, options: { state?: ViewState } = {}): ViewHandle {
  const mayWhatIf = canReadEcosystem(session.viewer);
  let cells: CoverageCell[] = [];
  let shown: ScenarioRun | null = null;
  /** The coverage options the shown scenario was answered with: its cells fit only a heatmap of the same. */
  let shownCoverage: CoverageChoice | null = null;
  let coverageReady = false;
  let svg: SVGSVGElement | null = null;
  let heatmap: { destroy(): void } | null = null;
  let generation = 0;
  /** Names of every region and capability with demand (the pickers' lists, the export's words). */
  const names = { regions: new Map<string, string>(), capabilities: new Map<string, string>() };
  let runGeneration = 0;

  const byIndustry = el('input', { type: 'checkbox', id: 'gaps-by-industry' });
  const minLevel = el('select', { id: 'gaps-min-level' });
  fillOptions(minLevel, [1, 2, 3, 4, 5].map((l) => ({ value: String(l), label: `level ${l}+` })), '3');
  // step="any": any positive ratio is valid (a step would make values between its steps invalid, as the attribution form's did).
  const thinRatio = el('input', { type: 'number', id: 'gaps-thin-ratio', min: 0, step: 'any', value: 5, inputmode: 'decimal', style: 'width:5em' });
  const hideCovered = el('input', { type: 'checkbox', id: 'gaps-hide-covered' });
  const sort = el('select', { id: 'gaps-sort' });
  fillOptions(sort, [{ value: 'name', label: 'by name' }, { value: 'severity', label: 'by severity (most uncovered first)' }], 'name');
  const regionPick = createMultiPick('gaps-regions', 'Regions', () => changed(true));
  const capabilityPick = createMultiPick('gaps-capabilities', 'Capabilities', () => changed(true));
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
    regionPick.element, capabilityPick.element,
    el('label', { class: 'check' }, hideCovered, 'Hide covered cells'),
    labelled('Order rows and columns', sort),
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

  const coverage = (): CoverageChoice => ({ byIndustry: byIndustry.checked, minLevel: Number(minLevel.value), thinRatio: Number(thinRatio.value) > 0 ? Number(thinRatio.value) : 5 });
  const heatmapOptions = (): HeatmapOptions => ({
    hideCovered: hideCovered.checked, sort: sort.value === 'severity' ? 'severity' : 'name', regions: regionPick.chosen(), capabilities: capabilityPick.chosen(),
  });
  const current = (): GapsState => ({ whatIf: whatIfMode.checked, coverage: coverage(), scenario: shown?.scenario ?? { exits: [], joins: [], handovers: [] } });
  const stateNow = (): ViewState => ({ ...encodeState(current()), ...encodeHeatmapOptions(heatmapOptions()) });
  /** A person's change: a history entry (Back undoes it). */
  const remember = () => session.navigate('gaps', undefined, stateNow());

  /** A control changed: the address, then the heatmap (asked again when the API's filters changed), then the scenario shown. */
  function changed(ask: boolean): void {
    remember();
    if (!ask) { draw(); return; }
    void load();
    // The changes depend on the coverage options: the scenario shown is asked again with them.
    if (shown) void run(shown.scenario, shown.names);
  }
  for (const control of [byIndustry, minLevel, thinRatio, hideCovered]) {
    control.addEventListener('change', () => {
      // A ratio being typed may pass through nothing valid: asked for once it is a positive number.
      if (control === thinRatio && !(Number(thinRatio.value) > 0)) return;
      changed(true);
    });
  }
  sort.addEventListener('change', () => changed(false));
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
    const { value, unreadable } = decodeState(withoutHeatmapKeys(state));
    const options = decodeHeatmapOptions(state);
    hideCovered.checked = options.hideCovered;
    sort.value = options.sort;
    regionPick.set(options.regions);
    capabilityPick.set(options.capabilities);
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
      const answer = (await session.api.query(COVERAGE_QUERY, { input: { ...coverage(), ...coverageFilters(heatmapOptions()) } })).coverageGaps;
      if (mine !== generation) return;
      cells = answer;
      coverageReady = true;
    } catch (err) {
      if (mine === generation) showError(heatHost, err, () => void load());
      return;
    }
    learnNames(cells);
    draw();
  }

  /** Regions and capabilities seen with demand: offered by the pickers and to joining partners. */
  function learnNames(seen: readonly CoverageCell[]): void {
    const before = names.regions.size + names.capabilities.size;
    for (const c of seen) { names.regions.set(c.region.code, c.region.name); names.capabilities.set(c.capability.id, c.capability.name); }
    if (names.regions.size + names.capabilities.size === before && before > 0) return;
    const regions = [...names.regions].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name));
    const capabilities = [...names.capabilities].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
    regionPick.setItems(regions.map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })));
    capabilityPick.setItems(capabilities.map((c) => ({ value: c.id, label: c.name })));
    form?.setVocabulary({
      regions: [...regions].sort((a, b) => a.code.localeCompare(b.code)),
      capabilities: [...capabilities].sort((a, b) => a.id.localeCompare(b.id)),
    });
  }

  // The pickers list every region and capability with demand, whatever the filters show.
  void session.api.query(COVERAGE_QUERY, { input: {} }).then((answer) => learnNames(answer.coverageGaps), () => { /* the pickers keep what the heatmap shows */ });

  function draw(): void {
    if (!coverageReady) return;
    const fits = shown && shownCoverage && sameCoverage(shownCoverage, coverage());
    const options = heatmapOptions();
    // Hidden covered cells stay hidden after a scenario too, unless it changes their status.
    const changes = (whatIfMode.checked && fits ? shown!.changes : [])
      .filter((c) => !options.hideCovered || c.before?.status !== 'COVERED' || c.after?.status !== 'COVERED');
    const model = buildHeatmap(cells, changes, options.sort);
    heatmap?.destroy();
    heatmap = null;
    clear(heatHost);
    svg = null;
    if (cells.length === 0 && changes.length === 0) {
      const filtered = options.hideCovered || options.regions.length || options.capabilities.length;
      heatHost.append(el('p', { class: 'state', 'data-state': 'empty' }, filtered ? 'No cell matches these options: every cell with demand here is covered, or none has demand.'
        : 'No demand: no PLANNED or ACTIVE engagement requires a capability.'));
      summary.textContent = '';
      return;
    }
    const drawn = renderHeatmap(heatHost, model, { onSelect: openCell });
    heatmap = drawn;
    svg = drawn.svg;
    summary.textContent = `${cells.length} cells${options.hideCovered ? ' not covered' : ' with demand'}: ${countsText(model.counts)}.`
      + (model.changes.size ? ` After the scenario: ${countsText(model.countsAfter)}; ${model.changes.size} changed cells are outlined.` : '')
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
    const { regions, capabilities } = coverageFilters(heatmapOptions());
    const [answer, commitments] = await Promise.allSettled([
      session.api.query(SCENARIO_QUERY, { input: toScenarioInput(scenario), coverage: { ...asked, ...(regions ? { regions } : {}), ...(capabilities ? { capabilities } : {}) } }),
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
      if (!sameState(state, stateNow())) void apply(state);
    },
    destroy() { generation++; runGeneration++; heatmap?.destroy(); },
    async exportPng() {
      if (!svg) return null;
      const c = coverage();
      const scenario = whatIfMode.checked && shown ? resultSummary.textContent ?? '' : '';
      return svgsToPng([svg], {
        title: scenario ? 'Coverage gaps: what if' : 'Coverage gaps: region × capability',
        details: [
          [...describeHeatmapOptions(heatmapOptions(), names), c.byIndustry ? 'Split by industry' : '', `Supplier at level ${c.minLevel}+`, `Thin above demand / supply ${c.thinRatio}`]
            .filter(Boolean).join(' · '),
          scenario,
        ],
      });
    },
    exportCsv(): Cell[][] {
      if (whatIfMode.checked && shown) return changeRows(shown.changes);
      // Names beside ids, so the file reads without the app.
      return [['region', 'regionName', 'industry', 'industryName', 'capability', 'capabilityName', 'demand', 'supply', 'status', 'suppliers', 'supplierNames'],
        ...cells.map((c) => [c.region.code, c.region.name, c.industry?.code ?? '', c.industry?.name ?? '', c.capability.id, c.capability.name, c.demand, c.supply, c.status,
          (c.partners ?? []).map((p) => p.id).join(' '), (c.partners ?? []).map((p) => p.name).join('; ')])];
    },
  };
}
