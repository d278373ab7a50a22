/**
 * The What-if form: partners leaving (the partner picker), partners joining (name, id,
 * type, regions, industries, capabilities with levels) and engagements changing hands.
 * It holds a draft Scenario that its fields write into; the API judges the draft, and
 * every problem it names is shown beside the field its path points at.
 */
import { button, clear, el, labelled, options as fillOptions } from '../lib/dom.ts';
import { todayIso } from '../lib/format.ts';
import { PARTNER_TYPES, TYPE_LABELS } from '../lib/palette.ts';
import { createPartnerPicker, type PartnerPicker } from '../shell/partner-picker.ts';
import type { Session } from '../shell/session.ts';
import { emptyScenario, joinId, placeProblems, type HandoverDraft, type JoinDraft, type Problem, type Scenario } from './scenario-model.ts';

interface Vocabulary {
  regions: Array<{ code: string; name: string }>;
  capabilities: Array<{ id: string; name: string }>;
}

export interface WhatIfForm {
  element: HTMLElement;
  /** The scenario as the fields hold it, with partner names by id; null when a typed partner matched none. */
  read(): Promise<{ scenario: Scenario; names: Map<string, string> } | null>;
  /** Shows a scenario (from the address), looking up the names of the partners it names. */
  fill(scenario: Scenario): Promise<void>;
  /** Regions and capabilities with demand, offered to joining partners. */
  setVocabulary(vocabulary: Vocabulary): void;
  /** Engagements offered for a handover (the last answer's orphaned ones). */
  suggestEngagements(engagements: ReadonlyArray<{ id: string; name: string }>): void;
  /** Replaces the problems shown; returns those no field claims. */
  showProblems(problems: readonly Problem[]): Problem[];
}

function fillList(list: HTMLDataListElement, items: ReadonlyArray<{ id: string; name: string }>): void {
  clear(list);
  for (const item of items) list.append(el('option', { value: item.id }, item.name));
}

const emptyJoin = (): JoinDraft => ({ id: '', name: '', type: '', regions: [], industries: [], capabilities: [{ capability: '', level: Number.NaN }] });

