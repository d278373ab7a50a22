/**
 * `npm run --silent mcp`: Ecomap as an MCP server on stdin and stdout, for agents that start
 * their servers as processes (desktop agents, IDEs). The token is in ECOMAP_TOKEN and is
 * authenticated as /graphql authenticates it (ADMIN_TOKEN and AUTH=off included), on the
 * configured graph as the other command-line tools open it (NEO4J_URI…, else the local
 * server of a running `npm start`, else the local server on DATA_DIR). Tools, limits and
 * scope are the HTTP transport's (server.ts); stdout carries only JSON-RPC, everything
 * else goes to stderr. Ends when stdin closes, or on SIGINT / SIGTERM, with exit code 0.
 */
// Before anything that loads type-graphql classes: their decorators need it.
import 'reflect-metadata';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { graphConfigFromEnv, openConfiguredGraph } from '../../graph/db/index.ts';
import { AppError } from '../../graph/model/index.ts';
import { Authenticator } from '../auth/authenticator.ts';
import { apiConfigFromEnv } from '../config.ts';
import { ecomapSchema } from '../graphql/schema.ts';
import { createLogger } from '../server/logger.ts';
import { ToolAnswers } from './answers.ts';
import { callLimiterFromEnv } from './rate.ts';
import { createMcpServer } from './server.ts';

async function runStdio(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const config = apiConfigFromEnv(env);
  const token = env.ECOMAP_TOKEN?.trim();
  if (!token && !config.authOff) {
    say('Set ECOMAP_TOKEN to an Ecomap API token (createApiToken, or the ADMIN token); see the README, "AI agents".');
    return 1;
  }
  const logger = createLogger(env.LOG_LEVEL ?? 'warn', process.stderr);
  const open = await openConfiguredGraph(graphConfigFromEnv(env));
  const auth = new Authenticator(open.graph, { adminToken: config.adminToken, authOff: config.authOff });
  const caller = () => auth.authenticate(`Bearer ${token ?? ''}`);
  try {
    const principal = await caller();
    const server = createMcpServer({
      graph: open.graph, answers: new ToolAnswers(), schema: await ecomapSchema(), limiter: callLimiterFromEnv(env), logger, onRevoke: (hash) => auth.forget(hash),
    }, caller);
    // A message over MAX_BODY_BYTES ends the session, as the transport cannot skip the rest of a line.
    const transport = new StdioServerTransport(process.stdin, process.stdout, { maxBufferSize: config.maxBodyBytes });
    const ended = new Promise<string>((done) => {
      transport.onclose = () => done('the transport closed');
      process.stdin.once('end', () => done('stdin ended'));
      process.once('SIGINT', () => done('SIGINT'));
      process.once('SIGTERM', () => done('SIGTERM'));
    });
    await server.connect(transport);
    say(`Ecomap MCP server on stdio (pid ${process.pid}) as ${principal.role}${principal.partnerId ? ` of ${principal.partnerId}` : ''}.`);
    const why = await ended;
    await server.close();
    say(`Ecomap MCP server stopped (${why}).`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      say(`${err.code}: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await open.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runStdio().then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`The MCP server failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
