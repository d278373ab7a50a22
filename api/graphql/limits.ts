/**
 * Request limits (contract: Errors), checked once the operation is known and before
 * anything runs: `first` at most 100, depth at most 12, at most 30 aliases, a cost
 * limit, and a length limit on every list in an argument (LIST_LIMITS). Each refusal is
 * a clear error, never a hang.
 *
 * Cost counts the objects an operation may return: every object field counts once
 * per parent it can appear under; a field with `first` multiplies what is below it by
 * `first`; another list multiplies by LIST_FACTOR. 100 partners with 100
 * participations each is 100 + 100 × 100 objects, over MAX_COST.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError, Kind, getNamedType, getNullableType, isInputObjectType, isListType, isObjectType, valueFromASTUntyped,
  type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLInputType, type GraphQLObjectType, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode, type ValueNode,
} from 'graphql';
import type { Problem } from '../../graph/model/index.ts';

export const LIMITS = { maxDepth: 12, maxAliases: 30, maxFirst: 100, maxCost: 10_000, listFactor: 3, maxSelections: 20_000 } as const;

/**
 * How many items a list in an argument may hold, found by walking the argument's type, so
 * every list of every operation (ids, filter lists, lists inside input objects, those of
 * operations added later) is bounded, written literally or sent as a variable. 800,000 ids
 * of `exitImpact` cost 8–20 s and 1.3 GB; 100,000 filter values held the database until
 * its time limit. `byInputType` names the exceptions: the import's record lists, which a
 * 10 MB body (MAX_BODY_BYTES) fills with about 10,000 engagements, are bounded by the body
 * first; `importEcosystem` is ADMIN's and its problems are capped (api/graphql/errors.ts).
 */
export const LIST_LIMITS: { items: number; byInputType: Readonly<Record<string, number>> } = {
  items: 1_000,
  byInputType: { EcosystemInput: 100_000 },
};

/** Input types nest a few levels; a recursive one sent a deep value stops being walked here (coercion still checks it). */
const MAX_INPUT_DEPTH = 32;

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  aliases: number;
  depth: number;
  cost: number;
  /** Selections walked so far, fragments expanded: bounds the walk itself. */
  selections: number;
  /** Fragment names on the current path, so a cycle (already refused by validation) cannot loop. */
  visiting: Set<string>;
  /** Lists over LIST_LIMITS, by field and argument path (a fragment spread twice is reported once). */
  tooLong: Map<string, Problem>;
  /** Response keys from the root to the field being walked (`partners`, `a1`, `partner.participations`). */
  at: string[];
}

export function limitsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          // Over HTTP graphql-js would run the subscription field once, as a query, without
          // an event: subscriptions live on the WebSocket (api/events/live-server.ts).
          if (operation.operation === 'subscription') {
            throw new GraphQLError('Subscriptions are served over the graphql-ws protocol: open a WebSocket to /graphql.', {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          checkLimits(schema, document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION),
            operation, request.variables ?? {});
        },
      };
    },
  };
}

export function checkLimits(
  schema: GraphQLSchema, fragments: FragmentDefinitionNode[], operation: OperationDefinitionNode, variables: Record<string, unknown>,
): void {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  // graphql-js validates a subscription against a schema without any and only fails at execution, without a code.
  if (!root) {
    throw new GraphQLError(`This API has no ${operation.operation} operations.`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
  }
  const walk: Walk = {
    schema, variables: withDefaults(operation, variables), aliases: 0, depth: 0, cost: 0, selections: 0, visiting: new Set(),
    fragments: Object.fromEntries(fragments.map((f) => [f.name.value, f])), tooLong: new Map(), at: [],
  };
  visit(walk, operation.selectionSet, root, 1, 1);
  if (walk.tooLong.size > 0) {
    const problems = [...walk.tooLong.values()];
    throw new GraphQLError(
      problems.length === 1 ? `The list ${problems[0]!.path} ${problems[0]!.message}.` : `${problems.length} lists in the arguments are too long.`,
      { extensions: { code: 'BAD_USER_INPUT', problems, http: { status: 400 } } },
    );
  }
  if (walk.aliases > LIMITS.maxAliases) tooComplex(`The operation uses ${walk.aliases} aliases; at most ${LIMITS.maxAliases} are allowed.`);
  if (walk.depth > LIMITS.maxDepth) tooComplex(`The operation is more than ${LIMITS.maxDepth} levels deep; at most ${LIMITS.maxDepth} are allowed.`);
  if (walk.cost > LIMITS.maxCost) {
    tooComplex(`The operation could return about ${Math.round(walk.cost)} objects; at most ${LIMITS.maxCost} are allowed. Ask for smaller pages.`);
  }
}

/**
 * The variables as execution will see them: an omitted variable takes the default its
 * definition declares, so `query($n: Int = 100)` is sized at 100, not at the field's default.
 */
function withDefaults(operation: OperationDefinitionNode, given: Record<string, unknown>): Record<string, unknown> {
  const variables = { ...given };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (variables[name] === undefined && definition.defaultValue) variables[name] = valueFromASTUntyped(definition.defaultValue);
  }
  return variables;
}

function visit(walk: Walk, set: SelectionSetNode, type: GraphQLObjectType, depth: number, multiplier: number): void {
  for (const selection of set.selections) {
    // A fragment spread twice, whose fragment spreads the next one twice, and so on, is a
    // small document that expands exponentially: stop walking long before that hurts.
    if (++walk.selections > LIMITS.maxSelections) {
      tooComplex(`The operation expands to more than ${LIMITS.maxSelections} selections once its fragments are spread.`);
    }
    if (selection.kind === Kind.FIELD) {
      visitField(walk, selection, type, depth, multiplier);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : type;
      visit(walk, selection.selectionSet, isObjectType(on) ? on : type, depth, multiplier);
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments[name];
      if (!fragment || walk.visiting.has(name)) continue;
      walk.visiting.add(name);
      const on = walk.schema.getType(fragment.typeCondition.name.value);
      visit(walk, fragment.selectionSet, isObjectType(on) ? on : type, depth, multiplier);
      walk.visiting.delete(name);
    }
  }
}

