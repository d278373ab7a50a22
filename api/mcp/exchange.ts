/**
 * One HTTP request's JSON-RPC messages, handed to an MCP server as its transport, and the
 * answers to its requests gathered into one JSON body: an object for a single message, an
 * array for a batch, as Streamable HTTP answers in JSON. The server is the SDK's; this is
 * only the carrier (http.ts says why it is not the SDK's transport class).
 */
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, JSONRPCRequest, RequestId } from '@modelcontextprotocol/sdk/types.js';

/**
 * How a tool's result reaches the answer as bytes (answers.ts keeps results as the JSON they
 * were sent as): spliced into the envelope when it was kept, or handed over once serialised.
 */
export interface ResultBytes {
  /** Answers request `id` with this result JSON, whatever the server's handler returned. */
  splice(id: RequestId, json: Buffer): void;
  /** Once request `id`'s result is serialised for the answer, hands its bytes to `keep`. */
  whenSerialised(id: RequestId, keep: (json: Buffer) => void): void;
}

/** The SDK's transport refuses larger batches too. */
const MAX_BATCH = 100;

interface Messages {
  batch: boolean;
  list: JSONRPCMessage[];
}

/** The body's messages, or why they are not valid JSON-RPC 2.0 for MCP. */
export function readMessages(body: unknown): Messages | string {
  const batch = Array.isArray(body);
  const raw: unknown[] = batch ? body : [body];
  if (raw.length === 0) return 'an empty batch.';
  if (raw.length > MAX_BATCH) return `a batch of ${raw.length} messages; at most ${MAX_BATCH} are allowed.`;
  if (!raw.every(isMessage)) return 'the body is not a JSON-RPC 2.0 message (or a batch of them).';
  const list = raw as JSONRPCMessage[];
  const ids = list.filter(isRequest).map((m) => m.id);
  if (new Set(ids).size !== ids.length) return 'two requests of the batch have the same id.';
  if (list.length > 1 && list.some((m) => isRequest(m) && m.method === 'initialize')) return 'initialize must be sent alone.';
  return { batch, list };
}

/**
 * The envelope of a JSON-RPC 2.0 message: a request or notification (a method, params an
 * object when given, an id a string or number when given) or a response. The server checks
 * each method's params against its own schema; a zod parse of the envelope here as well cost
 * a tenth of a cached tool call.
 */
function isMessage(item: unknown): boolean {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return false;
  const m = item as Record<string, unknown>;
  if (m.jsonrpc !== '2.0') return false;
  const id = m.id === undefined || typeof m.id === 'string' || (typeof m.id === 'number' && Number.isInteger(m.id));
  const object = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (typeof m.method === 'string') return id && (m.params === undefined || object(m.params));
  return id && m.id !== undefined && (object(m.result) || object(m.error));
}

function isRequest(message: JSONRPCMessage): message is JSONRPCRequest {
  return 'method' in message && 'id' in message;
}

const RESULT_OPEN = Buffer.from('{"result":');
const BATCH_OPEN = Buffer.from('[');
const BATCH_COMMA = Buffer.from(',');
const BATCH_CLOSE = Buffer.from(']');

export class Exchange implements Transport, ResultBytes {
  onmessage?: Transport['onmessage'];
  onclose?: () => void;
  onerror?: (error: Error) => void;
  private readonly answers = new Map<RequestId, JSONRPCMessage>();
  private readonly waiting: Set<RequestId>;
  private readonly spliced = new Map<RequestId, Buffer>();
  private readonly keepers = new Map<RequestId, (json: Buffer) => void>();
  private settle: () => void = () => {};

  constructor(private readonly messages: Messages) {
    this.waiting = new Set(messages.list.filter(isRequest).map((m) => m.id));
  }

  async start(): Promise<void> {}

  /** Keeps the answers to this request's messages; the tools send nothing else (no progress, logging or sampling). */
  async send(message: JSONRPCMessage): Promise<void> {
    if (!('id' in message) || 'method' in message || message.id === undefined || !this.waiting.delete(message.id)) return;
    this.answers.set(message.id, message);
    if (this.waiting.size === 0) this.settle();
  }

  splice(id: RequestId, json: Buffer): void {
    this.spliced.set(id, json);
  }

  whenSerialised(id: RequestId, keep: (json: Buffer) => void): void {
    this.keepers.set(id, keep);
  }

  async close(): Promise<void> {
    this.onclose?.();
  }

  /**
   * Delivers the messages and resolves with the answers' JSON bytes once every request has its
   * answer, or once `res` closes (the client left); undefined when nothing was asked
   * (notifications only: 202).
   */
  async answer(res: { once(event: 'close', listener: () => void): unknown }): Promise<Buffer | undefined> {
    const done = new Promise<void>((resolve) => {
      this.settle = resolve;
      res.once('close', resolve);
    });
    for (const message of this.messages.list) this.onmessage?.(message);
    const requests = this.messages.list.filter(isRequest);
    if (requests.length === 0) return undefined;
    if (this.waiting.size > 0) await done;
    const answers = requests.map((m) => this.answers.get(m.id)).filter((a): a is JSONRPCMessage => a !== undefined).map((a) => this.bytesOf(a));
    if (!this.messages.batch) return answers[0];
    return Buffer.concat([BATCH_OPEN, ...answers.flatMap((a, i) => (i === 0 ? [a] : [BATCH_COMMA, a])), BATCH_CLOSE]);
  }

  private bytesOf(message: JSONRPCMessage): Buffer {
    if (!('result' in message)) return Buffer.from(JSON.stringify(message));
    let json = this.spliced.get(message.id);
    if (!json) {
      json = Buffer.from(JSON.stringify(message.result));
      this.keepers.get(message.id)?.(json);
    }
    // The SDK's own envelope, in its order: { result, jsonrpc, id }.
    return Buffer.concat([RESULT_OPEN, json, Buffer.from(`,"jsonrpc":"2.0","id":${JSON.stringify(message.id)}}`)]);
  }
}
