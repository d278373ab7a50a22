/**
 * What a scenario compares, read with the analyses' own statements: coverageGaps'
 * cells, ecosystemHealth, and whether the engagements the changes can touch have an
 * orchestrator today.
 *
 * Two things keep a scenario near the cost of one coverageGaps (issue 20's target):
 * - "Before" is the graph as stored, the same for every scenario asked on one graph
 *   version: its cells and health are kept per version and coverage input (a strategist
 *   tries one scenario after another on an unchanged graph), and recomputed after any
 *   write, since the version changes with every committed write.
 * - "After" reads only the cells a change can reach: supply changes only where a
 *   leaving or joining partner operates and holds a capability, demand never changes
 *   (handovers move orchestration, not supply), so every other cell is the same on
 *   both sides and is left out of both.
 * - "After"'s health reads again only the figures of the partners the changes touch
 *   (graph/credit's healthAfterChangesOn, the same statements as ecosystemHealth): a
 *   scenario changes partners' status and roles, never contributions, engagement
 *   values or outcomes. Measured at 10,000 partners: 600 ms of a 1,000 ms scenario
 *   went to reading every partner's contributions again.
 */
import { healthAfterChangesOn, healthBaselineOn, type HealthBaseline, type HealthRow } from '../credit/index.ts';
import { graphVersion, Lru, type Graph, type Tx } from '../db/index.ts';
import { coverageCellsOn, type CoverageCellRow, type CoverageOptions } from '../gaps/index.ts';
import { ORCHESTRATED_TODAY, REACH_OF_PARTNERS } from './scenario.queries.ts';

export interface Measures {
  cells: CoverageCellRow[];
  health: HealthRow;
  /** Of the engagements the changes can touch, those PLANNED or ACTIVE with an orchestrator today. */
  orchestrated: Set<string>;
}

/** The cells a scenario can change: region codes × capability ids; null lists mean none. */
export interface Reach {
  regions: string[];
  capabilities: string[];
}

interface Baseline { cells: CoverageCellRow[]; health: HealthBaseline }

/** Baselines of recent graph versions and coverage inputs; a handful is all a session asks for. */
const baselines = new Lru<Baseline>(8);

/**
 * Every cell is read, covered ones too, whatever `includeCovered` says: a cell that
 * changes from COVERED to THIN must be found on both sides (compare.ts applies it).
 */
const allCells = (coverage: CoverageOptions): CoverageOptions => ({ ...coverage, includeCovered: true });

/**
 * "Before" on `tx`: the stored graph's cells within `reach` and its health. The whole
 * baseline comes from the cache when this graph version's was computed already; the
 * version is read before computing, so an entry is never older than its key.
 */
export async function measureBefore(
  graph: Graph, tx: Tx, coverage: CoverageOptions, reach: Reach, engagements: string[], today: string,
): Promise<Measures & { baseline: HealthBaseline }> {
  const key = `${await graphVersion(graph)}|${JSON.stringify(allCells(coverage))}`;
  let base = baselines.get(key);
  if (!base) {
    base = { cells: await coverageCellsOn(tx, allCells(coverage), 'coverage'), health: await healthBaselineOn(tx) };
    baselines.set(key, base);
  }
  const regions = new Set(reach.regions);
  const capabilities = new Set(reach.capabilities);
  const cells = base.cells.filter((c) => regions.has(c.region.code) && capabilities.has(c.capability.id));
  return { cells, health: base.health.health, baseline: base.health, orchestrated: await orchestratedToday(tx, engagements, today) };
}

/**
 * "After" on the changed graph: the same statements, on the cells within `reach` only,
 * and the health from `baseline` with the figures of the partners in `changed` read again.
 */
export async function measureAfter(
  tx: Tx, coverage: CoverageOptions, reach: Reach, engagements: string[], today: string, baseline: HealthBaseline, changed: readonly string[],
): Promise<Measures> {
  const within = (asked: string[] | null | undefined, reached: string[]) => (asked ? reached.filter((x) => asked.includes(x)) : reached);
  const regions = within(coverage.regions, reach.regions);
  const capabilities = within(coverage.capabilities, reach.capabilities);
  const cells = regions.length > 0 && capabilities.length > 0
    ? await coverageCellsOn(tx, { ...allCells(coverage), regions, capabilities }, 'coverage')
    : [];
  return { cells, health: await healthAfterChangesOn(tx, baseline, changed), orchestrated: await orchestratedToday(tx, engagements, today) };
}

/** Where the leaving partners (stored) and the joining ones (as given) operate and what they hold. */
export async function reachOf(tx: Tx, leaving: string[], joins: ReadonlyArray<{ regions: string[]; capabilities: Array<{ capability: string }> }>): Promise<Reach> {
  const [row] = await tx.run<Reach>(REACH_OF_PARTNERS, { ids: leaving });
  return {
    regions: [...new Set([...row!.regions, ...joins.flatMap((j) => j.regions)])],
    capabilities: [...new Set([...row!.capabilities, ...joins.flatMap((j) => j.capabilities.map((c) => c.capability))])],
  };
}

async function orchestratedToday(tx: Tx, engagements: string[], today: string): Promise<Set<string>> {
  const [row] = await tx.run<{ ids: string[] }>(ORCHESTRATED_TODAY, { ids: engagements, today });
  return new Set(row!.ids);
}
