import { describe, expect, it } from 'vitest';
import { hashFor, parseHash, sameState } from './route.ts';

describe('routes in the hash', () => {
  it('reads a view and its argument', () => {
    expect(parseHash('#accountability/o-claims-speed', 'map')).toEqual({ view: 'accountability', arg: 'o-claims-speed', state: {} });
    expect(parseHash('#gaps', 'map')).toEqual({ view: 'gaps', state: {} });
    expect(parseHash('', 'accountability')).toEqual({ view: 'accountability', state: {} });
    expect(parseHash('#nonsense/x?a=1', 'map')).toEqual({ view: 'map', state: {} });
    expect(parseHash('#attribution/%E0%A4%A', 'map')).toEqual({ view: 'attribution', state: {} });
  });

  it('reads the view state after the ?', () => {
    expect(parseHash('#accountability/o-1?list=at-risk&asOf=2026-12-05', 'map'))
      .toEqual({ view: 'accountability', arg: 'o-1', state: { list: 'at-risk', asOf: '2026-12-05' } });
    expect(parseHash('#gaps?exits=p-a%2Cp-b', 'map')).toEqual({ view: 'gaps', state: { exits: 'p-a,p-b' } });
  });

  it('round-trips ids and states with odd characters, leaving empty values out', () => {
    expect(parseHash(hashFor('attribution', 'e/1 & 2'), 'map')).toEqual({ view: 'attribution', arg: 'e/1 & 2', state: {} });
    const state = { joins: '[{"name":"Dykstra & Co?","regions":["NL"]}]', empty: '' };
    const hash = hashFor('gaps', undefined, state);
    expect(hash).not.toContain('empty');
    expect(parseHash(hash, 'map')).toEqual({ view: 'gaps', state: { joins: state.joins } });
  });

  it('compares states by content', () => {
    expect(sameState({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(true);
    expect(sameState({ a: '1' }, { a: '1', b: '2' })).toBe(false);
    expect(sameState({ a: '1' }, { a: '2' })).toBe(false);
  });
});
