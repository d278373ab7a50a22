/**
 * Engagements and roles, GraphQL side: engagements and what they hold (participations,
 * contributions, outcomes, commitments), the role-interval writes and status changes,
 * and the directory's ways into them (Customer.engagements, Partner.participations).
 * The area's only door: nothing outside api/engagements/ imports its other files.
 */
import { CustomerEngagementsResolver, PartnerParticipationsResolver } from './directory-engagements.resolver.ts';
import {
  CommitmentResolver, ContributionResolver, OutcomeResolver, ParticipationResolver,
} from './engagement-parts.resolver.ts';
import { EngagementResolver } from './engagement.resolver.ts';
import { RolesResolver } from './roles.resolver.ts';

export { Commitment, Contribution, Engagement, Outcome } from './engagement.type.ts';

export const engagementsResolvers = [
  EngagementResolver, CustomerEngagementsResolver, PartnerParticipationsResolver, ParticipationResolver,
  ContributionResolver, OutcomeResolver, CommitmentResolver, RolesResolver,
] as const;
