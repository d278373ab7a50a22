/** The side panel: a title, a close button (and Escape), content set as nodes. */
import { button, clear, el } from '../lib/dom.ts';

export interface Panel {
  open(title: string, ...content: Node[]): void;
  /** Replaces the body without moving focus (loading → loaded). */
  replace(...content: Node[]): void;
  close(): void;
  readonly isOpen: boolean;
}

export function createPanel(host: HTMLElement, workspace: HTMLElement): Panel {
  const heading = el('h2', { id: 'panel-title', tabindex: '-1' });
  const body = el('div', { class: 'panel-body' });
  const closeButton = button('Close', () => panel.close(), { 'aria-label': 'Close the side panel' });
  host.setAttribute('aria-labelledby', 'panel-title');
  host.append(el('div', { class: 'panel-head' }, heading, closeButton), body);
  host.hidden = true;
  let returnFocus: HTMLElement | null = null;
  host.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { event.preventDefault(); panel.close(); }
  });

  const panel: Panel = {
    open(title, ...content) {
      if (host.hidden) returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      heading.textContent = title;
      clear(body);
      body.append(...content);
      host.hidden = false;
      workspace.classList.add('with-panel');
      heading.focus({ preventScroll: true });
    },
    replace(...content) {
      clear(body);
      body.append(...content);
    },
    close() {
      if (host.hidden) return;
      host.hidden = true;
      workspace.classList.remove('with-panel');
      clear(body);
      returnFocus?.focus({ preventScroll: true });
      returnFocus = null;
    },
    get isOpen() { return !host.hidden; },
  };
  return panel;
}
