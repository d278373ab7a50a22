/**
 * The views as an ARIA tablist: Tab reaches the selected tab, arrow keys, Home and
 * End move between tabs, Enter or Space (or a click) opens one.
 */
import { el } from '../lib/dom.ts';
import type { ViewName } from './session.ts';

export const VIEW_TITLES: Record<ViewName, string> = {
  map: 'Network map',
  accountability: 'Accountability',
  gaps: 'Gaps',
  attribution: 'Attribution',
  deals: 'Deals',
  data: 'Data',
};

export interface Tabs {
  element: HTMLElement;
  select(view: ViewName): void;
}

export function createTabs(views: readonly ViewName[], panelId: string, onChoose: (view: ViewName) => void): Tabs {
  const element = el('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Views' });
  const tabs = views.map((view) => {
    const tab = el('button', { type: 'button', role: 'tab', id: `tab-${view}`, 'aria-controls': panelId, 'aria-selected': 'false', tabindex: '-1', 'data-view': view }, VIEW_TITLES[view]);
    tab.addEventListener('click', () => onChoose(view));
    element.appendChild(tab);
    return tab;
  });
  element.addEventListener('keydown', (event) => {
    const current = tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (current < 0) return;
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length]!;
    next.focus();
    onChoose(next.dataset.view as ViewName);
  });
  return {
    element,
    select(view) {
      for (const tab of tabs) {
        const on = tab.dataset.view === view;
        tab.setAttribute('aria-selected', String(on));
        tab.tabIndex = on ? 0 : -1;
      }
    },
  };
}
