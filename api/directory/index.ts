/**
 * The directory's GraphQL side: partners, customers, regions, industries, capabilities.
 * The area's only door: nothing outside api/directory/ imports its other files. Fields
 * of these types that lead elsewhere (a partner's participations, a customer's
 * engagements, a track record) are resolved by the areas they lead into.
 */
import { CustomerResolver } from './customer.resolver.ts';
import { PartnerResolver } from './partner.resolver.ts';

export {
  Capability, CapabilityHolding, CapabilityRequirement, Customer, Industry, Partner, PartnerConnection, Region,
} from './directory.type.ts';

export const directoryResolvers = [PartnerResolver, CustomerResolver] as const;
