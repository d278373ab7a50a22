import { describe, expect, it } from 'vitest';
import { decodeAttribution, encodeAttribution, parseHalfLife } from './attribution-state.ts';

describe('the attribution view in the address', () => {
  it('takes any positive half-life, whole or not', () => {
    expect(parseHalfLife('7')).toBe(7);
    expect(parseHalfLife('2.5')).toBe(2.5);
    expect(parseHalfLife('0.01')).toBe(0.01);
    expect(parseHalfLife('0')).toBeNull();
    expect(parseHalfLife('-3')).toBeNull();
    expect(parseHalfLife('')).toBeNull();
    expect(parseHalfLife('abc')).toBeNull();
  });

  it('leaves the defaults out and round-trips the rest in the contract’s words', () => {
    expect(encodeAttribution({ halfLife: 7, model: 'linear' })).toEqual({});
    const state = encodeAttribution({ halfLife: 2.5, model: 'timeDecay' });
    expect(state).toEqual({ halfLife: '2.5', model: 'TIME_DECAY' });
    expect(decodeAttribution(state)).toEqual({ halfLife: 2.5, model: 'timeDecay' });
  });

  it('reads what it cannot use as the defaults', () => {
    expect(decodeAttribution({ halfLife: '-1', model: 'NOPE' })).toEqual({ halfLife: 7, model: 'linear' });
  });
});
