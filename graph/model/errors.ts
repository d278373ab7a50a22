/**
 * The one error family of Ecomap. Every error that reaches a client carries one of
 * the contract's codes; messages are written for people and never include Cypher,
 * driver messages or stack traces. Driver failures are mapped to these codes in one
 * place, graph/db/driver-errors.ts.
 */
import { clip } from './clip.ts';

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
    ? `Invalid input: ${clip(problems[0]!.path, 200)}: ${clip(problems[0]!.message, 200)}`
    : `Invalid input: ${problems.length} problems`;
}
