/**
 * The database plumbing every area shares: the one executor (Graph), the driver and
 * the embedded Neo4j it may start, the schema (constraints and indexes), the graph
 * version that whole-graph caches compare against, and batch helpers for DataLoaders.
 *
 * The area's only door: nothing outside graph/db/ imports its other files.
 */
export { listsByIds, rowsByIds } from './batch.ts';
export { fieldsKey, fromList, listProjection, mapProjection, statementFor } from './projection.ts';
export type { Fields, Prop } from './projection.ts';
export { graphConfigFromEnv, positiveInt } from './config.ts';
export type { GraphConfig } from './config.ts';
export { openGraph } from './connect.ts';
export { openConfiguredGraph } from './open-configured.ts';
export type { OpenGraph } from './connect.ts';
export { Graph, toDriverParams } from './executor.ts';
export type { StreamTx, Tx } from './executor.ts';
export { Lru } from './lru.ts';
export { UNIQUE_KEYS, applySchema, isEmptyGraph } from './schema.ts';
export { startLocalNeo4j } from './server/launcher.ts';
export type { LocalNeo4j } from './server/launcher.ts';
export { freePort } from './server/ports.ts';
export { graphVersion } from './version.ts';
