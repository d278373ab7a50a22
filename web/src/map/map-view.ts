/**
 * View 1, the network map: partners (and optionally customers) from the API's
 * `network`, laid out in a worker, drawn on canvas, with filters, search, tooltips and
 * the partner's card on click. After any write (a live event) the metrics are marked
 * stale and asked for again until the API has recomputed them (live-metrics.ts).
 */
import { isUnknownField } from '../api/client.ts';
import { batcher } from '../api/live.ts';
import { append, clear, el } from '../lib/dom.ts';
import { todayIso } from '../lib/format.ts';
import { typeLabel } from '../lib/palette.ts';
import { hashSeed } from '../lib/rng.ts';
import { canvasToPng } from '../lib/download.ts';
import type { Cell } from '../lib/csv.ts';
import { canReadEcosystem, type Session } from '../shell/session.ts';
import { showError, showLoading } from '../shell/states.ts';
import type { ViewHandle } from '../shell/view.ts';
import { render as renderCanvas, type Renderer } from './canvas-renderer.ts';
import { buildMapModel, communityHulls, type MapModel } from './graph-model.ts';
import { createLayoutRunner } from './layout-client.ts';
import { loadMapContext, type MapContext } from './map-data.ts';
import { createControls, type MapControls } from './map-controls.ts';
import { attributedValues, monthsSpanning, networkFilterFrom, type MapFilter } from './map-filter.ts';
import { freshPollMs, placedScene, samePlaces, type Placement } from './live-metrics.ts';
import { HEALTH_QUERY, NETWORK_QUERY } from './map.queries.ts';
import type { NetworkAnswer } from './network.ts';
import { findNode } from './search.ts';

export interface MapViewOptions {
  /** A partner to find and open once the map is drawn. */
  partnerId?: string;
}

/** About two minutes of asking (freshPollMs) before the map stops waiting for fresh metrics. */
const MAX_FRESH_POLLS = 35;

