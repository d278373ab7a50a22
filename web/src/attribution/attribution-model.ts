/** The five models side by side: one row per partner, one column per model. Pure. */
import type { AttributionData, Share } from './attribution.queries.ts';

export const MODELS = [
  { key: 'firstTouch', title: 'First touch', note: 'all to the first contribution' },
  { key: 'lastTouch', title: 'Last touch', note: 'all to the last' },
  { key: 'linear', title: 'Linear', note: 'equal per contribution' },
  { key: 'positionBased', title: 'Position-based', note: '40% first, 40% last, 20% between' },
  { key: 'timeDecay', title: 'Time decay', note: 'recent contributions weigh more' },
] as const;
export type ModelKey = (typeof MODELS)[number]['key'];

export interface MatrixRow {
  partner: { id: string; name: string };
  /** Per model: share (0 when the model gives the partner nothing) and amount. */
  values: Record<ModelKey, { share: number; amount: number | null }>;
}

/** Partners ordered by the chosen model's share descending (LINEAR by default), then id; every model's value for each. */
export function attributionMatrix(data: AttributionData, orderBy: ModelKey = 'linear'): MatrixRow[] {
  const partners = new Map<string, { id: string; name: string }>();
  for (const c of data.engagement?.contributions ?? []) partners.set(c.partner.id, c.partner);
  for (const m of MODELS) for (const s of data[m.key]) partners.set(s.partner.id, s.partner);
  const lookup = (shares: Share[], id: string) => shares.find((s) => s.partner.id === id);
  const value = data.engagement?.value ?? null;
  const rows = [...partners.values()].map((partner) => ({
    partner,
    values: Object.fromEntries(MODELS.map((m) => {
      const s = lookup(data[m.key], partner.id);
      return [m.key, { share: s?.share ?? 0, amount: s ? s.amount : value === null ? null : 0 }];
    })) as MatrixRow['values'],
  }));
  return rows.sort((a, b) => b.values[orderBy].share - a.values[orderBy].share || (a.partner.id < b.partner.id ? -1 : 1));
}
