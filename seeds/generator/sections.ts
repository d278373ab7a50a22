import type { EcosystemInput } from '../../graph/model/index.ts';
import { customers } from './customers.ts';
import { dealRegistrations } from './deal-registrations.ts';
import { engagements } from './engagements.ts';
import { partners } from './partners.ts';
import type { EcosystemPlan } from './plan.ts';

/** The top-level arrays of the import file, in file order. */
export type SectionKey = keyof Required<EcosystemInput>;

/**
 * Both the in-memory and the streaming paths read these iterables, in this order, so
 * they cannot drift apart. Each call starts fresh generators.
 */
export function ecosystemSections(plan: EcosystemPlan): { [K in SectionKey]: Iterable<Required<EcosystemInput>[K][number]> } {
  return {
    regions: plan.catalog.regions,
    industries: plan.catalog.industries,
    capabilities: plan.catalog.capabilities,
    partners: partners(plan),
    customers: customers(plan),
    engagements: engagements(plan),
    // Last: it reads the engagements again (their own stream), so nothing above changes.
    dealRegistrations: dealRegistrations(plan),
  };
}
