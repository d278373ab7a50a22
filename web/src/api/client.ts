/**
 * The only way the page talks to the server: POST /graphql, as JSON (never a simple request:
 * api/auth/same-site.ts), with the browser session's cookie, or a bearer token when given one.
 * Documents are the generated TypedDocumentStrings (web/src/api/generated/, written by
 * `npm run codegen` from the served schema), so a query's result and variables are typed
 * by the document itself and a caller names no type.
 */
import type { TypedDocumentString } from './generated/graphql.ts';

export class ApiError extends Error {
  /** `problems`: the contract's extensions.problems (path and message), so a form can show each beside its field. */
  constructor(message: string, readonly code: string, readonly status: number, readonly problems: Array<{ path: string; message: string }> = []) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Variables may be left out only when the operation declares none that are required. */
type QueryArgs<Variables> = Record<string, never> extends Variables
  ? [variables?: Variables, signal?: AbortSignal]
  : [variables: Variables, signal?: AbortSignal];

export interface Api {
  query<Result, Variables>(document: TypedDocumentString<Result, Variables>, ...args: QueryArgs<Variables>): Promise<Result>;
}

interface GraphqlBody<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; problems?: Array<{ path: string; message: string }> } }>;
}

export function createApi(token: string | null, endpoint = '/graphql', fetchFn: typeof fetch = (...args) => fetch(...args)): Api {
  return {
    async query<Result, Variables>(document: TypedDocumentString<Result, Variables>, ...[variables, signal]: QueryArgs<Variables>): Promise<Result> {
      let res: Response;
      try {
        res = await fetchFn(endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          credentials: 'same-origin',
          // The document is a String object: send its text, not the object.
          body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
          signal: signal ?? null,
        });
      } catch (err) {
        if (signal?.aborted) throw err;
        throw new ApiError('The server cannot be reached. Is `npm start` still running?', 'NETWORK_ERROR', 0);
      }
      let body: GraphqlBody<Result>;
      try {
        body = (await res.json()) as GraphqlBody<Result>;
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
  if (first) throw new ApiError(first.message, first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', status, first.extensions?.problems ?? []);
  if (body.data === undefined || body.data === null) throw new ApiError('The server sent no data.', 'INTERNAL_SERVER_ERROR', status);
  return body.data;
}

/** A field the server does not serve (yet): graphql-js validation names it. */
export function isUnknownField(err: unknown, field: string): boolean {
  return err instanceof ApiError && err.code === 'GRAPHQL_VALIDATION_FAILED' && err.message.includes(`"${field}"`);
}