export function createWhatIfForm(session: Session, onRun: () => void): WhatIfForm {
  let draft: Scenario = emptyScenario();
  let vocabulary: Vocabulary = { regions: [], capabilities: [] };
  /** Where each problem path is shown: the message's slot and the control it describes. */
  let slots = new Map<string, { slot: HTMLElement; control: HTMLElement | null }>();
  let handoverPickers: PartnerPicker[] = [];
  let shownProblems: readonly Problem[] = [];

  const exits = createPartnerPicker(session.api, 'whatif-exits', 'Partners leaving', () => { draft.exits = exits.chosen().map((p) => p.id); });
  const exitsBox = el('div', { class: 'whatif-exits' }, exits.element);
  const capabilityList = el('datalist', { id: 'whatif-capabilities' });
  const engagementList = el('datalist', { id: 'whatif-engagements' });
  const joinsHost = el('div', { class: 'whatif-joins' });
  const handoversHost = el('div', { class: 'whatif-handovers' });
  const restProblems = el('ul', { class: 'problems', 'data-testid': 'whatif-problems', hidden: true });
  const element = el('div', { class: 'what-if-form' },
    el('fieldset', {}, el('legend', {}, 'Leaving'), exitsBox),
    el('fieldset', {}, el('legend', {}, 'Joining'), joinsHost,
      button('Add a joining partner', () => { draft.joins.push(emptyJoin()); drawJoins(); focus(`join-${draft.joins.length - 1}-name`); }, { id: 'whatif-add-join' })),
    el('fieldset', {}, el('legend', {}, 'Changing hands'), handoversHost,
      button('Add a handover', () => { draft.handovers.push({ engagementId: '', partnerId: '', from: todayIso() }); void drawHandovers(); focus(`handover-${draft.handovers.length - 1}-engagement`); }, { id: 'whatif-add-handover' })),
    el('div', { class: 'whatif-actions' }, button('Run scenario', onRun, { id: 'whatif-run', class: 'primary' }), restProblems),
    capabilityList, engagementList);

  // Enter in a field runs the scenario, as it would submit a form; a picker's own form adds its partner.
  element.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target instanceof HTMLInputElement && target.type !== 'checkbox' && !target.closest('form')) {
      event.preventDefault();
      onRun();
    }
  });

  function focus(id: string): void {
    document.getElementById(id)?.focus();
  }

  /** A problem slot for `path`, shown after `control`'s label. */
  function slot(path: string, control: HTMLElement | null): HTMLElement {
    const node = el('span', { class: 'problem', 'data-problem': path, id: `problem-${path.replace(/[^\w]+/g, '-')}`, hidden: true });
    slots.set(path, { slot: node, control });
    return node;
  }

  function field(text: string, control: HTMLElement, path: string): HTMLElement {
    const label = labelled(text, control);
    label.append(slot(path, control));
    return label;
  }

  function input(id: string, value: string, onInput: (value: string, node: HTMLInputElement) => void, attrs: Record<string, string | number | boolean> = {}): HTMLInputElement {
    const node = el('input', { id, value, autocomplete: 'off', ...attrs });
    node.addEventListener('input', () => onInput(node.value, node));
    return node;
  }

  function drawJoins(): void {
    forgetSlots('joins');
    clear(joinsHost);
    draft.joins.forEach((join, i) => joinsHost.append(joinFieldset(join, i)));
  }

  function joinFieldset(join: JoinDraft, i: number): HTMLElement {
    const at = `joins[${i}]`;
    const idInput = input(`join-${i}-id`, join.id, (v) => { join.id = v; }, { size: 26, spellcheck: false });
    const name = input(`join-${i}-name`, join.name, (v) => {
      // The id follows the name until someone types an id of their own.
      if (join.id === '' || join.id === joinId(join.name)) { join.id = joinId(v); idInput.value = join.id; }
      join.name = v;
    }, { size: 24 });
    const type = el('select', { id: `join-${i}-type` });
    fillOptions(type, [{ value: '', label: 'choose a type' }, ...PARTNER_TYPES.map((t) => ({ value: t, label: `${TYPE_LABELS[t]} (${t})` }))], join.type);
    type.addEventListener('change', () => { join.type = type.value as JoinDraft['type']; });
    const known = new Set(vocabulary.regions.map((r) => r.code));
    const regions = [...vocabulary.regions, ...join.regions.filter((c) => !known.has(c)).map((code) => ({ code, name: code }))];
    const regionBox = el('span', { class: 'whatif-regions', role: 'group', 'aria-label': 'Regions' }, ...regions.map((r) => {
      const box = el('input', { type: 'checkbox', id: `join-${i}-region-${r.code}`, value: r.code, checked: join.regions.includes(r.code) });
      // In the order shown, so the API's regions[k] is the k-th region ticked.
      box.addEventListener('change', () => { join.regions = regions.map((x) => x.code).filter((c) => c === r.code ? box.checked : join.regions.includes(c)); });
      return el('label', { class: 'check', title: r.name }, box, r.code);
    }));
    const industries = input(`join-${i}-industries`, join.industries.join(', '), (v) => { join.industries = v.split(/[\s,;]+/).filter(Boolean); },
      { size: 14, placeholder: 'codes, e.g. FSI, RET' });
    const capabilities = el('div', { class: 'whatif-capabilities' });
    join.capabilities.forEach((c, j) => {
      const capability = input(`join-${i}-cap-${j}`, c.capability, (v) => { c.capability = v.trim(); }, { list: 'whatif-capabilities', size: 16, placeholder: 'capability id' });
      const level = input(`join-${i}-level-${j}`, Number.isNaN(c.level) ? '' : String(c.level), (_, node) => { c.level = node.valueAsNumber; },
        { type: 'number', min: 1, max: 5, step: 1, style: 'width:4em' });
      capabilities.append(el('div', { class: 'whatif-capability', 'data-row': j },
        field('Capability', capability, `${at}.capabilities[${j}].capability`),
        field('Level 1–5', level, `${at}.capabilities[${j}].level`),
        button('×', () => { join.capabilities.splice(j, 1); drawJoins(); }, { 'aria-label': `Remove capability ${j + 1}`, title: 'Remove this capability' }),
        slot(`${at}.capabilities[${j}]`, null)));
    });
    return el('fieldset', { class: 'whatif-join', 'data-join': i },
      el('legend', {}, `Joining partner ${i + 1} `,
        button('Remove', () => { draft.joins.splice(i, 1); drawJoins(); }, { 'aria-label': `Remove joining partner ${i + 1}` }), slot(at, null)),
      el('div', { class: 'whatif-row' }, field('Name', name, `${at}.name`), field('Id', idInput, `${at}.id`), field('Type', type, `${at}.type`)),
      el('div', { class: 'whatif-row' }, field('Regions', regionBox, `${at}.regions`), field('Industries (optional)', industries, `${at}.industries`)),
      el('div', { class: 'whatif-row' }, capabilities,
        button('Add capability', () => { join.capabilities.push({ capability: '', level: Number.NaN }); drawJoins(); focus(`join-${i}-cap-${join.capabilities.length - 1}`); }),
        slot(`${at}.capabilities`, null)));
  }

  function drawHandovers(names = new Map<string, string>()): Promise<void> {
    forgetSlots('handovers');
    for (const p of handoverPickers) for (const c of p.chosen()) names.set(c.id, c.name);
    clear(handoversHost);
    handoverPickers = [];
    const filled = draft.handovers.map((h, k) => {
      const { row, picker } = handoverRow(h, k);
      handoversHost.append(row);
      handoverPickers.push(picker);
      return h.partnerId ? picker.set([{ id: h.partnerId, name: names.get(h.partnerId) }]) : Promise.resolve();
    });
    return Promise.all(filled).then(() => undefined);
  }

  function handoverRow(h: HandoverDraft, k: number): { row: HTMLElement; picker: PartnerPicker } {
    const at = `handovers[${k}]`;
    const engagement = input(`handover-${k}-engagement`, h.engagementId, (v) => { h.engagementId = v.trim(); }, { list: 'whatif-engagements', size: 16, placeholder: 'engagement id' });
    const picker = createPartnerPicker(session.api, `handover-${k}-partner`, 'New orchestrator', () => { h.partnerId = picker.chosen()[0]?.id ?? ''; },
      { single: true, action: 'Choose', known: () => draft.joins.filter((j) => j.id).map((j) => ({ id: j.id, name: j.name || j.id })) });
    const from = input(`handover-${k}-from`, h.from, (v) => { h.from = v; }, { type: 'date' });
    const partnerBox = el('div', { class: 'whatif-partner' }, picker.element, slot(`${at}.partnerId`, picker.element.querySelector('input')));
    const row = el('div', { class: 'whatif-handover whatif-row', 'data-handover': k },
      field('Engagement', engagement, `${at}.engagementId`), partnerBox, field('From', from, `${at}.from`),
      button('Remove', () => { draft.handovers.splice(k, 1); void drawHandovers(); }, { 'aria-label': `Remove handover ${k + 1}` }),
      slot(at, null));
    return { row, picker };
  }

  function forgetSlots(prefix: string): void {
    slots = new Map([...slots].filter(([path]) => !path.startsWith(prefix)));
  }

  function showProblems(problems: readonly Problem[]): Problem[] {
    shownProblems = problems;
    for (const { slot: node, control } of slots.values()) {
      node.hidden = true;
      node.textContent = '';
      control?.removeAttribute('aria-invalid');
      control?.removeAttribute('aria-describedby');
    }
    const { placed, rest } = placeProblems(problems, slots.keys());
    for (const [path, messages] of placed) {
      const { slot: node, control } = slots.get(path)!;
      node.textContent = messages.join('; ');
      node.hidden = false;
      control?.setAttribute('aria-invalid', 'true');
      control?.setAttribute('aria-describedby', node.id);
    }
    clear(restProblems);
    for (const p of rest) restProblems.append(el('li', { 'data-problem': p.path }, `${p.path}: ${p.message}`));
    restProblems.hidden = rest.length === 0;
    return rest;
  }

  exitsBox.append(slot('exits', exitsBox.querySelector('input')));

  return {
    element,
    async read() {
      const pickers = [exits, ...handoverPickers];
      const settled = await Promise.all(pickers.map((p) => p.flush()));
      if (settled.includes(false)) return null;
      const names = new Map<string, string>();
      for (const p of pickers) for (const c of p.chosen()) names.set(c.id, c.name);
      for (const j of draft.joins) if (j.id) names.set(j.id, j.name || j.id);
      // A copy: what was run stays as it was while the fields change.
      return { scenario: structuredClone(draft), names };
    },
    async fill(scenario) {
      draft = structuredClone(scenario);
      drawJoins();
      await Promise.all([exits.set(draft.exits.map((id) => ({ id }))), drawHandovers()]);
      showProblems([]);
    },
    setVocabulary(next) {
      const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
      fillList(capabilityList, next.capabilities.map((c) => ({ id: c.id, name: c.name })));
      const changed = !same(vocabulary.regions.map((r) => r.code), next.regions.map((r) => r.code));
      vocabulary = next;
      if (changed && draft.joins.length) {
        drawJoins();
        // The same fields, with more regions to tick: what the API said about them still holds.
        showProblems(shownProblems);
      }
    },
    suggestEngagements(engagements) {
      fillList(engagementList, engagements);
    },
    showProblems,
  };
}
