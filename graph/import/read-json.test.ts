import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MalformedJsonError, TopLevelReader } from './read-json.ts';

/** Feeds `text` in chunks cut at the given sizes, as a file stream would. */
function readInChunks(text: string, sizes: number[]): unknown {
  const bytes = Buffer.from(text, 'utf8');
  const reader = new TopLevelReader();
  let at = 0;
  let k = 0;
  while (at < bytes.length) {
    const size = Math.max(1, sizes.length > 0 ? sizes[k++ % sizes.length]! : bytes.length);
    reader.push(bytes.subarray(at, at + size));
    at += size;
  }
  return reader.finish();
}

describe('TopLevelReader', () => {
  it('reads any JSON document exactly as JSON.parse does, however the bytes are cut', () => {
    fc.assert(fc.property(
      fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.jsonValue()),
      fc.array(fc.integer({ min: 1, max: 17 }), { maxLength: 5 }),
      fc.boolean(),
      (value, sizes, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(readInChunks(text, sizes)).toEqual(JSON.parse(text));
      },
    ), { numRuns: 400 });
  });

  it('reads an import file with nested arrays and strings full of separators', () => {
    const doc = { regions: [{ code: 'DE', name: 'a, "b" : [c] {d}' }], engagements: [{ id: 'e1', participants: [{ partner: 'p' }] }], meta: { x: [1, 2] }, n: 3, empty: [] };
    expect(readInChunks(JSON.stringify(doc, null, 1), [3])).toEqual(doc);
  });

  it('keeps "__proto__" as an own key, as JSON.parse does (found by the property above)', () => {
    const text = '{"__proto__": false, "a": [{"__proto__": 1}]}';
    const read = readInChunks(text, [4]) as Record<string, unknown>;
    expect(read).toEqual(JSON.parse(text));
    expect(Object.keys(read)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
  });

  it('refuses what JSON.parse refuses', () => {
    for (const bad of ['', '{', '{"a":[1,]}', '{"a":[,1]}', '{"a":1,}', '{"a" 1}', '{"a":[1]} x', '{"a":[1],}', '{[1]:2}', '{"a":tru}', '[1,2', '{"a":[1]:2}']) {
      expect(() => readInChunks(bad, [2]), bad).toThrow(MalformedJsonError);
    }
  });
});
