/**
 * What a person chose about the heatmap beside the coverage options: hide covered cells,
 * order by severity, and the regions and capabilities to show (the API's CoverageInput
 * filters). In the address as `hide=covered&sort=severity&regions=DE,JP&capabilities=sap`,
 * each left out at its default. Pure.
 */
import type { ViewState } from '../shell/route.ts';

export type HeatmapSort = 'name' | 'severity';

export interface HeatmapOptions {
  hideCovered: boolean;
  sort: HeatmapSort;
  /** Region codes; empty: every region. */
  regions: string[];
  /** Capability ids; empty: every capability. */
  capabilities: string[];
}

export const DEFAULT_HEATMAP_OPTIONS: HeatmapOptions = { hideCovered: false, sort: 'name', regions: [], capabilities: [] };

/** The keys these options use in the address (the rest of the state is the scenario's and the coverage's). */
export const HEATMAP_KEYS = ['hide', 'sort', 'regions', 'capabilities'] as const;

const list = (text: string | undefined) => [...new Set((text ?? '').split(',').map((v) => v.trim()).filter(Boolean))].sort();

export function decodeHeatmapOptions(state: ViewState): HeatmapOptions {
  return {
    hideCovered: state.hide === 'covered',
    sort: state.sort === 'severity' ? 'severity' : 'name',
    regions: list(state.regions),
    capabilities: list(state.capabilities),
  };
}

export function encodeHeatmapOptions(o: HeatmapOptions): ViewState {
  const state: ViewState = {};
  if (o.hideCovered) state.hide = 'covered';
  if (o.sort === 'severity') state.sort = 'severity';
  if (o.regions.length) state.regions = [...o.regions].sort().join(',');
  if (o.capabilities.length) state.capabilities = [...o.capabilities].sort().join(',');
  return state;
}

/** The API's CoverageInput filters for these options (regions, capabilities, includeCovered). */
export function coverageFilters(o: HeatmapOptions): { regions?: string[]; capabilities?: string[]; includeCovered?: boolean } {
  return {
    ...(o.regions.length ? { regions: o.regions } : {}),
    ...(o.capabilities.length ? { capabilities: o.capabilities } : {}),
    ...(o.hideCovered ? { includeCovered: false } : {}),
  };
}

/** The options in words, for an export's caption. */
export function describeHeatmapOptions(o: HeatmapOptions, names: { regions: Map<string, string>; capabilities: Map<string, string> }): string[] {
  return [
    o.regions.length ? `Regions: ${o.regions.map((r) => names.regions.get(r) ?? r).join(', ')}` : 'All regions',
    o.capabilities.length ? `Capabilities: ${o.capabilities.map((c) => names.capabilities.get(c) ?? c).join(', ')}` : 'All capabilities',
    o.hideCovered ? 'Covered cells hidden' : '',
    o.sort === 'severity' ? 'Rows and columns ordered by severity (most uncovered first)' : '',
  ].filter(Boolean);
}
