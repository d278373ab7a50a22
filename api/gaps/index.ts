/**
 * Gaps, GraphQL side: `coverageGaps`, `engagementGaps` (with ranked candidates) and
 * `exitImpact`. The area's only door: nothing outside api/gaps/ imports its other files.
 */
import {
  CapabilityGapResolver, CoverageCellResolver, EngagementGapReportResolver, ExitImpactResolver, GapsResolver,
} from './gaps.resolver.ts';

// The coverage types, shared by scenario (api/scenarios).
export { CoverageCell, CoverageInput } from './gaps.type.ts';

export const gapsResolvers = [
  GapsResolver, CoverageCellResolver, CapabilityGapResolver, EngagementGapReportResolver, ExitImpactResolver,
] as const;
