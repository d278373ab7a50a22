import { AppError } from '../model/index.ts';

/**
 * Maps a failure from the driver to the contract's codes, in one place. Unknown
 * failures become INTERNAL_SERVER_ERROR with a generic message; the original is
 * kept as `cause` for the server log only.
 */
/** The driver's pool gives no code when no connection frees up in time, only this message (neo4j-driver-core pool.js). */
const POOL_EXHAUSTED = /^Connection acquisition timed out in \d+ ms/;

export function fromDriverError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : '';
  const message = err instanceof Error ? err.message : '';
  let mapped: AppError;
  if (POOL_EXHAUSTED.test(message)) {
    // Every pooled connection was busy for connectionAcquisitionTimeout (connect.ts): the
    // database is up but this process cannot reach it now. Nothing was run; retrying later
    // is the right answer, so it is the contract's retryable SERVICE_UNAVAILABLE, not a fault.
    mapped = new AppError('SERVICE_UNAVAILABLE', 'The server is busy and could not reach the graph database in time; try again shortly.');
  } else if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code === 'Neo.TransientError.General.DatabaseUnavailable'
    || code === 'Neo.ClientError.Database.DatabaseNotFound') {
    mapped = new AppError('SERVICE_UNAVAILABLE', 'The graph database cannot be reached; try again shortly.');
  } else if (code.endsWith('.Transaction.LockClientStopped') || code === 'Neo.TransientError.Transaction.LockAcquisitionTimeout') {
    // The time limit ended a wait for a lock another write held (Neo4j 5 stops the
    // waiting lock client; a server with db.lock.acquisition.timeout reports the
    // latter). Nothing was wrong with this request and nothing of it was written: it is
    // a conflict with a concurrent write, which the contract says to retry.
    mapped = new AppError('CONFLICT', 'The change waited too long for another write to the same items and was not made; try again.');
  } else if (code.includes('TransactionTimedOut')) {
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
