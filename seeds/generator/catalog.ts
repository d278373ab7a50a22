import type { CapabilityInput, IndustryInput, RegionInput } from '../../graph/model/index.ts';
import { CAPABILITIES, INDUSTRIES, REGIONS } from './vocabulary.ts';

export interface Catalog {
  regions: RegionInput[];
  industries: IndustryInput[];
  capabilities: CapabilityInput[];
  /** Per industry index, the words its customers put in their names. */
  industryWords: (readonly string[])[];
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.round(value)));
}

/**
 * The reference data grows slowly with the number of partners (log scale): ~22 regions,
 * 8 industries, 32 capabilities at 500 partners; 38, 11, 56 at 50,000.
 */
export function buildCatalog(partners: number): Catalog {
  const scale = Math.log10(Math.max(partners, 10));
  const regions = REGIONS.slice(0, clamp(8 * scale, 20, REGIONS.length));
  const industries = INDUSTRIES.slice(0, clamp(2.4 * scale, 8, INDUSTRIES.length));
  const capabilities = CAPABILITIES.slice(0, clamp(12 * scale, 30, CAPABILITIES.length));
  return {
    regions: regions.map(([code, name]) => ({ code, name })),
    industries: industries.map(([code, name]) => ({ code, name })),
    capabilities: capabilities.map(([id, name]) => ({ id, name })),
    industryWords: industries.map(([, , words]) => words),
  };
}
