/** Coverage cells as a matrix: rows are regions (or region × industry), columns capabilities. Pure. */
import { allInOrder } from '../lib/all-in-order.ts';
import type { CoverageCell, CoverageChange, CoverageStatus } from './gaps.queries.ts';

export interface HeatRow { key: string; label: string; region: string; industry: string | null }
export interface HeatColumn { key: string; label: string }

type ChangeKind = 'worse' | 'better' | 'same';

/** One cell a scenario changes: today's cell (null: no demand today) and the cell after. */
export interface CellChange {
  key: string;
  before: CoverageCell | null;
  after: CoverageCell | null;
  /** By status (UNCOVERED worst); 'same' when only the supply or the suppliers change. */
  kind: ChangeKind;
}

export interface Heatmap {
  rows: HeatRow[];
  columns: HeatColumn[];
  /** `${row.key}|${column.key}` → today's cell; absent: no demand. */
  cells: Map<string, CoverageCell>;
  /** The same keys → what a scenario changes there. */
  changes: Map<string, CellChange>;
  counts: Record<CoverageStatus, number>;
  /** The counts after the scenario (the same as `counts` without one). */
  countsAfter: Record<CoverageStatus, number>;
}

export const rowKey = (cell: Pick<CoverageCell, 'region' | 'industry'>): string => (cell.industry ? `${cell.region.code}/${cell.industry.code}` : cell.region.code);
export const cellKey = (cell: Pick<CoverageCell, 'region' | 'industry' | 'capability'>): string => `${rowKey(cell)}|${cell.capability.id}`;

/**
 * How severe a row's or a column's gaps are, to order by: uncovered cells first, then
 * single-point, then thin cells, then unmet demand (demand on uncovered and single-point cells).
 */
export function severityKey(cells: readonly Pick<CoverageCell, 'status' | 'demand'>[]): number[] {
  const count = (status: CoverageStatus) => cells.filter((c) => c.status === status).length;
  const exposed = cells.filter((c) => c.status === 'UNCOVERED' || c.status === 'SINGLE_POINT').reduce((sum, c) => sum + c.demand, 0);
  return [count('UNCOVERED'), count('SINGLE_POINT'), count('THIN'), exposed];
}

/** Descending by severity key, then by label. */
function bySeverity<T extends { key: string; label: string }>(items: T[], cellsOf: (item: T) => CoverageCell[]): T[] {
  const keys = new Map(items.map((item) => [item.key, severityKey(cellsOf(item))]));
  return items.sort((a, b) => {
    const [ka, kb] = [keys.get(a.key)!, keys.get(b.key)!];
    const i = ka.findIndex((v, n) => v !== kb[n]);
    return i >= 0 ? kb[i]! - ka[i]! : a.label.localeCompare(b.label);
  });
}

export function buildHeatmap(cells: readonly CoverageCell[], changes: readonly CellChange[] = [], sort: 'name' | 'severity' = 'name'): Heatmap {
  const rows = new Map<string, HeatRow>();
  const columns = new Map<string, HeatColumn>();
  const byKey = new Map<string, CoverageCell>();
  const counts: Record<CoverageStatus, number> = { UNCOVERED: 0, SINGLE_POINT: 0, THIN: 0, COVERED: 0 };
  const place = (cell: CoverageCell) => {
    const key = rowKey(cell);
    if (!rows.has(key)) {
      rows.set(key, { key, region: cell.region.code, industry: cell.industry?.code ?? null,
        label: cell.industry ? `${cell.region.name} · ${cell.industry.name}` : `${cell.region.name} (${cell.region.code})` });
    }
    if (!columns.has(cell.capability.id)) columns.set(cell.capability.id, { key: cell.capability.id, label: cell.capability.name });
  };
  for (const cell of cells) {
    place(cell);
    byKey.set(cellKey(cell), cell);
    counts[cell.status]++;
  }
  const countsAfter = { ...counts };
  const changed = new Map<string, CellChange>();
  for (const change of changes) {
    // A cell with demand only after the changes still needs its place in the grid.
    if (change.after) place(change.after);
    changed.set(change.key, change);
    const today = byKey.get(change.key);
    if (today) countsAfter[today.status]--;
    if (change.after) countsAfter[change.after.status]++;
  }
  const byName = <T extends { label: string }>(items: T[]) => items.sort((a, b) => a.label.localeCompare(b.label));
  // By severity, a cell counts with its status after a scenario when one changes it.
  const shownCells = [...byKey.entries()].map(([key, cell]) => changed.get(key)?.after ?? cell)
    .concat(changes.filter((c) => !c.before && c.after).map((c) => c.after!));
  return {
    rows: sort === 'severity' ? bySeverity([...rows.values()], (r) => shownCells.filter((c) => rowKey(c) === r.key)) : byName([...rows.values()]),
    columns: sort === 'severity' ? bySeverity([...columns.values()], (k) => shownCells.filter((c) => c.capability.id === k.key)) : byName([...columns.values()]),
    cells: byKey,
    changes: changed,
    counts,
    countsAfter,
  };
}

