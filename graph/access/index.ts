/**
 * Access: bearer tokens (only their hashes are stored), the roles they carry, and the
 * browser sessions a token is exchanged for (only their ids' hashes are stored).
 *
 * The area's only door: nothing outside graph/access/ imports its other files.
 */
export { createSession, endSession, findSession, touchSession } from './sessions.ts';
export type { NewSession, SessionLifetime, SessionOwner, SessionRow } from './sessions.ts';
export { createToken, findToken, hasActiveAdminToken, hashSecret, partnerExists, revokeToken } from './tokens.ts';
export type { Principal } from './tokens.ts';
