/**
 * The one HTTP server: /graphql (GraphQL over HTTP), /healthz, /mcp, /session (browser
 * sessions: session-routes.ts), the API explorer at /graphiql and the web view at /.
 *
 * We parse bodies ourselves, in front of Apollo, so that every answer from /graphql
 * is JSON in the GraphQL response shape: a malformed body is a 400, a body over
 * MAX_BODY_BYTES a 413, a missing token a 401, never an HTML page or a stack trace.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Graph } from '../../graph/db/index.ts';
import { AppError } from '../../graph/model/index.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import { graphVersion } from '../../graph/db/index.ts';
import { createContext, type Context } from '../graphql/context.ts';
import type { KnownDocuments } from '../graphql/known-documents.ts';
import { AnswerCache, markedStale } from './answer-cache.ts';
import { staleNetworkAnswers } from '../../graph/network/index.ts';
import { answerClientError } from './client-error.ts';
import { errorBody, errorHeaders, sendError } from './error-answer.ts';
import type { Logger } from './logger.ts';
import { handleMcpRequest } from '../mcp/index.ts';
import { handleExport } from '../export/index.ts';
import { handleImports } from '../import/index.ts';
import type { Principal } from '../../graph/access/index.ts';
import { refuseOversizedBody } from './oversized-body.ts';
import { logRequest } from './request-log.ts';
import { answerAuthFailure, handleSession, redirectToExplorer, wantsExplorer } from './session-routes.ts';
import { GRAPHIQL_CSP, serveStatic } from './static.ts';
import { FAIRNESS, TokenGate } from './token-gate.ts';

export interface HttpOptions {
  apollo: ApolloServer<Context>;
  graph: Graph;
  auth: Authenticator;
  maxBodyBytes: number;
  /** The most an upload to POST /imports may hold (MAX_UPLOAD_BYTES; default 512 MiB). */
  maxUploadBytes?: number;
  /** Folder of the built web view. */
  webRoot: string;
  /** One line per request and per error (api/server/logger.ts). */
  logger: Logger;
  /** Queries answered before, run without Apollo's pipeline (api/graphql/known-documents.ts); absent: every request goes through Apollo. */
  known?: KnownDocuments;
  /**
   * How long a client may take to send its headers, and its whole request, before it gets
   * 408 (defaults 20 s and 60 s; tests make them short).
   */
  timeouts?: { headersMs?: number; requestMs?: number };
}

const GRAPHQL_RESPONSE = 'application/graphql-response+json';
/** How long an idle keep-alive connection stays open (see createHttpServer). */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** The HTTP server, with the first step of a graceful shutdown. */
export interface HttpServer extends Server {
  /**
   * Stops taking requests (contract: Running, stop). Requests in flight finish, and their
   * connections close after the answer; a request that arrives later on an open keep-alive
   * connection gets 503 SERVICE_UNAVAILABLE and its connection closes. Without this,
   * clients that keep their connections busy would keep the server taking requests, and
   * `close()` would never finish.
   */
  stopTakingRequests(): void;
  /**
   * Resolves when no request is in flight and at least `graceMs` have passed since the
   * call, so that clients busy on keep-alive connections have had their next request
   * answered with 503 and `Connection: close` before the server closes idle sockets
   * (closing a socket a client is writing to at that moment loses its request).
   */
  drained(graceMs: number): Promise<void>;
}

