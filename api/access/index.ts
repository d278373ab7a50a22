/**
 * Access, GraphQL side: `viewer` and the token mutations (`createApiToken`, `revokeApiToken`).
 * The area's only door: nothing outside api/access/ imports its other files.
 */
import { AccessResolver } from './access.resolver.ts';

export const accessResolvers = [AccessResolver] as const;
