/** Choosing partners by name: suggestions from the directory as you type, chosen ones as removable chips. */
import type { Api } from '../api/client.ts';
import { graphql } from '../api/generated/index.ts';
import { button, clear, el, labelled } from '../lib/dom.ts';

/** Partners whose name contains the text: the pickers' suggestions (the Deals view's filter asks it too). */
export const PARTNER_NAME_SEARCH = graphql(`query PickPartners($text: String) { partners(filter: { nameContains: $text }, first: 20) { edges { node { id name } } } }`);
const BY_ID = graphql(`query PickedPartner($id: ID!) { partner(id: $id) { id name } }`);

interface Choice { id: string; name: string }

export interface PartnerPicker {
  element: HTMLElement;
  chosen(): Array<{ id: string; name: string }>;
  add(id: string): Promise<void>;
  /** Chooses these partners instead, without onChange (a state being restored); resolves once names not given are looked up. */
  set(partners: ReadonlyArray<{ id: string; name?: string }>): Promise<void>;
  /** Adds what is typed but not yet added, as the Add button would; false when the text matched no partner. */
  flush(): Promise<boolean>;
}

export interface PartnerPickerOptions {
  /** One partner at most: a new choice replaces the old one. */
  single?: boolean;
  /** Partners the directory does not hold (yet), offered and matched before it is asked. */
  known?: () => Choice[];
  /** The submit button's text; default "Add". */
  action?: string;
}

export function createPartnerPicker(api: Api, id: string, label: string, onChange: () => void, options: PartnerPickerOptions = {}): PartnerPicker {
  const chosen = new Map<string, string>();
  const known = options.known ?? (() => []);
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
      const local = matching(text);
      try {
        const found = await api.query(PARTNER_NAME_SEARCH, { text });
        clear(list);
        for (const node of [...local, ...found.partners.edges.map((e) => e.node)]) list.append(el('option', { value: node.id }, node.name));
      } catch { /* suggestions are optional */ }
    }, 200);
  });

  function matching(text: string): Choice[] {
    const lower = text.toLowerCase();
    return known().filter((k) => k.id === text || k.name.toLowerCase().includes(lower));
  }

  function choose(match: Choice): void {
    if (options.single) chosen.clear();
    chosen.set(match.id, match.name);
  }

  async function add(value: string): Promise<void> {
    const text = value.trim();
    if (!text) return;
    try {
      const local = known().find((k) => k.id === text) ?? matching(text)[0];
      const exact = local ?? (await api.query(BY_ID, { id: text })).partner;
      const match = exact ?? (await api.query(PARTNER_NAME_SEARCH, { text })).partners.edges[0]?.node;
      if (!match) { message.textContent = `No partner matches “${text}”.`; return; }
      choose(match);
      input.value = '';
      message.textContent = '';
      drawChips();
      onChange();
    } catch (err) {
      message.textContent = err instanceof Error ? err.message : String(err);
    }
  }

  async function set(partners: ReadonlyArray<{ id: string; name?: string }>): Promise<void> {
    chosen.clear();
    message.textContent = '';
    for (const p of partners) choose({ id: p.id, name: p.name ?? known().find((k) => k.id === p.id)?.name ?? p.id });
    drawChips();
    // An id kept in an address may name a partner since removed: it stays chosen under its id,
    // so whoever reads the answer sees which one the API refused.
    await Promise.all([...chosen].filter(([pid, name]) => pid === name).map(async ([pid]) => {
      try {
        const { partner } = await api.query(BY_ID, { id: pid });
        if (partner && chosen.has(partner.id)) chosen.set(partner.id, partner.name);
      } catch { /* the id stands in for the name */ }
    }));
    drawChips();
  }

  function drawChips(): void {
    clear(chips);
    for (const [pid, name] of chosen) {
      chips.append(el('span', { class: 'chip', 'data-partner': pid }, name,
        button('×', () => { chosen.delete(pid); drawChips(); onChange(); }, { 'aria-label': `Remove ${name}` })));
    }
  }

  const form = el('form', { class: 'picker' }, labelled(label, input), list, ' ', el('button', { type: 'submit' }, options.action ?? 'Add'), ' ', message);
  form.addEventListener('submit', (event) => { event.preventDefault(); void add(input.value); });
  return {
    element: el('div', {}, form, chips),
    chosen: () => [...chosen].map(([pid, name]) => ({ id: pid, name })),
    add,
    set,
    async flush() {
      await add(input.value);
      return input.value.trim() === '';
    },
  };
}
