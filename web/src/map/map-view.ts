/**
 * View 1, the network map, from overview to detail: the communities of the whole
 * filtered network as bubbles; click (or zoom into) one to see its partners, thinned to
 * their strongest links, with the single points of failure marked and listed; select a
 * partner to light up its neighbourhood and open its card. Where the drill-down stands
 * and the filters live in the address (map-state.ts), so back and forward walk it.
 * Layouts run in a worker; sigma draws (sigma-stage.ts). After a write the metrics are
 * marked stale and asked for again until the API has recomputed them (live-metrics.ts).
 */
import { isUnknownField } from '../api/client.ts';
import { batcher } from '../api/live.ts';
import { append, clear, el } from '../lib/dom.ts';
import { todayIso } from '../lib/format.ts';
import { typeLabel } from '../lib/palette.ts';
import { hashSeed } from '../lib/rng.ts';
import type { Cell } from '../lib/csv.ts';
import type { ViewState } from '../shell/route.ts';
import { canReadEcosystem, type Session } from '../shell/session.ts';
import { showError, showLoading } from '../shell/states.ts';
import type { ViewHandle } from '../shell/view.ts';
import { createBreadcrumbs, type Crumb } from './breadcrumbs.ts';
import { createLayoutRunner } from './layout-client.ts';
import { computedAgo, freshPollMs, samePlaces } from './live-metrics.ts';
import { createControls, type MapControls } from './map-controls.ts';
import { communityOfKey, overviewScene, partnerScene } from './map-scenes.ts';
import { loadMapContext, type MapContext } from './map-data.ts';
import { composePng, describeFilter, legendEntries, overviewCsv, partnersCsv } from './map-export.ts';
import { attributedValues, monthsSpanning, networkFilterFrom, type NetworkFilterInput } from './map-filter.ts';
import { placeFrom, sameNetwork, settingsFrom, stateFor, type MapPlace, type MapSettings } from './map-state.ts';
import { COMMUNITY_QUERY, HEALTH_QUERY, OVERVIEW_QUERY, PARTNER_INDEX_QUERY, type IndexedPartner } from './map.queries.ts';
import type { Community, CommunityAnswer, OverviewAnswer } from './network.ts';
import { bubbleAt, buildOverview, type OverviewModel } from './overview-model.ts';
import { buildPartnerLevel, neighbourhood, type PartnerLevel } from './partner-level.ts';
import { findPartner } from './search.ts';
import { createSpofPanel } from './spof-panel.ts';
import { createStage, type Stage } from './sigma-stage.ts';
import { onSchemeChange } from './stage-theme.ts';
import './map.css';

export interface MapViewOptions {
  /** The selected partner (the route's argument). */
  partnerId?: string;
  /** The address's state: community, filters (map-state.ts). */
  state?: ViewState;
}

/** About two minutes of asking (freshPollMs) before the map stops waiting for fresh metrics. */
const MAX_FRESH_POLLS = 35;
/** At most this many partners of one community are drawn (the highest-degree ones). */
export const PARTNER_LIMIT = 5_000;
/** Zoomed in this far on the overview, the bubble in the middle opens. */
const DRILL_RATIO = 0.3;

interface Placed { x: Float32Array; y: Float32Array }
interface OverviewShown extends Placed { key: string; answer: OverviewAnswer; model: OverviewModel }
interface PartnersShown extends Placed { key: string; answer: CommunityAnswer; level: PartnerLevel; community: Community }

