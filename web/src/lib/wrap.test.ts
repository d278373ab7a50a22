import { describe, expect, it } from 'vitest';
import { wrapText, wrapWhole } from './wrap.ts';

const measure = (t: string) => t.length * 10;

describe('wrapping text to a width', () => {
  it('breaks at words and keeps a word longer than the width whole', () => {
    expect(wrapText(measure, 'one two three four', 90)).toEqual(['one two', 'three', 'four']);
    expect(wrapText(measure, 'averyveryverylongword x', 50)).toEqual(['averyveryverylongword', 'x']);
    expect(wrapText(measure, '', 50)).toEqual([]);
  });

  it('wraps the whole text, splitting only a word wider than the width, and drops nothing', () => {
    expect(wrapWhole(measure, 'one two three four', 90)).toEqual(['one two', 'three', 'four']);
    const lines = wrapWhole(measure, 'see https://example.com/a/very/long/path now', 80);
    expect(lines).toEqual(['see', 'https://', 'example.', 'com/a/ve', 'ry/long/', 'path now']);
    expect(lines.every((l) => measure(l) <= 80)).toBe(true);
    expect(lines.join('').replace(/\s/g, '')).toBe('seehttps://example.com/a/very/long/pathnow');
    expect(wrapWhole(measure, '', 50)).toEqual([]);
  });
});
