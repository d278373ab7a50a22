/**
 * Reads an import file without ever holding its whole text: the top-level object's
 * arrays are cut into their elements while the file streams in, and each element is
 * parsed on its own. A file of a million engagements is far beyond V8's longest
 * string, but its elements are small.
 *
 * Only the top level is streamed; elements and non-array values use JSON.parse, so
 * what is accepted is exactly JSON.
 */
import { createReadStream, statSync } from 'node:fs';

export class MalformedJsonError extends Error {}

const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, COLON = 0x3a;
const OPEN_OBJ = 0x7b, CLOSE_OBJ = 0x7d, OPEN_ARR = 0x5b, CLOSE_ARR = 0x5d;

/** Parses the JSON file at `path`; `onBytes` reports progress as (bytesRead, totalBytes). */
export async function readJsonFile(path: string, onBytes?: (read: number, total: number) => void): Promise<unknown> {
  const total = statSync(path).size;
  const reader = new TopLevelReader();
  let read = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    reader.push(chunk as Buffer);
    read += (chunk as Buffer).length;
    onBytes?.(read, total);
  }
  return reader.finish();
}

/** Incremental splitter: feed chunks with push(), get the parsed value from finish(). */
export class TopLevelReader {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private offset = 0;
  private readonly result: Record<string, unknown> = {};
  private started = false;
  private topIsObject = false;
  private whole: Buffer[] = [];          // the whole text, when the top level is not an object
  private piece: Buffer[] = [];          // the text of the key, value or element being cut out
  private capturing = false;
  private key: string | undefined;
  private expectingKey = true;
  private array: unknown[] | undefined;  // the top-level array being filled
  private afterArray = false;            // a top-level array just closed: a separator follows

  push(chunk: Buffer): void {
    if (!this.topIsObject && this.started) { this.whole.push(chunk); this.offset += chunk.length; return; }
    let start = 0; // start of the part of `chunk` that belongs to the current capture
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (!this.started) {
        if (isSpace(b)) continue;
        this.started = true;
        if (b !== OPEN_OBJ) { // not an object: parse it whole (the shape check will refuse it)
          this.whole.push(chunk.subarray(i));
          this.offset += chunk.length;
          return;
        }
        this.topIsObject = true;
        this.depth = 1;
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (b === BACKSLASH) this.escaped = true;
        else if (b === QUOTE) this.inString = false;
        continue;
      }
      if (b === QUOTE) {
        if (!this.capturing) { this.capturing = true; start = i; }
        this.inString = true;
        continue;
      }
      if (b === OPEN_OBJ || b === OPEN_ARR) {
        if (this.depth === 1 && !this.expectingKey && b === OPEN_ARR && !this.capturing) {
          this.array = [];
          this.depth = 2;
          continue;
        }
        if (!this.capturing) { this.capturing = true; start = i; }
        this.depth++;
        continue;
      }
      if (b === CLOSE_OBJ || b === CLOSE_ARR) {
        const closesTopArray = this.array !== undefined && this.depth === 2;
        const closesTop = this.array === undefined && this.depth === 1;
        if (closesTopArray || closesTop) {
          this.finishPiece(chunk, start, i);
          if (closesTopArray) {
            setOwn(this.result, this.key!, this.array);
            this.array = undefined;
            this.key = undefined;
            this.expectingKey = true;
            this.afterArray = true;
          }
          this.depth--;
          if (closesTop) this.depth = 0;
          continue;
        }
        this.depth--;
        continue;
      }
      const atTop = this.array !== undefined ? this.depth === 2 : this.depth === 1;
      if (atTop && (b === COMMA || b === COLON)) {
        this.finishPiece(chunk, start, i);
        continue;
      }
      if (!isSpace(b) && !this.capturing) { this.capturing = true; start = i; }
      if (this.depth === 0 && !isSpace(b)) throw this.malformed(i, 'text after the end of the top-level object');
    }
    if (this.capturing) this.piece.push(chunk.subarray(start));
    this.offset += chunk.length;
  }

  finish(): unknown {
    if (!this.started) throw new MalformedJsonError('the file is empty');
    if (!this.topIsObject) return parse(Buffer.concat(this.whole), 0);
    if (this.depth !== 0 || this.inString) throw new MalformedJsonError('the file ends before its top-level object does');
    return this.result;
  }

  /** Ends the current capture at chunk[end] (exclusive) and files the parsed piece. */
  private finishPiece(chunk: Buffer, start: number, end: number): void {
    if (this.afterArray && !this.capturing) {
      this.afterArray = false;
      if (chunk[end] === COLON) throw this.malformed(end, 'an object key must be a string');
      return;
    }
    this.afterArray = false;
    if (!this.capturing) {
      // `[1,,2]`, `{,}` and similar: a separator with nothing before it.
      if (this.array !== undefined && this.array.length === 0 && chunk[end] !== COMMA) return; // `[]`
      if (this.array === undefined && this.expectingKey && chunk[end] === CLOSE_OBJ && Object.keys(this.result).length === 0 && this.key === undefined) return; // `{}`
      throw this.malformed(end, 'a value is missing');
    }
    this.piece.push(chunk.subarray(start, end));
    const text = Buffer.concat(this.piece);
    this.piece = [];
    this.capturing = false;
    const value = parse(text, this.offset + end - text.length);
    if (this.array !== undefined) { this.array.push(value); return; }
    if (this.expectingKey) {
      if (typeof value !== 'string') throw this.malformed(end, 'an object key must be a string');
      this.key = value;
      this.expectingKey = false;
    } else {
      setOwn(this.result, this.key!, value);
      this.key = undefined;
      this.expectingKey = true;
    }
  }

  private malformed(index: number, why: string): MalformedJsonError {
    return new MalformedJsonError(`malformed JSON near byte ${this.offset + index}: ${why}`);
  }
}

function parse(text: Buffer, at: number): unknown {
  try {
    return JSON.parse(text.toString('utf8'));
  } catch (err) {
    throw new MalformedJsonError(`malformed JSON near byte ${at}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** As JSON.parse does: `"__proto__"` is an own key like any other, never the prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}
