/** Apollo Server over the Ecomap schema: limits, error formatting, no internals. */
// Before anything that loads type-graphql classes (api/import/, for its plugin): their decorators need it.
import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Context } from './context.ts';
import { formatError, internalErrorLogPlugin } from './errors.ts';
import { answerCachePlugin } from './answer-cache-plugin.ts';
import { limitsPlugin } from './limits.ts';
import { selectionPlugin } from './selection.ts';
import { importProblemsPlugin } from '../import/index.ts';
import { legacyJsonStatusPlugin } from '../server/legacy-json.ts';

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
    // main.ts owns SIGINT/SIGTERM: stop HTTP first, then Apollo, then the graph.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: MAX_TOKENS },
    // Every answer from /graphql is JSON (contract: Errors). Apollo's default landing page
    // would answer a browser's GET (Accept: text/html) with an HTML page that loads scripts
    // from Apollo's CDN; the web view lives at / instead.
    // Cache-control hints are unused here and cost 2-4x on large answers (measured on network).
    plugins: [
      limitsPlugin(), selectionPlugin(), answerCachePlugin(), internalErrorLogPlugin(), importProblemsPlugin(), legacyJsonStatusPlugin(), ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(), ApolloServerPluginInlineTraceDisabled(),
    ],
  });
  await apollo.start();
  return apollo;
}
