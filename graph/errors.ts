/**
 * The one error family of Ecomap. Every error that reaches a client carries one of
 * the contract's codes; messages are written for people and never include Cypher,
 * driver messages or stack traces.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT',
  'GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX', 'SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem of an input, `path` a JSON path into it (`engagements[3].participants[0].partner`). */
export interface Problem {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly problems?: Problem[];

  constructor(code: ErrorCode, message: string, problems?: Problem[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (problems) this.problems = problems;
  }
}

export function badInput(problems: Problem[], message = describeProblems(problems)): AppError {
  return new AppError('BAD_USER_INPUT', message, problems);
}

export function describeProblems(problems: Problem[]): string {
  return problems.length === 1
    ? `Invalid input: ${problems[0]!.path}: ${problems[0]!.message}`
    : `Invalid input: ${problems.length} problems`;
}

/**
 * Maps a failure from the driver to the contract's codes, in one place. Unknown
 * failures become INTERNAL_SERVER_ERROR with a generic message; the original is
 * kept as `cause` for the server log only.
 */
export function fromDriverError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : '';
  let mapped: AppError;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code === 'Neo.TransientError.General.DatabaseUnavailable'
    || code === 'Neo.ClientError.Database.DatabaseNotFound') {
    mapped = new AppError('SERVICE_UNAVAILABLE', 'The graph database cannot be reached; try again shortly.');
  } else if (code.includes('TransactionTimedOut') || code.endsWith('.Transaction.LockClientStopped')) {
    // Neo4j 5 reports a timeout that ended a wait for a lock as LockClientStopped.
    mapped = new AppError('QUERY_TOO_COMPLEX', 'The request took longer than the database time limit allows.');
  } else if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    mapped = new AppError('CONFLICT', 'The change conflicts with data written at the same time; try again.');
  } else if (code.startsWith('Neo.TransientError')) {
    mapped = new AppError('CONFLICT', 'The change conflicts with another one in progress; try again.');
  } else {
    mapped = new AppError('INTERNAL_SERVER_ERROR', 'Something went wrong on the server.');
  }
  (mapped as { cause?: unknown }).cause = err;
  return mapped;
}
