/**
 * View 2, the accountability explorer: missed outcomes on the left; for the chosen one,
 * its failure DAG, who was accountable on the due date, responsibility shares, and the
 * engagement's role timeline with the handovers.
 */
import { graphql } from '../api/generated/index.ts';
import type { Cell } from '../lib/csv.ts';
import { append, clear, el } from '../lib/dom.ts';
import { svgsToPng } from '../lib/download.ts';
import { todayIso } from '../lib/format.ts';
import type { Session } from '../shell/session.ts';
import { showError, showLoading } from '../shell/states.ts';
import type { ViewState } from '../shell/route.ts';
import type { ViewHandle } from '../shell/view.ts';
import { ACCOUNTABILITY_QUERY, type AccountabilityData } from './accountability.queries.ts';
import { render as renderDag } from './dag-view.ts';
import { buildFailureDag, type DagNode } from './failure-dag.ts';
import { createOutcomeList } from './outcome-list.ts';
import { render as renderShares } from './shares-view.ts';
import { buildTimeline } from './timeline-model.ts';
import { render as renderTimeline } from './timeline-view.ts';

const REGIONS_QUERY = graphql(`query Regions { coverageGaps { region { code name } } }`);

export function render(element: HTMLElement, session: Session, options: { outcomeId?: string; state?: ViewState } = {}): ViewHandle {
  const detail = el('section', { class: 'detail', 'aria-label': 'Accountability of the chosen outcome', 'data-testid': 'accountability-detail' });
  let svgs: SVGSVGElement[] = [];
  let list: ReturnType<typeof createOutcomeList> | null = null;
  let generation = 0;
  clear(element);
  const layout = el('div', { class: 'explorer' }, el('div', {}), detail);
  element.append(layout);
  detail.append(el('div', { class: 'state' }, el('h2', {}, 'Who owned a missed outcome?'),
    el('p', {}, 'Choose a missed outcome on the left to see its failure graph from the outcome down to the root causes, the orchestrator accountable on the due date, the responsibility shares and the engagement’s role timeline.')));

  void (async () => {
    let regions: Array<{ code: string; name: string }> = [];
    try {
      const cells = (await session.api.query(REGIONS_QUERY)).coverageGaps;
      regions = [...new Map(cells.map((c) => [c.region.code, c.region])).values()].sort((a, b) => a.name.localeCompare(b.name));
    } catch { /* the region filter stays empty */ }
    list = createOutcomeList(session.api, regions, (id) => session.navigate('accountability', id));
    layout.replaceChild(list.element, layout.firstChild!);
    if (options.outcomeId) list.select(options.outcomeId);
  })();
  if (options.outcomeId) void show(options.outcomeId);

  async function show(id: string): Promise<void> {
    const mine = ++generation;
    list?.select(id);
    svgs = [];
    showLoading(detail, `the accountability of ${id}`);
    let data: AccountabilityData;
    try {
      data = await session.api.query(ACCOUNTABILITY_QUERY, { id });
    } catch (err) {
      if (mine === generation) showError(detail, err, () => void show(id));
      return;
    }
    if (mine !== generation) return;
    drawDetail(data);
  }

  function drawDetail(data: AccountabilityData): void {
    const acc = data.accountability;
    const o = acc.outcome;
    clear(detail);
    const dag = buildFailureDag(data);
    const dagHost = el('div', { class: 'figure', 'data-testid': 'failure-dag' });
    const sharesHost = el('div', { class: 'figure', 'data-testid': 'responsibility' });
    const timelineHost = el('div', { class: 'figure', 'data-testid': 'timeline' });
    const roots = acc.rootCauses.map((r) => r.commitment);
    append(detail,
      el('div', { class: 'detail-top' },
        el('div', { class: 'detail-head' },
          el('h2', {}, o.description),
          el('div', { class: 'small muted' }, `${o.id} · ${o.status === 'MISSED' ? 'missed' : 'partly met'} · due ${o.dueDate} · ${o.engagement.name} (${o.engagement.id}) for ${o.engagement.customer.name}`),
          el('div', { class: 'accountable', 'data-testid': 'accountable', 'data-partner': acc.accountable?.id ?? '' },
            acc.accountable ? el('span', {}, 'Accountable on the due date: ', el('strong', {}, acc.accountable.name), ` (${acc.accountable.id}, orchestrator on ${o.dueDate})`)
              : el('span', {}, el('strong', {}, 'No orchestrator on the due date'), ': an orchestration gap, so nobody was accountable.')),
          el('div', { 'data-testid': 'root-causes' }, el('strong', {}, roots.length ? `Root cause${roots.length === 1 ? '' : 's'}: ` : 'No defective commitment: '),
            ...(roots.length ? roots.map((c, i) => el('span', { 'data-root-cause': c.id }, i ? '; ' : '', `${c.id} (${c.owner.name}, ${c.status.toLowerCase()}${c.engagement.id !== o.engagement.id ? `, in ${c.engagement.id}` : ''})`))
              : ['the outcome was missed although everything it depends on was delivered; the accountable orchestrator answers for it.']))),
        el('div', {}, el('h3', {}, 'Responsibility'), sharesHost,
          acc.responsible.length === 0 ? el('p', { class: 'small muted' }, 'Nobody: no root cause and no accountable orchestrator.') : null)),
      el('h3', {}, 'Failure graph: the outcome at the top, arrows point to what it depends on'),
      session.viewer.role === 'PARTNER' ? el('p', { class: 'note small' }, 'Commitments of engagements your partner took no part in are not shown to a partner token, so parts of this graph may be missing; the responsibility shares count them all.') : null,
      dagHost,
      el('h3', {}, 'Role timeline of the engagement'), timelineHost);
    const onSelect = (n: DagNode) => { if (n.owner) session.openPartner(n.owner.id); };
    svgs = [
      renderDag(dagHost, dag, { onSelect }).svg,
      renderShares(sharesHost, acc.responsible, { onSelect: (id) => session.openPartner(id) }).svg,
      renderTimeline(timelineHost, buildTimeline(o.engagement.roleHistory, o.dueDate, acc.accountable?.id ?? null, todayIso())).svg,
    ];
  }

  return {
    update(arg) { if (arg) void show(arg); },
    destroy() { generation++; list?.destroy(); },
    async exportPng() { return svgs.length ? svgsToPng(svgs) : null; },
    exportCsv(): Cell[][] {
      return [['id', 'status', 'dueDate', 'description', 'engagement', 'customer', 'region'],
        ...(list?.rows() ?? []).map((o) => [o.id, o.status, o.dueDate, o.description, o.engagement.id, o.engagement.customer.name, o.engagement.customer.region.code])];
    },
  };
}
