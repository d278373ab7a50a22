/**
 * The test side of the API: the real app (startApp, as `npm start` runs it) on the
 * test run's Neo4j and a free port, and a small GraphQL-over-HTTP client.
 */
import { afterAll, beforeAll, inject } from 'vitest';
import { startApp, type RunningApp } from '../../api/app.ts';
import type { Graph } from '../../graph/db/index.ts';
import { importEcosystem } from '../../graph/import/index.ts';
import type { EcosystemInput } from '../../graph/model/index.ts';
import { wipe } from './graph.ts';
import { capturingLogger } from './server-log.ts';

export const ADMIN = 'test-admin-secret-0123456789';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions: { code: string; problems?: Array<{ path: string; message: string }> } }>;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<RunningApp> {
  // Request lines stay out of the test output; warnings and errors are kept and checked
  // after every test (tests/support/server-log.ts).
  return startApp({
    NEO4J_URI: inject('neo4jUri'), SEED: 'none', PORT: '0', HOST: '127.0.0.1', ADMIN_TOKEN: ADMIN, QUERY_TIMEOUT_MS: '10000', ...env,
  }, () => {}, undefined, capturingLogger());
}

export function client(app: RunningApp) {
  return async function gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token: string | null = ADMIN): Promise<GqlResponse<T>> {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Omit<GqlResponse<T>, 'status'>;
    return { status: res.status, ...body };
  };
}

/** The codes of a response's errors, in order. */
export function codes(res: GqlResponse<unknown>): string[] {
  return (res.errors ?? []).map((e) => e.extensions.code);
}

export type Gql = ReturnType<typeof client>;

/** The app a test file runs against, usable in its tests and in hooks registered after useTestApp. */
export interface TestApp {
  readonly app: RunningApp;
  readonly graph: Graph;
  gql: Gql;
}

/**
 * The usual setup of an API test file: the app started before its tests and closed after
 * them; given `world`, the graph is wiped and `world()` imported once (no 10 s budget:
 * setup is not under test, and the machine may be busy).
 */
export function useTestApp(world?: () => EcosystemInput, env: Record<string, string> = {}): TestApp {
  let app: RunningApp | undefined;
  let ask: Gql | undefined;
  const started = (): RunningApp => {
    if (!app) throw new Error('the test app is not started yet: use it inside tests or hooks');
    return app;
  };
  beforeAll(async () => {
    app = await startTestApp(env);
    ask = client(app);
    if (world) {
      await wipe(app.open.graph);
      await importEcosystem(app.open.graph, world(), 120_000);
    }
  });
  afterAll(async () => app?.close());
  return {
    get app() { return started(); },
    get graph() { return started().open.graph; },
    gql: <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string | null) => {
      started();
      return ask!<T>(query, variables, token);
    },
  };
}
