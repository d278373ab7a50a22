/**
 * The lean path for queries this server has answered before (issue 22): their document
 * is kept parsed, validated, with its operation and selection worked out, and the next
 * request with the same text runs it straight through graphql-js, without Apollo's
 * pipeline around it (hashing the text, cloning the context, five plugins' hooks,
 * content negotiation): on `{ viewer { role } }` that pipeline was most of the server's
 * time.
 *
 * Nothing about the answer changes, by construction:
 * - a text is learnt only after Apollo answered it with 200 and no errors, and only for
 *   the Accept header it was answered under, whose content type is kept and sent again;
 * - only queries (a mutation, a subscription or an operation the answer cache keeps go
 *   through Apollo every time);
 * - the same limits are checked for each request's variables; a refusal, variables that
 *   do not fit, or an answer with any error are left to Apollo, which answers them as it
 *   always does (a query is a read: running it again changes nothing).
 * Authentication, the per-token gate and the request log come before this, as before.
 */
import { execute, Kind, parse, validate, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { Lru } from '../../graph/db/index.ts';
import { isCachedOperation } from '../server/answer-cache.ts';
import type { Context } from './context.ts';
import { checkLimits } from './limits.ts';
import { selectionOf, type Selection } from './selection.ts';

/** Documents kept; a text is learnt on its second success, so one-off texts are never parsed twice. */
const KEPT = 1_000;
/** Longer texts always go through Apollo: the kept keys hold the text, so this bounds them (1,000 × 16 KB). */
const MAX_TEXT = 16 * 1024;

interface Known {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  fragments: FragmentDefinitionNode[];
  selection: Selection;
  contentType: string;
}

export interface KnownAnswer { contentType: string; body: string }

export class KnownDocuments {
  private readonly known = new Lru<Known>(KEPT);
  private readonly seen = new Lru<true>(KEPT);
  /** Requests answered here so far. */
  answered = 0;

  constructor(private readonly schema: GraphQLSchema, private readonly maxTokens: number) {}

  /** After Apollo answered `body` with 200 and no errors, as `contentType` for `accept`. */
  learn(body: unknown, accept: string, contentType: string): void {
    const request = requestOf(body);
    if (!request) return;
    const key = keyOf(request, accept);
    if (this.known.get(key)) return;
    if (!this.seen.get(key)) {
      this.seen.set(key, true);
      return;
    }
    const document = parse(request.query, { maxTokens: this.maxTokens });
    if (validate(this.schema, document).length > 0) return;
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const operation = request.operationName === undefined && operations.length === 1
      ? operations[0]
      : operations.find((o) => o.name?.value === request.operationName);
    if (!operation || operation.operation !== 'query' || isCachedOperation(operation)) return;
    const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
    this.known.set(key, { document, operation, fragments, selection: selectionOf(this.schema, document), contentType });
  }

  /** The answer to a known query, or null: then Apollo answers it. */
  async answer(body: unknown, accept: string, context: Context): Promise<KnownAnswer | null> {
    const request = requestOf(body);
    if (!request) return null;
    const known = this.known.get(keyOf(request, accept));
    if (!known) return null;
    try {
      checkLimits(this.schema, known.fragments, known.operation, request.variables);
    } catch {
      return null;
    }
    context.loaders.selection = known.selection;
    const result = await execute({
      schema: this.schema, document: known.document, operationName: known.operation.name?.value,
      variableValues: request.variables, contextValue: context,
    });
    if (result.errors && result.errors.length > 0) return null;
    this.answered += 1;
    // As Apollo writes a single result (runHttpQuery prettyJSONStringify).
    return { contentType: known.contentType, body: `${JSON.stringify({ data: result.data })}\n` };
  }
}

interface QueryRequest { query: string; operationName: string | undefined; variables: Record<string, unknown> }

/** A POST body of the usual shape; anything else is Apollo's to answer (and to refuse). */
function requestOf(body: unknown): QueryRequest | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { query, operationName, variables, extensions } = body as Record<string, unknown>;
  if (typeof query !== 'string' || query.length > MAX_TEXT || extensions !== undefined) return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
  return { query, operationName: operationName ?? undefined, variables: (variables ?? {}) as Record<string, unknown> };
}

function keyOf(request: QueryRequest, accept: string): string {
  return `${request.operationName ?? ''}\u0000${accept}\u0000${request.query}`;
}
