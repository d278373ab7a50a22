/**
 * The import's GraphQL side: `importEcosystem`, its input types, and the plugin that
 * lists every problem of an input GraphQL refuses (api/graphql/apollo.ts registers it).
 * The area's only door: nothing outside api/import/ imports its other files.
 */
import { ImportResolver } from './import.resolver.ts';

// The partner input, shared by scenario's joins (api/scenarios).
export { PartnerInput } from './ecosystem.input.ts';

export const importResolvers = [ImportResolver] as const;
export { importProblemsPlugin } from './import-problems-plugin.ts';
export { attachImportJobs } from './import-jobs.ts';
export { handleImports } from './import-routes.ts';
