/** The only way the page talks to the server: POST /graphql with the bearer token. */
export class ApiError extends Error {
  constructor(message: string, readonly code: string, readonly status: number) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Api {
  query<T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal): Promise<T>;
}

interface GraphqlBody<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export function createApi(token: string, endpoint = '/graphql', fetchFn: typeof fetch = (...args) => fetch(...args)): Api {
  return {
    async query<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
      let res: Response;
      try {
        res = await fetchFn(endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
          signal: signal ?? null,
        });
      } catch (err) {
        if (signal?.aborted) throw err;
        throw new ApiError('The server cannot be reached. Is `npm start` still running?', 'NETWORK_ERROR', 0);
      }
      let body: GraphqlBody<T>;
      try {
        body = (await res.json()) as GraphqlBody<T>;
      } catch {
        throw new ApiError(`The server answered ${res.status} without a GraphQL body.`, res.status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR', res.status);
      }
      return unwrap(body, res.status);
    },
  };
}

/** The data of a GraphQL answer, or an ApiError carrying the first error's code. */
export function unwrap<T>(body: GraphqlBody<T>, status = 200): T {
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', status);
  if (body.data === undefined || body.data === null) throw new ApiError('The server sent no data.', 'INTERNAL_SERVER_ERROR', status);
  return body.data;
}

/** A field the server does not serve (yet): graphql-js validation names it. */
export function isUnknownField(err: unknown, field: string): boolean {
  return err instanceof ApiError && err.code === 'GRAPHQL_VALIDATION_FAILED' && err.message.includes(`"${field}"`);
}
