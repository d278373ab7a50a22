/**
 * What a scenario compares, read on its transaction before and after the changes with
 * the analyses' own statements: coverageGaps' cells, ecosystemHealth, and whether the
 * engagements the changes can touch have an orchestrator today.
 */
import { ecosystemHealthOn, type HealthRow } from '../credit/index.ts';
import type { Tx } from '../db/index.ts';
import { coverageCellsOn, type CoverageCellRow, type CoverageOptions } from '../gaps/index.ts';
import { ORCHESTRATED_TODAY } from './scenario.queries.ts';

export interface Measures {
  cells: CoverageCellRow[];
  health: HealthRow;
  /** Of the engagements the changes can touch, those PLANNED or ACTIVE with an orchestrator today. */
  orchestrated: Set<string>;
}

/**
 * Every cell is read, covered ones too, whatever `includeCovered` says: a cell that
 * changes from COVERED to THIN must be found on both sides (compare.ts applies it).
 */
export async function measure(tx: Tx, coverage: CoverageOptions, engagements: string[], today: string): Promise<Measures> {
  const cells = await coverageCellsOn(tx, { ...coverage, includeCovered: true }, 'coverage');
  const health = await ecosystemHealthOn(tx);
  const [row] = await tx.run<{ ids: string[] }>(ORCHESTRATED_TODAY, { ids: engagements, today });
  return { cells, health, orchestrated: new Set(row!.ids) };
}
