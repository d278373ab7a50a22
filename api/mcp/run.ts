/**
 * Runs a tool: its GraphQL document, executed by graphql-js against the served schema with
 * a context made as /graphql makes it (api/graphql/context.ts), after the same limits check
 * (api/graphql/limits.ts), its errors in the same words and codes (api/graphql/errors.ts).
 * Documents are parsed and validated once per schema; an invalid one stops the server's
 * start, not a call.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { execute, GraphQLError, Kind, parse, validate, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { ErrorCode, Problem } from '../../graph/model/index.ts';
import { selectionOf } from '../graphql/selection.ts';
import type { Context } from '../graphql/context.ts';
import { formatError } from '../graphql/errors.ts';
import { checkLimits } from '../graphql/limits.ts';
import { isCachedOperation } from '../server/answer-cache.ts';
import { outputSchemaOf, type JsonSchema } from './json-schema.ts';
import { TOOLS, type Tool } from './tools.ts';

export interface PreparedTool {
  tool: Tool;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  outputSchema: JsonSchema;
  /** Its answer may be kept until the next write, as /graphql keeps the same root field's (answers.ts). */
  keepable: boolean;
}

/** A refusal in the contract's words. */
export interface ToolError {
  code: ErrorCode;
  message: string;
  problems?: Problem[];
}

type Answer = { data: Record<string, unknown> } | { errors: ToolError[] };

const prepared = new WeakMap<GraphQLSchema, ReadonlyMap<string, PreparedTool>>();

/** Every tool, ready to run on `schema` (once per schema). */
export function prepareTools(schema: GraphQLSchema): ReadonlyMap<string, PreparedTool> {
  let tools = prepared.get(schema);
  if (!tools) {
    tools = new Map(TOOLS.map((tool) => [tool.name, prepareTool(schema, tool)]));
    prepared.set(schema, tools);
  }
  return tools;
}

function prepareTool(schema: GraphQLSchema, tool: Tool): PreparedTool {
  const document = parse(tool.document);
  const invalid = validate(schema, document);
  if (invalid.length > 0) throw new Error(`The document of the MCP tool ${tool.name} does not fit the schema: ${invalid.map((e) => e.message).join('; ')}`);
  const [operation, ...others] = document.definitions;
  if (operation?.kind !== Kind.OPERATION_DEFINITION || others.length > 0) throw new Error(`The document of the MCP tool ${tool.name} must be one operation`);
  return { tool, document, operation, outputSchema: outputSchemaOf(schema, operation), keepable: isCachedOperation(operation) };
}

export async function runTool(schema: GraphQLSchema, tool: PreparedTool, args: Record<string, unknown>, context: Context): Promise<Answer> {
  // A variable given as undefined is not "not given" to graphql-js's coercion.
  const variables = Object.fromEntries(Object.entries(tool.tool.variables(args)).filter(([, v]) => v !== undefined));
  try {
    checkLimits(schema, [], tool.operation, variables);
  } catch (err) {
    if (err instanceof GraphQLError) return { errors: [toolError(err, context)] };
    throw err;
  }
  context.loaders.selection = selectionOf(schema, tool.document);
  const result = await execute({ schema, document: tool.document, variableValues: variables, contextValue: context });
  if (result.errors && result.errors.length > 0) {
    // No data at all: graphql-js refused the variables before anything ran, which is the
    // caller's input (Apollo answers BAD_USER_INPUT for it too).
    const refused = !('data' in result);
    return {
      errors: result.errors.map((e) => toolError(refused && e.extensions.code === undefined
        ? new GraphQLError(e.message, { extensions: { code: 'BAD_USER_INPUT' } })
        : e, context)),
    };
  }
  return { data: (result.data ?? {}) as Record<string, unknown> };
}

/** As /graphql formats it; what the client sees as INTERNAL_SERVER_ERROR goes to the log, as internalErrorLogPlugin does. */
function toolError(error: GraphQLError, context: Context): ToolError {
  const formatted = formatError(error.toJSON(), error);
  const code = formatted.extensions!.code as ErrorCode;
  if (code === 'INTERNAL_SERVER_ERROR') {
    const original = unwrapResolverError(error) as { cause?: unknown } | undefined;
    context.reportInternal(original?.cause ?? original ?? error);
  }
  const problems = formatted.extensions!.problems as Problem[] | undefined;
  return { code, message: formatted.message, ...(problems ? { problems } : {}) };
}
