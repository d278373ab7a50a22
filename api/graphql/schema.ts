/** The served schema, built from the type-graphql classes of every area. */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { accessResolvers } from '../access/index.ts';
import { accountabilityResolvers } from '../accountability/index.ts';
import { atRiskResolvers } from '../at-risk/index.ts';
import { auditResolvers } from '../audit/index.ts';
import { creditResolvers } from '../credit/index.ts';
import { dealsResolvers } from '../deals/index.ts';
import { directoryResolvers } from '../directory/index.ts';
import { eventsResolvers } from '../events/index.ts';
import { engagementsResolvers } from '../engagements/index.ts';
import { gapsResolvers } from '../gaps/index.ts';
import { importResolvers } from '../import/index.ts';
import { networkResolvers } from '../network/index.ts';
import { scenariosResolvers } from '../scenarios/index.ts';
import { webhooksResolvers } from '../webhooks/index.ts';

let built: Promise<GraphQLSchema> | undefined;

const NO_TOPICS: PubSub = {
  publish() { throw new Error('Subscriptions here have no topics (api/events).'); },
  subscribe() { throw new Error('Subscriptions here have no topics (api/events).'); },
};

/** Built once per process: type-graphql's metadata is global. */
export function ecomapSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    // One list per area (api/<area>/index.ts); a new area adds its list here.
    resolvers: [
      ...accessResolvers, ...directoryResolvers, ...engagementsResolvers, ...importResolvers,
      ...accountabilityResolvers, ...gapsResolvers, ...creditResolvers, ...networkResolvers, ...auditResolvers,
      ...atRiskResolvers,
      ...scenariosResolvers,
      ...webhooksResolvers,
      ...eventsResolvers,
      ...dealsResolvers,
    ],
    // Inputs are checked by graph/import/validate.ts and the resolvers, with paths.
    validate: false,
    // type-graphql insists on a PubSub once a schema has a subscription. Ours has no
    // topics: Subscription.events brings its own `subscribe` (api/events), fed by the
    // event pump from the database, which every process shares. So nothing publishes.
    pubSub: NO_TOPICS,
    // No global middlewares or auth checkers: every object type is declared with
    // `simpleResolvers: true`, so graphql-js reads a plain field straight off the row
    // instead of through type-graphql's wrapper (an object and a call per field); fields
    // with a @FieldResolver keep theirs. A middleware added here would need them back.
  });
  return built;
}
