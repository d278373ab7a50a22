import { describe, expect, it } from 'vitest';
import { hashFor, parseHash } from '../shell/route.ts';
import { PARTNER_TYPES } from '../lib/palette.ts';
import { placeFrom, sameNetwork, settingsFrom, stateFor } from './map-state.ts';

const months = ['2024-01', '2024-02', '2024-03', '2024-04'];

describe('the map in the address', () => {
  it('reads nothing as the overview with the default filters', () => {
    expect(placeFrom(undefined, {})).toEqual({ community: null, partner: null });
    const settings = settingsFrom({}, months);
    expect(settings.linksPerNode).toBe(5);
    expect(settings.filter).toMatchObject({ region: '', industry: '', from: 0, to: 3, sizeBy: 'pagerank' });
    expect(stateFor({ community: null, partner: null }, settings, months)).toEqual({});
  });

  it('round-trips a drill-down, a selection and every filter through the hash', () => {
    const settings = settingsFrom({}, months);
    settings.filter = { ...settings.filter, region: 'DE', industry: 'FSI', types: new Set(['ISV', 'MSP'] as const), from: 1, to: 2, sizeBy: 'degree' };
    settings.linksPerNode = Infinity;
    const place = { community: 3, partner: 'p-cortexa' };
    const hash = hashFor('map', place.partner, stateFor(place, settings, months));
    expect(hash).toBe('#map/p-cortexa?community=3&region=DE&industry=FSI&types=ISV%2CMSP&from=2024-02&to=2024-03&size=degree&links=all');
    const route = parseHash(hash, 'map');
    expect(placeFrom(route.arg, route.state)).toEqual(place);
    const back = settingsFrom(route.state, months);
    expect(back.linksPerNode).toBe(Infinity);
    expect(back.filter).toEqual(settings.filter);
  });

  it('keeps every partner type unticked through the hash, not as every type', () => {
    const settings = settingsFrom({}, months);
    settings.filter = { ...settings.filter, types: new Set() };
    const hash = hashFor('map', undefined, stateFor({ community: null, partner: null }, settings, months));
    expect(hash).toBe('#map?types=none');
    expect([...settingsFrom(parseHash(hash, 'map').state, months).filter.types]).toEqual([]);
  });

  it('ignores what it does not understand', () => {
    const settings = settingsFrom({ community: 'x', types: 'ISV,NOPE', from: '1999-01', size: 'huge', links: '7' }, months);
    expect([...settings.filter.types]).toEqual(['ISV']);
    expect(settings.filter.from).toBe(0);
    expect(settings.filter.sizeBy).toBe('pagerank');
    expect(settings.linksPerNode).toBe(5);
    expect(placeFrom('', { community: 'x' })).toEqual({ community: null, partner: null });
  });

  it('tells a filter that asks another network from one that only draws differently', () => {
    const a = settingsFrom({}, months).filter;
    expect(sameNetwork(a, { ...a, sizeBy: 'degree' })).toBe(true);
    expect(sameNetwork(a, { ...a, region: 'DE' })).toBe(false);
    expect(sameNetwork(a, { ...a, types: new Set(PARTNER_TYPES.slice(1)) })).toBe(false);
  });
});
