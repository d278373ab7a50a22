/** Apollo Server over the Ecomap schema: limits, error formatting, no internals. */
import { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Context } from './context.ts';
import { formatError } from './errors.ts';
import { limitsPlugin } from './limits.ts';

/** Generous for any hand-written operation, small enough that parsing stays cheap. */
export const MAX_TOKENS = 20_000;

export async function startApollo(schema: GraphQLSchema): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({
    schema,
    // Integrators generate clients from introspection; authentication guards it.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    // Every request needs a bearer token, which a cross-site form cannot send.
    csrfPrevention: false,
    persistedQueries: false,
    parseOptions: { maxTokens: MAX_TOKENS },
    plugins: [limitsPlugin()],
  });
  await apollo.start();
  return apollo;
}
