/** The served schema, built from the type-graphql classes of every area. */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { accessResolvers } from '../access/index.ts';
import { accountabilityResolvers } from '../accountability/index.ts';
import { atRiskResolvers } from '../at-risk/index.ts';
import { auditResolvers } from '../audit/index.ts';
import { creditResolvers } from '../credit/index.ts';
import { directoryResolvers } from '../directory/index.ts';
import { engagementsResolvers } from '../engagements/index.ts';
import { gapsResolvers } from '../gaps/index.ts';
import { importResolvers } from '../import/index.ts';
import { networkResolvers } from '../network/index.ts';
import { scenariosResolvers } from '../scenarios/index.ts';

let built: Promise<GraphQLSchema> | undefined;

/** Built once per process: type-graphql's metadata is global. */
export function ecomapSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    // One list per area (api/<area>/index.ts); a new area adds its list here.
    resolvers: [
      ...accessResolvers, ...directoryResolvers, ...engagementsResolvers, ...importResolvers,
      ...accountabilityResolvers, ...gapsResolvers, ...creditResolvers, ...networkResolvers, ...auditResolvers,
      ...atRiskResolvers,
      ...scenariosResolvers,
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
