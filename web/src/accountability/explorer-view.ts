/**
 * View 2, the accountability explorer. On the left a list: missed outcomes, or outcomes
 * at risk as of a date. For a missed one: its failure DAG, who was accountable on the
 * due date, responsibility shares, and the engagement's role timeline with the
 * handovers. For one at risk: days to go, why (defective and overdue commitments, both
 * marked in the DAG), who must act now and who will answer on the due date.
 * The address keeps the list, its controls and the chosen outcome:
 * `#accountability/o-claims-nps?list=at-risk&asOf=2026-12-05`.
 * Live: a status change, a role change or an import elsewhere reloads the visible list in
 * place and the open detail when it concerns it (live-refresh.ts), a burst at a time.
 */
import { batcher } from '../api/live.ts';
import { graphql } from '../api/generated/index.ts';
import type { Cell } from '../lib/csv.ts';
import { append, button, clear, el, type Child } from '../lib/dom.ts';
import { svgsToPng } from '../lib/download.ts';
import { addDays, todayIso } from '../lib/format.ts';
import type { Session } from '../shell/session.ts';
import { createLiveStatus, showError, showLoading } from '../shell/states.ts';
import { sameState, type ViewState } from '../shell/route.ts';
import type { ViewHandle } from '../shell/view.ts';
import {
  ACCOUNTABILITY_QUERY, AT_RISK_OUTCOMES_QUERY, type AccountabilityData, type AtRiskPage, type AtRiskRow, type MissedOutcome,
} from './accountability.queries.ts';
import { daysToGo, reasonLines, whoActs } from './at-risk-model.ts';
import { render as renderDag } from './dag-view.ts';
import { buildFailureDag, type DagNode, type FailureDag } from './failure-dag.ts';
import { atRiskList, missedList, type ListName } from './list-kinds.ts';
import {
  ACCOUNTABILITY_EVENTS, mergeRefresh, needsWork, refreshFor, shownDetailOf, type Refresh, type ShownDetail,
} from './live-refresh.ts';
import { createOutcomeList, type OutcomeList } from './outcome-list.ts';
import { render as renderShares } from './shares-view.ts';
import { buildTimeline, type Timeline } from './timeline-model.ts';
import { render as renderTimeline } from './timeline-view.ts';

const REGIONS_QUERY = graphql(`query Regions { coverageGaps { region { code name } } }`);

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A sentence with the first mention of each partner's name made a link to its card; the text reads the same. */
function linkNames(session: Session, text: string, partners: ReadonlyArray<{ id: string; name: string } | null | undefined>): Node[] {
  let parts: Array<string | Node> = [text];
  for (const p of partners) {
    if (!p) continue;
    let done = false;
    parts = parts.flatMap((part) => {
      if (done || typeof part !== 'string') return [part];
      const at = part.indexOf(p.name);
      if (at < 0) return [part];
      done = true;
      return [part.slice(0, at), partnerLink(session, p), part.slice(at + p.name.length)];
    });
  }
  return parts.filter((part) => part !== '').map((part) => (typeof part === 'string' ? document.createTextNode(part) : part));
}

/** A partner's name as a link to its card in the side panel. */
function partnerLink(session: Session, partner: { id: string; name: string }, strong = false): HTMLButtonElement {
  return button(partner.name, () => session.openPartner(partner.id),
    { class: strong ? 'link partner-link strong' : 'link partner-link', 'data-partner-link': partner.id, title: `${partner.name} (${partner.id}): open the partner’s card` });
}

const listOf = (state: ViewState): ListName => (state.list === 'at-risk' ? 'at-risk' : 'missed');

const INTRO: Record<ListName, [string, string]> = {
  missed: ['Who owned a missed outcome?',
    'Choose a missed outcome on the left to see its failure graph from the outcome down to the root causes, the orchestrator accountable on the due date, the responsibility shares and the engagement’s role timeline.'],
  'at-risk': ['Which outcomes are at risk, and who must act?',
    'Choose an outcome at risk on the left to see what it depends on that is defective (late or failed) or overdue (past its due date, not delivered), the orchestrator who must act now and the one accountable on the due date.'],
};

