/**
 * A scenario's answer around the heatmap: a summary above it; below it the changed cells
 * as a list, the engagements orphaned and adopted, the handovers, the open commitments
 * of leaving partners, and the ecosystem's health before and after.
 */
import type { ExitCommitmentsQuery } from '../api/generated/graphql.ts';
import { button, el, type Child } from '../lib/dom.ts';
import { formatShare } from '../lib/format.ts';
import type { Session } from '../shell/session.ts';
import type { HealthFigures, ScenarioEngagement, ScenarioResult } from './gaps.queries.ts';
import { changeText, type CellChange } from './heatmap-model.ts';
import type { Scenario } from './scenario-model.ts';

type AtRiskCommitment = ExitCommitmentsQuery['exitImpact']['atRiskCommitments'][number];

export interface ScenarioRun {
  scenario: Scenario;
  /** Partner names by id, as the form knew them (joining partners included). */
  names: Map<string, string>;
  result: ScenarioResult;
  changes: CellChange[];
  /** The leaving partners' open commitments; null without exits, an Error when they could not be read. */
  commitments: AtRiskCommitment[] | Error | null;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = (items: string[]) => new Intl.ListFormat('en', { type: 'conjunction' }).format(items);

/** The health figures in the contract's words, each with how it is written. */
const FIGURES: Record<keyof HealthFigures, { label: string; format: (v: number) => string }> = {
  partners: { label: 'Partners', format: String },
  activePartners: { label: 'ACTIVE partners', format: String },
  engagements: { label: 'Engagements', format: String },
  outcomeSuccessRate: { label: 'Outcome success rate (MET / MET + MISSED + PARTIALLY_MET)', format: formatShare },
  valueGini: { label: 'Value Gini (LINEAR-attributed value over ACTIVE partners)', format: (v) => v.toFixed(3) },
  topDecileValueShare: { label: 'Top-decile value share', format: formatShare },
  longTail: { label: 'Long tail (ACTIVE partners in no PLANNED or ACTIVE engagement)', format: String },
};

/** The summary goes above the heatmap, which shows the changed cells; the details below it. */
export function renderResult(session: Session, run: ScenarioRun, onCell: (change: CellChange) => void): { summary: HTMLElement; details: HTMLElement } {
  const { scenario, names, result, changes } = run;
  const name = (id: string) => names.get(id) ?? id;
  const statusChanges = changes.filter((c) => c.kind !== 'same');
  const supplyOnly = changes.filter((c) => c.kind === 'same');
  const worse = changes.filter((c) => c.kind === 'worse').length;

  const what: string[] = [];
  if (scenario.exits.length) what.push(`${list(scenario.exits.map(name))} ${scenario.exits.length === 1 ? 'leaves' : 'leave'}`);
  if (scenario.joins.length) what.push(`${list(scenario.joins.map((j) => j.name || j.id))} ${scenario.joins.length === 1 ? 'joins' : 'join'}`);
  if (scenario.handovers.length) what.push(`${count(scenario.handovers.length, 'engagement')} ${scenario.handovers.length === 1 ? 'changes' : 'change'} hands`);
  const commitments = Array.isArray(run.commitments) ? run.commitments : [];
  const gini = (h: HealthFigures) => FIGURES.valueGini.format(h.valueGini);

  const summary = el('p', { class: 'summary-line', 'data-testid': 'whatif-summary' },
    el('strong', {}, `If ${list(what)}: `),
    `${count(result.orphanedEngagements.length, 'engagement')} ${result.orphanedEngagements.length === 1 ? 'loses its' : 'lose their'} orchestrator, `,
    `${result.adoptedEngagements.length} ${result.adoptedEngagements.length === 1 ? 'is' : 'are'} adopted, `,
    scenario.exits.length ? `${count(commitments.length, 'open commitment')} of leaving partners ${commitments.length === 1 ? 'is' : 'are'} at risk, ` : '',
    `${count(changes.length, 'cell')} ${changes.length === 1 ? 'changes' : 'change'} (${worse} worse, ${statusChanges.length - worse} better, ${supplyOnly.length} in supply only); `,
    `value Gini ${gini(result.healthBefore)} → ${gini(result.healthAfter)}.`);

  const changeItem = (c: CellChange) => {
    const before = new Map((c.before?.partners ?? []).map((p) => [p.id, p.name]));
    const after = new Map((c.after?.partners ?? []).map((p) => [p.id, p.name]));
    const lost = [...before].filter(([id]) => !after.has(id)).map(([, n]) => `− ${n}`);
    const gained = [...after].filter(([id]) => !before.has(id)).map(([, n]) => `+ ${n}`);
    return el('li', { 'data-cell': c.key, 'data-change': c.kind, 'data-before': c.before?.status, 'data-after': c.after?.status },
      button(changeText(c), () => onCell(c), { class: 'link', title: 'Show the suppliers before and after' }),
      lost.length + gained.length ? el('span', { class: 'muted small' }, ` ${[...lost, ...gained].join(', ')}`) : null);
  };
  const cells = el('section', { 'data-testid': 'whatif-changes' },
    el('h3', {}, changes.length ? 'Cells that change' : 'No cell changes'),
    statusChanges.length ? el('ul', { class: 'changes' }, ...statusChanges.map(changeItem)) : null,
    supplyOnly.length ? el('details', {}, el('summary', {}, `${count(supplyOnly.length, 'cell')} ${supplyOnly.length === 1 ? 'keeps its' : 'keep their'} status; supply or suppliers change`),
      el('ul', { class: 'changes' }, ...supplyOnly.map(changeItem))) : null);

  const link = (e: { id: string; name: string }) => el('span', {},
    button(e.name, () => session.navigate('attribution', e.id), { class: 'link', title: `Attribution of ${e.id}` }), el('span', { class: 'muted small' }, ` ${e.id}`));
  const engagementTable = (testid: string, heading: string, rows: readonly ScenarioEngagement[], last: [string, (e: ScenarioEngagement) => Child]) =>
    rows.length === 0 ? null : el('section', {}, el('h3', {}, heading),
      el('table', { 'data-testid': testid },
        el('thead', {}, el('tr', {}, el('th', {}, 'Engagement'), el('th', {}, 'Status'), el('th', {}, 'Customer'), el('th', {}, last[0]))),
        el('tbody', {}, ...rows.map((e) => el('tr', { 'data-engagement': e.id },
          el('td', {}, link(e)), el('td', {}, e.status), el('td', {}, e.customer.name), el('td', {}, last[1](e)))))));
  const handoverTo = (id: string) => {
    const h = [...scenario.handovers].reverse().find((x) => x.engagementId === id);
    return h ? `${name(h.partnerId)} from ${h.from}` : '';
  };
  const orphaned = engagementTable('orphaned', 'Engagements losing their orchestrator', result.orphanedEngagements,
    ['Orchestrator today', (e) => e.orchestrator?.name ?? '']);
  const adopted = engagementTable('adopted', 'Engagements adopted (no orchestrator today, one after)', result.adoptedEngagements,
    ['New orchestrator', (e) => handoverTo(e.id)]);

  const fate = (id: string) => (result.adoptedEngagements.some((e) => e.id === id) ? 'adopted'
    : result.orphanedEngagements.some((e) => e.id === id) ? 'still without an orchestrator today' : 'has an orchestrator');
  const handovers = scenario.handovers.length === 0 ? null : el('section', {}, el('h3', {}, 'Handovers'),
    el('table', { 'data-testid': 'whatif-handovers' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Engagement'), el('th', {}, 'New orchestrator'), el('th', {}, 'From'), el('th', {}, 'After the changes'))),
      el('tbody', {}, ...scenario.handovers.map((h) => el('tr', { 'data-engagement': h.engagementId },
        el('td', {}, h.engagementId), el('td', {}, name(h.partnerId)), el('td', {}, h.from), el('td', {}, fate(h.engagementId)))))));

  const atRisk = run.commitments instanceof Error
    ? el('p', { class: 'muted small' }, `The leaving partners’ open commitments could not be read: ${run.commitments.message}`)
    : commitments.length === 0 ? null
      // Listed in full, not folded away: these are the work that breaks when the partners leave (exitImpact.atRiskCommitments).
      : el('section', { 'data-testid': 'at-risk-commitments' },
        el('h3', {}, `At-risk commitments: ${count(commitments.length, 'open commitment')} (PENDING or IN_PROGRESS) owned by leaving partners`),
        el('table', {},
          el('thead', {}, el('tr', {}, el('th', {}, 'Commitment'), el('th', {}, 'Owner'), el('th', {}, 'Engagement'), el('th', {}, 'Status'), el('th', {}, 'Due'))),
          el('tbody', {}, ...commitments.map((m) => el('tr', { 'data-commitment': m.id },
            el('td', {}, m.description, el('span', { class: 'muted small' }, ` ${m.id}`)),
            el('td', {}, button(m.owner.name, () => session.openPartner(m.owner.id), { class: 'link', 'data-partner-link': m.owner.id })),
            el('td', {}, link(m.engagement)), el('td', {}, m.status), el('td', {}, m.dueDate ?? ''))))));

  const health = el('section', {}, el('h3', {}, 'Ecosystem health'),
    el('table', { class: 'health-change', 'data-testid': 'health-change' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Figure'), el('th', { class: 'num' }, 'Today'), el('th', { class: 'num' }, 'After'))),
      el('tbody', {}, ...(Object.keys(FIGURES) as Array<keyof HealthFigures>).map((key) => {
        const { label, format } = FIGURES[key];
        const [before, after] = [result.healthBefore[key], result.healthAfter[key]];
        const text = (v: number | null) => (v === null ? '–' : format(v));
        return el('tr', { 'data-figure': key, 'data-changed': before !== after ? 'true' : undefined },
          el('td', {}, label), el('td', { class: 'num', 'data-value': before ?? '' }, text(before)), el('td', { class: 'num', 'data-value': after ?? '' }, text(after)));
      }))));

  return {
    summary,
    details: el('div', { class: 'whatif-result', 'data-testid': 'whatif-result' },
      el('div', { class: 'whatif-columns' }, el('div', {}, cells, health), el('div', {}, orphaned, adopted, handovers, atRisk))),
  };
}
