import { describe, expect, it } from 'vitest';
import { PARTNER_TYPES } from '../lib/palette.ts';
import { attributedValues, defaultFilter, engagementMatches, monthsSpanning, networkFilterFrom, windowDates } from './map-filter.ts';
import type { MapEngagement } from './map.queries.ts';

const engagement = (id: string, value: number | null, start: string | null, end: string | null, region: string, partners: string[]): MapEngagement => ({
  id, value, startDate: start, endDate: end, customer: { region: { code: region }, industry: { code: 'FSI' } },
  contributions: partners.map((p) => ({ partner: { id: p } })),
});

describe('map filters', () => {
  it('spans the months of the engagements', () => {
    expect(monthsSpanning(['2025-11-03', null, '2026-02-01'], '2026-06-30')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsSpanning([], '2026-06-30')[0]).toBe('2024-06');
  });

  it('turns slider positions into dates, whole months inclusive', () => {
    const months = ['2024-01', '2024-02', '2024-03'];
    expect(windowDates(months, 1, 1)).toEqual({ since: '2024-02-01', until: '2024-02-29' });
    expect(windowDates(months, 0, 2)).toEqual({ since: '2024-01-01', until: '2024-03-31' });
  });

  it('sends only what narrows the network', () => {
    const months = ['2024-01', '2024-02', '2024-03'];
    const all = defaultFilter(months);
    expect(networkFilterFrom(all, months)).toEqual({});
    const types = new Set(PARTNER_TYPES.filter((t) => t !== 'ISV'));
    expect(networkFilterFrom({ ...all, region: 'DE', industry: 'FSI', types, from: 1 }, months)).toEqual({
      regions: ['DE'], industries: ['FSI'], partnerTypes: PARTNER_TYPES.filter((t) => t !== 'ISV'), since: '2024-02-01', until: '2024-03-31',
    });
  });

  it('matches engagements as the contract does: overlap with open bounds', () => {
    const e = engagement('e', 1, '2025-03-01', null, 'DE', []);
    expect(engagementMatches(e, { since: '2030-01-01' })).toBe(true);   // no end: still running
    expect(engagementMatches(e, { until: '2025-02-28' })).toBe(false);
    expect(engagementMatches(e, { regions: ['FR'] })).toBe(false);
  });

  it('credits LINEAR value per touch over the matching engagements', () => {
    const values = attributedValues([
      engagement('e1', 900, '2025-01-01', '2025-12-31', 'DE', ['a', 'b', 'a']),
      engagement('e2', 100, '2025-01-01', null, 'FR', ['b']),
      engagement('e3', null, '2025-01-01', null, 'DE', ['c']),
    ], { regions: ['DE'] });
    expect(Object.fromEntries(values)).toEqual({ a: 600, b: 300 });
  });
});
