/** The served schema, built from the type-graphql classes. */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccessResolver } from '../access/access.resolver.ts';
import {
  AnalyticsResolver, AttributionShareResolver, CapabilityGapResolver, CoverageCellResolver, EngagementGapReportResolver,
  ExitImpactResolver,
} from '../gaps/gaps.resolver.ts';
import {
  AccountabilityResolver, ResponsiblePartyResolver, TrackRecordResolver,
} from '../accountability/accountability.resolver.ts';
import { AuditResolver } from '../audit/audit.resolver.ts';
import { CustomerResolver, EngagementResolver } from '../engagements/engagement.resolver.ts';
import {
  CommitmentResolver, ContributionResolver, OutcomeResolver, ParticipationResolver,
} from '../engagements/engagement-parts.resolver.ts';
import { NetworkResolver } from '../network/network.resolver.ts';
import { PartnerResolver } from '../directory/partner.resolver.ts';
import { WriteResolver } from '../engagements/roles.resolver.ts';

let built: Promise<GraphQLSchema> | undefined;

/** Built once per process: type-graphql's metadata is global. */
export function ecomapSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [
      AccessResolver, PartnerResolver, EngagementResolver, CustomerResolver, ParticipationResolver,
      ContributionResolver, OutcomeResolver, CommitmentResolver, WriteResolver,
      AccountabilityResolver, ResponsiblePartyResolver, TrackRecordResolver,
      AnalyticsResolver, CoverageCellResolver, CapabilityGapResolver, EngagementGapReportResolver, ExitImpactResolver,
      AttributionShareResolver, NetworkResolver, AuditResolver,
    ],
    // Inputs are checked by graph/import/validate.ts and the resolvers, with paths.
    validate: false,
    // No global middlewares or auth checkers: every object type is declared with
    // `simpleResolvers: true`, so graphql-js reads a plain field straight off the row
    // instead of through type-graphql's wrapper (an object and a call per field); fields
    // with a @FieldResolver keep theirs. A middleware added here would need them back.
  });
  return built;
}
