/** The contract's `Date` scalar: a real calendar date written YYYY-MM-DD, nothing else. */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isRealDate } from '../../graph/model/index.ts';

function parse(value: unknown): string {
  if (typeof value === 'string' && isRealDate(value)) return value;
  throw new GraphQLError(`${JSON.stringify(value)} is not a real date (YYYY-MM-DD)`, { extensions: { code: 'BAD_USER_INPUT' } });
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
    if (ast.kind !== Kind.STRING) throw new GraphQLError('A Date is a string YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
    return parse(ast.value);
  },
});
