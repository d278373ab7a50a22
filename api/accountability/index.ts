/**
 * Accountability, GraphQL side: `missedOutcomes`, `accountability` (who owned a failed
 * outcome on its due date, the root causes, how it spread) and a partner's track record.
 * The area's only door: nothing outside api/accountability/ imports its other files.
 */
import { AccountabilityResolver, ResponsiblePartyResolver, TrackRecordResolver } from './accountability.resolver.ts';

// The outcome lists' filter, shared by atRiskOutcomes (api/at-risk).
export { OutcomeFilter } from './accountability.type.ts';

export const accountabilityResolvers = [AccountabilityResolver, ResponsiblePartyResolver, TrackRecordResolver] as const;
