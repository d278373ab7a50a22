/**
 * AI agents (contract/README.md, AI agents (MCP)): Ecomap as a Model Context Protocol server.
 * `POST /mcp` (http.ts, called by api/server/http.ts) and `npm run mcp` (stdio.ts) serve
 * the same tools, each one fixed GraphQL document run against the served schema (tools.ts).
 */
export { handleMcpRequest } from './http.ts';
export { TOOLS, keepCutPoints } from './tools.ts';
