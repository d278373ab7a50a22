/**
 * Deal registration (contract: Deal registration): registrations of a partner's claim on
 * a customer and capability for a window, the writes that store and decide them (an
 * approval that overlaps another partner's APPROVED one is refused, also under
 * concurrency), the `dealRegistrations` page within the caller's scope, and the
 * conflicts, whose SOURCED_AGAINST_REGISTRATION rows attribution shares. The pairs
 * behind those are kept in the graph ((:Contribution)-[:AGAINST]->(:DealRegistration));
 * every write that can change one refreshes them (refreshSourcedAgainst).
 *
 * The area's only door: nothing outside graph/deals/ imports its other files.
 */
export { ensureSourcedAgainst, markSourcedAgainstBuilt, refreshSourcedAgainst } from './against.ts';
export { REFRESH_SOURCED_AGAINST } from './against.queries.ts';
export { ALL_CONFLICT_FIELDS, CONFLICT_COLUMNS, conflictShape } from './conflicts.queries.ts';
export type { ConflictColumns, ConflictFields, DealConflictRow } from './conflicts.queries.ts';
export { dealConflicts } from './conflicts.ts';
export type { DealRegistrationRow } from './deals.queries.ts';
export { decideDealRegistration, registerDeal } from './register.ts';
export { checkRegistration, expiryOf } from './window.ts';
export type { Registrant } from './register.ts';
export { dealRegistrationPage } from './registrations.ts';
export type { DealRegistrationFilter } from './registrations.ts';
