/** The contract's `DateTime` scalar: an instant in UTC, ISO 8601 with milliseconds, e.g. 2026-12-05T16:42:08.123Z. */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { clip } from '../../graph/model/index.ts';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** Any ISO 8601 instant with a zone, written back in UTC. */
function toUtc(value: unknown): string {
  const time = typeof value === 'string' && INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    const shown = typeof value === 'string' ? JSON.stringify(clip(value)) : clip(JSON.stringify(value) ?? String(value));
    throw new GraphQLError(`${shown} is not an ISO 8601 instant such as 2026-12-05T16:42:08.123Z`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return new Date(time).toISOString();
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An ISO 8601 instant in UTC, such as 2026-12-05T16:42:08.123Z.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : toUtc(value)),
  parseValue: toUtc,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('A DateTime is a string such as 2026-12-05T16:42:08.123Z', { nodes: ast, extensions: { code: 'BAD_USER_INPUT' } });
    return toUtc(ast.value);
  },
});
