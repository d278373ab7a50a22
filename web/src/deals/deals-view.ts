/**
 * The Deals view (contract: Deal registration): registrations with their filters and
 * pages, the conflicts found on a date (ADMIN and ANALYST; a PARTNER token sees only its
 * own registrations and no conflicts), and the chosen registration, which an ADMIN
 * approves or rejects with a reason. From a conflict a person goes to the engagement's
 * attribution or opens the customer's engagements beside the list.
 * The address keeps the filters, the page, the as-of date, the registration and whose
 * engagements are open: `#deals/dr-zee-twin-gridsense?customer=c-zeelander&asOf=2026-11-21`.
 * Choices push a history entry, so Back and Forward step through them.
 */
import './deals.css';
import { ApiError } from '../api/client.ts';
import type { Cell } from '../lib/csv.ts';
import { append, button, clear, el, labelled, options as fillOptions } from '../lib/dom.ts';
import { todayIso } from '../lib/format.ts';
import { PARTNER_NAME_SEARCH } from '../shell/partner-picker.ts';
import { sameState, type ViewState } from '../shell/route.ts';
import { canReadEcosystem, type Session } from '../shell/session.ts';
import { describeError, showError, showLoading } from '../shell/states.ts';
import type { ViewHandle } from '../shell/view.ts';
import {
  decisionBlocker, decisionFailure, decodeDealsState, describeConflict, encodeDealsState, filterOf, KIND_TITLES, matchTyped, standing,
  STATUSES, type DealsState,
} from './deals-model.ts';
import {
  CUSTOMER_ENGAGEMENTS_QUERY, DEAL_CONFLICTS_QUERY, DEAL_REGISTRATIONS_QUERY, DECIDE_DEAL_MUTATION,
  type Conflict, type Registration, type RegistrationPage,
} from './deals.queries.ts';

const STATUS_WORDS: Record<string, string> = { PENDING: 'Pending', APPROVED: 'Approved', REJECTED: 'Rejected' };

