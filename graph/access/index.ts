/**
 * Access: bearer tokens (only their hashes are stored) and the roles they carry.
 *
 * The area's only door: nothing outside graph/access/ imports its other files.
 */
export { createToken, findToken, hasActiveAdminToken, hashSecret, partnerExists, revokeToken } from './tokens.ts';
export type { Principal } from './tokens.ts';
