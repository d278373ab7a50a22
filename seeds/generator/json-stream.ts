import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** One top-level array of the document, produced lazily. */
export interface JsonSection {
  key: string;
  items: Iterable<unknown>;
}

/** Writes are batched to about this many characters: fewer, larger chunks. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Writes `{"key":[item,\nitem,...],...}` item by item, one item per line, never holding
 * more than one chunk in memory: when `write` reports a full buffer it waits for
 * 'drain' (backpressure). Does not end the stream; the caller owns it.
 * Rejects with the stream's error if the stream fails.
 */
export async function writeJsonSections(stream: Writable, sections: readonly JsonSection[]): Promise<void> {
  let failure: unknown = null;
  const onError = (error: unknown): void => { failure ??= error; };
  stream.on('error', onError);
  let pending = '';
  const flush = async (): Promise<void> => {
    if (failure !== null) throw failure;
    const chunk = pending;
    pending = '';
    if (chunk !== '' && !stream.write(chunk)) await once(stream, 'drain');
  };

  try {
    for (const [s, section] of sections.entries()) {
      pending += `${s === 0 ? '{' : ',\n'}${JSON.stringify(section.key)}:[`;
      let first = true;
      for (const item of section.items) {
        pending += `${first ? '\n' : ',\n'}${JSON.stringify(item)}`;
        first = false;
        // Awaiting only when a chunk is full keeps the per-item cost synchronous.
        if (pending.length >= CHUNK_CHARS) await flush();
      }
      pending += first ? ']' : '\n]';
    }
    pending += sections.length === 0 ? '{}\n' : '}\n';
    await flush();
  } finally {
    stream.off('error', onError);
  }
}
