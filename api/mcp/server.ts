/**
 * The MCP server of one caller: tools/list shows the tools its role may call, tools/call
 * runs one (run.ts), and the contract's README and schema are resources.
 *
 * The SDK's low-level `Server`, not `McpServer`: the tools' schemas are JSON Schema, the
 * outputs derived from the GraphQL documents (json-schema.ts), where McpServer wants zod
 * schemas, a second description of the same shapes; and the list depends on the caller.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import {
  CallToolRequestSchema, ErrorCode as RpcCode, ListResourcesRequestSchema, ListToolsRequestSchema, McpError, ReadResourceRequestSchema,
  type CallToolResult, type RequestId, type Tool as ToolEntry,
} from '@modelcontextprotocol/sdk/types.js';
import type { GraphQLSchema } from 'graphql';
import type { Principal } from '../../graph/access/index.ts';
import { graphVersion, type Graph } from '../../graph/db/index.ts';
import { AppError, clip, type ErrorCode, type Problem } from '../../graph/model/index.ts';
import { createContext } from '../graphql/context.ts';
import { MAX_PROBLEMS } from '../graphql/errors.ts';
import type { Logger } from '../server/logger.ts';
import { inputProblems } from './json-schema.ts';
import type { ToolAnswers } from './answers.ts';
import type { ResultBytes } from './exchange.ts';
import type { CallLimiter } from './rate.ts';
import { prepareTools, runTool, type PreparedTool, type ToolError } from './run.ts';

/** The most a call's arguments may weigh as JSON: generous for a scenario of many joins, far below the body limit. */
export const MAX_ARGUMENT_BYTES = 64 * 1024;

interface McpDeps {
  graph: Graph;
  /** One per process, as /graphql's answer cache. */
  answers: ToolAnswers;
  schema: GraphQLSchema;
  limiter: CallLimiter;
  logger: Logger;
  /** A revoked token's hash, for the authenticator's cache (the context wants it; the tools only read). */
  onRevoke: (hash: string) => void;
  /** Over HTTP, the request's exchange: kept answers go into its envelope as bytes. */
  resultBytes?: ResultBytes;
  /** Over HTTP, adds a call's fields to its request's log line; otherwise a line of its own. */
  noteCall?: (fields: Record<string, unknown>) => void;
}

/**
 * Who calls. Over HTTP the request's token, known before the server is made; over stdio the
 * process's token, looked up again on each request (cached for seconds), so revoking it
 * stops the agent as it stops a GraphQL client.
 */
type Caller = () => Promise<Principal>;

const VERSION = (JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string }).version;

const INSTRUCTIONS = 'Ecomap maps a partner ecosystem: partners, customers, engagements, the commitments partners make and the '
  + 'outcomes promised to customers. Ids look like p-cortexa (partner), e-claims-copilot (engagement), o-claims-speed '
  + '(outcome), m-claims-rules (commitment); regions are codes such as DE, JP or US-E, capabilities ids such as sap or '
  + 'agentic-ai, industries codes such as FSI. find_partners, missed_outcomes, at_risk_outcomes and coverage_gaps find ids. '
  + 'Every answer is scoped to your token, and something out of your scope answers exactly as if it did not exist. '
  + 'The rules behind every answer are in the resource ecomap://contract/README.md.';

const RESOURCES = [
  { uri: 'ecomap://contract/README.md', name: 'contract', title: 'The Ecomap contract', mimeType: 'text/markdown', file: '../contract/README.md',
    description: 'What every answer means: access and scope, errors and limits, the rules of each analysis.' },
  { uri: 'ecomap://contract/schema.graphql', name: 'schema', title: 'The GraphQL schema', mimeType: 'application/graphql', file: '../contract/schema.graphql',
    description: 'The contract\'s GraphQL schema: every type and field the tools answer with, with descriptions.' },
] as const;

/**
 * One for every server: the SDK makes an Ajv per server otherwise (1 ms, as much as a small
 * tool call), for answers to elicitations, which Ecomap never asks for.
 */
const VALIDATOR = new AjvJsonSchemaValidator();

const texts = new Map<string, string>();

function resourceText(file: string): string {
  let text = texts.get(file);
  if (text === undefined) {
    text = readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8');
    texts.set(file, text);
  }
  return text;
}

export function createMcpServer(deps: McpDeps, caller: Caller): Server {
  const tools = prepareTools(deps.schema);
  const server = new Server({ name: 'ecomap', title: 'Ecomap', version: VERSION }, {
    capabilities: { tools: { listChanged: false }, resources: {} },
    instructions: INSTRUCTIONS,
    jsonSchemaValidator: VALIDATOR,
  });
  server.setRequestHandler(ListToolsRequestSchema, async () => {
    const { role } = await authenticated(caller);
    return { tools: [...tools.values()].filter((t) => t.tool.roles.includes(role)).map(listed) };
  });
  const noteCall = deps.noteCall ?? ((fields) => deps.logger.info(fields, 'mcp tool call'));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const principal = await authenticated(caller);
    const { name } = request.params;
    const tool = tools.get(name);
    if (!tool) throw new McpError(RpcCode.InvalidParams, `Unknown tool "${clip(name)}": tools/list names the tools this token may call.`);
    const started = performance.now();
    const result = await callTool(deps, tool, principal, request.params.arguments ?? {}, extra.requestId);
    noteCall({ tool: name, role: principal.role, ms: Math.round((performance.now() - started) * 10) / 10, ...(result.isError ? { refused: errorCodeOf(result) } : {}) });
    return result;
  });
  server.setRequestHandler(ListResourcesRequestSchema, async () => {
    await authenticated(caller);
    return { resources: RESOURCES.map(({ file: _file, ...r }) => r) };
  });
  server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    await authenticated(caller);
    const resource = RESOURCES.find((r) => r.uri === request.params.uri);
    // -32002: the specification's code for a resource that does not exist.
    if (!resource) throw new McpError(-32002, `Resource not found: "${clip(request.params.uri)}". resources/list names them.`);
    return { contents: [{ uri: resource.uri, mimeType: resource.mimeType, text: resourceText(resource.file) }] };
  });
  return server;
}

