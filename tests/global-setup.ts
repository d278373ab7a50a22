/**
 * Starts one local Neo4j for the whole test run, on a free port with a temporary data
 * directory, and hands its URI to the tests (`inject('neo4jUri')`). A run against an
 * existing server instead: set TEST_NEO4J_URI (its data is wiped by the tests).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { freePort } from '../graph/db/index.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j, type LocalNeo4j } from '../graph/db/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

let server: LocalNeo4j | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const external = process.env.TEST_NEO4J_URI;
  if (external) {
    project.provide('neo4jUri', external);
    return;
  }
  dataDir = mkdtempSync(join(tmpdir(), 'ecomap-test-neo4j-'));
  // Small and fixed: the test graphs are small, and several test runs may share the machine.
  server = await startLocalNeo4j({ dataDir, boltPort: await freePort(), pageCacheMb: 256, heapMb: 1024 });
  project.provide('neo4jUri', server.uri);
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

export { freePort } from '../graph/db/index.ts';
