import { describe, expect, it } from 'vitest';
import type { AttributionData, Share } from './attribution.queries.ts';
import { attributionMatrix } from './attribution-model.ts';

const s = (id: string, share: number, value: number | null): Share => ({ partner: { id, name: id }, share, amount: value === null ? null : share * value });

function data(value: number | null): AttributionData {
  const c = (id: string, partner: string, date: string) => ({ id, kind: 'DELIVERY' as const, date, amount: null, partner: { id: partner, name: partner } });
  return {
    engagement: { id: 'e', name: 'E', status: 'ACTIVE', value, currency: 'EUR', startDate: null, customer: { name: 'C' },
      contributions: [c('k1', 'a', '2025-01-01'), c('k2', 'b', '2025-02-01'), c('k3', 'c', '2025-03-01')] },
    firstTouch: [s('a', 1, value)],
    lastTouch: [s('c', 1, value)],
    linear: [s('a', 1 / 3, value), s('b', 1 / 3, value), s('c', 1 / 3, value)],
    positionBased: [s('a', 0.4, value), s('c', 0.4, value), s('b', 0.2, value)],
    timeDecay: [s('c', 0.9, value), s('b', 0.09, value), s('a', 0.01, value)],
  };
}

describe('attribution side by side', () => {
  it('has a row per contributing partner with every model, zero where a model gives nothing', () => {
    const rows = attributionMatrix(data(1000));
    expect(rows.map((r) => r.partner.id)).toEqual(['a', 'b', 'c']);
    expect(rows[1]!.values.firstTouch).toEqual({ share: 0, amount: 0 });
    expect(rows[1]!.values.positionBased.amount).toBeCloseTo(200);
    expect(rows[2]!.values.lastTouch).toEqual({ share: 1, amount: 1000 });
  });

  it('has no amounts when the engagement has no value', () => {
    const rows = attributionMatrix(data(null));
    expect(rows[0]!.values.lastTouch).toEqual({ share: 0, amount: null });
    expect(rows[0]!.values.firstTouch).toEqual({ share: 1, amount: null });
  });
  it('orders the rows by the chosen model', () => {
    expect(attributionMatrix(data(1000), 'timeDecay').map((r) => r.partner.id)).toEqual(['c', 'b', 'a']);
    expect(attributionMatrix(data(1000), 'firstTouch').map((r) => r.partner.id)).toEqual(['a', 'b', 'c']);
  });
});
