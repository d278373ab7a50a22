/**
 * graphql-ws on /graphql: WebSocket upgrades of the HTTP server, authenticated by the
 * connection parameter `authorization: "Bearer <secret>"` (contract: Events and
 * webhooks), with the same role, scope, operation limits and error format as HTTP.
 *
 * Bounded: at most MAX_CONNECTIONS sockets per process and MAX_PER_TOKEN per token,
 * small messages, and a connection that does not say who it is within 10 s is closed.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { execute, GraphQLError, Kind, parse, subscribe, validate, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Principal } from '../../graph/access/index.ts';
import type { Graph } from '../../graph/db/index.ts';
import { AppError } from '../../graph/model/index.ts';
import type { Authenticator, Credential } from '../auth/authenticator.ts';
import { createContext } from '../graphql/context.ts';
import { formatError } from '../graphql/errors.ts';
import { MAX_TOKENS } from '../graphql/apollo.ts';
import { checkLimits } from '../graphql/limits.ts';
import type { EventPump } from './event-pump.ts';
import type { LiveContext } from './events.resolver.ts';

export const MAX_CONNECTIONS = 1_000;
export const MAX_PER_TOKEN = 20;
const MAX_MESSAGE_BYTES = 64 * 1024;

export interface LiveServerOptions {
  server: Server;
  schema: GraphQLSchema;
  graph: Graph;
  auth: Authenticator;
  pump: EventPump;
  reportInternal: (err: unknown) => void;
}

type Extra = { principal?: Principal; credential?: Credential; request?: IncomingMessage } & Record<PropertyKey, unknown>;

export interface LiveServer {
  close(): Promise<void>;
}

export function attachLiveServer(options: LiveServerOptions): LiveServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const perToken = new Map<string, number>();

  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/graphql' || wss.clients.size >= MAX_CONNECTIONS) {
      socket.end(`HTTP/1.1 ${path !== '/graphql' ? '404 Not Found' : '503 Service Unavailable'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  options.server.on('upgrade', handleUpgrade);

  const cleanup = useServer<Record<string, unknown>, Extra>({
    schema: options.schema,
    connectionInitWaitTimeout: 10_000,
    execute,
    subscribe,
    async onConnect(ctx) {
      // The connection parameter's bearer token; without one, the upgrade request's own
      // credentials: a browser sends its session cookie there (and its Origin, which the
      // session's cross-site rule checks: api/auth/same-site.ts).
      const authorization = typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined;
      let principal: Principal;
      let credential: Credential;
      try {
        if (authorization !== undefined) {
          principal = await options.auth.authenticate(authorization);
          credential = { kind: 'bearer', authorization };
        } else {
          ({ principal, credential } = await options.auth.authenticateRequest({ method: 'GET', headers: ctx.extra.request?.headers ?? {} }));
        }
      } catch {
        return false; // graphql-ws closes with 4403 Forbidden
      }
      const open = perToken.get(principal.tokenId) ?? 0;
      if (open >= MAX_PER_TOKEN) return false;
      perToken.set(principal.tokenId, open + 1);
      ctx.extra.principal = principal;
      ctx.extra.credential = credential;
      return true;
    },
    onClose(ctx) {
      const principal = ctx.extra.principal;
      if (!principal) return;
      const open = (perToken.get(principal.tokenId) ?? 1) - 1;
      if (open <= 0) perToken.delete(principal.tokenId); else perToken.set(principal.tokenId, open);
    },
    onSubscribe(ctx, _id, payload: SubscribePayload): ExecutionArgs | readonly GraphQLError[] {
      const principal = ctx.extra.principal!;
      const credential = ctx.extra.credential!;
      let document;
      try {
        document = parse(payload.query, { maxTokens: MAX_TOKENS });
      } catch (err) {
        return [asGraphqlError(withCode(err, 'GRAPHQL_PARSE_FAILED'))];
      }
      const errors = validate(options.schema, document);
      if (errors.length > 0) return errors.map((e) => asGraphqlError(withCode(e, 'GRAPHQL_VALIDATION_FAILED')));
      const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION
        && (payload.operationName ? d.name?.value === payload.operationName : true));
      if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return [new GraphQLError('No operation to run.', { extensions: { code: 'BAD_USER_INPUT' } })];
      try {
        checkLimits(options.schema, document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION), operation, payload.variables ?? {});
      } catch (err) {
        return [asGraphqlError(err)];
      }
      const context: LiveContext = {
        ...createContext(options.graph, principal, (hash) => options.auth.forget(hash), options.reportInternal),
        live: { pump: options.pump, stillValid: async () => { await options.auth.check(credential); } },
      };
      return { schema: options.schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue: context };
    },
    onNext(_ctx, _id, _payload, _args, result) {
      return result.errors ? { ...result, errors: result.errors.map((e) => asGraphqlError(e)) } : result;
    },
    onError(_ctx, _id, _payload, errors) {
      return errors.map(asGraphqlError);
    },
  }, wss);

  return {
    async close() {
      options.server.off('upgrade', handleUpgrade);
      // 1001 Going Away: clients reconnect (to this server once it is back, or another).
      for (const client of wss.clients) client.close(1001, 'The server is shutting down');
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/**
 * The contract's error shape, as HTTP answers it (api/graphql/errors.ts), never
 * internals. An AppError may come bare (thrown by the event stream) or wrapped by
 * graphql-js without a path, which Apollo's unwrapping would not see through.
 */
function asGraphqlError(err: unknown): GraphQLError {
  const graphqlError = err instanceof GraphQLError ? err : new GraphQLError(String((err as Error)?.message ?? err), { originalError: err as Error });
  const cause = err instanceof GraphQLError && err.originalError instanceof AppError ? err.originalError : err;
  const formatted = formatError(graphqlError.toJSON(), cause);
  return new GraphQLError(formatted.message, { path: formatted.path, extensions: formatted.extensions });
}

/** graphql-js's own parse and validation errors, with the codes Apollo gives them over HTTP. */
function withCode(err: unknown, code: string): GraphQLError {
  const e = err instanceof GraphQLError ? err : new GraphQLError(String((err as Error)?.message ?? err));
  return new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, extensions: { ...e.extensions, code } });
}
