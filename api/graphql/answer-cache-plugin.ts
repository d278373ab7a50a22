/**
 * Marks the requests whose answer api/server/answer-cache.ts may keep: the operation is
 * known (after the limits check), it selects only cached root fields, and the answer has
 * no errors. Reads the graph version before execution, so an answer is never stored
 * under a version newer than the data it was computed from.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { graphVersion } from '../../graph/db/index.ts';
import { isCachedOperation, staleableNetwork } from '../server/answer-cache.ts';
import type { Context } from './context.ts';

export function answerCachePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const slot = contextValue.answerCache;
          if (!slot || !operation || !isCachedOperation(operation)) return;
          slot.version ??= await graphVersion(contextValue.graph);
          slot.cacheable = true;
          slot.staleable = staleableNetwork(operation) ?? undefined;
        },
        async willSendResponse({ response, contextValue }) {
          const slot = contextValue.answerCache;
          if (slot && (response.body.kind !== 'single' || response.body.singleResult.errors)) slot.cacheable = false;
        },
      };
    },
  };
}
