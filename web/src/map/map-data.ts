/** Loading what the map needs besides the network: engagements (paged, capped), regions, industries, health. */
import type { Api } from '../api/client.ts';
import { CATALOG_QUERY, ENGAGEMENT_PAGE_QUERY, HEALTH_QUERY, type EngagementPage, type Health, type MapEngagement } from './map.queries.ts';

/** At most this many engagements are read for the slider and attributed value (100 per request). */
export const ENGAGEMENT_CAP = 3_000;

export interface MapContext {
  engagements: MapEngagement[];
  /** True when the ecosystem has more engagements than were read. */
  capped: boolean;
  regions: Array<{ code: string; name: string }>;
  industries: Array<{ code: string; name: string }>;
  health: Health | null;
}

export async function loadMapContext(api: Api): Promise<MapContext> {
  const [engagements, catalog, health] = await Promise.all([
    loadEngagements(api),
    api.query(CATALOG_QUERY)
      .catch(() => ({ coverageGaps: [] })),
    api.query(HEALTH_QUERY).then((r) => r.ecosystemHealth).catch(() => null),
  ]);
  const regions = new Map<string, string>();
  const industries = new Map<string, string>();
  for (const cell of catalog.coverageGaps) {
    regions.set(cell.region.code, cell.region.name);
    if (cell.industry) industries.set(cell.industry.code, cell.industry.name);
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    ...engagements,
    regions: [...regions].map(([code, name]) => ({ code, name })).sort(byName),
    industries: [...industries].map(([code, name]) => ({ code, name })).sort(byName),
    health,
  };
}

async function loadEngagements(api: Api): Promise<{ engagements: MapEngagement[]; capped: boolean }> {
  const engagements: MapEngagement[] = [];
  let after: string | null = null;
  for (;;) {
    // Annotated: `after` feeds the next request, so TypeScript cannot infer the page's type by itself.
    const page: EngagementPage = await api.query(ENGAGEMENT_PAGE_QUERY, { after });
    engagements.push(...page.engagements.edges.map((e) => e.node));
    const { hasNextPage, endCursor } = page.engagements.pageInfo;
    if (!hasNextPage || !endCursor) return { engagements, capped: false };
    if (engagements.length >= ENGAGEMENT_CAP) return { engagements, capped: true };
    after = endCursor;
  }
}
