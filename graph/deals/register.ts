/**
 * registerDeal and decideDealRegistration (contract: Deal registration). A registration
 * is stored even when it conflicts (dealConflicts reports it); the one refusal is an
 * approval while another partner holds an APPROVED registration for the same customer
 * and capability whose window overlaps: CONFLICT.
 *
 * That rule spans registrations, so it must hold under concurrency: both writes take
 * the claimed customer's lock in a statement of its own that reads nothing, and read
 * the rivals in the next statement, once the lock is held. Two approvals racing for one
 * customer run one after another, and the second sees the first. Other customers'
 * registrations do not wait.
 */
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/index.ts';
import type { Graph, Tx } from '../db/index.ts';
import { recordEvents } from '../events/index.ts';
import { AppError, badInput, clip, clipList, isRealDate, MAX_KEY_LENGTH } from '../model/index.ts';
import type { DealRegistrationInput, DealRegistrationStatus, Problem } from '../model/index.ts';
import { refreshSourcedAgainst } from './against.ts';
import { checkRegistration, expiryOf } from './window.ts';
import {
  CREATE_REGISTRATION, LOCK_CUSTOMER, LOCK_CUSTOMER_OF_REGISTRATION, READ_FOR_DECIDE, READ_FOR_REGISTER, SET_DECISION,
  type DealRegistrationRow,
} from './deals.queries.ts';


/** Who registers: `partnerId` set for a PARTNER token, which registers for that partner only. */
export interface Registrant {
  actor: Actor;
  partnerId: string | null;
}

const ADMIN_REGISTRANT: Registrant = { actor: SYSTEM_ACTOR, partnerId: null };

/** Stores a new registration; `today` is the date `inForce` of the answer is computed for. */
export async function registerDeal(
  graph: Graph, input: DealRegistrationInput, today: string, registrant: Registrant = ADMIN_REGISTRANT,
): Promise<DealRegistrationRow> {
  const status: DealRegistrationStatus = input.status ?? 'PENDING';
  if (registrant.partnerId !== null && input.partner !== registrant.partnerId) {
    throw new AppError('FORBIDDEN', 'A PARTNER token registers deals for its own partner only.');
  }
  if (registrant.partnerId !== null && status !== 'PENDING') {
    throw new AppError('FORBIDDEN', 'Only an ADMIN token approves or rejects a registration.');
  }
  const problems = inputProblems(input);
  if (problems.length > 0) throw badInput(problems);
  const params = {
    id: input.id, partner: input.partner, customer: input.customer, capability: input.capability,
    registeredOn: input.registeredOn, expiresOn: expiryOf(input), status, reason: input.reason ?? null, today,
  };
  return graph.writeTx(async (tx) => {
    await tx.run(LOCK_CUSTOMER, params);
    const [row] = await tx.run<{
      partnerExists: boolean; customerExists: boolean; capabilityExists: boolean; idTaken: boolean; rivals: string[];
    }>(READ_FOR_REGISTER, params);
    const unknown: Problem[] = [];
    if (!row!.partnerExists) unknown.push({ path: 'input.partner', message: `unknown partner "${clip(input.partner)}"` });
    if (!row!.customerExists) unknown.push({ path: 'input.customer', message: `unknown customer "${clip(input.customer)}"` });
    if (!row!.capabilityExists) unknown.push({ path: 'input.capability', message: `unknown capability "${clip(input.capability)}"` });
    if (unknown.length > 0) throw badInput(unknown);
    if (row!.idTaken) {
      throw new AppError('CONFLICT', `A deal registration "${clip(input.id)}" exists already.`, [{ path: 'input.id', message: 'is taken' }]);
    }
    refuseRivals(row!.rivals, 'input.status');
    const [created] = await tx.run<{ registration: DealRegistrationRow }>(CREATE_REGISTRATION, params);
    // Only an APPROVED registration has SOURCED touches against it.
    if (status === 'APPROVED') await refreshSourcedAgainst(tx, [input.customer]);
    await recordAudit(tx, registrant.actor, 'registerDeal', [input.id]);
    await recordEvents(tx, [{
      type: 'deal.registered', engagementId: null, partnerIds: [input.partner],
      data: {
        registrationId: input.id, partnerId: input.partner, customerId: input.customer, capabilityId: input.capability,
        registeredOn: params.registeredOn, expiresOn: params.expiresOn, status,
      },
    }]);
    return created!.registration;
  });
}

