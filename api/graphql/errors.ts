/**
 * Every error a client sees carries one of the contract's codes and a message meant
 * for people: no stack traces, Cypher, or driver messages. What is not ours to
 * explain becomes INTERNAL_SERVER_ERROR, and the original goes to the server log.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { AppError, ERROR_CODES, type ErrorCode, type Problem } from '../../graph/model/index.ts';

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
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof AppError) {
    if (original.code === 'INTERNAL_SERVER_ERROR') logInternal(original);
    return { ...base, message: original.message, extensions: withProblems({ code: original.code }, original.problems) };
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
  const code = (ERROR_CODES as readonly string[]).includes(given) ? (given as ErrorCode) : APOLLO_CODES[given];
  if (code && code !== 'INTERNAL_SERVER_ERROR') {
    const problems = (formatted.extensions?.problems as Problem[] | undefined) ?? (code === 'BAD_USER_INPUT' ? variableProblems(formatted.message) : undefined);
    return { ...base, extensions: withProblems({ code }, problems) };
  }
  logInternal(original);
  return { message: 'Something went wrong on the server.', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function isStackOverflow(original: unknown, message: string): boolean {
  const cause = (original as { originalError?: unknown } | null)?.originalError ?? original;
  return cause instanceof RangeError || /^Maximum call stack size exceeded$/.test(message);
}

function withProblems(extensions: { code: ErrorCode }, problems: Problem[] | undefined): Record<string, unknown> {
  return problems && problems.length > 0 ? { ...extensions, problems } : extensions;
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

function logInternal(error: unknown): void {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  process.stderr.write(`[ecomap] internal error: ${cause instanceof Error ? cause.stack ?? cause.message : String(cause)}\n`);
}
