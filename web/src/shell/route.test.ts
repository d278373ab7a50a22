import { describe, expect, it } from 'vitest';
import { hashFor, parseHash } from './route.ts';

describe('routes in the hash', () => {
  it('reads a view and its argument', () => {
    expect(parseHash('#accountability/o-claims-speed', 'map')).toEqual({ view: 'accountability', arg: 'o-claims-speed' });
    expect(parseHash('#gaps', 'map')).toEqual({ view: 'gaps' });
    expect(parseHash('', 'accountability')).toEqual({ view: 'accountability' });
    expect(parseHash('#nonsense/x', 'map')).toEqual({ view: 'map' });
    expect(parseHash('#attribution/%E0%A4%A', 'map')).toEqual({ view: 'attribution' });
  });

  it('round-trips ids with odd characters', () => {
    expect(parseHash(hashFor('attribution', 'e/1 & 2'), 'map')).toEqual({ view: 'attribution', arg: 'e/1 & 2' });
  });
});
