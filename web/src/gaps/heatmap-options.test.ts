import { describe, expect, it } from 'vitest';
import { coverageFilters, decodeHeatmapOptions, DEFAULT_HEATMAP_OPTIONS, describeHeatmapOptions, encodeHeatmapOptions } from './heatmap-options.ts';

describe('the heatmap options in the address', () => {
  it('leaves the defaults out', () => {
    expect(encodeHeatmapOptions(DEFAULT_HEATMAP_OPTIONS)).toEqual({});
    expect(decodeHeatmapOptions({})).toEqual(DEFAULT_HEATMAP_OPTIONS);
  });

  it('round-trips every option, lists sorted and without repeats', () => {
    const state = encodeHeatmapOptions({ hideCovered: true, sort: 'severity', regions: ['JP', 'DE'], capabilities: ['sap'] });
    expect(state).toEqual({ hide: 'covered', sort: 'severity', regions: 'DE,JP', capabilities: 'sap' });
    expect(decodeHeatmapOptions(state)).toEqual({ hideCovered: true, sort: 'severity', regions: ['DE', 'JP'], capabilities: ['sap'] });
    expect(decodeHeatmapOptions({ regions: 'JP,,DE,JP', sort: 'bogus' })).toEqual({ ...DEFAULT_HEATMAP_OPTIONS, regions: ['DE', 'JP'] });
  });

  it('asks the API for what it can filter', () => {
    expect(coverageFilters(DEFAULT_HEATMAP_OPTIONS)).toEqual({});
    expect(coverageFilters({ hideCovered: true, sort: 'name', regions: ['DE'], capabilities: ['sap', 'crm'] }))
      .toEqual({ regions: ['DE'], capabilities: ['sap', 'crm'], includeCovered: false });
  });

  it('says in words what is shown', () => {
    const names = { regions: new Map([['DE', 'Germany']]), capabilities: new Map([['sap', 'SAP']]) };
    expect(describeHeatmapOptions({ hideCovered: true, sort: 'severity', regions: ['DE'], capabilities: ['sap'] }, names))
      .toEqual(['Regions: Germany', 'Capabilities: SAP', 'Covered cells hidden', 'Rows and columns ordered by severity (most uncovered first)']);
  });
});