export function render(element: HTMLElement, session: Session, options: { registrationId?: string; state?: ViewState } = {}): ViewHandle {
  const seesConflicts = canReadEcosystem(session.viewer);
  const mayDecide = session.viewer.role === 'ADMIN';
  const ownPartner = session.viewer.role === 'PARTNER' ? session.viewer.partner : null;

  let value: DealsState = decodeDealsState(options.state ?? {});
  let arg = options.registrationId;
  let page: RegistrationPage | null = null;
  let conflicts: Conflict[] | null = null;
  /** Registrations as last answered (list, conflicts, decisions), by id: the detail reads them. */
  const known = new Map<string, Registration>();
  /** Partners and customers met so far, for the filters' suggestions and typed names. */
  const partners = new Map<string, string>();
  const customers = new Map<string, string>();
  /** The cursors of the pages before this one, for "Previous page" (the address keeps only this page's). */
  let earlier: Array<string | null> = [];
  let listKey = '';
  let conflictsKey = '';
  let listGeneration = 0;
  let conflictsGeneration = 0;
  let panelGeneration = 0;
  /** The customer whose engagements the side panel shows, while it is open. */
  let panelFor: string | null = null;
  /** The last decision's message, kept while the same registration stays open. */
  let decided: { id: string; text: string; failed: boolean; code?: string } | null = null;

  // The filters.
  const partnerInput = el('input', { type: 'search', id: 'deals-partner', list: 'deals-partner-list', placeholder: 'name or id', autocomplete: 'off', size: 22 });
  const partnerList = el('datalist', { id: 'deals-partner-list' });
  const customerInput = el('input', { type: 'search', id: 'deals-customer', list: 'deals-customer-list', placeholder: 'name or id', autocomplete: 'off', size: 22 });
  const customerList = el('datalist', { id: 'deals-customer-list' });
  const statusSelect = el('select', { id: 'deals-status' });
  fillOptions(statusSelect, [{ value: '', label: 'Any' }, ...STATUSES.map((s) => ({ value: s, label: STATUS_WORDS[s]! }))]);
  const inForce = el('input', { type: 'checkbox', id: 'deals-in-force' });
  const asOfInput = el('input', { type: 'date', id: 'deals-as-of', required: true });
  const filterMessage = el('span', { class: 'small', role: 'status', 'aria-live': 'polite', 'data-testid': 'deals-filter-message' });
  const form = el('form', { class: 'toolbar', 'aria-label': 'Filter registrations' },
    ownPartner ? null : labelled('Partner', partnerInput), partnerList,
    labelled('Customer', customerInput), customerList,
    labelled('Status', statusSelect),
    el('label', { class: 'check' }, inForce, 'In force today'),
    seesConflicts ? labelled('Conflicts as of', asOfInput) : null,
    el('button', { type: 'submit', id: 'deals-apply' }, 'Apply'),
    button('Clear', () => go({ ...value, partnerId: null, customerId: null, status: null, inForce: false, after: null }), { id: 'deals-clear' }),
    filterMessage);

  const conflictsHost = el('section', { class: 'deals-conflicts', 'aria-label': 'Conflicts', 'data-testid': 'deal-conflicts' });
  const listHost = el('section', { class: 'deals-list', 'aria-label': 'Registrations', 'data-testid': 'deal-registrations' });
  const detail = el('section', { class: 'detail deals-detail', 'aria-label': 'The chosen registration', 'data-testid': 'deal-detail' });
  clear(element);
  element.append(el('div', { class: 'deals' }, form,
    el('div', { class: 'deals-body' },
      el('div', { class: 'deals-main' },
        ownPartner ? el('p', { class: 'note', 'data-testid': 'deals-partner-note' },
          `Signed in for ${ownPartner.name}: you see ${ownPartner.name}'s own registrations. Conflicts between partners need an ADMIN or ANALYST token.`) : null,
        seesConflicts ? conflictsHost : null, listHost),
      detail)));

  const asOf = () => value.asOf ?? todayIso();

  /** A new choice: a history entry, which the shell hands back through update(). */
  function go(next: DealsState, nextArg: string | undefined = arg): void {
    if (next.after === null && value.after !== null) earlier = [];
    session.navigate('deals', nextArg, encodeDealsState(next));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submitFilters();
  });
  partnerInput.addEventListener('input', () => void suggestPartners(partnerInput.value));
  customerInput.addEventListener('input', () => fillCustomerSuggestions());

  async function submitFilters(): Promise<void> {
    filterMessage.textContent = '';
    const partnerId = ownPartner ? null : await resolvePartner(partnerInput.value);
    if (partnerId === undefined) return;
    const customerId = resolveCustomer(customerInput.value);
    if (customerId === undefined) return;
    const typedAsOf = asOfInput.value;
    go({
      ...value, partnerId, customerId, status: STATUSES.find((s) => s === statusSelect.value) ?? null, inForce: inForce.checked,
      asOf: seesConflicts && typedAsOf ? typedAsOf : value.asOf, after: null,
    });
  }

  /** The typed partner's id; null for none; undefined (with a message) when nothing or several match. */
  async function resolvePartner(text: string): Promise<string | null | undefined> {
    if (!text.trim()) return null;
    await suggestPartners(text);
    const match = matchTyped(text, [...partners].map(([id, name]) => ({ id, name })));
    if (match) return match.id;
    filterMessage.textContent = `No single partner matches “${text.trim()}”: pick one from the suggestions or type its id.`;
    return undefined;
  }

  function resolveCustomer(text: string): string | null | undefined {
    if (!text.trim()) return null;
    const match = matchTyped(text, [...customers].map(([id, name]) => ({ id, name })));
    if (match) return match.id;
    // A customer no registration shown names yet: a word without spaces is taken as its id.
    if (/^\S+$/.test(text.trim())) return text.trim();
    filterMessage.textContent = `No single customer matches “${text.trim()}”: pick one from the suggestions or type its id.`;
    return undefined;
  }

  let searchGeneration = 0;
  async function suggestPartners(text: string): Promise<void> {
    const mine = ++searchGeneration;
    try {
      const found = (await session.api.query(PARTNER_NAME_SEARCH, { text: text.trim() || null })).partners.edges.map((e) => e.node);
      for (const p of found) partners.set(p.id, p.name);
      if (mine !== searchGeneration) return;
      partnerList.replaceChildren(...found.map((p) => el('option', { value: p.name }, p.id)));
    } catch { /* suggestions are optional: an id typed still works */ }
  }

  function fillCustomerSuggestions(): void {
    customerList.replaceChildren(...[...customers].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => el('option', { value: name }, id)));
  }

  function learn(r: Registration): void {
    known.set(r.id, r);
    partners.set(r.partner.id, r.partner.name);
    customers.set(r.customer.id, r.customer.name);
  }

  /** Puts the state into the controls, then loads what changed. */
  function apply(): void {
    partnerInput.value = value.partnerId ? partners.get(value.partnerId) ?? value.partnerId : '';
    customerInput.value = value.customerId ? customers.get(value.customerId) ?? value.customerId : '';
    statusSelect.value = value.status ?? '';
    inForce.checked = value.inForce;
    asOfInput.value = asOf();
    const nextListKey = JSON.stringify([filterOf(value), value.after]);
    if (nextListKey !== listKey) { listKey = nextListKey; void loadList(); }
    if (seesConflicts && asOf() !== conflictsKey) { conflictsKey = asOf(); void loadConflicts(); }
    showDetail();
    showPanel();
  }

  async function loadList(): Promise<void> {
    const mine = ++listGeneration;
    showLoading(listHost, 'registrations');
    try {
      const answer = (await session.api.query(DEAL_REGISTRATIONS_QUERY, { filter: filterOf(value), after: value.after })).dealRegistrations;
      if (mine !== listGeneration) return;
      page = answer;
      for (const { node } of answer.edges) learn(node);
    } catch (err) {
      if (mine === listGeneration) showError(listHost, err, () => { listKey = ''; apply(); });
      return;
    }
    drawList();
    fillCustomerSuggestions();
    // Names learnt from the answer replace ids typed or read from the address.
    if (document.activeElement !== partnerInput && value.partnerId) partnerInput.value = partners.get(value.partnerId) ?? value.partnerId;
    if (document.activeElement !== customerInput && value.customerId) customerInput.value = customers.get(value.customerId) ?? value.customerId;
    showDetail();
  }

  async function loadConflicts(): Promise<void> {
    const mine = ++conflictsGeneration;
    showLoading(conflictsHost, 'conflicts');
    try {
      const answer = (await session.api.query(DEAL_CONFLICTS_QUERY, { asOf: asOf() })).dealConflicts;
      if (mine !== conflictsGeneration) return;
      conflicts = answer;
      for (const c of answer) for (const r of c.registrations) learn(r);
    } catch (err) {
      if (mine === conflictsGeneration) showError(conflictsHost, err, () => { conflictsKey = ''; apply(); });
      return;
    }
    drawConflicts();
    fillCustomerSuggestions();
    showDetail();
  }

  const registrationButton = (r: Pick<Registration, 'id'>, label: string) =>
    button(label, () => go(value, r.id), { class: 'link', 'data-open': r.id, title: `Open ${r.id}` });

  function drawConflicts(): void {
    clear(conflictsHost);
    const list = conflicts ?? [];
    conflictsHost.append(el('h2', {}, `Conflicts on ${asOf()} `, el('span', { class: 'muted small', 'data-testid': 'deal-conflict-count' }, `(${list.length})`)));
    if (list.length === 0) {
      conflictsHost.append(el('p', { class: 'state', 'data-state': 'empty' },
        `No conflicts on ${asOf()}: no two partners hold registrations in force for one customer and capability, and no SOURCED claim falls inside another partner's approved registration.`));
      return;
    }
    conflictsHost.append(el('ol', { class: 'deal-conflicts' }, ...list.map((c) => el('li', {
      'data-conflict': c.kind, 'data-customer': c.customer.id, 'data-capability': c.capability.id,
      ...(c.contribution ? { 'data-contribution': c.contribution.id } : {}),
    },
    el('strong', {}, KIND_TITLES[c.kind]), ' ', el('span', { class: 'muted small' }, `${c.customer.name} · ${c.capability.name}`),
    el('p', { class: 'conflict-text' }, describeConflict(c, asOf())),
    el('ul', { class: 'conflict-registrations' }, ...c.registrations.map((r, i) => el('li', { 'data-registration': r.id },
      registrationButton(r, r.id), ` ${r.partner.name}, ${r.registeredOn} to ${r.expiresOn}, `,
      el('span', { class: 'status-pill', 'data-status': r.status }, STATUS_WORDS[r.status] ?? r.status),
      i === 0 && c.kind === 'OVERLAPPING_REGISTRATIONS' ? el('span', { class: 'muted small' }, ' priority') : null))),
    el('div', { class: 'conflict-links' },
      c.engagement ? button(`Attribution of ${c.engagement.name}`, () => session.navigate('attribution', c.engagement!.id),
        { class: 'link', 'data-action': 'attribution', 'data-engagement': c.engagement.id }) : null,
      button(`Engagements of ${c.customer.name}`, () => openEngagements(c.customer.id),
        { class: 'link', 'data-action': 'customer-engagements', 'data-customer': c.customer.id }))))));
  }

  function drawList(): void {
    clear(listHost);
    if (!page) return;
    const rows = page.edges.map((e) => e.node);
    const filtered = filterOf(value) !== null;
    listHost.append(el('h2', {}, 'Registrations ', el('span', { class: 'muted small', 'data-testid': 'deal-registration-count', 'data-count': page.totalCount },
      `(${page.totalCount}${filtered ? ' matching the filters' : ''})`)));
    if (rows.length === 0) {
      listHost.append(el('p', { class: 'state', 'data-state': 'empty' }, filtered ? 'No registration matches the filters.' : 'No deal registrations yet.'));
    } else {
      listHost.append(el('table', { class: 'deal-table' },
        el('thead', {}, el('tr', {}, ...['Registration', 'Partner', 'Customer', 'Capability', 'Window', 'Status', 'In force today'].map((h) => el('th', {}, h)))),
        el('tbody', {}, ...rows.map((r) => el('tr', { 'data-registration': r.id, 'data-status': r.status, 'aria-selected': String(r.id === arg) },
          el('td', {}, registrationButton(r, r.id)), el('td', {}, r.partner.name), el('td', {}, r.customer.name), el('td', {}, r.capability.name),
          el('td', {}, `${r.registeredOn} to ${r.expiresOn}`),
          el('td', {}, el('span', { class: 'status-pill', 'data-status': r.status }, STATUS_WORDS[r.status] ?? r.status)),
          el('td', {}, r.inForce ? 'yes' : 'no'))))));
    }
    const pager = el('div', { class: 'pager' });
    if (value.after !== null) {
      pager.append(button('Previous page', () => {
        const before = earlier.pop() ?? null;
        session.navigate('deals', arg, encodeDealsState({ ...value, after: before }));
      }, { id: 'deals-previous' }));
    }
    if (page.pageInfo.hasNextPage && page.pageInfo.endCursor) {
      const next = page.pageInfo.endCursor;
      pager.append(button('Next page', () => { earlier.push(value.after); session.navigate('deals', arg, encodeDealsState({ ...value, after: next })); }, { id: 'deals-next' }));
    }
    if (pager.childElementCount) listHost.append(pager);
  }

  function showDetail(): void {
    for (const row of listHost.querySelectorAll('tr[data-registration]')) row.setAttribute('aria-selected', String(row.getAttribute('data-registration') === arg));
    clear(detail);
    if (!arg) {
      detail.append(el('p', { class: 'state', 'data-state': 'empty' },
        mayDecide ? 'Choose a registration to see it and to approve or reject it.' : 'Choose a registration to see it.'));
      return;
    }
    const r = known.get(arg);
    if (!r) {
      const loading = (page === null) || (seesConflicts && conflicts === null);
      detail.append(el('p', { class: 'state', 'data-state': loading ? 'loading' : 'empty' }, loading ? `Loading ${arg}…`
        : `${arg} is neither on this page nor among the conflicts, or your token may not see it. Clear the filters to look for it.`));
      return;
    }
    const others = (conflicts ?? []).filter((c) => c.registrations.some((x) => x.id === r.id));
    append(detail,
      el('h2', {}, `${r.partner.name} · ${r.customer.name}`),
      el('p', { class: 'muted' }, `${r.id} · ${r.capability.name}`),
      el('dl', { class: 'deal-facts' },
        el('dt', {}, 'Status'), el('dd', {}, el('span', { class: 'status-pill', 'data-status': r.status, 'data-testid': 'deal-status' }, STATUS_WORDS[r.status] ?? r.status)),
        el('dt', {}, 'Window'), el('dd', {}, `${r.registeredOn} to ${r.expiresOn} (the last day protected is the day before ${r.expiresOn})`),
        el('dt', {}, 'Today'), el('dd', { 'data-testid': 'deal-in-force' }, r.inForce ? 'in force' : standing(r, todayIso())),
        el('dt', {}, 'Reason'), el('dd', { 'data-testid': 'deal-reason-shown' }, r.reason ?? 'none yet (a reason comes with the decision)')),
      others.length ? el('p', { class: 'note', 'data-testid': 'deal-in-conflict' },
        `In ${others.length} conflict${others.length === 1 ? '' : 's'} on ${asOf()}: ${others.map((c) => KIND_TITLES[c.kind].toLowerCase()).join(', ')}.`) : null,
      mayDecide ? decisionForm(r) : el('p', { class: 'small muted' }, 'Only an ADMIN token approves or rejects registrations.'));
  }

  function decisionForm(r: Registration): HTMLElement {
    const reason = el('textarea', { id: 'deal-reason', rows: 2, cols: 40, 'aria-describedby': 'deal-reason-help' });
    const help = el('p', { id: 'deal-reason-help', class: 'small muted' }, decisionBlocker('') ?? '');
    const approve = button('Approve', () => void decide(r, 'APPROVED'), { id: 'deal-approve', disabled: true });
    const reject = button('Reject', () => void decide(r, 'REJECTED'), { id: 'deal-reject', disabled: true });
    const mine = decided?.id === r.id ? decided : null;
    const message = el('p', {
      class: `deal-decision-message${mine?.failed ? ' error' : ''}`, role: mine?.failed ? 'alert' : 'status', 'data-testid': 'deal-decision-message',
      ...(mine?.code ? { 'data-code': mine.code } : {}),
    }, mine?.text ?? '');
    reason.addEventListener('input', () => {
      const blocked = decisionBlocker(reason.value);
      approve.disabled = blocked !== null;
      reject.disabled = blocked !== null;
      help.textContent = blocked ?? '';
    });
    return el('div', { class: 'deal-decision' },
      el('h3', {}, 'Decide'),
      labelled('Reason', reason), help,
      el('div', { class: 'deal-decision-actions' }, approve, reject),
      message);
  }

  async function decide(r: Registration, status: 'APPROVED' | 'REJECTED'): Promise<void> {
    const reason = (detail.querySelector('#deal-reason') as HTMLTextAreaElement | null)?.value ?? '';
    if (decisionBlocker(reason) !== null) return;
    for (const b of detail.querySelectorAll<HTMLButtonElement>('.deal-decision-actions button')) b.disabled = true;
    const message = detail.querySelector('[data-testid=deal-decision-message]');
    if (message) message.textContent = status === 'APPROVED' ? 'Approving…' : 'Rejecting…';
    try {
      const answer = (await session.api.query(DECIDE_DEAL_MUTATION, { id: r.id, status, reason: reason.trim() })).decideDealRegistration;
      learn(answer);
      decided = { id: r.id, text: `${status === 'APPROVED' ? 'Approved' : 'Rejected'}: ${answer.reason ?? reason.trim()}`, failed: false };
      // Both lists change with a decision: asked again, the detail drawn from the answer meanwhile.
      listKey = '';
      conflictsKey = '';
      showDetail();
      apply();
    } catch (err) {
      decided = { id: r.id, text: decisionFailure(err, status), failed: true, ...(err instanceof ApiError ? { code: err.code } : {}) };
      showDetail();
      const kept = detail.querySelector<HTMLTextAreaElement>('#deal-reason');
      if (kept) { kept.value = reason; kept.dispatchEvent(new Event('input')); }
    }
  }

  function openEngagements(customerId: string): void {
    if (value.engagementsOf !== customerId) { go({ ...value, engagementsOf: customerId }); return; }
    // Already in the address (the panel was closed by its own button): open it again.
    panelFor = null;
    showPanel();
  }

  /** The customer's engagements beside the list, while the address names the customer. */
  function showPanel(): void {
    const id = value.engagementsOf;
    if (!id) {
      if (panelFor !== null && session.panel.isOpen) session.panel.close();
      panelFor = null;
      return;
    }
    if (panelFor === id && session.panel.isOpen) return;
    panelFor = id;
    const mine = ++panelGeneration;
    const body = el('div', { 'data-testid': 'customer-engagements', 'data-customer': id }, el('p', { class: 'state', 'data-state': 'loading' }, 'Loading engagements…'));
    session.panel.open(`Engagements of ${customers.get(id) ?? id}`, body);
    void (async () => {
      try {
        const customer = (await session.api.query(CUSTOMER_ENGAGEMENTS_QUERY, { id })).customer;
        if (mine !== panelGeneration) return;
        clear(body);
        if (!customer) { body.append(el('p', { class: 'state', 'data-state': 'empty' }, describeError(new ApiError('', 'NOT_FOUND', 404)))); return; }
        const list = customer.engagements.edges.map((e) => e.node);
        body.append(el('p', { class: 'small muted' }, `${customer.engagements.totalCount} engagement${customer.engagements.totalCount === 1 ? '' : 's'} for ${customer.name}${customer.engagements.totalCount > list.length ? `, the first ${list.length} shown` : ''}. Open one's attribution to see who gets credit.`),
          el('ul', { class: 'customer-engagements' }, ...list.map((e) => el('li', { 'data-engagement': e.id },
            button(e.name, () => session.navigate('attribution', e.id), { class: 'link', title: `Attribution of ${e.id}` }),
            el('span', { class: 'muted small' }, ` ${e.id} · ${e.status.toLowerCase()} · ${e.startDate ?? '?'} to ${e.endDate ?? 'open'}`)))));
      } catch (err) {
        if (mine === panelGeneration) { clear(body); body.append(el('p', { class: 'state error', role: 'alert' }, describeError(err))); }
      }
    })();
  }

  // The as-of date defaults to today: written into the address, a copied link keeps it.
  if (seesConflicts && value.asOf === null) value = { ...value, asOf: todayIso() };
  apply();
  // Once the shell has made this the current view (it does when render returns): before,
  // the address written would be the previous view's.
  queueMicrotask(() => {
    if (!sameState(encodeDealsState(value), options.state ?? {})) session.remember(arg, encodeDealsState(value));
  });

  return {
    update(nextArg, state) {
      const next = decodeDealsState(state);
      // A customer's engagements closed with the panel's own button: the address still names them.
      if (panelFor !== null && !session.panel.isOpen) panelFor = null;
      if (nextArg === arg && sameState(encodeDealsState(next), encodeDealsState(value))) return;
      if (nextArg !== arg) decided = null;
      arg = nextArg;
      value = next;
      apply();
    },
    destroy() {
      listGeneration++; conflictsGeneration++; panelGeneration++;
      if (panelFor !== null && session.panel.isOpen) session.panel.close();
    },
    async exportPng() { return null; },
    exportCsv(): Cell[][] {
      const rows = page?.edges.map((e) => e.node) ?? [];
      return [['id', 'partner', 'partnerName', 'customer', 'customerName', 'capability', 'capabilityName', 'registeredOn', 'expiresOn', 'status', 'reason', 'inForce'],
        ...rows.map((r) => [r.id, r.partner.id, r.partner.name, r.customer.id, r.customer.name, r.capability.id, r.capability.name,
          r.registeredOn, r.expiresOn, r.status, r.reason ?? '', r.inForce ? 'yes' : 'no'])];
    },
  };
}
