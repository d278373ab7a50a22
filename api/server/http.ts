/**
 * The one HTTP server: /graphql (GraphQL over HTTP), /healthz and the web view at /.
 *
 * We parse bodies ourselves, in front of Apollo, so that every answer from /graphql
 * is JSON in the GraphQL response shape: a malformed body is a 400, a body over
 * MAX_BODY_BYTES a 413, a missing token a 401, never an HTML page or a stack trace.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Graph } from '../../graph/db/index.ts';
import { AppError, type ErrorCode } from '../../graph/model/index.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import { graphVersion } from '../../graph/db/index.ts';
import { createContext, type Context } from '../graphql/context.ts';
import { AnswerCache } from './answer-cache.ts';
import { serveStatic } from './static.ts';

export interface HttpOptions {
  apollo: ApolloServer<Context>;
  graph: Graph;
  auth: Authenticator;
  maxBodyBytes: number;
  /** Folder of the built web view. */
  webRoot: string;
}

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

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
  const answers = new AnswerCache();
  const inFlight = new Set<ServerResponse>();
  let stopping = false;
  const server = createServer((req, res) => {
    if (stopping) {
      drain(req);
      res.setHeader('Connection', 'close');
      return sendError(req, res, 503, 'SERVICE_UNAVAILABLE', 'The server is shutting down; try again shortly.');
    }
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    handle(options, answers, req, res).catch((err: unknown) => {
      process.stderr.write(`[ecomap] request failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      if (!res.headersSent) sendError(req, res, 500, 'INTERNAL_SERVER_ERROR', 'Something went wrong on the server.');
      else res.end();
    });
  });
  // Slow clients must not hold sockets forever.
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
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

async function handle(options: HttpOptions, answers: AnswerCache, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // The path and query string as they came (origin-form, what clients send); a WHATWG URL
  // per request cost 1 % of the CPU. Any other form is parsed properly.
  const target = req.url ?? '/';
  const q = target.indexOf('?');
  const parsed = target.startsWith('/') && !target.startsWith('//') ? null : new URL(target, 'http://localhost');
  const pathname = parsed ? parsed.pathname : q < 0 ? target : target.slice(0, q);
  const search = parsed ? parsed.search : q < 0 ? '' : target.slice(q);
  if (pathname === '/graphql') return handleGraphql(options, answers, req, res, search);
  if (pathname === '/healthz') return handleHealth(options.graph, res);
  return serveStatic(options.webRoot, new URL(target, 'http://localhost').pathname, req, res);
}

async function handleGraphql(options: HttpOptions, answers: AnswerCache, req: IncomingMessage, res: ServerResponse, search: string): Promise<void> {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'POST') {
    res.setHeader('Allow', 'GET, POST');
    return sendError(req, res, 405, 'BAD_USER_INPUT', 'Use GET or POST on /graphql.');
  }
  let context: Context;
  try {
    context = createContext(options.graph, await options.auth.authenticate(req.headers.authorization), (hash) => options.auth.forget(hash));
  } catch (err) {
    if (err instanceof AppError && err.code === 'UNAUTHENTICATED') {
      drain(req);
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendError(req, res, 401, 'UNAUTHENTICATED', err.message);
    }
    if (err instanceof AppError) return sendError(req, res, err.code === 'SERVICE_UNAVAILABLE' ? 503 : 500, err.code, err.message);
    throw err;
  }

  let body: unknown;
  let text = '';
  if (method === 'POST') {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json' && type !== GRAPHQL_RESPONSE) {
      drain(req);
      return sendError(req, res, 415, 'BAD_USER_INPUT', 'Send the request body as application/json.');
    }
    const read = await readBody(req, options.maxBodyBytes);
    if (read === null) {
      res.setHeader('Connection', 'close');
      return sendError(req, res, 413, 'BAD_USER_INPUT', `The request body is larger than ${options.maxBodyBytes} bytes.`);
    }
    text = read;
    try {
      body = JSON.parse(text);
    } catch {
      return sendError(req, res, 400, 'BAD_USER_INPUT', 'The request body is not valid JSON.');
    }
  }

  if (await answerFromCache(options.graph, answers, context, req, res, method, search, text)) return;

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
    const slot = context.answerCache;
    if (slot?.cacheable && slot.version !== undefined && res.statusCode === 200) {
      answers.set(slot.key, { version: slot.version, headers: [...response.headers], body: response.body.string });
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

/** The body as text, or null once it passes `limit` bytes (the rest is not kept). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    drain(req);
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Reads and discards a body we will not use, so the connection can answer. */
function drain(req: IncomingMessage): void {
  req.resume();
}

/** An error in the GraphQL response shape, in the content type the client accepts. */
export function sendError(req: IncomingMessage, res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  const accept = req.headers.accept ?? '';
  res.statusCode = status;
  res.setHeader('Content-Type', `${accept.includes(GRAPHQL_RESPONSE) ? GRAPHQL_RESPONSE : 'application/json'}; charset=utf-8`);
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