export function createHttpServer(options: HttpOptions): HttpServer {
  const { logger } = options;
  const answers = new AnswerCache();
  const inFlight = new Set<ServerResponse>();
  let stopping = false;
  // Slow clients must not hold sockets forever. Node looks for expired requests every
  // connectionsCheckingInterval (30 s by default), which would let one overstay by that much.
  const headersTimeout = options.timeouts?.headersMs ?? 20_000;
  const requestTimeout = options.timeouts?.requestMs ?? 60_000;
  const server = createServer({ connectionsCheckingInterval: Math.max(50, Math.min(5_000, Math.floor(headersTimeout / 4))) }, (req, res) => {
    const target = splitTarget(req.url ?? '/');
    const reqId = logRequest(logger, req, res, target.pathname);
    if (stopping) {
      drain(req);
      res.setHeader('Connection', 'close');
      return sendError(req, res, 503, 'SERVICE_UNAVAILABLE', 'The server is shutting down; try again shortly.');
    }
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    handle(options, answers, req, res, target, reqId).catch((err: unknown) => {
      // A client that went away mid-request (an aborted upload) is not a server error:
      // its request line (api/server/request-log.ts) says so, once, without a stack.
      if (isClientGone(err, req)) return;
      logger.error({ reqId, err }, 'request failed');
      if (!res.headersSent) sendError(req, res, 500, 'INTERNAL_SERVER_ERROR', 'Something went wrong on the server.');
      else res.end();
    });
  });
  server.headersTimeout = headersTimeout;
  server.requestTimeout = requestTimeout;
  // Idle keep-alive connections are closed by the client first. A server that closes an
  // idle socket at the moment a client reuses it resets that client's request (undici and
  // most clients do not resend a POST). Node's 5 s was barely above undici's 4 s, so a
  // client or server pausing a few seconds (a busy machine, a garbage collection) lost
  // requests; 65 s leaves that race to the rare request that lands exactly at the end.
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.on('clientError', (err: Error, socket: Socket) => answerClientError(err, socket, logger));
  return Object.assign(server, {
    stopTakingRequests(): void {
      stopping = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    },
    async drained(graceMs: number): Promise<void> {
      const until = Date.now() + graceMs;
      while (inFlight.size > 0 || Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    },
  });
}

interface Target {
  pathname: string;
  search: string;
}

/**
 * The path and query string as they came (origin-form, what clients send); a WHATWG URL
 * per request cost 1 % of the CPU. Any other form is parsed properly.
 */
function splitTarget(target: string): Target {
  const q = target.indexOf('?');
  const parsed = target.startsWith('/') && !target.startsWith('//') ? null : new URL(target, 'http://localhost');
  return {
    pathname: parsed ? parsed.pathname : q < 0 ? target : target.slice(0, q),
    search: parsed ? parsed.search : q < 0 ? '' : target.slice(q),
  };
}

async function handle(options: HttpOptions, answers: AnswerCache, req: IncomingMessage, res: ServerResponse, target: Target, reqId: string): Promise<void> {
  const { pathname, search } = target;
  if (pathname === '/graphql') return handleGraphql(options, answers, req, res, search, reqId);
  // The API has one address. /graphql/ and below are not the web view (whose HTML a
  // GraphQL client cannot read) nor silently /graphql: a client with a wrong URL learns it.
  if (pathname.startsWith('/graphql/')) {
    drain(req);
    return sendError(req, res, 404, 'NOT_FOUND', 'Nothing here: the GraphQL endpoint is /graphql, without a trailing slash.');
  }
  if (pathname === '/healthz') return handleHealth(options.graph, res);
  // Browser sessions: POST exchanges a bearer token for the cookie, DELETE signs out (session-routes.ts).
  if (pathname === '/session') return handleSession(options, req, res);
  // The API explorer, a page of the web build (web/graphiql.html), with its own policy (static.ts).
  if (pathname === '/graphiql' || pathname === '/graphiql/') return serveStatic(options.webRoot, '/graphiql.html', req, res, GRAPHIQL_CSP);
  // AI agents (api/mcp): the same tokens, body limit and per-token gate as /graphql.
  if (pathname === '/mcp') return handleMcpRequest({ ...options, tokenGate }, req, res, reqId);
  // Files in and out (contract: Spreadsheets and export): uploads become import jobs (api/import), downloads are exports (api/export).
  if (pathname === '/imports' || pathname.startsWith('/imports/')) {
    const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
    return asPrincipal(options, req, res, (principal) => handleImports({ graph: options.graph, maxUploadBytes }, principal, req, res, pathname, search));
  }
  if (pathname === '/export') return asPrincipal(options, req, res, (principal) => handleExport(options.graph, principal, req, res, search));
  return serveStatic(options.webRoot, new URL(req.url ?? '/', 'http://localhost').pathname, req, res);
}

/** One per process: a token's requests share its event loop and its database connections, whichever server they reach. */
const tokenGate = new TokenGate();

const DEFAULT_MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

/**
 * Runs `work` as the request's token (a bearer token, or the browser session under its
 * cross-site rules), inside the token's fair share (token-gate.ts); answers the failure
 * itself when there is no such token, or the token already has too much in progress.
 */
async function asPrincipal(options: HttpOptions, req: IncomingMessage, res: ServerResponse, work: (principal: Principal) => Promise<void>): Promise<void> {
  let principal: Principal;
  try {
    ({ principal } = await options.auth.authenticateRequest(req));
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    drain(req);
    return answerAuthFailure(options.auth, req, res, err);
  }
  if (await admitted(principal.tokenId, req, res)) return work(principal);
}

/**
 * Waits for the token's turn (token-gate.ts). False when the client left meanwhile, or when
 * the token already has too much in progress: then it got 429 and QUERY_TOO_COMPLEX, the
 * contract's code for a limit the client went over.
 */
async function admitted(tokenId: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const turn = await tokenGate.enter(tokenId, res);
  if (turn === 'gone') return false;
  if (turn === 'full') {
    drain(req);
    res.setHeader('Retry-After', String(FAIRNESS.retryAfterSeconds));
    sendError(req, res, 429, 'QUERY_TOO_COMPLEX', `This token already has ${FAIRNESS.inFlight + FAIRNESS.queued} requests in progress; retry shortly.`);
    return false;
  }
  return true;
}

async function handleGraphql(options: HttpOptions, answers: AnswerCache, req: IncomingMessage, res: ServerResponse, search: string, reqId: string): Promise<void> {
  const method = req.method ?? 'GET';
  // Answers are per token and per graph version: no cache between client and server may keep one.
  res.setHeader('Cache-Control', 'no-store');
  if (method !== 'GET' && method !== 'POST') {
    res.setHeader('Allow', 'GET, POST');
    return sendError(req, res, 405, 'BAD_USER_INPUT', 'Use GET or POST on /graphql.');
  }
  // A person opening /graphql in a browser gets the explorer (session-routes.ts wantsExplorer).
  if (method === 'GET' && wantsExplorer(req.headers, search)) return redirectToExplorer(res);
  let context: Context;
  try {
    // A bearer token, or the browser session's cookie under the cross-site rules (api/auth).
    const { principal } = await options.auth.authenticateRequest(req);
    context = createContext(
      options.graph, principal, (hash) => options.auth.forget(hash),
      (err) => options.logger.error({ reqId, err }, 'internal error'),
    );
  } catch (err) {
    if (err instanceof AppError && (err.code === 'UNAUTHENTICATED' || err.code === 'FORBIDDEN')) {
      drain(req);
      return answerAuthFailure(options.auth, req, res, err);
    }
    if (err instanceof AppError) return sendError(req, res, err.code === 'SERVICE_UNAVAILABLE' ? 503 : 500, err.code, err.message);
    throw err;
  }

  // Per-token fairness (api/server/token-gate.ts), before the body is read: one token's
  // flood waits behind itself, not in front of other tokens' requests. Refused: 429 and
  // QUERY_TOO_COMPLEX, the contract's code for a limit the client went over.
  if (!(await admitted(context.principal.tokenId, req, res))) return;

  let body: unknown;
  let text = '';
  if (method === 'POST') {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json' && type !== GRAPHQL_RESPONSE) {
      drain(req);
      return sendError(req, res, 415, 'BAD_USER_INPUT', 'Send the request body as application/json.');
    }
    const read = await readBody(req, options.maxBodyBytes);
    if (read.over) {
      const message = `The request body is larger than ${options.maxBodyBytes} bytes.`;
      return refuseOversizedBody(req, res, options.maxBodyBytes, read.received, errorHeaders(req), errorBody('BAD_USER_INPUT', message));
    }
    text = read.text;
    try {
      body = JSON.parse(text);
    } catch {
      return sendError(req, res, 400, 'BAD_USER_INPUT', 'The request body is not valid JSON.');
    }
  }

  if (await answerFromCache(options.graph, answers, context, req, res, method, search, text)) return;

  // A query answered before, whose answer the cache does not keep: straight to graphql-js.
  const accept = req.headers.accept ?? '';
  if (options.known && method === 'POST' && context.answerCache === undefined) {
    const known = await options.known.answer(body, accept, context);
    if (known) {
      res.setHeader('content-type', known.contentType);
      res.statusCode = 200;
      res.end(known.body);
      return;
    }
  }

  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method, headers, search, body },
    context: async () => context,
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    // Apollo writes `errors` first: an answer that starts otherwise has none.
    const contentType = response.headers.get('content-type');
    if (options.known && method === 'POST' && res.statusCode === 200 && contentType && !response.body.string.startsWith('{"errors"')) {
      options.known.learn(body, accept, contentType);
    }
    const slot = context.answerCache;
    if (slot?.cacheable && slot.version !== undefined && res.statusCode === 200) {
      const network = slot.staleable && slot.network ? { ...slot.staleable, ...slot.network } : undefined;
      answers.set(slot.key, { version: slot.version, headers: [...response.headers], body: response.body.string, network });
    }
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * Sends the stored answer when this request was answered before at the current graph
 * version (api/server/answer-cache.ts); otherwise marks the request so that its answer
 * can be stored, and returns false.
 */