export function render(element: HTMLElement, session: Session, options: { outcomeId?: string; state?: ViewState } = {}): ViewHandle {
  const detail = el('section', { class: 'detail', 'aria-label': 'Accountability of the chosen outcome', 'data-testid': 'accountability-detail' });
  const missed = missedList();
  const atRisk = atRiskList();
  let missedView: OutcomeList<MissedOutcome> | null = null;
  let atRiskView: OutcomeList<AtRiskRow> | null = null;
  let regions: Array<{ code: string; name: string }> | null = null;
  let listName = listOf(options.state ?? {});
  let arg = options.outcomeId;
  /** The address's state as last written or read. */
  let state: ViewState = options.state ?? {};
  /** What the detail shows (list, outcome, as-of date), so it is fetched again only when that changes. */
  let shownKey: string | null = null;
  let svgs: SVGSVGElement[] = [];
  let generation = 0;
  /** What the drawn detail depends on, for live events. */
  let shownDetail: ShownDetail | null = null;
  /** Lists made but hidden when a change came: loaded again when shown. */
  const behind = new Set<ListName>();
  const liveStatus = createLiveStatus(session.live, 'accountability-live');

  const switches = (['missed', 'at-risk'] as const).map((name) =>
    button(name === 'missed' ? 'Missed' : 'At risk', () => switchTo(name), { id: `list-${name}`, 'data-list': name, 'aria-pressed': 'false' }));
  const slot = el('div', { class: 'list-slot' });
  const side = el('div', { class: 'outcome-side', id: 'outcome-side' },
    el('div', { class: 'list-switch', role: 'group', 'aria-label': 'Which outcomes to list' }, ...switches, liveStatus.element), slot);
  const explorer = el('div', { class: 'explorer' }, side, detail);
  // The list folds away so the graph gets the width (1024 px screens); narrow screens start folded once an outcome is open.
  const fold = button('Hide list', () => setFolded(!explorer.classList.contains('folded')),
    { id: 'toggle-outcome-list', class: 'fold', 'aria-controls': 'outcome-side', 'aria-expanded': 'true', title: 'Hide or show the list of outcomes' });
  function setFolded(folded: boolean): void {
    explorer.classList.toggle('folded', folded);
    fold.setAttribute('aria-expanded', String(!folded));
    fold.textContent = folded ? 'Show list' : 'Hide list';
  }
  if (options.outcomeId && window.matchMedia('(max-width: 1100px)').matches) setFolded(true);
  clear(element);
  element.append(el('div', { class: 'explorer-wrap' }, fold, explorer));

  const shownList = () => (listName === 'at-risk' ? atRiskView : missedView);
  const asOf = () => state.asOf || todayIso();

  /** The state for the address: the list (missed is the default) and its controls. */
  function currentState(): ViewState {
    const list = shownList();
    const own = list ? list.state() : Object.fromEntries(Object.entries(state).filter(([key]) => key !== 'list'));
    return listName === 'at-risk' ? { list: 'at-risk', ...own } : own;
  }

  /** Writes the controls into the address: a person's change is a history entry (Back undoes it), a default filled in is not. */
  function remember(push = true): void {
    const next = currentState();
    if (sameState(next, state)) return;
    state = next;
    if (push) session.navigate('accountability', arg, state);
    else session.remember(arg, state);
  }

  /** Puts the chosen list in the slot, made on first use with the address's state. */
  function showList(): void {
    for (const b of switches) b.setAttribute('aria-pressed', String(b.dataset.list === listName));
    if (!regions) return;
    const handlers = {
      initial: state,
      onChoose: (id: string) => session.navigate('accountability', id, currentState()),
      onChange: () => { remember(); void show(); },
    };
    if (listName === 'at-risk') atRiskView ??= createOutcomeList(session.api, regions, atRisk, handlers);
    else missedView ??= createOutcomeList(session.api, regions, missed, handlers);
    const list = shownList()!;
    list.select(arg);
    slot.replaceChildren(list.element);
    if (behind.delete(listName)) void list.refresh();
  }

  function switchTo(name: ListName): void {
    if (name === listName) return;
    listName = name;
    // An outcome of one list is not one of the other: the detail starts over.
    arg = undefined;
    showList();
    state = currentState();
    session.navigate('accountability', arg, state);
    void show();
  }

  void (async () => {
    let found: Array<{ code: string; name: string }> = [];
    try {
      const cells = (await session.api.query(REGIONS_QUERY)).coverageGaps;
      found = [...new Map(cells.map((c) => [c.region.code, c.region])).values()].sort((a, b) => a.name.localeCompare(b.name));
    } catch { /* the region filter stays empty */ }
    regions = found;
    showList();
    // The at-risk list's as-of date defaults to today: written into the address, a copied link keeps it.
    remember(false);
    void show();
  })();
  showList();
  void show();

  /** Shows the chosen outcome's detail; `live`: loads it again in place (a change came), keeping the scroll. */
  async function show(live = false): Promise<void> {
    const key = `${listName}|${arg ?? ''}|${listName === 'at-risk' ? asOf() : ''}`;
    const id = arg;
    shownList()?.select(id);
    if (key === shownKey && !live) return;
    if (live && (key !== shownKey || !id)) return;
    shownKey = key;
    const mine = ++generation;
    if (!id) {
      svgs = [];
      shownDetail = null;
      clear(detail);
      const [title, text] = INTRO[listName];
      detail.append(el('div', { class: 'state' }, el('h2', {}, title), el('p', {}, text)));
      return;
    }
    const date = asOf();
    const atRiskMode = listName === 'at-risk';
    if (!live) { svgs = []; shownDetail = null; showLoading(detail, `the accountability of ${id}`); }
    try {
      const data = await session.api.query(ACCOUNTABILITY_QUERY, { id });
      const risk = atRiskMode ? await findAtRisk(id, data.accountability.outcome.dueDate, date, live) : null;
      if (mine !== generation) return;
      const scrollTop = detail.scrollTop;
      if (atRiskMode) drawAtRisk(data, risk, date);
      else drawMissed(data);
      shownDetail = shownDetailOf(data, risk?.overdue);
      if (live) detail.scrollTop = scrollTop;
    } catch (err) {
      if (mine === generation) showError(detail, err, () => { shownKey = null; void show(); });
    }
  }

  /**
   * The outcome's at-risk row: from the list when it is loaded there, else asked for
   * the outcomes due on its due date (a link opened afresh, a row beyond the loaded pages,
   * or `fresh`: after a change, when the list may not be loaded again yet).
   */
  async function findAtRisk(id: string, dueDate: string, date: string, fresh = false): Promise<AtRiskRow | null> {
    const listed = fresh ? undefined : atRiskView?.rows().find((r) => r.outcome.id === id);
    if (listed && atRisk.asOf() === date) return listed;
    const filter = { since: dueDate, until: addDays(dueDate, 1) };
    let after: string | null = null;
    for (;;) {
      const page: AtRiskPage = (await session.api.query(AT_RISK_OUTCOMES_QUERY, { asOf: date, filter, after })).atRiskOutcomes;
      const row = page.edges.find((e) => e.node.outcome.id === id)?.node;
      if (row) return row;
      if (!page.pageInfo.hasNextPage) return null;
      after = page.pageInfo.endCursor;
    }
  }

  /** The failure graph and the role timeline under the detail's head, drawn once in the page (text is measured). */
  function appendFigures(dag: FailureDag, timeline: Timeline, graphTitle: string): SVGSVGElement[] {
    const dagHost = el('div', { class: 'figure', 'data-testid': 'failure-dag' });
    const timelineHost = el('div', { class: 'figure', 'data-testid': 'timeline' });
    append(detail,
      el('h3', {}, graphTitle),
      session.viewer.role === 'PARTNER' ? el('p', { class: 'note small' }, 'Commitments of engagements your partner took no part in are not shown to a partner token, so parts of this graph may be missing.') : null,
      dagHost,
      el('h3', {}, 'Role timeline of the engagement'), timelineHost);
    const onSelect = (n: DagNode) => { if (n.owner) session.openPartner(n.owner.id); };
    return [renderDag(dagHost, dag, { onSelect }).svg, renderTimeline(timelineHost, timeline).svg];
  }

  function drawMissed(data: AccountabilityData): void {
    const acc = data.accountability;
    const o = acc.outcome;
    clear(detail);
    const sharesHost = el('div', { class: 'figure', 'data-testid': 'responsibility' });
    const roots = acc.rootCauses.map((r) => r.commitment);
    append(detail,
      el('div', { class: 'detail-top' },
        el('div', { class: 'detail-head' },
          el('h2', {}, o.description),
          el('div', { class: 'small muted' }, `${o.id} · ${o.status === 'MISSED' ? 'missed' : o.status === 'PARTIALLY_MET' ? 'partly met' : o.status.toLowerCase()} · due ${o.dueDate} · ${o.engagement.name} (${o.engagement.id}) for ${o.engagement.customer.name}`),
          el('div', { class: 'accountable', 'data-testid': 'accountable', 'data-partner': acc.accountable?.id ?? '' },
            acc.accountable ? el('span', {}, 'Accountable on the due date: ', partnerLink(session, acc.accountable, true), ` (${acc.accountable.id}, orchestrator on ${o.dueDate})`)
              : el('span', {}, el('strong', {}, 'No orchestrator on the due date'), ': an orchestration gap, so nobody was accountable.')),
          el('div', { 'data-testid': 'root-causes' }, el('strong', {}, roots.length ? `Root cause${roots.length === 1 ? '' : 's'}: ` : 'No defective commitment: '),
            ...(roots.length ? roots.map((c, i) => el('span', { 'data-root-cause': c.id }, i ? '; ' : '', `${c.id} “${c.description}” (owner `, partnerLink(session, c.owner),
              `, ${c.status.toLowerCase()}${c.engagement.id !== o.engagement.id ? `, in ${c.engagement.id}` : ''})`))
              : ['the outcome was missed although everything it depends on was delivered; the accountable orchestrator answers for it.']))),
        el('div', {}, el('h3', {}, 'Responsibility'), sharesHost,
          acc.responsible.length === 0 ? el('p', { class: 'small muted' }, 'Nobody: no root cause and no accountable orchestrator.') : null)));
    svgs = [
      ...appendFigures(buildFailureDag(data), buildTimeline(o.engagement.roleHistory, o.dueDate, acc.accountable?.id ?? null, todayIso()),
        'Failure graph: the outcome at the top, arrows point to what it depends on'),
      renderShares(sharesHost, acc.responsible, { onSelect: (id) => session.openPartner(id) }).svg,
    ];
  }

  function drawAtRisk(data: AccountabilityData, risk: AtRiskRow | null, date: string): void {
    const acc = data.accountability;
    const o = acc.outcome;
    clear(detail);
    const head = el('div', { class: 'detail-head' },
      el('h2', {}, o.description),
      el('div', { class: 'small muted' }, `${o.id} · ${o.status.toLowerCase()} · due ${o.dueDate} · ${o.engagement.name} (${o.engagement.id}) for ${o.engagement.customer.name}`));
    let side: Child = null;
    if (risk) {
      const who = whoActs(risk);
      const due = risk.orchestratorOnDueDate;
      append(head,
        el('div', { class: 'days-to-go', 'data-testid': 'days-to-due', 'data-days': risk.daysToDue },
          el('strong', {}, capitalise(daysToGo(risk.daysToDue))), ` (as of ${date}), at risk`),
        el('div', { 'data-testid': 'reasons' }, el('strong', {}, 'Why: '),
          el('ul', { class: 'reasons' }, ...reasonLines(risk).map((line) => el('li', { 'data-reason': line.reason },
            el('strong', {}, line.label), ` (${line.meaning}): `,
            ...(line.commitments.length
              ? line.commitments.map((c, i) => el('span', { [line.reason === 'OVERDUE_DEPENDENCY' ? 'data-overdue' : 'data-defective']: c.id, 'data-owner': c.owner.id },
                i ? '; ' : '', `${c.id} “${c.description}” owned by `, partnerLink(session, c.owner), `, ${c.status.toLowerCase().replace(/_/g, ' ')}${line.reason === 'OVERDUE_DEPENDENCY' ? `, was due ${c.dueDate}` : ''}`))
              : ['outside what your token may see']))))));
      side = el('div', { class: 'who-acts' }, el('h3', {}, 'Who must act'),
        el('div', { class: 'accountable', 'data-testid': 'act-now', 'data-partner': risk.orchestratorNow?.id ?? '' },
          el('strong', {}, ...linkNames(session, who.now, [risk.orchestratorNow])), risk.orchestratorNow ? ` (orchestrator on ${date})` : ''),
        el('div', { 'data-testid': 'on-due-date', 'data-partner': due?.id ?? '' },
          ...linkNames(session, who.changes || !due ? capitalise(who.onDueDate) : `${due.name} is accountable on ${o.dueDate} too`, [due])),
        el('p', { class: 'small muted' }, 'The orchestrator on the due date answers for the outcome if it is missed.'));
    } else {
      append(head, el('p', { class: 'note', 'data-testid': 'not-at-risk' },
        o.status !== 'PENDING' ? `Not at risk: the outcome is ${o.status.toLowerCase().replace(/_/g, ' ')}, no longer pending.`
          : o.dueDate < date ? `Not at risk as of ${date}: it was due on ${o.dueDate}, before that date.`
            : `Not at risk as of ${date}: nothing it depends on is defective or overdue${session.viewer.role === 'PARTNER' ? ' as far as your token may see' : ''}.`));
    }
    append(detail, el('div', { class: 'detail-top' }, head, side));
    const accountable = risk ? risk.orchestratorOnDueDate?.id ?? null : acc.accountable?.id ?? null;
    svgs = appendFigures(buildFailureDag({ ...data, overdue: risk?.overdue ?? [] }), buildTimeline(o.engagement.roleHistory, o.dueDate, accountable, date),
      'Failure graph: defective and overdue commitments below the outcome, arrows point to what it depends on');
  }

  /** Loads again what a burst of live events changed. */
  const refreshes = batcher<Refresh>(mergeRefresh, async (r) => {
    const work: Array<Promise<void>> = [];
    if (r.list) {
      const visible = shownList();
      if (visible) work.push(visible.refresh());
      const hidden: ListName = listName === 'at-risk' ? 'missed' : 'at-risk';
      if ((hidden === 'at-risk' ? atRiskView : missedView) !== null) behind.add(hidden);
    }
    if (r.detail) work.push(show(true));
    await Promise.all(work);
    if (r.announce) liveStatus.updated();
  });
  const stopListening = session.live.listen({
    event(event) {
      liveStatus.received(event);
      const list = shownList();
      const r = refreshFor(event, { list: listName, partnerFiltered: Boolean(list?.state().partner), detail: shownDetail });
      if (needsWork(r)) refreshes.add(r);
    },
    // Events missed before this connection are not sent again: load again what is shown.
    reload(reason) { refreshes.add({ list: true, detail: true, announce: reason === 'reconnected' }); },
  }, ACCOUNTABILITY_EVENTS);

  return {
    update(nextArg, nextState) {
      // The address this view just wrote (a history entry) comes back through the router:
      // the controls already say it, and setting them again would undo what is being typed.
      if (nextArg === arg && sameState(nextState, state)) return;
      const name = listOf(nextState);
      state = nextState;
      arg = nextArg;
      if (name !== listName) { listName = name; showList(); }
      shownList()?.setState(nextState);
      void show();
    },
    destroy() { generation++; stopListening(); refreshes.cancel(); liveStatus.destroy(); missedView?.destroy(); atRiskView?.destroy(); },
    async exportPng() {
      if (!svgs.length) return null;
      const title = detail.querySelector('h2')?.textContent ?? arg ?? '';
      const list = shownList();
      return svgsToPng(svgs, {
        title: `Accountability: ${title} (${arg ?? ''})`,
        details: [listName === 'at-risk' ? `Outcomes at risk as of ${asOf()}` : 'Missed outcomes', ...(list?.filters() ?? [])],
      });
    },
    exportCsv(): Cell[][] {
      return listName === 'at-risk' ? atRisk.csv(atRiskView?.shownRows() ?? []) : missed.csv(missedView?.shownRows() ?? []);
    },
  };
}
