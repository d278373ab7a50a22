import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatMoney, formatShare, humanize } from './format.ts';

describe('formatting', () => {
  it('writes amounts compactly with the currency', () => {
    expect(formatMoney(1_400_000, 'EUR')).toBe('1.40 M EUR');
    expect(formatMoney(466_666.67, null)).toBe('467 k');
    expect(formatMoney(39.2, null)).toBe('39');
    expect(formatMoney(null, 'EUR')).toBe('–');
  });

  it('writes shares as percentages', () => {
    expect(formatShare(0.5)).toBe('50%');
    expect(formatShare(0.05)).toBe('5.0%');
    expect(formatShare(0.0001)).toBe('<0.1%');
    expect(formatShare(0)).toBe('0%');
  });

  it('counts days in UTC', () => {
    expect(daysBetween('2026-06-30', '2026-07-02')).toBe(2);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(humanize('PARTIALLY_MET')).toBe('Partially met');
  });
});
