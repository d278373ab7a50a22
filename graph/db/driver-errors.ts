import { AppError } from '../model/index.ts';

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
