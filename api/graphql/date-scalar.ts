/** The contract's `Date` scalar: a real calendar date written YYYY-MM-DD, nothing else. */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { clip, isRealDate } from '../../graph/model/index.ts';

function parse(value: unknown): string {
  if (typeof value === 'string' && isRealDate(value)) return value;
  throw new GraphQLError(`${typeof value === 'string' ? JSON.stringify(clip(value)) : clip(JSON.stringify(value) ?? String(value))} is not a real date (YYYY-MM-DD)`, { extensions: { code: 'BAD_USER_INPUT' } });
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'An ISO-8601 calendar date, YYYY-MM-DD.',
  serialize: (value) => {
    if (typeof value === 'string') return value.slice(0, 10);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    throw new GraphQLError('Date cannot represent this value');
  },
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new DateLiteralError('A Date is a string YYYY-MM-DD', ast);
    try {
      return parse(ast.value);
    } catch (err) {
      throw new DateLiteralError((err as Error).message, ast);
    }
  },
});

/**
 * A Date written in the document itself that is not one. graphql-js finds it while
 * validating the document, but it is the client's input as much as the same value in a
 * variable: errors.ts answers it as BAD_USER_INPUT with its path, found from `ast`.
 */
export class DateLiteralError extends GraphQLError {
  constructor(message: string, ast: ValueNode) {
    super(message, { nodes: ast, extensions: { code: 'BAD_USER_INPUT' } });
  }
}
