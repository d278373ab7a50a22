/**
 * "Single points of failure" of the community shown: its articulation points (partners
 * whose leaving splits the co-delivery network) and bridges (the only link between two
 * parts). Each entry selects its partner, or the bridge's first end, on the map.
 */
import { button, clear, el } from '../lib/dom.ts';
import type { PartnerLevel } from './partner-level.ts';

export function createSpofPanel(onPick: (partnerId: string) => void): { element: HTMLElement; show(level: PartnerLevel | null): void } {
  const body = el('div', {});
  const element = el('details', { class: 'map-spof', 'data-testid': 'map-spof', open: true },
    el('summary', {}, 'Single points of failure'), body);
  return {
    element,
    show(level) {
      clear(body);
      element.hidden = level === null;
      if (!level) return;
      const name = (id: string) => level.nodes[level.index.get(id) ?? -1]?.label ?? id;
      if (level.articulationPoints.length === 0 && level.bridges.length === 0) {
        body.append(el('p', { class: 'small muted' }, 'None: no single partner or link holds this community together.'));
        return;
      }
      body.append(
        el('h3', {}, `Articulation points (${level.articulationPoints.length})`),
        el('ul', { class: 'spof-list' }, ...level.articulationPoints.map((n) => el('li', { 'data-articulation': n.id },
          button(n.label, () => onPick(n.id), { class: 'link', title: `Select ${n.label} (${n.id}) on the map` }),
          el('span', { class: 'small muted' }, ` betweenness ${n.betweenness.toFixed(3)}`)))),
        el('h3', {}, `Bridges (${level.bridges.length})`),
        el('ul', { class: 'spof-list' }, ...level.bridges.map((e) => el('li', { 'data-bridge': `${e.source}|${e.target}` },
          button(`${name(e.source)} – ${name(e.target)}`, () => onPick(e.source), { class: 'link', title: `Select ${name(e.source)} on the map` }),
          el('span', { class: 'small muted' }, ` ${e.weight} shared`)))));
    },
  };
}