function visitField(walk: Walk, node: FieldNode, parent: GraphQLObjectType, depth: number, multiplier: number): void {
  if (node.alias) walk.aliases++;
  const name = node.name.value;
  // Introspection is bounded by the schema itself; it is open to every authenticated request.
  if (name.startsWith('__')) return;
  walk.depth = Math.max(walk.depth, depth);
  // Past the limit the operation is refused whatever lies below: walking a selection
  // 2,000 levels deep on would overflow the stack (as it did, once, under a busy test run).
  if (depth > LIMITS.maxDepth) return;
  const field: GraphQLField<unknown, unknown> | undefined = parent.getFields()[name];
  if (!field) return;
  walk.at.push(node.alias?.value ?? name);
  for (const argument of node.arguments ?? []) {
    const definition = field.args.find((a) => a.name === argument.name.value);
    if (definition) checkLiteral(walk, argument.value, definition.type, argument.name.value, null, 0);
  }
  if (!node.selectionSet) {
    walk.at.pop();
    return;
  }
  const first = firstArgument(walk, node, field);
  const returnsList = isListType(getNullableType(field.type));
  walk.cost += multiplier;
  // `edges` is the list that `first` already sized.
  const below = multiplier * (first ?? (returnsList && name !== 'edges' ? LIMITS.listFactor : 1));
  const named = getNamedType(field.type);
  if (isObjectType(named)) visit(walk, node.selectionSet, named, depth + 1, below);
  walk.at.pop();
}

/** The value of a `first` argument (its default when omitted); refuses one over the limit. */
function firstArgument(walk: Walk, node: FieldNode, field: GraphQLField<unknown, unknown>): number | null {
  const definition = field.args.find((a) => a.name === 'first');
  if (!definition) return null;
  const given = node.arguments?.find((a) => a.name.value === 'first');
  const value = given ? valueFromASTUntyped(given.value, walk.variables) : definition.defaultValue;
  const n = typeof value === 'number' ? value : typeof definition.defaultValue === 'number' ? definition.defaultValue : 20;
  if (n > LIMITS.maxFirst || n < 0) {
    throw new GraphQLError(`"first" must be between 0 and ${LIMITS.maxFirst}.`, {
      extensions: { code: 'BAD_USER_INPUT', problems: [{ path: 'first', message: `must be between 0 and ${LIMITS.maxFirst}` }], http: { status: 400 } },
    });
  }
  return n;
}

/** The most items a list may hold: its input type's exception, or LIST_LIMITS.items. */
function maxItems(owner: string | null): number {
  return (owner !== null ? LIST_LIMITS.byInputType[owner] : undefined) ?? LIST_LIMITS.items;
}

/** The problem's path is the argument's (as resolvers' problems); the message names the field, which a request error has no `path` for. */
function tooLong(walk: Walk, path: string, items: number, max: number): void {
  const field = walk.at.join('.');
  walk.tooLong.set(`${field}(${path})`, { path, message: `has ${items} items in ${field}; at most ${max} are allowed` });
}

/**
 * Checks the lists of an argument written in the document; a variable inside it is checked
 * as sent. `owner` is the input type whose field holds the value, null for an argument.
 */
function checkLiteral(walk: Walk, value: ValueNode, type: GraphQLInputType, path: string, owner: string | null, depth: number): void {
  if (value.kind === Kind.VARIABLE) return checkSent(walk, walk.variables[value.name.value], type, path, owner, depth);
  const inner = getNullableType(type);
  if (depth > MAX_INPUT_DEPTH) return;
  if (isListType(inner)) {
    // A single value where a list is expected is a list of one (GraphQL input coercion).
    const items = value.kind === Kind.LIST ? value.values : [value];
    const max = maxItems(owner);
    if (items.length > max) return tooLong(walk, path, items.length, max);
    items.forEach((item, i) => checkLiteral(walk, item, inner.ofType, `${path}[${i}]`, null, depth + 1));
  } else if (isInputObjectType(inner) && value.kind === Kind.OBJECT) {
    const fields = inner.getFields();
    for (const field of value.fields) {
      const definition = fields[field.name.value];
      if (definition) checkLiteral(walk, field.value, definition.type, `${path}.${field.name.value}`, inner.name, depth + 1);
    }
  }
}

/** The same for a value sent in `variables`: only the type's own fields are walked, never the keys a client made up. */
function checkSent(walk: Walk, value: unknown, type: GraphQLInputType, path: string, owner: string | null, depth: number): void {
  if (value === null || value === undefined || depth > MAX_INPUT_DEPTH) return;
  const inner = getNullableType(type);
  if (isListType(inner)) {
    const items = Array.isArray(value) ? value : [value];
    const max = maxItems(owner);
    if (items.length > max) return tooLong(walk, path, items.length, max);
    items.forEach((item, i) => checkSent(walk, item, inner.ofType, `${path}[${i}]`, null, depth + 1));
  } else if (isInputObjectType(inner) && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const field of Object.values(inner.getFields())) {
      if (Object.hasOwn(record, field.name)) checkSent(walk, record[field.name], field.type, `${path}.${field.name}`, inner.name, depth + 1);
    }
  }
}

function tooComplex(message: string): never {
  throw new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
}
