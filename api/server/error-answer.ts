/** Errors in the GraphQL response shape (contract: Errors), as every path of the server answers them. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode, Problem } from '../../graph/model/index.ts';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/** An error in the GraphQL response shape, in the content type the client accepts. */
export function sendError(req: IncomingMessage, res: ServerResponse, status: number, code: ErrorCode, message: string, problems?: Problem[]): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(errorHeaders(req))) res.setHeader(name, value);
  res.end(errorBody(code, message, problems));
}

export function errorHeaders(req: IncomingMessage): Record<string, string> {
  const accept = req.headers.accept ?? '';
  return { 'Content-Type': `${accept.includes(GRAPHQL_RESPONSE) ? GRAPHQL_RESPONSE : 'application/json'}; charset=utf-8`, 'Cache-Control': 'no-store' };
}

/** `problems` as a refused GraphQL input lists them (contract: Errors): each with its path. */
export function errorBody(code: ErrorCode, message: string, problems?: Problem[]): string {
  const extensions = problems && problems.length > 0 ? { code, problems, problemCount: problems.length } : { code };
  return JSON.stringify({ errors: [{ message, extensions }] });
}
