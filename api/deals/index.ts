/**
 * Deal registration, GraphQL side: DealRegistration and DealConflict, `registerDeal`,
 * `decideDealRegistration`, `dealRegistrations` and `dealConflicts`.
 * The area's only door: nothing outside api/deals/ imports its other files.
 */
import { DealConflictResolver, DealRegistrationResolver } from './deals.resolver.ts';

// The registration's input, shared by the import's EcosystemInput (api/import); the
// conflict, shared by attribution's flag (api/credit).
export { DealConflict, DealRegistrationInput } from './deal.type.ts';

export const dealsResolvers = [DealRegistrationResolver, DealConflictResolver] as const;
