/**
 * Where a literal value sits in a document, as a problem's path: the argument's name for
 * the value itself, the path below it otherwise (`from`; `engagements[0].startDate` in
 * `importEcosystem(input: …)`), like the paths of a refused variable (errors.ts
 * variableProblems). graphql-js reports a bad literal with its position only.
 */
import { BREAK, Kind, parse, visit, type DocumentNode, type Source, type ValueNode } from 'graphql';

/** The document is parsed again once per request that has such an error, not once per error. */
const documents = new WeakMap<Source, DocumentNode>();

export function literalPath(source: Source, position: number): string | undefined {
  let document = documents.get(source);
  if (!document) {
    document = parse(source);
    documents.set(source, document);
  }
  let found: string | undefined;
  visit(document, {
    enter(node) {
      if (node.loc && (position < node.loc.start || position >= node.loc.end)) return false; // not in there
      if (node.kind === Kind.ARGUMENT) found = pathIn(node.value, position, '', node.name.value);
      else if (node.kind === Kind.VARIABLE_DEFINITION && node.defaultValue) found = pathIn(node.defaultValue, position, '', node.variable.name.value);
      else return undefined;
      return found === undefined ? false : BREAK;
    },
  });
  return found;
}

function pathIn(value: ValueNode, position: number, path: string, name: string): string | undefined {
  if (value.loc?.start === position) return path || name;
  const inside = (v: ValueNode) => v.loc !== undefined && v.loc.start <= position && position < v.loc.end;
  if (value.kind === Kind.OBJECT) {
    const field = value.fields.find((f) => inside(f.value));
    return field ? pathIn(field.value, position, path ? `${path}.${field.name.value}` : field.name.value, name) : undefined;
  }
  if (value.kind === Kind.LIST) {
    const i = value.values.findIndex(inside);
    return i >= 0 ? pathIn(value.values[i]!, position, `${path}[${i}]`, name) : undefined;
  }
  return undefined;
}
