/**
 * The map's filters as plain data, and what they mean for the API (NetworkFilter) and
 * for attributed value. Pure: tested without a browser.
 */
import type { NetworkFilter } from '../api/generated/graphql.ts';
import { PARTNER_TYPES, type PartnerType } from '../lib/palette.ts';
import type { MapEngagement } from './map.queries.ts';

export interface MapFilter {
  region: string;      // '' = all
  industry: string;    // '' = all
  types: ReadonlySet<PartnerType>;
  /** Month indices into the slider's months, inclusive. */
  from: number;
  to: number;
  sizeBy: SizeBy;
}

/** What sizes a partner at partner level. */
export type SizeBy = 'pagerank' | 'value' | 'degree';

/** The API's NetworkFilter as the map sends it (partners only: communities hold no customers). */
export type NetworkFilterInput = Pick<NetworkFilter, 'regions' | 'industries' | 'partnerTypes' | 'since' | 'until' | 'communities'>;

/** Months ('YYYY-MM') from the earliest to the latest date given, at least `fallback` around today. */
export function monthsSpanning(dates: ReadonlyArray<string | null>, today: string): string[] {
  const known = dates.filter((d): d is string => !!d).sort();
  const first = known[0] ?? `${Number(today.slice(0, 4)) - 2}${today.slice(4)}`;
  const last = known[known.length - 1] ?? `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  const months: string[] = [];
  let year = Number(first.slice(0, 4)), month = Number(first.slice(5, 7));
  const endKey = last.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= endKey || months.length > 1200) break;
    month++;
    if (month > 12) { month = 1; year++; }
  }
  return months;
}

/** First day of month `from` and last day of month `to` (inclusive). */
export function windowDates(months: readonly string[], from: number, to: number): { since: string; until: string } {
  const a = months[Math.max(0, Math.min(from, months.length - 1))]!;
  const b = months[Math.max(0, Math.min(to, months.length - 1))]!;
  const [y, m] = b.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { since: `${a}-01`, until: `${b}-${String(lastDay).padStart(2, '0')}` };
}

export function defaultFilter(months: readonly string[]): MapFilter {
  return { region: '', industry: '', types: new Set(PARTNER_TYPES), from: 0, to: Math.max(0, months.length - 1), sizeBy: 'pagerank' };
}

/** The API's NetworkFilter: only what narrows (all types, the full time range: left out). */
export function networkFilterFrom(filter: MapFilter, months: readonly string[]): NetworkFilterInput {
  const input: NetworkFilterInput = {};
  if (filter.region) input.regions = [filter.region];
  if (filter.industry) input.industries = [filter.industry];
  if (filter.types.size < PARTNER_TYPES.length) input.partnerTypes = PARTNER_TYPES.filter((t) => filter.types.has(t));
  const full = filter.from <= 0 && filter.to >= months.length - 1;
  if (!full && months.length) Object.assign(input, windowDates(months, filter.from, filter.to));
  return input;
}

/** Whether an engagement matches the filter as the contract's Network does (region, industry, time overlap). */
export function engagementMatches(e: MapEngagement, f: NetworkFilterInput): boolean {
  if (f.regions && !f.regions.includes(e.customer.region.code)) return false;
  if (f.industries && !f.industries.includes(e.customer.industry.code)) return false;
  // [startDate, endDate] overlaps [since, until]; a missing bound is open.
  if (f.until && e.startDate && e.startDate > f.until) return false;
  if (f.since && e.endDate && e.endDate < f.since) return false;
  return true;
}

/**
 * LINEAR-attributed engagement value per partner over the matching engagements: each
 * contribution (touch) gets value / touches (contract: Attribution, Ecosystem health).
 */
export function attributedValues(engagements: readonly MapEngagement[], filter: NetworkFilterInput): Map<string, number> {
  const values = new Map<string, number>();
  for (const e of engagements) {
    if (!e.value || e.contributions.length === 0 || !engagementMatches(e, filter)) continue;
    const each = e.value / e.contributions.length;
    for (const c of e.contributions) values.set(c.partner.id, (values.get(c.partner.id) ?? 0) + each);
  }
  return values;
}
