/**
 * The test side of the API: the real app (startApp, as `npm start` runs it) on the
 * test run's Neo4j and a free port, and a small GraphQL-over-HTTP client.
 */
import { inject } from 'vitest';
import { startApp, type RunningApp } from '../../api/app.ts';

export const ADMIN = 'test-admin-secret-0123456789';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions: { code: string; problems?: Array<{ path: string; message: string }> } }>;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<RunningApp> {
  return startApp({
    NEO4J_URI: inject('neo4jUri'), SEED: 'none', PORT: '0', HOST: '127.0.0.1', ADMIN_TOKEN: ADMIN, QUERY_TIMEOUT_MS: '10000', ...env,
  }, () => {});
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