async function answerFromCache(graph: Graph, answers: AnswerCache, context: Context, req: IncomingMessage, res: ServerResponse,
  method: string, search: string, text: string): Promise<boolean> {
  const { role, partnerId } = context.principal;
  const key = answers.keyFor({ role, partnerId, today: context.today, method, search, accept: req.headers.accept ?? '', body: text });
  if (key === null) return false;
  const cached = answers.peek(key);
  let version: number | undefined;
  if (cached) {
    try {
      version = await graphVersion(graph);
    } catch {
      return false; // the database is unreachable: let the request fail as it would without a cache
    }
    if (cached.version === version) {
      for (const [name, value] of cached.headers) res.setHeader(name, value);
      res.setHeader('X-Ecomap-Cache', 'hit');
      res.statusCode = 200;
      res.end(cached.body);
      return true;
    }
    // After a write: a network answer made from metrics that are still the newest held is
    // what the resolver would answer now, apart from `stale` (graph/network staleNetworkAnswers).
    const { network } = cached;
    if (network && staleNetworkAnswers(graph, network.metricsKey, network.metricsVersion, version, (err) => context.reportInternal(err))) {
      for (const [name, value] of cached.headers) res.setHeader(name, value);
      res.setHeader('X-Ecomap-Cache', 'stale');
      res.statusCode = 200;
      res.end(markedStale(cached.body, network));
      return true;
    }
  }
  context.answerCache = { key, version, cacheable: false };
  return false;
}

