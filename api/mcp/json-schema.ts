/**
 * The JSON Schemas of the tools. Inputs are written by hand in a small subset of JSON Schema
 * (what an agent reads: types, units, defaults, examples) and checked here against that same
 * subset, so a wrong type is refused with the argument's path before anything runs. Outputs
 * are derived from the tool's GraphQL document over the served schema: the answer is that
 * document's `data`, so its schema cannot drift from what the resolvers return.
 */
import {
  Kind, getNullableType, isEnumType, isListType, isNonNullType, isObjectType, isScalarType,
  type FieldNode, type GraphQLObjectType, type GraphQLOutputType, type GraphQLSchema, type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { clip, type Problem } from '../../graph/model/index.ts';

/** The subset of JSON Schema the tools' inputs use. */
export interface InputSchema {
  type: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  description?: string;
  enum?: readonly string[];
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  examples?: readonly unknown[];
  items?: InputSchema;
  maxItems?: number;
  properties?: Record<string, InputSchema>;
  required?: readonly string[];
  additionalProperties?: false;
}

/** Problems of `value` against `schema`, paths as in GraphQL problems (`joins[0].capabilities[1].level`). */
export function inputProblems(schema: InputSchema, value: unknown, path = ''): Problem[] {
  const at = path || '(arguments)';
  const wrong = (message: string): Problem[] => [{ path: at, message }];
  switch (schema.type) {
    case 'string': {
      if (typeof value !== 'string') return wrong(`must be a string, got ${describe(value)}`);
      if (schema.enum && !schema.enum.includes(value)) return wrong(`must be one of ${schema.enum.join(', ')}, got ${JSON.stringify(clip(value))}`);
      if (schema.maxLength !== undefined && value.length > schema.maxLength) return wrong(`must be at most ${schema.maxLength} characters, got ${value.length}`);
      if (schema.minLength !== undefined && value.length < schema.minLength) return wrong(schema.minLength === 1 ? 'must not be empty' : `must be at least ${schema.minLength} characters`);
      if (schema.pattern && !new RegExp(schema.pattern).test(value)) return wrong(`must match ${schema.pattern}, got ${JSON.stringify(clip(value))}`);
      return [];
    }
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrong(`must be a number, got ${describe(value)}`);
      if (schema.type === 'integer' && !Number.isInteger(value)) return wrong(`must be a whole number, got ${value}`);
      if (schema.minimum !== undefined && value < schema.minimum) return wrong(`must be at least ${schema.minimum}, got ${value}`);
      if (schema.maximum !== undefined && value > schema.maximum) return wrong(`must be at most ${schema.maximum}, got ${value}`);
      return [];
    }
    case 'boolean':
      return typeof value === 'boolean' ? [] : wrong(`must be true or false, got ${describe(value)}`);
    case 'array': {
      if (!Array.isArray(value)) return wrong(`must be a list, got ${describe(value)}`);
      if (schema.maxItems !== undefined && value.length > schema.maxItems) return wrong(`has ${value.length} items; at most ${schema.maxItems} are allowed`);
      return value.flatMap((item, i) => inputProblems(schema.items!, item, `${path}[${i}]`));
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return wrong(`must be an object, got ${describe(value)}`);
      const record = value as Record<string, unknown>;
      const properties = schema.properties ?? {};
      const problems: Problem[] = [];
      for (const name of schema.required ?? []) {
        if (record[name] === undefined || record[name] === null) problems.push({ path: join(path, name), message: 'is required' });
      }
      for (const [name, item] of Object.entries(record)) {
        const property = properties[name];
        if (!property) problems.push({ path: join(path, name), message: `is not an argument here; expected ${Object.keys(properties).join(', ') || 'none'}` });
        // null is "not given", as in GraphQL; required ones were reported above.
        else if (item !== null && item !== undefined) problems.push(...inputProblems(property, item, join(path, name)));
      }
      return problems;
    }
  }
}

function join(path: string, name: string): string {
  return path ? `${path}.${clip(name)}` : clip(name);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? `the string ${JSON.stringify(clip(value))}` : typeof value === 'object' ? 'an object' : `${typeof value} ${clip(String(value))}`;
}

/** JSON Schema as a tool declares it. */
export type JsonSchema = Record<string, unknown>;

/** The schema of `data` for `operation` (no fragments: the tools' documents are plain selections). */
export function outputSchemaOf(schema: GraphQLSchema, operation: OperationDefinitionNode): JsonSchema {
  const root = schema.getQueryType();
  if (!root) throw new Error('the schema has no query type');
  return objectSchema(root, operation.selectionSet);
}

function objectSchema(type: GraphQLObjectType, set: SelectionSetNode): JsonSchema {
  const fields = type.getFields();
  const properties: Record<string, JsonSchema> = {};
  for (const selection of set.selections) {
    if (selection.kind !== Kind.FIELD) throw new Error(`the tools' documents select plain fields only (${type.name})`);
    const node: FieldNode = selection;
    const field = fields[node.name.value];
    if (!field) throw new Error(`${type.name}.${node.name.value} is not in the schema`);
    const described = field.description ? { description: field.description } : {};
    properties[node.alias?.value ?? node.name.value] = { ...valueSchema(field.type, node.selectionSet), ...described };
  }
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
}

function valueSchema(type: GraphQLOutputType, set: SelectionSetNode | undefined): JsonSchema {
  const nullable = !isNonNullType(type);
  const inner = getNullableType(type);
  let schema: JsonSchema;
  if (isListType(inner)) schema = { type: 'array', items: valueSchema(inner.ofType, set) };
  else if (isObjectType(inner)) schema = objectSchema(inner, set!);
  else if (isEnumType(inner)) schema = { type: 'string', enum: inner.getValues().map((v) => v.name) };
  else if (isScalarType(inner)) schema = { type: SCALARS[inner.name] ?? 'string' };
  else throw new Error(`the tools' documents select no interfaces or unions (${String(inner)})`);
  if (!nullable) return schema;
  // null is one more allowed value: a type list for plain types, anyOf for enums and objects.
  return schema.type === 'array' || isObjectType(inner) || isEnumType(inner)
    ? { anyOf: [schema, { type: 'null' }] }
    : { ...schema, type: [schema.type, 'null'] };
}

const SCALARS: Record<string, string> = { Int: 'integer', Float: 'number', Boolean: 'boolean', ID: 'string', String: 'string', Date: 'string', DateTime: 'string' };
