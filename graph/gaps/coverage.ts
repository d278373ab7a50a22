/** Coverage gaps and the impact of partners leaving (contract: CoverageCell, ExitImpact). */
import type { Graph, Tx } from '../db/index.ts';
import { AppError, clip } from '../model/index.ts';
import * as C from './coverage.queries.ts';

export interface CoverageOptions {
  regions?: string[] | null;
  capabilities?: string[] | null;
  byIndustry?: boolean | null;
  minLevel?: number | null;
  thinRatio?: number | null;
  includeCovered?: boolean | null;
}

/** The contract's CoverageInput defaults. */
export const COVERAGE_DEFAULTS = { byIndustry: false, minLevel: 3, thinRatio: 5, includeCovered: true } as const;

/** `argument` names the CoverageInput in problem paths: `input` of coverageGaps, `coverage` of scenario. */
function coverageParams(options: CoverageOptions, without: string[], argument = 'input') {
  const minLevel = options.minLevel ?? COVERAGE_DEFAULTS.minLevel;
  const thinRatio = options.thinRatio ?? COVERAGE_DEFAULTS.thinRatio;
  const problems = [
    ...(Number.isInteger(minLevel) && minLevel >= 1 && minLevel <= 5 ? [] : [{ path: `${argument}.minLevel`, message: 'must be between 1 and 5' }]),
    ...(Number.isFinite(thinRatio) && thinRatio >= 0 ? [] : [{ path: `${argument}.thinRatio`, message: 'must not be negative' }]),
  ];
  if (problems.length > 0) throw new AppError('BAD_USER_INPUT', 'Invalid coverage input.', problems);
  return {
    regions: options.regions ?? null,
    capabilities: options.capabilities ?? null,
    byIndustry: options.byIndustry ?? COVERAGE_DEFAULTS.byIndustry,
    minLevel,
    // A whole-number ratio must still compare as a float.
    thinRatio: thinRatio + 0.0,
    includeCovered: options.includeCovered ?? COVERAGE_DEFAULTS.includeCovered,
    without,
  };
}

export async function coverageCells(graph: Graph, options: CoverageOptions = {}): Promise<C.CoverageCellRow[]> {
  return graph.read<C.CoverageCellRow>(C.COVERAGE_CELLS, coverageParams(options, []));
}

/**
 * The same cells read on a given transaction: graph/scenarios reads them before and
 * after its changes inside one transaction that it rolls back.
 */
export async function coverageCellsOn(tx: Tx, options: CoverageOptions = {}, argument = 'input'): Promise<C.CoverageCellRow[]> {
  return tx.run<C.CoverageCellRow>(C.COVERAGE_CELLS, coverageParams(options, [], argument));
}

/** exitImpact's orphaned engagements on a given transaction: those `partnerIds` orchestrate on `today`, by id. */
export async function orchestratedByOn(tx: Tx, partnerIds: string[], today: string): Promise<string[]> {
  const [row] = await tx.run<{ ids: string[] }>(C.ORPHANED_ENGAGEMENTS, { partners: partnerIds, today });
  return row!.ids;
}

export interface ExitImpactRow {
  partners: string[];
  orphanedEngagements: string[];
  atRiskCommitments: string[];
  newlyUncovered: C.CoverageCellRow[];
  newlySinglePoint: C.CoverageCellRow[];
}

/** What the ecosystem would lose if `partnerIds` left today; one read transaction. */
export async function exitImpact(graph: Graph, partnerIds: string[], today: string): Promise<ExitImpactRow> {
  const leaving = [...new Set(partnerIds)];
  return graph.readTx(async (tx) => {
    const [known] = await tx.run<{ ids: string[] }>(C.EXISTING_PARTNERS, { ids: leaving });
    // Sets and a map, not includes / indexOf: a list of 100,000 unknown ids must not take the process quadratic time.
    const found = new Set(known!.ids);
    const unknown = leaving.filter((id) => !found.has(id));
    if (unknown.length > 0) {
      const first = new Map<string, number>();
      partnerIds.forEach((id, i) => { if (!first.has(id)) first.set(id, i); });
      throw new AppError('BAD_USER_INPUT', 'Unknown partners.', unknown.map((id) => ({
        path: `partnerIds[${first.get(id)}]`, message: `unknown partner "${clip(id)}"`,
      })));
    }
    const cells = await tx.run<C.CoverageCellRow>(C.COVERAGE_CELLS, coverageParams({}, leaving));
    const orphaned = await orchestratedByOn(tx, leaving, today);
    const [atRisk] = await tx.run<{ ids: string[] }>(C.AT_RISK_COMMITMENTS, { partners: leaving });
    return {
      partners: [...leaving].sort(),
      orphanedEngagements: orphaned,
      atRiskCommitments: atRisk!.ids,
      newlyUncovered: cells.filter((c) => c.supplyBefore > 0 && c.partners.length === 0),
      newlySinglePoint: cells.filter((c) => c.supplyBefore > 1 && c.partners.length === 1),
    };
  });
}
