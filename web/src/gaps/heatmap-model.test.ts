import { describe, expect, it } from 'vitest';
import type { CoverageCell, ExitImpact } from './gaps.queries.ts';
import { buildHeatmap, cellKey } from './heatmap-model.ts';

const cell = (region: string, capability: string, demand: number, supply: number, status: CoverageCell['status'], industry?: string): CoverageCell => ({
  region: { code: region, name: region === 'DE' ? 'Germany' : 'Japan' }, industry: industry ? { code: industry, name: industry } : null,
  capability: { id: capability, name: capability.toUpperCase() }, demand, supply, status,
});

describe('the heatmap model', () => {
  const cells = [cell('JP', 'agentic-ai', 4, 1, 'SINGLE_POINT'), cell('DE', 'sap', 13, 2, 'THIN'), cell('DE', 'genai', 2, 3, 'COVERED')];

  it('lays cells out by region and capability, sorted by name, counting statuses', () => {
    const h = buildHeatmap(cells);
    expect(h.rows.map((r) => r.key)).toEqual(['DE', 'JP']);
    expect(h.columns.map((c) => c.key)).toEqual(['agentic-ai', 'genai', 'sap']);
    expect(h.cells.get('DE|sap')?.status).toBe('THIN');
    expect(h.cells.has('JP|sap')).toBe(false);
    expect(h.counts).toEqual({ UNCOVERED: 0, SINGLE_POINT: 1, THIN: 1, COVERED: 1 });
  });

  it('splits rows by industry', () => {
    const h = buildHeatmap([cell('DE', 'sap', 3, 1, 'SINGLE_POINT', 'MFG'), cell('DE', 'sap', 2, 0, 'UNCOVERED', 'FSI')]);
    expect(h.rows.map((r) => r.key)).toEqual(['DE/FSI', 'DE/MFG']);
    expect(cellKey(cell('DE', 'sap', 1, 1, 'COVERED', 'FSI'))).toBe('DE/FSI|sap');
  });

  it('marks the cells an exit turns uncovered or single-point', () => {
    const impact: ExitImpact = { partners: [], orphanedEngagements: [], atRiskCommitments: [],
      newlyUncovered: [cell('JP', 'agentic-ai', 4, 1, 'SINGLE_POINT')], newlySinglePoint: [cell('DE', 'sap', 13, 2, 'THIN')] };
    expect(Object.fromEntries(buildHeatmap(cells, impact).impact)).toEqual({ 'JP|agentic-ai': 'newly-uncovered', 'DE|sap': 'newly-single-point' });
  });
});
