/**
 * `POST /mcp`: MCP's Streamable HTTP transport, stateless, answering in JSON. Each request is
 * authenticated like /graphql (the same authenticator), waits its turn at the same per-token
 * gate (api/server/token-gate.ts), has its body read under the same MAX_BODY_BYTES, and is
 * answered by a server made for its caller alone (server.ts).
 *
 * Stateless: no session is kept between requests, so any API process can answer any
 * request and nothing is lost when one restarts; the tools need no state. GET (a stream
 * for server-initiated messages) and DELETE (ending a session) have nothing to do: 405.
 *
 * The exchange (exchange.ts) is the part of the SDK's StreamableHTTPServerTransport that
 * such a server uses. That class turns every request into a Web Request and its answer
 * back (through hono's adapter), which cost 0.7 to 1 ms a call, a quarter of a small tool
 * call: over the 1.2x budget against /graphql on its own (bench/mcp.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import type { Principal } from '../../graph/access/index.ts';
import type { Graph } from '../../graph/db/index.ts';
import { AppError } from '../../graph/model/index.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import { ecomapSchema } from '../graphql/schema.ts';
import type { Logger } from '../server/logger.ts';
import { refuseOversizedBody } from '../server/oversized-body.ts';
import { noteOnRequestLine } from '../server/request-log.ts';
import { FAIRNESS, type TokenGate } from '../server/token-gate.ts';
import { callLimiterFromEnv, type CallLimiter } from './rate.ts';
import { ToolAnswers } from './answers.ts';
import { Exchange, readMessages } from './exchange.ts';
import { createMcpServer } from './server.ts';

interface McpHttpOptions {
  graph: Graph;
  auth: Authenticator;
  maxBodyBytes: number;
  logger: Logger;
  /** The gate /graphql uses: a token's MCP and GraphQL requests share its turns. */
  tokenGate: TokenGate;
}

/** One per process, as the token gate: a token's calls share its event loop and database connections. */
let limiter: CallLimiter | undefined;
/** One per process, as /graphql's answer cache. */
const answers = new ToolAnswers();

export async function handleMcpRequest(options: McpHttpOptions, req: IncomingMessage, res: ServerResponse, reqId: string): Promise<void> {
  res.setHeader('Cache-Control', 'no-store');
  if (req.method !== 'POST') {
    req.resume();
    res.setHeader('Allow', 'POST');
    return rpcError(res, 405, -32000, 'This MCP server is stateless: POST each JSON-RPC message to /mcp (no GET stream, no session to DELETE).');
  }
  let principal: Principal;
  try {
    // A bearer token, or a browser session under its cross-site rules (api/auth), as /graphql.
    ({ principal } = await options.auth.authenticateRequest(req));
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    req.resume();
    if (err.code === 'FORBIDDEN') return rpcError(res, 403, -32001, `FORBIDDEN: ${err.message}`);
    if (err.code !== 'UNAUTHENTICATED') return rpcError(res, err.code === 'SERVICE_UNAVAILABLE' ? 503 : 500, -32603, `${err.code}: ${err.message}`);
    // Nothing else: no tool, no resource, not even the server's name.
    res.setHeader('WWW-Authenticate', 'Bearer');
    return rpcError(res, 401, -32001, `UNAUTHENTICATED: ${err.message}`);
  }

  const turn = await options.tokenGate.enter(principal.tokenId, res);
  if (turn === 'gone') return;
  if (turn === 'full') {
    req.resume();
    res.setHeader('Retry-After', String(FAIRNESS.retryAfterSeconds));
    return rpcError(res, 429, -32000, `QUERY_TOO_COMPLEX: This token already has ${FAIRNESS.inFlight + FAIRNESS.queued} requests in progress; retry shortly.`);
  }

  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    return rpcError(res, 415, -32000, 'Send JSON-RPC messages as application/json.');
  }
  const body = await readBody(req, options.maxBodyBytes);
  if (body.over) {
    const message = `The request body is larger than ${options.maxBodyBytes} bytes.`;
    return refuseOversizedBody(req, res, options.maxBodyBytes, body.received, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
      rpcBody(-32000, `BAD_USER_INPUT: ${message}`));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.text);
  } catch {
    return rpcError(res, 400, -32700, 'Parse error: the request body is not valid JSON.');
  }
  const version = req.headers['mcp-protocol-version'];
  if (typeof version === 'string' && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
    return rpcError(res, 400, -32000, `Unsupported MCP-Protocol-Version "${version.slice(0, 40)}"; this server speaks ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')}.`);
  }
  const messages = readMessages(parsed);
  if (typeof messages === 'string') return rpcError(res, 400, -32600, `Invalid Request: ${messages}`);

  limiter ??= callLimiterFromEnv();
  const exchange = new Exchange(messages);
  const server = createMcpServer({
    graph: options.graph, answers, schema: await ecomapSchema(), limiter, logger: options.logger.child({ reqId }), onRevoke: (hash) => options.auth.forget(hash),
    // One log line per request, as for /graphql: a second line per call was a sixth of a kept call's cost.
    resultBytes: exchange, noteCall: (fields) => noteOnRequestLine(res, fields),
  }, () => Promise.resolve(principal));
  // Not closed afterwards: it holds nothing once answered (closing makes an error object per request, for no one).
  await server.connect(exchange);
  // A client that leaves stops the wait; its calls end on their own (every read has its time limit).
  const answer = await exchange.answer(res);
  if (answer === undefined) {
    // Notifications and responses only (notifications/initialized): accepted, nothing to say.
    res.statusCode = 202;
    return void res.end();
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/json');
  res.end(answer);
}

type Body = { over: false; text: string } | { over: true; received: number };

/** The body as text, or `over` once it is known to pass `limit` bytes (api/server/oversized-body.ts reads the rest). */
function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.resolve({ over: true, received: 0 });
  // Gone while it waited for its turn: no 'end' or 'error' is coming any more.
  if (req.destroyed) return Promise.reject(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limit) return void chunks.push(chunk);
      req.off('data', onData).off('end', onEnd).pause();
      resolve({ over: true, received });
    };
    const onEnd = () => resolve({ over: false, text: Buffer.concat(chunks).toString('utf8') });
    req.on('data', onData).on('end', onEnd).on('error', reject);
  });
}

function rpcBody(code: number, message: string): string {
  return JSON.stringify({ jsonrpc: '2.0', id: null, error: { code, message } });
}

/** A JSON-RPC error answer to a request the transport never saw (its id unknown: null, as JSON-RPC says). */
function rpcError(res: ServerResponse, status: number, code: number, message: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.end(rpcBody(code, message));
}
