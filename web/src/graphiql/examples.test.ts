/**
 * The explorer's examples are the README's (the issue: "the README's examples are one click
 * away"): each one's operation, name aside, is a `graphql` block of README.md or a query
 * one of its curl lines sends.
 */
import { readFileSync } from 'node:fs';
import { parse, print, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from './examples.ts';

/** An operation's selection and variables, printed the same way whatever its name and layout. */
function body(source: string): string | null {
  try {
    const operation = parse(source).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    return operation ? `${operation.operation} (${(operation.variableDefinitions ?? []).map(print).join(', ')}) ${print(operation.selectionSet)}` : null;
  } catch {
    return null; // a README block that is not one whole operation (a fragment of one, with "…")
  }
}

describe('the explorer examples', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  // Its graphql blocks, and the queries its curl lines send (-d '{"query": …}').
  const sources = [
    ...[...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!),
    ...[...readme.matchAll(/-d '(\{"query".*\})'/g)].map((m) => (JSON.parse(m[1]!) as { query: string }).query),
  ];
  const blocks = new Set(sources.map(body).filter((b): b is string => b !== null));

  it('are each an operation the README shows', () => {
    expect(EXAMPLES.length).toBeGreaterThan(3);
    for (const example of EXAMPLES) expect(blocks.has(body(example.query) ?? ''), example.title).toBe(true);
  });
});
