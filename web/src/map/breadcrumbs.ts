/** Where the drill-down stands: Overview › community › partner, every step but the last a link back. */
import { button, clear, el } from '../lib/dom.ts';

export interface Crumb {
  label: string;
  /** Going back to this step; absent for the step shown. */
  go?: () => void;
}

export function createBreadcrumbs(): { element: HTMLElement; set(crumbs: readonly Crumb[]): void } {
  const list = el('ol', {});
  const element = el('nav', { class: 'map-crumbs', 'aria-label': 'Drill-down', 'data-testid': 'map-crumbs' }, list);
  return {
    element,
    set(crumbs) {
      clear(list);
      crumbs.forEach((crumb, i) => {
        const last = i === crumbs.length - 1;
        list.append(el('li', {}, last || !crumb.go
          ? el('span', { 'aria-current': last ? 'location' : undefined }, crumb.label)
          : button(crumb.label, crumb.go, { class: 'link' })));
      });
    },
  };
}