/** Over stdio a token revoked since the start is refused here, as /graphql refuses it. */
async function authenticated(caller: Caller): Promise<Principal> {
  try {
    return await caller();
  } catch (err) {
    if (err instanceof AppError) throw new McpError(err.code === 'UNAUTHENTICATED' ? -32001 : RpcCode.InternalError, `${err.code}: ${err.message}`);
    throw err;
  }
}

function listed({ tool, outputSchema }: PreparedTool): ToolEntry {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: tool.input as ToolEntry['inputSchema'],
    outputSchema: outputSchema as ToolEntry['outputSchema'],
    annotations: { title: tool.title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  };
}

async function callTool(deps: McpDeps, prepared: PreparedTool, principal: Principal, args: Record<string, unknown>, requestId: RequestId): Promise<CallToolResult> {
  const { tool } = prepared;
  if (!tool.roles.includes(principal.role)) {
    return refused([{ code: 'FORBIDDEN', message: `A ${principal.role} token cannot call ${tool.name}: it reads the whole ecosystem (ADMIN and ANALYST only).` }]);
  }
  if (!deps.limiter.take(principal.tokenId)) {
    return refused([{ code: 'QUERY_TOO_COMPLEX', message: `This token made more than ${deps.limiter.perSecond} tool calls per second; wait a second and try again.` }]);
  }
  const size = Buffer.byteLength(JSON.stringify(args));
  if (size > MAX_ARGUMENT_BYTES) {
    return refused([{ code: 'BAD_USER_INPUT', message: `The arguments are ${size} bytes of JSON; at most ${MAX_ARGUMENT_BYTES} are allowed.` }]);
  }
  const problems = inputProblems(tool.input, args);
  if (problems.length > 0) {
    return refused([{ code: 'BAD_USER_INPUT', message: `The arguments of ${tool.name} do not fit its input schema.`, problems }]);
  }
  const context = createContext(deps.graph, principal, deps.onRevoke, (err) => deps.logger.error({ err, tool: tool.name }, 'internal error'));
  try {
    const kept = prepared.keepable ? await keptAnswer(deps, tool.name, principal, context.today, args) : undefined;
    if (kept?.json) {
      if (!deps.resultBytes) return JSON.parse(kept.json.toString('utf8')) as CallToolResult;
      // What is returned here is not sent: the exchange sends the kept bytes in its place.
      deps.resultBytes.splice(requestId, kept.json);
      return { content: [] };
    }
    const answer = await runTool(deps.schema, prepared, args, context);
    if ('errors' in answer) return refused(answer.errors);
    // A nullable root field (partner) answers null for an unknown id: a tool says so, as a non-null field would.
    if (Object.values(answer.data).some((v) => v === null)) return refused([{ code: 'NOT_FOUND', message: tool.notFound?.(args) ?? 'Not found.' }]);
    const data = tool.keep ? tool.keep(answer.data) : answer.data;
    // The data once, as structuredContent; the text is the summary. A second copy of the data
    // as JSON text (which the specification suggests for older clients) more than doubled the
    // bytes of a large answer (coverage_gaps at S: 38 KB against /graphql's 17 KB), and its cost.
    const result: CallToolResult = { content: [{ type: 'text', text: tool.summary(answer.data, args) }], structuredContent: data };
    // A stale network is answered at once while fresh metrics are computed: not one to keep.
    if (kept && (data.network as { stale?: boolean } | undefined)?.stale !== true) {
      const keep = (json: Buffer) => deps.answers.set(kept.key, kept.version, json);
      if (deps.resultBytes) deps.resultBytes.whenSerialised(requestId, keep);
      else keep(Buffer.from(JSON.stringify(result)));
    }
    return result;
  } catch (err) {
    if (err instanceof AppError) return refused([{ code: err.code, message: err.message }]);
    context.reportInternal(err);
    return refused([{ code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on the server.' }]);
  }
}

/** The answer kept for this call at the current graph version, and where to keep a new one; undefined when the version cannot be read. */
async function keptAnswer(deps: McpDeps, tool: string, principal: Principal, today: string, args: Record<string, unknown>) {
  let version: number;
  try {
    version = await graphVersion(deps.graph);
  } catch {
    return undefined; // the database is unreachable: let the call fail as it would without a cache
  }
  const key = deps.answers.key(tool, principal, today, args);
  return { key, version, json: deps.answers.get(key, version) };
}

/** A tool error (isError): every error as "CODE: message", its problems below it. */
function refused(errors: ToolError[]): CallToolResult {
  const lines = errors.flatMap((e) => [`${e.code}: ${e.message}`, ...problemLines(e.problems ?? [])]);
  return { content: [{ type: 'text', text: lines.join('\n') }], isError: true };
}

function problemLines(problems: Problem[]): string[] {
  const shown = problems.slice(0, MAX_PROBLEMS).map((p) => `- ${p.path}: ${p.message}`);
  return problems.length > shown.length ? [...shown, `- … and ${problems.length - shown.length} more`] : shown;
}

function errorCodeOf(result: CallToolResult): ErrorCode | undefined {
  const first = result.content[0];
  return first?.type === 'text' ? (first.text.split(':', 1)[0] as ErrorCode) : undefined;
}
