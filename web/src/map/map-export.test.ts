import { describe, expect, it } from 'vitest';
import { PARTNER_TYPES } from '../lib/palette.ts';
import { describeFilter, legendEntries, overviewCsv, partnersCsv } from './map-export.ts';
import { defaultFilter } from './map-filter.ts';
import { buildOverview } from './overview-model.ts';
import { buildPartnerLevel } from './partner-level.ts';

const months = ['2024-01', '2024-02', '2024-03'];
const names = { regions: new Map([['DE', 'Germany']]), industries: new Map([['FSI', 'Financial services']]) };

describe('the map saved as files', () => {
  it('says the filters in words', () => {
    const all = defaultFilter(months);
    expect(describeFilter(all, months, names)).toEqual(['Region: all · Industry: all', 'All engagements (2024-01-01 to 2024-03-31)']);
    const some = { ...all, region: 'DE', industry: 'FSI', types: new Set(['ISV'] as const), from: 1 };
    expect(describeFilter(some, months, names)).toEqual(['Region: Germany · Industry: Financial services', 'Partner types: ISV', 'Engagements overlapping 2024-02-01 to 2024-03-31']);
  });

  it('explains the marks of the level shown', () => {
    expect(legendEntries('overview', defaultFilter(months)).map((e) => e.text)[0]).toContain('Community');
    const partners = legendEntries('partners', { ...defaultFilter(months), types: new Set(PARTNER_TYPES.slice(0, 2)) }).map((e) => e.text);
    expect(partners).toEqual(['System integrator', 'ISV', 'Articulation point', 'Bridge', 'Co-delivers', 'Size: PageRank']);
  });

  it('puts names beside ids in both tables', () => {
    const overview = buildOverview({ partnerCount: 3, communities: [{ id: 0, size: 3, label: 'DE · sap · Brightwater Systems', topPartners: [{ id: 'p-b', label: 'Brightwater Systems' }] }], communityLinks: [] });
    expect(overviewCsv(overview)).toEqual([['community', 'label', 'partners', 'topPartners'], [0, 'DE · sap · Brightwater Systems', 3, 'Brightwater Systems']]);
    const level = buildPartnerLevel({
      nodes: [{ id: 'p-b', kind: 'PARTNER', label: 'Brightwater Systems', partnerType: 'ISV', degree: 1, betweenness: 0, pagerank: 0.5, community: 0, articulationPoint: false }],
      edges: [],
    }, 'pagerank', new Map(), 5);
    expect(partnersCsv(level, { id: 0, label: 'DE · sap · Brightwater Systems' })[1]).toEqual(['p-b', 'Brightwater Systems', 'ISV', 0, 'DE · sap · Brightwater Systems', 1, 0.5, 0, false]);
  });
});
