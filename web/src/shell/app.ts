/** The page once signed in: top bar with the view tabs and exports, a banner, the view, the side panel. */
import type { Api } from '../api/client.ts';
import { createLive, liveUrl } from '../api/live.ts';
import { render as renderAttribution } from '../attribution/attribution-view.ts';
import { render as renderAccountability } from '../accountability/explorer-view.ts';
import { render as renderData } from '../data/data-view.ts';
import { render as renderDeals } from '../deals/deals-view.ts';
import { render as renderGaps } from '../gaps/gaps-view.ts';
import { render as renderMap } from '../map/map-view.ts';
import { toCsv, exportName } from '../lib/csv.ts';
import { button, clear, el } from '../lib/dom.ts';
import { downloadBlob } from '../lib/download.ts';
import { createPanel } from './panel.ts';
import { openPartnerCard } from './partner-card.ts';
import { canReadEcosystem, type Session, type ViewName, type Viewer } from './session.ts';
import { hashFor, parseHash, sameState, VIEWS, type ViewState } from './route.ts';
import { createTabs } from './tabs.ts';
import { describeError } from './states.ts';
import type { ViewHandle } from './view.ts';

const RENDERERS: Record<ViewName, (element: HTMLElement, session: Session, arg: string | undefined, state: ViewState) => ViewHandle> = {
  map: (element, session, arg, state) => renderMap(element, session, { partnerId: arg, state }),
  accountability: (element, session, arg, state) => renderAccountability(element, session, { outcomeId: arg, state }),
  gaps: (element, session, _arg, state) => renderGaps(element, session, { state }),
  attribution: (element, session, arg, state) => renderAttribution(element, session, { engagementId: arg, state }),
  deals: (element, session, arg, state) => renderDeals(element, session, { registrationId: arg, state }),
  data: (element, session, _arg, state) => renderData(element, session, { state }),
};

export function startApp(root: HTMLElement, api: Api, viewer: Viewer, signOut: () => void | Promise<void>): void {
  clear(root);
  const fallback: ViewName = canReadEcosystem(viewer) ? 'map' : 'accountability';
  const viewHost = el('main', { class: 'view', id: 'view', role: 'tabpanel', tabindex: '-1' });
  const panelHost = el('aside', { class: 'panel', id: 'panel' });
  const workspace = el('div', { class: 'workspace' }, viewHost, panelHost);
  const panel = createPanel(panelHost, workspace);
  const tabs = createTabs(VIEWS, 'view', (view) => { location.hash = `#${view}`; });
  const status = el('span', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  const who = viewer.role === 'PARTNER' && viewer.partner ? `Partner: ${viewer.partner.name}` : viewer.role === 'ADMIN' ? 'Admin' : 'Analyst';
  const banner = el('div', { class: 'banner', id: 'banner' });
  if (!canReadEcosystem(viewer)) {
    banner.append(`Signed in for ${viewer.partner?.name ?? 'a partner'}: you see the partner directory, the coverage heatmap, and the engagements ${viewer.partner?.name ?? 'it'} took part in. `
      + 'The network map, exit impact and ecosystem health need an ADMIN or ANALYST token.');
  }

  let current: { name: ViewName; arg?: string; state: ViewState; handle: ViewHandle } | null = null;
  // The browser session (api/session.ts) until this page signs out; a session ended
  // elsewhere is refused by the server, which stops live updates (api/live.ts).
  let signedIn = true;
  const live = createLive({ url: liveUrl(location), credential: () => (signedIn ? 'session' : null) });
  const session: Session = {
    api, viewer, panel, live,
    navigate(view, arg, state = {}) {
      // The address already says this: no second history entry for the same page.
      if (current && current.name === view && current.arg === arg && sameState(current.state, state)) return;
      location.hash = hashFor(view, arg, state);
    },
    remember(arg, state) {
      if (!current) return;
      current.arg = arg;
      current.state = state;
      history.replaceState(history.state, '', hashFor(current.name, arg, state));
    },
    openPartner(id) { void openPartnerCard(session, id); },
  };

  async function exportPng(): Promise<void> {
    try {
      const blob = await current?.handle.exportPng();
      if (blob) downloadBlob(blob, exportName(current!.name, 'png'));
      else status.textContent = 'Nothing to export yet.';
    } catch (err) {
      status.textContent = `Export failed: ${describeError(err)}`;
    }
  }
  function exportCsv(): void {
    const rows = current?.handle.exportCsv() ?? [];
    if (rows.length <= 1) { status.textContent = 'The table is empty.'; return; }
    downloadBlob(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }), exportName(current!.name, 'csv'));
  }

  root.append(
    el('header', { class: 'topbar' }, el('h1', {}, 'Ecomap'), tabs.element, el('span', { class: 'spacer' }),
      button('Export PNG', () => void exportPng(), { id: 'export-png', title: 'Save the current view as a PNG image' }),
      button('Export CSV', exportCsv, { id: 'export-csv', title: 'Save the visible table as CSV' }),
      el('span', { class: 'who', 'data-role': viewer.role }, who),
      button('Sign out', () => { signedIn = false; live.close(); void signOut(); }, { id: 'sign-out', title: 'End this browser’s session, in every tab' }), status),
    banner, workspace);

  function route(): void {
    const { view, arg, state } = parseHash(location.hash, fallback);
    tabs.select(view);
    if (current && current.name === view) {
      if (current.arg !== arg || !sameState(current.state, state)) {
        current.arg = arg;
        current.state = state;
        current.handle.update(arg, state);
      }
      return;
    }
    current?.handle.destroy();
    panel.close();
    clear(viewHost);
    viewHost.setAttribute('aria-labelledby', `tab-${view}`);
    current = { name: view, arg, state, handle: RENDERERS[view](viewHost, session, arg, state) };
  }
  window.addEventListener('hashchange', route);
  route();
}
