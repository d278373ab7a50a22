/** A scenario's answer from what was read before and after its changes (contract: ScenarioResult). */
import type { CoverageCellRow, CoverageOptions } from '../gaps/index.ts';
import type { Measures } from './measure.ts';

export interface CoverageChangeRow {
  /** null: the cell had no demand before. */
  before: CoverageCellRow | null;
  /** null: the cell has no demand after (no change of a scenario removes demand today). */
  after: CoverageCellRow | null;
}

const keyOf = (c: CoverageCellRow) => `${c.region.code}|${c.industry?.code ?? ''}|${c.capability.id}`;

function changed(before: CoverageCellRow | null, after: CoverageCellRow | null): boolean {
  if (!before || !after) return true;
  return before.status !== after.status || before.partners.length !== after.partners.length
    || before.partners.some((id, i) => after.partners[i] !== id);
}

/**
 * Cells whose status, supply or partners change, ordered by region code, industry code
 * (none first), capability id. Without `includeCovered`, a change from COVERED to
 * COVERED (supply 3 to 4) is left out, as coverageGaps would leave out both sides; a
 * change into or out of COVERED is listed with both sides.
 */
export function coverageChanges(before: Measures, after: Measures, coverage: CoverageOptions): CoverageChangeRow[] {
  const includeCovered = coverage.includeCovered ?? true;
  const old = new Map(before.cells.map((c) => [keyOf(c), c]));
  const now = new Map(after.cells.map((c) => [keyOf(c), c]));
  const keys = [...new Set([...old.keys(), ...now.keys()])];
  const rows = keys.flatMap((key) => {
    const b = old.get(key) ?? null;
    const a = now.get(key) ?? null;
    if (!changed(b, a)) return [];
    if (!includeCovered && (b?.status ?? 'COVERED') === 'COVERED' && (a?.status ?? 'COVERED') === 'COVERED') return [];
    return [{ key, before: b, after: a }];
  });
  const order = (c: CoverageCellRow) => [c.region.code, c.industry?.code ?? '', c.capability.id];
  rows.sort((x, y) => {
    const [p, q] = [order((x.before ?? x.after)!), order((y.before ?? y.after)!)];
    for (let i = 0; i < p.length; i++) if (p[i] !== q[i]) return p[i]! < q[i]! ? -1 : 1;
    return 0;
  });
  return rows.map(({ before: b, after: a }) => ({ before: b, after: a }));
}

/** PLANNED or ACTIVE engagements that have an orchestrator today and none after, and the reverse, by id. */
export function orchestrationChanges(before: Measures, after: Measures): { orphaned: string[]; adopted: string[] } {
  return {
    // Both sets hold ids in the statement's order (ORDER BY e.id), which filtering keeps.
    orphaned: [...before.orchestrated].filter((id) => !after.orchestrated.has(id)),
    adopted: [...after.orchestrated].filter((id) => !before.orchestrated.has(id)),
  };
}
