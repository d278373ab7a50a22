/**
 * The map's state in the address (`#map/<partner>?community=3&region=DE&links=5`): where
 * the drill-down stands (community, selected partner) and the filters, so a copied link
 * opens the same picture and back/forward walk the drill-down. Absent keys are defaults.
 * Pure: tested without a browser.
 */
import { PARTNER_TYPES, isPartnerType, type PartnerType } from '../lib/palette.ts';
import type { ViewState } from '../shell/route.ts';
import { defaultFilter, type MapFilter, type SizeBy } from './map-filter.ts';

export interface MapPlace {
  /** The community drilled into; null: the overview. */
  community: number | null;
  /** The selected partner (the route's argument). */
  partner: string | null;
}

export interface MapSettings {
  filter: MapFilter;
  /** Links drawn per partner at partner level (the strongest); Infinity: all. */
  linksPerNode: number;
}

export const LINK_CHOICES = [3, 5, 10, Infinity] as const;
export const DEFAULT_LINKS = 5;
const SIZES: readonly SizeBy[] = ['pagerank', 'degree', 'value'];

export function placeFrom(arg: string | undefined, state: ViewState): MapPlace {
  const community = /^\d+$/.test(state.community ?? '') ? Number(state.community) : null;
  return { community, partner: arg || null };
}

export function settingsFrom(state: ViewState, months: readonly string[]): MapSettings {
  const filter = defaultFilter(months);
  if (state.region) filter.region = state.region;
  if (state.industry) filter.industry = state.industry;
  if (state.types !== undefined) filter.types = new Set(state.types.split(',').filter((t): t is PartnerType => isPartnerType(t)));
  const month = (key: string) => months.indexOf(state[key] ?? '');
  if (month('from') >= 0) filter.from = month('from');
  if (month('to') >= 0) filter.to = month('to');
  if (filter.from > filter.to) filter.to = filter.from;
  if (SIZES.includes(state.size as SizeBy)) filter.sizeBy = state.size as SizeBy;
  const links = state.links === 'all' ? Infinity : Number(state.links);
  return { filter, linksPerNode: (LINK_CHOICES as readonly number[]).includes(links) ? links : DEFAULT_LINKS };
}

/** `types` in the address when every partner type is unticked. */
const NO_TYPES = 'none';

/** The address's state for a place and settings: only what differs from the defaults. */
export function stateFor(place: MapPlace, settings: MapSettings, months: readonly string[]): ViewState {
  const { filter } = settings;
  const state: ViewState = {};
  if (place.community !== null) state.community = String(place.community);
  if (filter.region) state.region = filter.region;
  if (filter.industry) state.industry = filter.industry;
  // No type at all is written as such: an empty value would be dropped from the address and read back as every type.
  if (filter.types.size < PARTNER_TYPES.length) state.types = PARTNER_TYPES.filter((t) => filter.types.has(t)).join(',') || NO_TYPES;
  if (filter.from > 0 && months[filter.from]) state.from = months[filter.from]!;
  if (filter.to < months.length - 1 && months[filter.to]) state.to = months[filter.to]!;
  if (filter.sizeBy !== 'pagerank') state.size = filter.sizeBy;
  if (settings.linksPerNode !== DEFAULT_LINKS) state.links = Number.isFinite(settings.linksPerNode) ? String(settings.linksPerNode) : 'all';
  return state;
}

/** Whether two settings ask the API the same network (sizes and link counts are drawn, not asked). */
export function sameNetwork(a: MapFilter, b: MapFilter): boolean {
  return a.region === b.region && a.industry === b.industry && a.from === b.from && a.to === b.to
    && a.types.size === b.types.size && [...a.types].every((t) => b.types.has(t));
}
