/**
 * Every error a client sees carries one of the contract's codes and a message meant
 * for people: no stack traces, Cypher, or driver messages. What is not ours to
 * explain becomes INTERNAL_SERVER_ERROR, and the original goes to the server log.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { AppError, ERROR_CODES, QUOTE_CHARS, badInput, clip, type ErrorCode, type Problem } from '../../graph/model/index.ts';
import { DateLiteralError } from './date-scalar.ts';
import { literalPath } from './literal-path.ts';

/** Apollo's own codes, in the contract's words. */
const APOLLO_CODES: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  OPERATION_RESOLUTION_FAILURE: 'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_USER_INPUT',
};

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: clipMessage(formatted.message), locations: formatted.locations, path: formatted.path };
  if (original instanceof AppError) {
    return { ...base, message: clipMessage(original.message), extensions: withProblems({ code: original.code }, original.problems) };
  }
  const given = String(formatted.extensions?.code ?? '');
  // graphql-js: "Document contains more that N tokens" (sic); only that parse failure is a limit.
  if (given === 'GRAPHQL_PARSE_FAILED' && /Document contains more th(?:at|an) \d+ tokens/.test(formatted.message)) {
    return { ...base, extensions: { code: 'QUERY_TOO_COMPLEX' } };
  }
  // A document nested a few thousand levels deep (`{a{a{a…`, `[[[…`) overflows the stack of
  // graphql-js's recursive parser or validation before our depth limit sees it: it is over
  // that limit all the same, and the engine's own message is not for clients.
  if ((given === 'GRAPHQL_PARSE_FAILED' || given === 'GRAPHQL_VALIDATION_FAILED') && isStackOverflow(original, formatted.message)) {
    return { ...base, message: 'The operation is nested too deeply.', extensions: { code: 'QUERY_TOO_COMPLEX' } };
  }
  // graphql-js gives up comparing selections that could conflict past a work budget and
  // says only "Validation aborted." (1,000 copies of one field do it): a limit, explained.
  if (given === 'GRAPHQL_VALIDATION_FAILED' && formatted.message === 'Validation aborted.') {
    return {
      ...base,
      message: 'The operation selects the same fields too many times to check that they can be merged; select each field once.',
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    };
  }
  const literal = given === 'GRAPHQL_VALIDATION_FAILED' ? dateLiteralRefusal(error) : undefined;
  if (literal) return { ...base, message: clipMessage(literal.message), extensions: withProblems({ code: literal.code }, literal.problems) };
  const code = (ERROR_CODES as readonly string[]).includes(given) ? (given as ErrorCode) : APOLLO_CODES[given];
  if (code && code !== 'INTERNAL_SERVER_ERROR') {
    const problems = (formatted.extensions?.problems as Problem[] | undefined) ?? (code === 'BAD_USER_INPUT' ? variableProblems(formatted.message) : undefined);
    return { ...base, extensions: withProblems({ code }, problems) };
  }
  return { message: 'Something went wrong on the server.', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function isStackOverflow(original: unknown, message: string): boolean {
  const cause = (original as { originalError?: unknown } | null)?.originalError ?? original;
  return cause instanceof RangeError || /^Maximum call stack size exceeded$/.test(message);
}

/** Problems an answer lists (contract: Errors): the first 100, in input order, and `problemCount`, all of them. */
export const MAX_PROBLEMS = 100;

/**
 * Where every problem leaves for a client. An input of 800,000 bad ids answered 57 MB of
 * problems; the CLI, which does not come through here, still lists them all.
 */
function withProblems(extensions: { code: ErrorCode }, problems: Problem[] | undefined): Record<string, unknown> {
  if (!problems || problems.length === 0) return extensions;
  const shown = problems.slice(0, MAX_PROBLEMS).map((p) => ({ path: clip(String(p.path), MAX_MESSAGE_CHARS), message: clipMessage(String(p.message)) }));
  return { ...extensions, problems: shown, problemCount: problems.length };
}

/** The longest message (or problem message) an answer carries. */
export const MAX_MESSAGE_CHARS = 500;

/**
 * A quoted string in a message that reaches this pass: more than graph/model's QUOTE_CHARS,
 * which our own messages clip to, so that graphql-js's quoted paths
 * (`at "input.engagements[12].participants[3].from"`) stay whole.
 */
const QUOTED_CHARS = 3 * QUOTE_CHARS;

/**
 * A message as a client may see it: every quoted string in it clipped to QUOTED_CHARS, then
 * the whole to MAX_MESSAGE_CHARS. Our own messages clip what they quote where they are
 * written (graph/model clip); graphql-js quotes a refused variable whole (`Variable "$d" got
 * invalid value "<1 MB>"; …`), and this is the one place all of them pass. One pass, no
 * regular expression: the message may be megabytes long.
 */
export function clipMessage(message: string): string {
  if (message.length <= QUOTED_CHARS) return message;
  let out = '';
  let i = 0;
  while (i < message.length && out.length <= MAX_MESSAGE_CHARS) {
    const open = message.indexOf('"', i);
    if (open < 0) { out += message.slice(i); break; }
    let close = open + 1;
    while (close < message.length && message[close] !== '"') close += message[close] === '\\' ? 2 : 1;
    out += message.slice(i, open + 1) + clip(message.slice(open + 1, Math.min(close, open + 2 + QUOTED_CHARS)), QUOTED_CHARS);
    if (close < message.length) out += '"';
    i = close + 1;
  }
  return clip(out, MAX_MESSAGE_CHARS);
}

/**
 * graphql-js reports a bad variable as `Variable "$input" got invalid value … at
 * "input.partners[0].type"; <why>`: the problem's path is the part after the variable.
 */
export function variableProblems(message: string): Problem[] | undefined {
  const m = /^Variable "\$([^"]+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s.exec(message);
  if (!m) return undefined;
  const [, variable, at, why] = m;
  const path = at ? at.replace(new RegExp(`^${variable}\\.?`), '') || variable! : variable!;
  return [{ path: path!, message: why!.trim() }];
}

/**
 * A Date literal that is not a real date (date-scalar.ts) comes as an error of the document's
 * validation; it is the client's input all the same, so BAD_USER_INPUT with its path, as
 * when the same value comes in a variable.
 */
function dateLiteralRefusal(error: unknown): AppError | undefined {
  const cause = (error as { originalError?: unknown } | null)?.originalError;
  if (!(cause instanceof DateLiteralError)) return undefined;
  const at = cause.nodes?.[0]?.loc;
  const path = at && cause.source ? literalPath(cause.source, at.start) : undefined;
  return badInput([{ path: path ?? '$', message: cause.message }]);
}

/**
 * Sends every error that a client sees as INTERNAL_SERVER_ERROR to the log, with its cause
 * and the request's id (the client's message says nothing; the log says everything). The
 * same classification as formatError, so what is logged is exactly what was hidden.
 */
export function internalErrorLogPlugin<C extends { reportInternal: (err: unknown) => void }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (formatError(error.toJSON(), error).extensions?.code !== 'INTERNAL_SERVER_ERROR') continue;
            const original = unwrapResolverError(error) as { cause?: unknown } | undefined;
            contextValue.reportInternal(original?.cause ?? original ?? error);
          }
        },
      };
    },
  };
}
