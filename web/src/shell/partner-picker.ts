/** Choosing partners by name: suggestions from the directory as you type, chosen ones as removable chips. */
import type { Api } from '../api/client.ts';
import { graphql } from '../api/generated/index.ts';
import { button, clear, el, labelled } from '../lib/dom.ts';

const SEARCH = graphql(`query PickPartners($text: String) { partners(filter: { nameContains: $text }, first: 20) { edges { node { id name } } } }`);
const BY_ID = graphql(`query PickedPartner($id: ID!) { partner(id: $id) { id name } }`);

export interface PartnerPicker {
  element: HTMLElement;
  chosen(): Array<{ id: string; name: string }>;
  add(id: string): Promise<void>;
}

export function createPartnerPicker(api: Api, id: string, label: string, onChange: () => void): PartnerPicker {
  const chosen = new Map<string, string>();
  const input = el('input', { type: 'search', id, list: `${id}-list`, placeholder: 'name or id', autocomplete: 'off' });
  const list = el('datalist', { id: `${id}-list` });
  const chips = el('div', { class: 'chips', 'aria-live': 'polite' });
  const message = el('span', { class: 'small muted', role: 'status' });
  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const text = input.value.trim();
      if (text.length < 2) return;
      try {
        const found = await api.query(SEARCH, { text });
        clear(list);
        for (const { node } of found.partners.edges) list.append(el('option', { value: node.id }, node.name));
      } catch { /* suggestions are optional */ }
    }, 200);
  });

  async function add(value: string): Promise<void> {
    const text = value.trim();
    if (!text) return;
    try {
      const exact = (await api.query(BY_ID, { id: text })).partner;
      const match = exact ?? (await api.query(SEARCH, { text })).partners.edges[0]?.node;
      if (!match) { message.textContent = `No partner matches “${text}”.`; return; }
      chosen.set(match.id, match.name);
      input.value = '';
      message.textContent = '';
      drawChips();
      onChange();
    } catch (err) {
      message.textContent = err instanceof Error ? err.message : String(err);
    }
  }

  function drawChips(): void {
    clear(chips);
    for (const [pid, name] of chosen) {
      chips.append(el('span', { class: 'chip', 'data-partner': pid }, name,
        button('×', () => { chosen.delete(pid); drawChips(); onChange(); }, { 'aria-label': `Remove ${name}` })));
    }
  }

  const form = el('form', { class: 'picker' }, labelled(label, input), list, ' ', el('button', { type: 'submit' }, 'Add'), ' ', message);
  form.addEventListener('submit', (event) => { event.preventDefault(); void add(input.value); });
  return {
    element: el('div', {}, form, chips),
    chosen: () => [...chosen].map(([pid, name]) => ({ id: pid, name })),
    add,
  };
}
