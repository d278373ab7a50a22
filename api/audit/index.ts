/**
 * Audit, GraphQL side: the `auditLog` page (ADMIN).
 * The area's only door: nothing outside api/audit/ imports its other files.
 */
import { AuditResolver } from './audit.resolver.ts';

export const auditResolvers = [AuditResolver] as const;