export function render(element: HTMLElement, session: Session, options: MapViewOptions = {}): ViewHandle {
  const layoutRunner = canReadEcosystem(session.viewer) ? createLayoutRunner() : null;
  let renderer: Renderer | null = null;
  let model: MapModel | null = null;
  let context: MapContext | null = null;
  let controls: MapControls | null = null;
  let months: string[] = [];
  let generation = 0;
  let debounce = 0;
  let pendingPartner = options.partnerId;
  const tooltip = el('div', { class: 'tooltip', role: 'tooltip', hidden: true });
  const stage = el('div', { class: 'map-stage', 'data-testid': 'map-stage' });
  const summary = el('div', { class: 'map-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'map-summary' });
  /** Whether the drawn metrics are current: stale after a write until the recomputed ones are drawn. */
  const freshness = el('div', { class: 'map-live', role: 'status', 'aria-live': 'polite', 'data-testid': 'map-live', 'data-state': 'unknown', hidden: true });
  /** Where the drawn model's nodes stand, so fresh metrics of the same nodes keep the layout. */
  let placement: Placement | null = null;
  /** When the drawn metrics were computed (the answer's computedAt). */
  let drawnAt: unknown = null;
  /** The loop that asks until the metrics are fresh; a new one (or destroy) ends the last. */
  let freshRun = 0;
  let hideTimer = 0;
  /** Write events seen: metrics asked for before the last one may already be out of date. */
  let writes = 0;
  const checks = batcher<boolean>((a, b) => a || b, () => refreshUntilFresh(), 300);
  const stopListening = layoutRunner ? session.live.listen({
    // Any write may change who delivers with whom and every metric: stale at once, fetched again a burst at a time.
    event() {
      writes++;
      if (model) showFreshness('stale'); else freshness.setAttribute('data-state', 'stale');
      checks.add(true);
    },
    // Writes missed before this connection: ask whether the metrics are still current.
    reload() { checks.add(true); },
  }) : () => {};

  if (!layoutRunner) {
    element.append(el('div', { class: 'state', 'data-state': 'forbidden' }, el('h2', {}, 'The network map is not available to partner tokens'),
      el('p', {}, 'The map shows who delivers with whom across the whole ecosystem, which a PARTNER token may not read. '
        + 'Use the Accountability, Gaps and Attribution views for your engagements, or ask an admin for an ANALYST link.')));
  } else {
    void start();
  }

  async function start(): Promise<void> {
    showLoading(element, 'the network map');
    try {
      context = await loadMapContext(session.api);
    } catch (err) {
      showError(element, err, () => void start());
      return;
    }
    months = monthsSpanning(context.engagements.flatMap((e) => [e.startDate, e.endDate]), todayIso());
    controls = createControls({
      months, regions: context.regions, industries: context.industries,
      valueUnavailable: context.capped ? `Attributed value is not offered: the ecosystem has more than ${context.engagements.length} engagements.` : null,
      onChange: () => {
        summary.setAttribute('data-state', 'loading');
        summary.textContent = 'Updating the network…';
        clearTimeout(debounce);
        debounce = window.setTimeout(() => void draw(), 250);
      },
      onSearch: search,
    });
    controls.setHealth(context.health);
    clear(element);
    element.append(el('div', { class: 'map-layout' }, controls.element, stage));
    stage.append(summary, freshness, el('div', { class: 'map-help' }, 'Drag to pan · wheel or +/− to zoom · arrows pan · 0 fits'), tooltip);
    await draw();
  }

  async function draw(): Promise<void> {
    if (!controls || !context || !layoutRunner) return;
    const mine = ++generation;
    const filter: MapFilter = controls.filter();
    const networkFilter = networkFilterFrom(filter, months);
    summary.textContent = 'Loading the network…';
    summary.setAttribute('data-state', 'loading');
    let network: NetworkAnswer;
    try {
      network = (await session.api.query(NETWORK_QUERY, { filter: networkFilter, limit: 10_000 })).network;
    } catch (err) {
      if (mine !== generation) return;
      summary.textContent = isUnknownField(err, 'network')
        ? 'This server does not serve the network analysis yet (no `network` field in its API).'
        : `Could not load the network: ${err instanceof Error ? err.message : String(err)}`;
      summary.setAttribute('data-state', 'error');
      return;
    }
    if (mine !== generation) return;
    const values = filter.sizeBy === 'value' ? attributedValues(context.engagements, networkFilter) : new Map<string, number>();
    const next = buildMapModel(network, filter.sizeBy, values);
    summary.textContent = `Laying out ${next.nodes.length} nodes…`;
    const seed = hashSeed(next.nodes.map((n) => n.id).join(','));
    const layout = await layoutRunner.run({ ...next.layout, seed }).catch((err: unknown) => err as Error);
    if (mine !== generation) return;
    if (layout instanceof Error) { summary.textContent = `Layout failed: ${layout.message}`; return; }
    model = next;
    placement = { x: layout.x, y: layout.y };
    drawnAt = network.computedAt;
    const scene = { ...next.scene, x: layout.x, y: layout.y, hulls: communityHulls(layout.x, layout.y, next.layout.community, next.layout.radius) };
    const label = `Network map of ${next.nodes.length} nodes`;
    if (!renderer) {
      renderer = renderCanvas(stage, scene, { label, onHover: hover, onClick: click, selected: null });
      stage.insertBefore(renderer.canvas, stage.firstChild);
    } else {
      renderer.update(scene, { label, selected: null });
    }
    renderer.fit();
    describe(network, next);
    controls.setSearchLabels(next.nodes.filter((n) => n.kind !== 'CUSTOMER').map((n) => n.label));
    if (pendingPartner) { const id = pendingPartner; pendingPartner = undefined; search(id); }
    // Drawn from the last metrics while new ones are computed (or a write came meanwhile): ask until fresh.
    if (network.stale || freshness.dataset.state === 'stale') { showFreshness('stale'); checks.add(true); }
    else showFreshness('fresh', false);
  }

  function showFreshness(state: 'stale' | 'fresh' | 'error', visible = true, detail = ''): void {
    clearTimeout(hideTimer);
    freshness.setAttribute('data-state', state);
    freshness.textContent = state === 'stale' ? 'Metrics are being recomputed after a change…'
      : state === 'fresh' ? 'Metrics updated just now' : `Could not check the metrics: ${detail}`;
    freshness.hidden = !visible;
    // The fresh note goes once read; the stale one stays until it is no longer true.
    if (state === 'fresh' && visible) hideTimer = window.setTimeout(() => { freshness.hidden = true; }, 4_000);
  }

  /**
   * Asks for the network until the API answers fresh metrics, then draws them: in place
   * (sizes, colours, links, communities) when the nodes are the same, else laid out anew.
   */
  async function refreshUntilFresh(): Promise<void> {
    const mine = ++freshRun;
    for (let attempt = 0; ; attempt++) {
      // Nothing drawn yet: draw() looks at staleness itself when it is done.
      if (!controls || !context || !model || !renderer || !placement) return;
      const drawn = generation;
      const seen = writes;
      const filter = controls.filter();
      const networkFilter = networkFilterFrom(filter, months);
      let network: NetworkAnswer;
      try {
        network = (await session.api.query(NETWORK_QUERY, { filter: networkFilter, limit: 10_000 })).network;
      } catch (err) {
        if (mine === freshRun && drawn === generation) showFreshness('error', true, err instanceof Error ? err.message : String(err));
        return;
      }
      // Filters changed meanwhile: that draw asks for itself.
      if (mine !== freshRun || drawn !== generation) return;
      if (network.stale) {
        if (attempt >= MAX_FRESH_POLLS) { showFreshness('error', true, 'the server is still recomputing them; the map asks again after the next change.'); return; }
        showFreshness('stale');
        await new Promise((resolve) => setTimeout(resolve, freshPollMs(attempt)));
        if (mine !== freshRun) return;
        continue;
      }
      // The drawn metrics are current (a reload after connecting, nothing changed): nothing to do.
      if (network.computedAt === drawnAt && writes === seen && freshness.dataset.state !== 'stale') return;
      const values = filter.sizeBy === 'value' ? attributedValues(context.engagements, networkFilter) : new Map<string, number>();
      const next = buildMapModel(network, filter.sizeBy, values);
      if (!samePlaces(model, next)) { await draw(); return; }
      model = next;
      drawnAt = network.computedAt;
      renderer.update(placedScene(next, placement));
      describe(network, next);
      // Another write came while these were asked for: they are already behind it.
      if (writes !== seen) { attempt = -1; continue; }
      showFreshness('fresh');
      void session.api.query(HEALTH_QUERY).then((r) => { if (mine === freshRun) controls?.setHealth(r.ecosystemHealth); }, () => {});
      return;
    }
  }


  function describe(network: NetworkAnswer, m: MapModel): void {
    const partners = m.nodes.filter((n) => n.kind !== 'CUSTOMER');
    const communities = new Set(partners.map((n) => n.community).filter((c) => c >= 0));
    const counts = new Map<string, number>();
    for (const n of partners) if (n.partnerType) counts.set(n.partnerType, (counts.get(n.partnerType) ?? 0) + 1);
    controls?.setTypeCounts(counts);
    const customers = m.nodes.length - partners.length;
    summary.textContent = partners.length === 0 ? 'No partner matches these filters.'
      : `${partners.length} partners${customers ? `, ${customers} customers` : ''} · ${m.edgeCounts.CO_DELIVERS ?? 0} co-delivery links · ${communities.size} communities`
        + (network.truncated ? ' · truncated: only the highest-degree nodes are shown' : '');
    summary.setAttribute('data-nodes', String(m.nodes.length));
    summary.setAttribute('data-partners', String(partners.length));
    summary.setAttribute('data-edges', String(m.scene.source.length));
    summary.setAttribute('data-state', 'drawn');
  }

  function hover(index: number | null, x: number, y: number): void {
    if (index === null || !model) { tooltip.hidden = true; return; }
    const n = model.nodes[index]!;
    clear(tooltip);
    append(tooltip, el('strong', {}, n.label),
      el('div', {}, n.kind === 'CUSTOMER' ? 'Customer' : typeLabel(n.partnerType)),
      n.kind === 'CUSTOMER' ? null : el('div', { class: 'small' }, `degree ${n.degree} · PageRank ${n.pagerank.toFixed(3)} · betweenness ${n.betweenness.toFixed(3)} · community ${n.community}`),
      el('div', { class: 'small muted' }, n.kind === 'CUSTOMER' ? n.id : `${n.id} · click for the card`));
    tooltip.hidden = false;
    tooltip.style.left = `${Math.min(x + 14, window.innerWidth - 290)}px`;
    tooltip.style.top = `${Math.min(y + 14, window.innerHeight - 90)}px`;
  }

  function click(index: number | null): void {
    renderer?.update(undefined, { selected: index });
    if (index === null || !model) return;
    const n = model.nodes[index]!;
    if (n.kind === 'CUSTOMER') session.panel.open(n.label, el('p', {}, `Customer ${n.id}.`), el('p', { class: 'muted' }, 'Customers are shown with the partners that orchestrate for them (solid) or contribute to them (dashed).'));
    else session.openPartner(n.id);
  }

  function search(text: string): void {
    if (!model || !renderer) { pendingPartner = text; return; }
    const index = findNode(model.nodes, text);
    if (index === null) { summary.textContent = `No partner matching “${text.trim()}” is on the map.`; return; }
    click(index);
    // Focus once the side panel has taken its room, so the partner ends up in the middle.
    requestAnimationFrame(() => requestAnimationFrame(() => renderer?.focus(index)));
  }

  return {
    update(arg) { if (arg) search(arg); },
    destroy() {
      generation++;
      freshRun++;
      stopListening();
      checks.cancel();
      clearTimeout(hideTimer);
      clearTimeout(debounce);
      renderer?.destroy();
      layoutRunner?.destroy();
      tooltip.remove();
    },
    async exportPng() { return renderer ? canvasToPng(renderer.canvas) : null; },
    exportCsv(): Cell[][] {
      const header: Cell[] = ['id', 'kind', 'label', 'partnerType', 'degree', 'pagerank', 'betweenness', 'community'];
      return [header, ...(model?.nodes ?? []).map((n) => [n.id, n.kind, n.label, n.partnerType, n.degree, n.pagerank, n.betweenness, n.community])];
    },
  };
}
