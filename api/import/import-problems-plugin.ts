/**
 * `importEcosystem` lists every problem of its input at once (contract: Errors, Import),
 * also when GraphQL itself refuses the variable: a date that is not real or an unknown
 * enum value stops graphql-js before any resolver runs, and its answer names only those,
 * hiding an empty name or a negative value next to them. Such a variable is handed to
 * the import's own validator instead, which reads the same shape and goes on to the rules
 * and the store with whatever of the input is readable, as `npm run import` does.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError, Kind, getVariableValues,
  type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type VariableDefinitionNode,
} from 'graphql';
import { findImportProblems } from '../../graph/import/index.ts';
import { badInput } from '../../graph/model/index.ts';
import type { Context } from '../graphql/context.ts';

export function importProblemsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          // Only ADMIN may import: nobody else learns from the store what an input lacks.
          if (operation?.operation !== 'mutation' || contextValue.principal.role !== 'ADMIN') return;
          const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
          const definition = importVariable(operation, fragments);
          if (!definition) return;
          const variables = request.variables ?? {};
          // Another refused variable: GraphQL's own answer names them all, leave it to that.
          const others = (operation.variableDefinitions ?? []).filter((d) => d !== definition);
          if (getVariableValues(schema, others, variables).errors) return;
          if (!getVariableValues(schema, [definition], variables, { maxErrors: 1 }).errors) return;

          const raw = variables[definition.variable.name.value];
          let problems;
          try {
            problems = await contextValue.graph.readTx((tx) => findImportProblems(tx, raw));
          } catch {
            return; // the store cannot be read now: GraphQL's refusal of the variable still answers
          }
          if (problems.length === 0) return; // refused by GraphQL for a reason the validator does not know
          const refusal = badInput(problems);
          throw new GraphQLError(refusal.message, { extensions: { code: refusal.code, problems, http: { status: 400 } } });
        },
      };
    },
  };
}

/** The variable given as `input` to an `importEcosystem` field of the operation, if any. */
function importVariable(operation: OperationDefinitionNode, fragments: FragmentDefinitionNode[]): VariableDefinitionNode | undefined {
  const seen = new Set<string>();
  const find = (set: SelectionSetNode): string | undefined => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const input = selection.name.value === 'importEcosystem' ? selection.arguments?.find((a) => a.name.value === 'input') : undefined;
        if (input?.value.kind === Kind.VARIABLE) return input.value.name.value;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const name = find(selection.selectionSet);
        if (name) return name;
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.find((f) => f.name.value === selection.name.value);
        const name = fragment && find(fragment.selectionSet);
        if (name) return name;
      }
    }
    return undefined;
  };
  const name = find(operation.selectionSet);
  return operation.variableDefinitions?.find((d) => d.variable.name.value === name);
}