/**
 * Approves or rejects a registration, with a reason (ADMIN only: the resolver checks).
 * Deciding it the same way with the same reason again changes nothing and records no event.
 */
export async function decideDealRegistration(
  graph: Graph, id: string, status: DealRegistrationStatus, reason: string, today: string, actor: Actor = SYSTEM_ACTOR,
): Promise<DealRegistrationRow> {
  const problems: Problem[] = [];
  if (status === 'PENDING') problems.push({ path: 'status', message: 'a decision approves or rejects: APPROVED or REJECTED' });
  if (reason.trim() === '') problems.push({ path: 'reason', message: 'must not be empty' });
  if (problems.length > 0) throw badInput(problems);
  return graph.writeTx(async (tx) => {
    const row = await readLockedForDecision(tx, id, status);
    refuseRivals(row.rivals, 'status');
    const [changed] = await tx.run<{ registration: DealRegistrationRow }>(SET_DECISION, { id, status, reason, today });
    if (row.previous !== status) await refreshSourcedAgainst(tx, [row.customer]);
    await recordAudit(tx, actor, 'decideDealRegistration', [id]);
    if (row.previous !== status || row.previousReason !== reason) {
      await recordEvents(tx, [{
        type: 'deal.decided', engagementId: null, partnerIds: [row.partner],
        data: { registrationId: id, partnerId: row.partner, customerId: row.customer, from: row.previous, to: status, reason },
      }]);
    }
    return changed!.registration;
  });
}

interface DecisionRead {
  customer: string; partner: string; capability: string; previous: DealRegistrationStatus; previousReason: string | null; rivals: string[];
}

/**
 * Locks the registration's customer, then reads the registration. An import may move a
 * registration to another customer between the two statements (it never holds that
 * customer's lock while it does): then the other customer is locked too and it reads again.
 */
async function readLockedForDecision(tx: Tx, id: string, status: DealRegistrationStatus): Promise<DecisionRead> {
  const locked = new Set<string>();
  for (;;) {
    const [lock] = await tx.run<{ customer: string }>(LOCK_CUSTOMER_OF_REGISTRATION, { id });
    if (!lock) throw new AppError('NOT_FOUND', `No deal registration "${clip(id)}".`);
    locked.add(lock.customer);
    const [row] = await tx.run<DecisionRead>(READ_FOR_DECIDE, { id, status });
    if (!row) throw new AppError('NOT_FOUND', `No deal registration "${clip(id)}".`);
    if (locked.has(row.customer)) return row;
  }
}

function refuseRivals(rivals: string[], path: string): void {
  if (rivals.length === 0) return;
  throw new AppError('CONFLICT',
    `Another partner holds an APPROVED registration for this customer and capability with overlapping dates: ${clipList(rivals, 5)}.`,
    [{ path, message: `overlaps APPROVED registration ${clipList(rivals, 5)} of another partner` }]);
}

/** The input's own problems, with paths under `input.` as GraphQL names the argument. */
function inputProblems(input: DealRegistrationInput): Problem[] {
  const problems: Problem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  for (const field of ['id', 'partner', 'customer', 'capability'] as const) {
    const value = input[field];
    if (value.trim() === '') problem(`input.${field}`, 'must not be empty');
    else if (value.length > MAX_KEY_LENGTH) problem(`input.${field}`, `must be at most ${MAX_KEY_LENGTH} characters long, got ${value.length}`);
  }
  for (const field of ['registeredOn', 'expiresOn'] as const) {
    const value = input[field];
    if (value !== undefined && value !== null && !isRealDate(value)) problem(`input.${field}`, `"${clip(value)}" is not a real date (YYYY-MM-DD)`);
  }
  checkRegistration(input, 'input.', problem);
  return problems;
}
