import { describe, expect, it } from 'vitest';
import { clampLines, wrapText } from './wrap.ts';

const measure = (t: string) => t.length * 10;

describe('wrapping text to a width', () => {
  it('breaks at words and keeps a word longer than the width whole', () => {
    expect(wrapText(measure, 'one two three four', 90)).toEqual(['one two', 'three', 'four']);
    expect(wrapText(measure, 'averyveryverylongword x', 50)).toEqual(['averyveryverylongword', 'x']);
    expect(wrapText(measure, '', 50)).toEqual([]);
  });

  it('clamps to a number of lines with an ellipsis that still fits, and says so', () => {
    expect(clampLines(measure, 'one two three four', 90, 4)).toEqual({ lines: ['one two', 'three', 'four'], clipped: false });
    const clamped = clampLines(measure, 'one two three four five', 90, 2);
    expect(clamped.clipped).toBe(true);
    expect(clamped.lines).toEqual(['one two', 'three…']);
    const long = clampLines(measure, 'averyveryverylongword', 50, 2);
    expect(long.clipped).toBe(true);
    expect(long.lines[0]!.endsWith('…')).toBe(true);
    expect(measure(long.lines[0]!)).toBeLessThanOrEqual(50);
  });
});
