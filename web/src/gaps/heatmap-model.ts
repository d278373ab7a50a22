/** Coverage cells as a matrix: rows are regions (or region × industry), columns capabilities. Pure. */
import { allInOrder } from '../lib/all-in-order.ts';
import type { CoverageCell, CoverageStatus, ExitImpact } from './gaps.queries.ts';

export interface HeatRow { key: string; label: string; region: string; industry: string | null }
export interface HeatColumn { key: string; label: string }
export type ImpactMark = 'newly-uncovered' | 'newly-single-point';

export interface Heatmap {
  rows: HeatRow[];
  columns: HeatColumn[];
  /** `${row.key}|${column.key}` → cell; absent: no demand. */
  cells: Map<string, CoverageCell>;
  impact: Map<string, ImpactMark>;
  counts: Record<CoverageStatus, number>;
}

export const rowKey = (cell: Pick<CoverageCell, 'region' | 'industry'>): string => (cell.industry ? `${cell.region.code}/${cell.industry.code}` : cell.region.code);
export const cellKey = (cell: Pick<CoverageCell, 'region' | 'industry' | 'capability'>): string => `${rowKey(cell)}|${cell.capability.id}`;

export function buildHeatmap(cells: readonly CoverageCell[], impact: ExitImpact | null = null): Heatmap {
  const rows = new Map<string, HeatRow>();
  const columns = new Map<string, HeatColumn>();
  const byKey = new Map<string, CoverageCell>();
  const counts: Record<CoverageStatus, number> = { UNCOVERED: 0, SINGLE_POINT: 0, THIN: 0, COVERED: 0 };
  for (const cell of cells) {
    const key = rowKey(cell);
    if (!rows.has(key)) {
      rows.set(key, { key, region: cell.region.code, industry: cell.industry?.code ?? null,
        label: cell.industry ? `${cell.region.name} · ${cell.industry.name}` : `${cell.region.name} (${cell.region.code})` });
    }
    if (!columns.has(cell.capability.id)) columns.set(cell.capability.id, { key: cell.capability.id, label: cell.capability.name });
    byKey.set(cellKey(cell), cell);
    counts[cell.status]++;
  }
  const marks = new Map<string, ImpactMark>();
  for (const cell of impact?.newlyUncovered ?? []) marks.set(cellKey(cell), 'newly-uncovered');
  for (const cell of impact?.newlySinglePoint ?? []) if (!marks.has(cellKey(cell))) marks.set(cellKey(cell), 'newly-single-point');
  return {
    rows: [...rows.values()].sort((a, b) => a.label.localeCompare(b.label)),
    columns: [...columns.values()].sort((a, b) => a.label.localeCompare(b.label)),
    cells: byKey,
    impact: marks,
    counts,
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
