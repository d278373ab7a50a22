/**
 * Audit: one entry per write, who did what, and the `auditLog` page.
 *
 * The area's only door: nothing outside graph/audit/ imports its other files.
 */
export { CLI_ACTOR, SYSTEM_ACTOR, auditPage, recordAudit } from './audit.ts';
export type { Actor } from './audit.ts';
