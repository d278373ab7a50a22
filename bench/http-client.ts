/**
 * A lean GraphQL-over-HTTP client on keep-alive connections, so the client adds as
 * little as it can: the latency ratios set the API beside the driver, which is itself a
 * lean client. undici (the engine of Node's fetch, without fetch's WHATWG layers) costs
 * ~0.1 ms less per request than node:http's ClientRequest on the bench machine,
 * measured on a server that answers at once (0.33 -> 0.22 ms per round trip).
 */
import { Pool } from 'undici';

const pools = new Map<string, Pool>();

export interface GqlResult {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  json: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

export function graphqlBody(query: string, variables?: Record<string, unknown>): string {
  return JSON.stringify(variables ? { query, variables } : { query });
}

function poolFor(url: string): Pool {
  let pool = pools.get(url);
  if (!pool) {
    pool = new Pool(url, { connections: 8, pipelining: 1 });
    pools.set(url, pool);
  }
  return pool;
}

/** POSTs `body` to `${url}/graphql` with `token`; resolves with the raw answer. */
export function postGraphql(url: string, token: string, body: string): Promise<GqlResult> {
  return postJson(url, '/graphql', body, {
    accept: 'application/graphql-response+json, application/json',
    authorization: `Bearer ${token}`,
  });
}

/** POSTs a JSON `body` to `${url}${path}`; resolves with the answer, which must be JSON. */
export async function postJson(url: string, path: string, body: string, headers: Record<string, string> = {}): Promise<GqlResult> {
  const res = await poolFor(url).request({ path, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.body.text();
  try {
    return { status: res.statusCode, body: text, headers: res.headers, json: JSON.parse(text) };
  } catch {
    throw new Error(`not JSON (HTTP ${res.statusCode}): ${text.slice(0, 200)}`);
  }
}

/** The answer's data, or an Error naming the first GraphQL error. */
export function dataOrError<T>(result: GqlResult): T {
  const first = result.json.errors?.[0];
  if (first) throw new GraphqlError(first.message, first.extensions?.code ?? 'UNKNOWN');
  return result.json.data as T;
}

export class GraphqlError extends Error {
  constructor(message: string, readonly code: string) { super(`${code}: ${message}`); }
}

export async function closeClient(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((pool) => pool.destroy()));
}