/** Every coverage status, worst first: the legend's order. */
export const STATUS_ORDER = allInOrder<CoverageStatus>()(['UNCOVERED', 'SINGLE_POINT', 'THIN', 'COVERED']);

export const STATUS_TEXT: Record<CoverageStatus, string> = {
  UNCOVERED: 'uncovered (no partner)',
  SINGLE_POINT: 'single point (one partner)',
  THIN: 'thin (demand / supply over the ratio)',
  COVERED: 'covered',
};

const rank = (status: CoverageStatus | undefined) => (status ? STATUS_ORDER.indexOf(status) : -1);

/** A scenario's changed cells, status changes first (worse, then better), worst outcome first, then by cell. */
export function cellChanges(coverage: readonly CoverageChange[]): CellChange[] {
  const order: Record<ChangeKind, number> = { worse: 0, better: 1, same: 2 };
  return coverage
    .map(({ before, after }): CellChange => {
      const [from, to] = [rank(before?.status), rank(after?.status)];
      const kind: ChangeKind = !before || !after || from === to ? 'same' : to < from ? 'worse' : 'better';
      return { key: cellKey((before ?? after)!), before, after, kind };
    })
    .sort((a, b) => order[a.kind] - order[b.kind] || rank(a.after?.status) - rank(b.after?.status) || a.key.localeCompare(b.key));
}

/** "DE × crm: SINGLE_POINT → UNCOVERED (supply 1 → 0)", in the contract's words. */
export function changeText(c: CellChange): string {
  const cell = (c.before ?? c.after)!;
  const where = `${cell.region.code}${cell.industry ? ` · ${cell.industry.code}` : ''} × ${cell.capability.id}`;
  const status = (side: CoverageCell | null) => side?.status ?? 'no demand';
  return `${where}: ${status(c.before)} → ${status(c.after)} (supply ${c.before?.supply ?? 0} → ${c.after?.supply ?? 0})`;
}

/** Cells by status, in the legend's order: "3 uncovered, 24 single-point, 1 thin, 73 covered". */
export function countsText(counts: Record<CoverageStatus, number>): string {
  return `${counts.UNCOVERED} uncovered, ${counts.SINGLE_POINT} single-point, ${counts.THIN} thin, ${counts.COVERED} covered`;
}

/** The CSV export of a scenario: each changed cell today and after, header first. */
export function changeRows(changes: readonly CellChange[]): Array<Array<string | number>> {
  // Names beside ids (suppliers' names after their ids), so the file reads without the app.
  const side = (c: CoverageCell | null) => [c?.status ?? '', c?.supply ?? 0, (c?.partners ?? []).map((p) => p.id).join(' '), (c?.partners ?? []).map((p) => p.name).join('; ')];
  return [['region', 'industry', 'capability', 'demand', 'statusBefore', 'supplyBefore', 'suppliersBefore', 'supplierNamesBefore', 'statusAfter', 'supplyAfter', 'suppliersAfter', 'supplierNamesAfter',
    'regionName', 'industryName', 'capabilityName'],
  ...changes.map((c) => {
    const cell = (c.before ?? c.after)!;
    return [cell.region.code, cell.industry?.code ?? '', cell.capability.id, cell.demand, ...side(c.before), ...side(c.after),
      cell.region.name, cell.industry?.name ?? '', cell.capability.name];
  })];
}
