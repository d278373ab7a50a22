import { describe, expect, it } from 'vitest';
import { PARTNER_TYPES, TYPE_COLOURS, typeColour, typeSwatchStyle } from './palette.ts';

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('partner type colours', () => {
  it('every type stands out from the dark stage (#16191d, map.css) by at least 3:1', () => {
    for (const type of PARTNER_TYPES) expect(contrast(typeColour(type, true), '#16191d'), type).toBeGreaterThanOrEqual(3);
  });

  it('the light scheme keeps the colour-blind-safe scheme as it is', () => {
    for (const type of PARTNER_TYPES) expect(typeColour(type, false)).toBe(TYPE_COLOURS[type]);
  });

  it('gives swatches both schemes\' colours, the light one first for browsers without light-dark()', () => {
    expect(typeSwatchStyle('SYSTEM_INTEGRATOR')).toBe('background:#332288;background:light-dark(#332288, #8877EE)');
    expect(typeSwatchStyle('ISV')).toBe('background:#88CCEE;background:light-dark(#88CCEE, #88CCEE)');
  });
});
