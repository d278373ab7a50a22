/** A lean GraphQL-over-HTTP client on keep-alive sockets, so the client adds as little as it can. */
import { Agent, request } from 'node:http';

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

export interface GqlResult {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  json: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

export function graphqlBody(query: string, variables?: Record<string, unknown>): string {
  return JSON.stringify(variables ? { query, variables } : { query });
}

/** POSTs `body` to `${url}/graphql` as ADMIN; resolves with the raw answer. */
export function postGraphql(url: string, token: string, body: string): Promise<GqlResult> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/graphql`, {
      method: 'POST',
      agent,
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
        Authorization: `Bearer ${token}`,
        'Content-Length': Buffer.byteLength(body),
      },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers, json: JSON.parse(text) });
        } catch {
          reject(new Error(`not JSON (HTTP ${res.statusCode}): ${text.slice(0, 200)}`));
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
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

export function closeClient(): void {
  agent.destroy();
}
