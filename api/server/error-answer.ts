/** Errors in the GraphQL response shape (contract: Errors), as every path of the server answers them. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../../graph/model/index.ts';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/** An error in the GraphQL response shape, in the content type the client accepts. */
export function sendError(req: IncomingMessage, res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(errorHeaders(req))) res.setHeader(name, value);
  res.end(errorBody(code, message));
}

export function errorHeaders(req: IncomingMessage): Record<string, string> {
  const accept = req.headers.accept ?? '';
  return { 'Content-Type': `${accept.includes(GRAPHQL_RESPONSE) ? GRAPHQL_RESPONSE : 'application/json'}; charset=utf-8`, 'Cache-Control': 'no-store' };
}

export function errorBody(code: ErrorCode, message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}
