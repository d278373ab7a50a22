/**
 * Credit, GraphQL side: `attribution` by the multi-touch models and `ecosystemHealth`.
 * The area's only door: nothing outside api/credit/ imports its other files.
 */
import { AttributionShareResolver, CreditResolver } from './credit.resolver.ts';

// The health type, shared by scenario (api/scenarios).
export { EcosystemHealth } from './credit.type.ts';

export const creditResolvers = [CreditResolver, AttributionShareResolver] as const;
