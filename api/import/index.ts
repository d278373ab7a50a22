/**
 * The import's GraphQL side: `importEcosystem` and its input types.
 * The area's only door: nothing outside api/import/ imports its other files.
 */
import { ImportResolver } from './import.resolver.ts';

export const importResolvers = [ImportResolver] as const;
