import { describe, expect, it } from 'vitest';
import { matchesSearch } from './outcome-search.ts';

const outcome = { id: 'o-claims-speed', description: 'Claims handled within 48 hours at Müller Versicherung' };

describe('searching outcomes by id or description', () => {
  it('finds by id, by words of the description, in any case and order', () => {
    expect(matchesSearch(outcome, 'o-claims-speed')).toBe(true);
    expect(matchesSearch(outcome, 'CLAIMS-SP')).toBe(true);
    expect(matchesSearch(outcome, '48 hours')).toBe(true);
    expect(matchesSearch(outcome, 'hours claims')).toBe(true);
    expect(matchesSearch(outcome, 'muller')).toBe(true);
  });

  it('needs every word', () => {
    expect(matchesSearch(outcome, 'claims fraud')).toBe(false);
    expect(matchesSearch(outcome, 'o-fraud')).toBe(false);
  });

  it('matches everything when nothing is typed', () => {
    expect(matchesSearch(outcome, '  ')).toBe(true);
  });
});