async function handleHealth(graph: Graph, res: ServerResponse): Promise<void> {
  let up = false;
  try {
    await graph.readTx((tx) => tx.run('RETURN 1 AS ok'), 2_000);
    up = true;
  } catch {
    up = false;
  }
  res.statusCode = up ? 200 : 503;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify({ status: up ? 'ok' : 'unavailable', neo4j: up ? 'up' : 'down' }));
}

type Body = { over: false; text: string } | { over: true; received: number };

/**
 * The body as text, or `over` as soon as it is known to pass `limit` bytes: from its
 * Content-Length, or once that many have come in (the caller reads the rest, see
 * api/server/oversized-body.ts).
 */
function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ over: true, received: 0 });
  // Gone while its token was checked: no 'end' or 'error' is coming any more.
  if (req.destroyed) return Promise.reject(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.off('end', onEnd);
      req.pause(); // until the 413 takes over reading
      resolve({ over: true, received: size });
    };
    const onEnd = () => resolve({ over: false, text: Buffer.concat(chunks).toString('utf8') });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

/** The client closed the connection before its request was read whole. */
function isClientGone(err: unknown, req: IncomingMessage): boolean {
  return req.destroyed && !req.complete && (err as { code?: unknown } | null)?.code === 'ECONNRESET';
}

/** Reads and discards a body we will not use, so the connection can answer. */
function drain(req: IncomingMessage): void {
  req.resume();
}
