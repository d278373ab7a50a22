/**
 * Choosing some of a list (regions, capabilities): a disclosure that opens onto checkboxes,
 * its summary saying what is chosen ("Regions: all", "Regions: Germany, Japan").
 * Nothing chosen means all, as the API's CoverageInput does.
 */
import { button, clear, el } from '../lib/dom.ts';

export interface MultiPick {
  element: HTMLElement;
  chosen(): string[];
  /** Sets the choice without onChange (a state being restored). */
  set(values: readonly string[]): void;
  /** The items to choose from; a chosen value not among them stays chosen. */
  setItems(items: ReadonlyArray<{ value: string; label: string }>): void;
}

export function createMultiPick(id: string, noun: string, onChange: () => void): MultiPick {
  let items: Array<{ value: string; label: string }> = [];
  let chosen = new Set<string>();
  const summary = el('summary', { id: `${id}-summary` });
  const boxes = el('div', { class: 'multi-pick-items', role: 'group', 'aria-labelledby': `${id}-summary` });
  const all = button('All', () => { chosen.clear(); draw(); onChange(); }, { id: `${id}-all`, class: 'link' });
  const element = el('details', { class: 'multi-pick', id }, summary, el('div', { class: 'multi-pick-body' }, all, boxes));

  function label(): string {
    if (chosen.size === 0) return `${noun}: all`;
    const names = [...chosen].map((v) => items.find((i) => i.value === v)?.label ?? v);
    return `${noun}: ${names.length > 2 ? `${names.slice(0, 2).join(', ')} +${names.length - 2}` : names.join(', ')}`;
  }

  function draw(): void {
    summary.textContent = label();
    summary.title = chosen.size ? [...chosen].join(', ') : `Every ${noun.toLowerCase()}`;
    clear(boxes);
    for (const item of items) {
      const box = el('input', { type: 'checkbox', value: item.value, id: `${id}-${item.value}` });
      box.checked = chosen.has(item.value);
      box.addEventListener('change', () => {
        if (box.checked) chosen.add(item.value); else chosen.delete(item.value);
        summary.textContent = label();
        onChange();
      });
      boxes.append(el('label', { class: 'check' }, box, item.label));
    }
  }

  draw();
  return {
    element,
    chosen: () => [...chosen].sort(),
    set(values) { chosen = new Set(values); draw(); },
    setItems(next) { items = [...next]; draw(); },
  };
}
