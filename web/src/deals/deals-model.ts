/**
 * The Deals view in words and in the address, without the DOM: the view's state
 * (filters, page, as-of date, whose engagements are open) to and from the address, a
 * conflict as a sentence a channel manager reads, what a decision needs before it can
 * be sent, and what a refused decision means. Pure.
 */
import { ApiError } from '../api/client.ts';
import type { ViewState } from '../shell/route.ts';

export const STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type RegistrationStatus = (typeof STATUSES)[number];

/** What the list and the conflicts are asked with; the selected registration is the route's argument. */
export interface DealsState {
  partnerId: string | null;
  customerId: string | null;
  status: RegistrationStatus | null;
  /** Only registrations in force today (the contract's filter; today is the server's). */
  inForce: boolean;
  /** The date the conflicts are found on; null: today. */
  asOf: string | null;
  /** The page's cursor; null: the first page. */
  after: string | null;
  /** A customer whose engagements are open in the side panel. */
  engagementsOf: string | null;
}

export const EMPTY_STATE: DealsState = {
  partnerId: null, customerId: null, status: null, inForce: false, asOf: null, after: null, engagementsOf: null,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isDate(text: string): boolean {
  return DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

/** Reads the address; what cannot be read is left at its default rather than refused. */
export function decodeDealsState(state: ViewState): DealsState {
  const text = (key: string) => (state[key]?.trim() ? state[key]!.trim() : null);
  const status = STATUSES.find((s) => s === state.status) ?? null;
  const asOf = text('asOf');
  return {
    partnerId: text('partner'),
    customerId: text('customer'),
    status,
    inForce: state.inForce === '1',
    asOf: asOf && isDate(asOf) ? asOf : null,
    after: text('after'),
    engagementsOf: text('engagementsOf'),
  };
}

/** The address's state: defaults are left out, so an untouched view has a short address. */
export function encodeDealsState(value: DealsState): ViewState {
  const state: ViewState = {};
  if (value.partnerId) state.partner = value.partnerId;
  if (value.customerId) state.customer = value.customerId;
  if (value.status) state.status = value.status;
  if (value.inForce) state.inForce = '1';
  if (value.asOf) state.asOf = value.asOf;
  if (value.after) state.after = value.after;
  if (value.engagementsOf) state.engagementsOf = value.engagementsOf;
  return state;
}

/** The contract's DealRegistrationFilter for the state; null when nothing filters. */
export function filterOf(value: DealsState): { partnerId?: string; customerId?: string; status?: RegistrationStatus; inForce?: boolean } | null {
  const filter: { partnerId?: string; customerId?: string; status?: RegistrationStatus; inForce?: boolean } = {};
  if (value.partnerId) filter.partnerId = value.partnerId;
  if (value.customerId) filter.customerId = value.customerId;
  if (value.status) filter.status = value.status;
  if (value.inForce) filter.inForce = true;
  return Object.keys(filter).length ? filter : null;
}

interface Named { id: string; name: string }

/**
 * What a person typed in a partner or customer filter, matched against the names and
 * ids known: an exact id, else one exact name, else the one name that contains the
 * text (case-insensitive). Null when nothing or more than one matches.
 */
export function matchTyped<T extends Named>(text: string, known: readonly T[]): T | null {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return null;
  const byId = known.find((k) => k.id.toLowerCase() === wanted);
  if (byId) return byId;
  const exact = known.filter((k) => k.name.toLowerCase() === wanted);
  if (exact.length === 1) return exact[0]!;
  const partial = known.filter((k) => k.name.toLowerCase().includes(wanted));
  return partial.length === 1 ? partial[0]! : null;
}

export interface RegistrationLike {
  id: string;
  registeredOn: string;
  expiresOn: string;
  status: RegistrationStatus;
  partner: Named;
}

export interface ConflictLike {
  kind: 'OVERLAPPING_REGISTRATIONS' | 'SOURCED_AGAINST_REGISTRATION';
  customer: Named;
  capability: Named;
  registrations: readonly RegistrationLike[];
  contribution?: { id: string; date: string; partner: Named } | null;
  engagement?: Named | null;
}

const span = (r: RegistrationLike) => `${r.registeredOn} to ${r.expiresOn}`;

/** A list of names as a sentence: "A", "A and B", "A, B and C". */
export function names(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** One conflict in a sentence; `asOf` is the date the overlapping ones were found on. */
export function describeConflict(conflict: ConflictLike, asOf: string): string {
  const where = `${conflict.customer.name} · ${conflict.capability.name}`;
  if (conflict.kind === 'OVERLAPPING_REGISTRATIONS') {
    const partners = [...new Set(conflict.registrations.map((r) => r.partner.name))];
    const first = conflict.registrations[0];
    return `${names(partners)} hold registrations in force for ${where} on ${asOf}`
      + (first ? `; ${first.partner.name} registered first (${first.registeredOn}) and has priority.` : '.');
  }
  const touch = conflict.contribution;
  const holder = conflict.registrations[0];
  const on = conflict.engagement ? ` on ${conflict.engagement.name}` : '';
  return `${touch?.partner.name ?? 'A partner'} claimed SOURCED${on} on ${touch?.date ?? 'an unknown date'}, `
    + `while ${holder ? `${holder.partner.name} held an APPROVED registration for ${where} (${span(holder)})` : `another partner held an APPROVED registration for ${where}`}.`;
}

/** The contract's kind, for a heading. */
export const KIND_TITLES: Record<ConflictLike['kind'], string> = {
  OVERLAPPING_REGISTRATIONS: 'Overlapping registrations',
  SOURCED_AGAINST_REGISTRATION: 'Sourced against a registration',
};

/** Why a decision cannot be sent yet, or null when it can: the contract needs a reason. */
export function decisionBlocker(reason: string): string | null {
  return reason.trim() === '' ? 'Type the reason for the decision first: it is kept with the registration and shown to the partner.' : null;
}

/** A refused decision in a channel manager's words; CONFLICT is the approval the contract refuses. */
export function decisionFailure(err: unknown, status: 'APPROVED' | 'REJECTED'): string {
  if (err instanceof ApiError && err.code === 'CONFLICT') {
    return `Not approved: ${err.message} Reject one of them, or let the other expire, before approving this one.`;
  }
  if (err instanceof ApiError && err.code === 'FORBIDDEN') return 'Only an ADMIN token approves or rejects registrations.';
  const verb = status === 'APPROVED' ? 'approved' : 'rejected';
  return `Not ${verb}: ${err instanceof Error ? err.message : String(err)}`;
}

/** "in force", "expired", "not yet in force", "rejected": a registration's state on a date. */
export function standing(r: Pick<RegistrationLike, 'registeredOn' | 'expiresOn' | 'status'>, on: string): string {
  if (r.status === 'REJECTED') return 'rejected';
  if (on < r.registeredOn) return 'not yet in force';
  if (on >= r.expiresOn) return 'expired';
  return 'in force';
}