export function render(element: HTMLElement, session: Session, options: MapViewOptions = {}): ViewHandle {
  if (!canReadEcosystem(session.viewer)) {
    element.append(el('div', { class: 'state', 'data-state': 'forbidden' }, el('h2', {}, 'The network map is not available to partner tokens'),
      el('p', {}, 'The map shows who delivers with whom across the whole ecosystem, which a PARTNER token may not read. '
        + 'Use the Accountability, Gaps and Attribution views for your engagements, or ask an admin for an ANALYST link.')));
    return { update() {}, destroy() {}, exportPng: () => Promise.resolve(null), exportCsv: () => [] };
  }
  const runner = createLayoutRunner();
  let routeArg = options.partnerId;
  let routeState: ViewState = options.state ?? {};
  let place: MapPlace = placeFrom(routeArg, routeState);
  let settings: MapSettings | null = null;
  let context: MapContext | null = null;
  let controls: MapControls | null = null;
  let months: string[] = [];
  let overview: OverviewShown | null = null;
  let partners: PartnersShown | null = null;
  let index: { key: string; partners: Promise<IndexedPartner[]> } | null = null;
  /** What the stage shows: a level and what it was drawn from, so a new selection does not redraw it. */
  let shownKey = '';
  let shownPartner: string | null = null;
  let generation = 0;
  let debounce = 0;
  /** The address the time window's last move wrote: a further move of it replaces that entry. */
  let windowAddress: string | null = null;
  const addressOf = (arg: string | undefined, state: ViewState) => JSON.stringify([arg ?? null, Object.entries(state).sort()]);
  let drillTimer = 0;

  const tooltip = el('div', { class: 'tooltip', role: 'tooltip', hidden: true, 'data-testid': 'map-tooltip' });
  const summary = el('div', { class: 'map-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'map-summary' });
  const hiddenLinks = el('div', { class: 'map-hidden', 'data-testid': 'map-hidden', hidden: true });
  const progress = el('progress', { class: 'map-progress', max: 100, value: 0, hidden: true, 'aria-label': 'Layout progress' });
  /** Whether the drawn metrics are current: stale after a write until the recomputed ones are drawn. */
  const freshness = el('div', { class: 'map-live', role: 'status', 'aria-live': 'polite', 'data-testid': 'map-live', 'data-state': 'unknown', hidden: true });
  const crumbs = createBreadcrumbs();
  const spof = createSpofPanel((id) => { if (place.community !== null) go({ community: place.community, partner: id }); });
  spof.show(null);
  const stage: Stage = createStage({
    onClickNode(key) {
      hideTooltip();
      const community = communityOfKey(key);
      if (community !== null) go({ community, partner: null });
      else if (place.community !== null) go({ community: place.community, partner: key });
    },
    onClickStage() { if (place.partner && place.community !== null) go({ community: place.community, partner: null }); },
    onHover: hover,
    onCamera() {
      // The tooltip belongs to where the pointer was over a node: the view moved under it.
      hideTooltip();
      clearTimeout(drillTimer);
      if (shownKey.startsWith('overview')) drillTimer = window.setTimeout(drillIfZoomedIn, 300);
    },
  });
  const stageHost = el('div', { class: 'map-stage', 'data-testid': 'map-stage' }, stage.element,
    el('div', { class: 'map-top' }, crumbs.element, freshness),
    el('div', { class: 'map-bottom' }, summary, hiddenLinks, progress),
    el('div', { class: 'map-help' }, 'Drag to pan · wheel to zoom · click a bubble to open it'), spof.element);
  document.body.append(tooltip);

  /** Metrics asked for before the last write may already be out of date. */
  let writes = 0;
  let freshRun = 0;
  let hideTimer = 0;
  const checks = batcher<boolean>((a, b) => a || b, () => refreshUntilFresh(), 300);
  const stopListening = session.live.listen({
    // Any write may change who delivers with whom and every metric: stale at once, fetched again a burst at a time.
    event() { writes++; showFreshness('stale'); checks.add(true); },
    // Writes missed before this connection: ask whether the metrics are still current.
    reload() { checks.add(true); },
  });

  // Partner colours are the colour scheme's (lib/palette.ts): a scheme switched while the
  // map is open recolours the partners drawn at once (the stage recolours its own parts).
  const stopWatchingScheme = onSchemeChange(() => {
    if (partners && shownKey.startsWith(`partners|${partners.key}|`)) stage.restyle(partnerScene(partners.level, partners));
  });

  void start();

  async function start(): Promise<void> {
    showLoading(element, 'the network map');
    try {
      context = await loadMapContext(session.api);
    } catch (err) {
      showError(element, err, () => void start());
      return;
    }
    months = monthsSpanning(context.engagements.flatMap((e) => [e.startDate, e.endDate]), todayIso());
    settings = settingsFrom(routeState, months);
    controls = createControls({
      months, regions: context.regions, industries: context.industries, initial: settings,
      valueUnavailable: context.capped ? `Attributed value is not offered: the ecosystem has more than ${context.engagements.length} engagements.` : null,
      onChange(next) {
        const old = settings!;
        // Community ids belong to one filter's answer: another network starts at its overview.
        const at = sameNetwork(old.filter, next.filter) ? place : { community: null, partner: null };
        const arg = at.partner ?? undefined;
        const state = stateFor(at, next, months);
        const windowMoved = old.filter.from !== next.filter.from || old.filter.to !== next.filter.to;
        if (windowMoved && windowAddress !== null && windowAddress === addressOf(routeArg, routeState)) {
          // The time window moved again right where its last move left the address (arrow keys
          // send a change per step): one history entry for the whole move, drawn once it pauses.
          settings = next;
          place = at;
          routeArg = arg;
          routeState = state;
          windowAddress = addressOf(arg, state);
          session.remember(arg, state);
          setStatus('loading', 'Updating the network…');
          clearTimeout(debounce);
          debounce = window.setTimeout(() => void apply(), 250);
          return;
        }
        windowAddress = windowMoved ? addressOf(arg, state) : null;
        // What the address says from now on, before update() hears it: a next move of the
        // window, however soon, then continues this entry.
        if (windowMoved) { routeArg = arg; routeState = state; }
        // Any other choice is a new history entry, as a drill-down is: Back undoes it. The
        // route comes back through update(), which draws it.
        session.navigate('map', arg, state);
      },
      onSearch: (text) => void search(text),
    });
    controls.setHealth(context.health);
    clear(element);
    element.append(el('div', { class: 'map-layout' }, controls.element, stageHost));
    await apply();
  }

  function networkFilter(): NetworkFilterInput {
    return networkFilterFrom(settings!.filter, months);
  }

  /** Goes to a place of the drill-down as a new history entry; the route comes back through update(). */
  function go(next: MapPlace): void {
    if (!settings) return;
    session.navigate('map', next.partner ?? undefined, stateFor(next, settings, months));
  }

  /** Brings the stage to `place` under `settings`, asking the API only for what is not held yet. */
  async function apply(): Promise<void> {
    if (!settings || !controls) return;
    const mine = ++generation;
    hideTooltip();
    const filter = networkFilter();
    const key = JSON.stringify(filter);
    try {
      if (!overview || overview.key !== key) {
        setStatus('loading', 'Loading the community overview…');
        const answer = (await session.api.query(OVERVIEW_QUERY, { filter })).network;
        if (mine !== generation) return;
        const model = buildOverview(answer);
        const placed = await layOut(model, `${model.bubbles.length} communities`, mine);
        if (!placed) return;
        overview = { key, answer, model, ...placed };
        noteStale(answer);
        // Small networks: names for the search box's suggestions at once; large ones on the first search.
        if (answer.partnerCount <= 20_000) void partnerIndex().then((list) => { if (mine === generation || overview?.key === key) controls?.setSearchLabels(list.map((p) => p.label).sort()); }, () => {});
      }
      if (place.partner && place.community === null) {
        // A partner without its community (an older link, a card elsewhere): look it up, keep the address complete.
        const found = (await partnerIndex()).find((p) => p.id === place.partner);
        if (mine !== generation) return;
        place = found ? { community: found.community, partner: found.id } : { community: null, partner: null };
        session.remember(place.partner ?? undefined, stateFor(place, settings, months));
      }
      const community = place.community === null ? undefined : overview.answer.communities.find((c) => c.id === place.community);
      if (!community) {
        drawOverview(overview, place.community === null ? '' : `There is no community ${place.community} in this network; showing the overview.`);
        return;
      }
      const pkey = `${key}|${community.id}`;
      if (!partners || partners.key !== pkey) {
        setStatus('loading', `Loading the partners of ${community.label}…`);
        const answer = (await session.api.query(COMMUNITY_QUERY, { filter: { ...filter, communities: [community.id] }, limit: PARTNER_LIMIT })).network;
        if (mine !== generation) return;
        const level = partnerLevel(answer);
        const placed = await layOut(level, `${level.nodes.length} partners`, mine);
        if (!placed) return;
        partners = { key: pkey, answer, level, community, ...placed };
        noteStale(answer);
      }
      drawPartners(partners);
    } catch (err) {
      if (mine !== generation) return;
      setStatus('error', isUnknownField(err, 'network')
        ? 'This server does not serve the network analysis yet (no `network` field in its API).'
        : `Could not load the network: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async function layOut(model: OverviewModel | PartnerLevel, what: string, mine: number): Promise<Placed | null> {
    setStatus('loading', `Laying out ${what}…`);
    progress.hidden = false;
    progress.value = 0;
    try {
      const result = await runner.run({ ...model.layout, seed: hashSeed(model.keys.join(',')) }, (share) => { if (mine === generation) progress.value = Math.round(share * 100); });
      return mine === generation ? { x: result.x, y: result.y } : null;
    } catch (err) {
      if (mine === generation) setStatus('error', `Layout failed: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    } finally {
      if (mine === generation) progress.hidden = true;
    }
  }

  function partnerLevel(answer: CommunityAnswer): PartnerLevel {
    const values = settings!.filter.sizeBy === 'value' ? attributedValues(context!.engagements, networkFilter()) : new Map<string, number>();
    return buildPartnerLevel(answer, settings!.filter.sizeBy, values, settings!.linksPerNode);
  }

  function drawOverview(o: OverviewShown, note: string): void {
    const key = `overview|${o.key}|${o.answer.computedAt as string}`;
    if (shownKey !== key) {
      stage.show(overviewScene(o.model, o));
      shownKey = key;
      stage.element.setAttribute('aria-label', `Community overview: ${o.model.bubbles.length} communities of ${o.answer.partnerCount} partners`);
    }
    shownPartner = null;
    controls?.setLevel('overview');
    crumbs.set([{ label: 'Overview' }]);
    spof.show(null);
    hiddenLinks.hidden = true;
    const counts = new Map<string, number>();
    controls?.setTypeCounts(counts);
    summary.setAttribute('data-level', 'overview');
    summary.setAttribute('data-partners', String(o.answer.partnerCount));
    summary.setAttribute('data-communities', String(o.model.bubbles.length));
    summary.setAttribute('data-edges', String(o.model.links.length));
    setStatus('drawn', note || (o.answer.partnerCount === 0 ? 'No partner matches these filters.'
      : `${o.answer.partnerCount} partners in ${o.model.bubbles.length} communities · ${o.model.links.length} links between communities`));
  }

  function drawPartners(p: PartnersShown): void {
    const s = settings!;
    const key = `partners|${p.key}|${p.answer.computedAt as string}`;
    const styleKey = `${key}|${s.filter.sizeBy}|${s.linksPerNode}`;
    if (!shownKey.startsWith(key)) {
      p.level = partnerLevel(p.answer);
      stage.show(partnerScene(p.level, p));
    } else if (shownKey !== styleKey) {
      p.level = partnerLevel(p.answer);
      stage.restyle(partnerScene(p.level, p));
    }
    shownKey = styleKey;
    const { level, community } = p;
    stage.element.setAttribute('aria-label', `Partners of ${community.label}: ${level.nodes.length} partners`);
    controls?.setLevel('partners');
    const counts = new Map<string, number>();
    for (const n of level.nodes) if (n.partnerType) counts.set(n.partnerType, (counts.get(n.partnerType) ?? 0) + 1);
    controls?.setTypeCounts(counts);
    spof.show(level);
    const shown = Number.isFinite(s.linksPerNode) ? `the strongest ${s.linksPerNode} per partner` : 'all';
    hiddenLinks.hidden = level.hidden === 0;
    hiddenLinks.setAttribute('data-hidden', String(level.hidden));
    hiddenLinks.textContent = `${level.hidden} link${level.hidden === 1 ? '' : 's'} hidden (showing ${shown}; bridges always)`;
    summary.setAttribute('data-level', 'partners');
    summary.setAttribute('data-partners', String(level.nodes.length));
    summary.setAttribute('data-edges', String(level.edges.length));
    summary.setAttribute('data-drawn-edges', String(level.drawn.length));
    setStatus('drawn', `${community.label}: ${level.nodes.length} partners · ${level.drawn.length} of ${level.edges.length} co-delivery links drawn`
      + (p.answer.truncated ? ` · only the ${PARTNER_LIMIT} best-connected of ${community.size} partners` : ''));
    select(p);
  }

  /** The selected partner: its neighbourhood lit, the rest dimmed, the camera on it, its card open. */
  function select(p: PartnersShown): void {
    const id = place.partner && p.level.index.has(place.partner) ? place.partner : null;
    const crumbList: Crumb[] = [
      { label: 'Overview', go: () => go({ community: null, partner: null }) },
      { label: p.community.label, go: () => go({ community: p.community.id, partner: null }) },
    ];
    if (id) crumbList.push({ label: p.level.nodes[p.level.index.get(id)!]!.label });
    crumbs.set(crumbList);
    stage.highlight(id ? neighbourhood(p.level, id) : null, id);
    if (id !== shownPartner) {
      // The camera flies to a new selection now, not frames later: by then the address may have
      // moved on (back, forward), and the map would fly to a partner no longer selected.
      if (id) { session.openPartner(id); void stage.focus(id); }
      // Nothing selected any more: the camera stays where it is, and a flight still under way stops.
      else stage.hold();
    }
    if (place.partner && !id) summary.textContent = `${place.partner} is not among the partners drawn here.`;
    shownPartner = id;
  }

  function drillIfZoomedIn(): void {
    if (!overview || !shownKey.startsWith('overview') || stage.ratio() > DRILL_RATIO) return;
    const centre = stage.centre();
    const bubble = bubbleAt(overview.model.bubbles, overview.x, overview.y, centre.x, centre.y);
    if (bubble) go({ community: bubble.id, partner: null });
  }

  function partnerIndex(): Promise<IndexedPartner[]> {
    const filter = networkFilter();
    const key = JSON.stringify(filter);
    if (!index || index.key !== key) {
      const partnersOf = session.api.query(PARTNER_INDEX_QUERY, { filter }).then((r) => r.network.nodes.filter((n) => n.community >= 0));
      index = { key, partners: partnersOf };
      partnersOf.catch(() => { if (index?.partners === partnersOf) index = null; });
    }
    return index.partners;
  }

  async function search(text: string): Promise<void> {
    hideTooltip();
    if (!text.trim()) return;
    let found: IndexedPartner | null;
    try {
      found = findPartner(await partnerIndex(), text);
    } catch (err) {
      setStatus('error', `Could not search: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (!found) { summary.textContent = `No partner matching “${text.trim()}” is on the map.`; return; }
    go({ community: found.community, partner: found.id });
  }

  function setStatus(state: 'loading' | 'drawn' | 'error', text: string): void {
    summary.setAttribute('data-state', state);
    summary.textContent = text;
  }

  function noteStale(answer: { stale: boolean; computedAt: unknown }): void {
    if (answer.stale) { showFreshness('stale', `Metrics ${computedAgo(answer.computedAt, new Date())}, updating…`); checks.add(true); }
    else if (freshness.dataset.state !== 'stale') showFreshness('fresh', '', false);
  }

  function showFreshness(state: 'stale' | 'fresh' | 'error', text = '', visible = true): void {
    clearTimeout(hideTimer);
    freshness.setAttribute('data-state', state);
    freshness.textContent = text || (state === 'stale' ? 'Metrics are being recomputed after a change…' : 'Metrics updated just now');
    freshness.hidden = !visible;
    // The fresh note goes once read; the stale one stays until it is no longer true.
    if (state === 'fresh' && visible) hideTimer = window.setTimeout(() => { freshness.hidden = true; }, 4_000);
  }

  /**
   * Asks for the level shown until the API answers fresh metrics, then draws them: in
   * place (sizes, labels, links) when the same items are drawn, else laid out anew.
   */
  async function refreshUntilFresh(): Promise<void> {
    const mine = ++freshRun;
    for (let attempt = 0; ; attempt++) {
      // Nothing drawn yet: apply() looks at staleness itself when it is done.
      if (!settings || !overview || !shownKey) return;
      const drawn = generation;
      const seen = writes;
      const filter = networkFilter();
      const atPartners = shownKey.startsWith('partners') && partners !== null;
      let o: OverviewAnswer, c: CommunityAnswer | null = null;
      try {
        o = (await session.api.query(OVERVIEW_QUERY, { filter })).network;
        if (atPartners) c = (await session.api.query(COMMUNITY_QUERY, { filter: { ...filter, communities: [partners!.community.id] }, limit: PARTNER_LIMIT })).network;
      } catch (err) {
        if (mine === freshRun && drawn === generation) showFreshness('error', `Could not check the metrics: ${err instanceof Error ? err.message : String(err)}`);
        return;
      }
      // The place or filters changed meanwhile: that apply asks for itself.
      if (mine !== freshRun || drawn !== generation) return;
      if (o.stale || c?.stale) {
        if (attempt >= MAX_FRESH_POLLS) { showFreshness('error', 'Could not check the metrics: the server is still recomputing them; the map asks again after the next change.'); return; }
        showFreshness('stale', `Metrics ${computedAgo(o.computedAt, new Date())}, updating…`);
        await new Promise((resolve) => setTimeout(resolve, freshPollMs(attempt)));
        if (mine !== freshRun) return;
        continue;
      }
      // The drawn metrics are current (a reload after connecting, nothing changed): nothing to do.
      if (o.computedAt === overview.answer.computedAt && writes === seen && freshness.dataset.state !== 'stale') return;
      const model = buildOverview(o);
      const overviewStays = samePlaces(overview.model.keys, model.keys);
      overview = overviewStays ? { ...overview, answer: o, model } : null;
      let partnersStay = true;
      if (c && partners) {
        const level = partnerLevel(c);
        const community = o.communities.find((x) => x.id === partners!.community.id);
        partnersStay = !!community && samePlaces(partners.level.keys, level.keys);
        partners = partnersStay && community ? { ...partners, answer: c, level, community } : null;
      }
      if (overviewStays && partnersStay) {
        // Redrawn where the items stand: same places, new sizes, labels and links.
        if (atPartners && partners) { shownKey = ''; stage.restyle(partnerScene(partners.level, partners)); shownKey = `partners|${partners.key}|${c!.computedAt as string}|${settings.filter.sizeBy}|${settings.linksPerNode}`; drawPartners(partners); }
        else { stage.restyle(overviewScene(overview!.model, overview!)); shownKey = `overview|${overview!.key}|${o.computedAt as string}`; drawOverview(overview!, ''); }
      } else {
        await apply();
      }
      // Another write came while these were asked for: they are already behind it.
      if (writes !== seen) { attempt = -1; continue; }
      showFreshness('fresh');
      void session.api.query(HEALTH_QUERY).then((r) => { if (mine === freshRun) controls?.setHealth(r.ecosystemHealth); }, () => {});
      return;
    }
  }

  function hover(key: string | null, x: number, y: number): void {
    if (key === null) { hideTooltip(); return; }
    clear(tooltip);
    const community = communityOfKey(key);
    if (community !== null && overview) {
      const b = overview.model.bubbles.find((c) => c.id === community);
      if (!b) return;
      append(tooltip, el('strong', {}, b.label), el('div', {}, `${b.size} partners · community ${b.id}`),
        el('div', { class: 'small' }, `Most central: ${b.top.slice(0, 3).join(', ')}`), el('div', { class: 'small muted' }, 'Click to see its partners'));
    } else if (partners) {
      const n = partners.level.nodes[partners.level.index.get(key) ?? -1];
      if (!n) return;
      append(tooltip, el('strong', {}, n.label), el('div', {}, typeLabel(n.partnerType)),
        el('div', { class: 'small' }, `degree ${n.degree} · PageRank ${n.pagerank.toFixed(3)} · betweenness ${n.betweenness.toFixed(3)}`),
        n.articulationPoint ? el('div', { class: 'small' }, 'Articulation point: its leaving splits the network') : null,
        el('div', { class: 'small muted' }, `${n.id} · click for the card`));
    } else return;
    tooltip.hidden = false;
    tooltip.style.left = `${Math.min(x + 14, window.innerWidth - 290)}px`;
    tooltip.style.top = `${Math.min(y + 14, window.innerHeight - 90)}px`;
  }

  function hideTooltip(): void {
    tooltip.hidden = true;
  }

  return {
    update(arg, state) {
      routeArg = arg;
      routeState = state;
      place = placeFrom(arg, state);
      if (!settings || !controls) return;
      const next = settingsFrom(state, months);
      settings = next;
      controls.set(next);
      clearTimeout(debounce);
      void apply();
    },
    destroy() {
      generation++;
      freshRun++;
      stopListening();
      stopWatchingScheme();
      checks.cancel();
      clearTimeout(hideTimer);
      clearTimeout(debounce);
      clearTimeout(drillTimer);
      stage.destroy();
      runner.destroy();
      tooltip.remove();
    },
    async exportPng() {
      if (!shownKey || !settings) return null;
      const atPartners = shownKey.startsWith('partners') && partners;
      const names = { regions: new Map(context?.regions.map((r) => [r.code, r.name])), industries: new Map(context?.industries.map((i) => [i.code, i.name])) };
      const details = describeFilter(settings.filter, months, names);
      if (atPartners) {
        details.push(`${partners!.level.nodes.length} partners · links: ${Number.isFinite(settings.linksPerNode) ? `the strongest ${settings.linksPerNode} per partner` : 'all'} (${partners!.level.hidden} hidden)`);
        if (shownPartner) details.push(`Selected: ${partners!.level.nodes[partners!.level.index.get(shownPartner)!]!.label} (${shownPartner}) and its neighbourhood`);
      } else if (overview) details.push(`${overview.answer.partnerCount} partners in ${overview.model.bubbles.length} communities`);
      if (freshness.dataset.state === 'stale') details.push(freshness.textContent ?? '');
      const title = atPartners ? `Partner network: ${partners!.community.label}` : 'Partner network: community overview';
      return composePng(stage.snapshot(), { title, details }, legendEntries(atPartners ? 'partners' : 'overview', settings.filter));
    },
    exportCsv(): Cell[][] {
      if (shownKey.startsWith('partners') && partners) return partnersCsv(partners.level, partners.community);
      return overview ? overviewCsv(overview.model) : [];
    },
  };
}
