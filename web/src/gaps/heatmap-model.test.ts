import { describe, expect, it } from 'vitest';
import type { CoverageCell } from './gaps.queries.ts';
import { buildHeatmap, cellChanges, cellKey, changeRows, changeText, countsText, severityKey } from './heatmap-model.ts';

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

  it('orders rows and columns by severity: uncovered, then single-point, then thin cells, then exposed demand', () => {
    const mixed = [...cells, cell('JP', 'sap', 3, 0, 'UNCOVERED'), cell('DE', 'agentic-ai', 2, 1, 'SINGLE_POINT')];
    const h = buildHeatmap(mixed, [], 'severity');
    expect(h.rows.map((r) => r.key)).toEqual(['JP', 'DE']);
    // sap: one uncovered; agentic-ai: two single-point; genai: covered only.
    expect(h.columns.map((c) => c.key)).toEqual(['sap', 'agentic-ai', 'genai']);
    expect(severityKey([cell('DE', 'x', 5, 0, 'UNCOVERED'), cell('DE', 'y', 2, 1, 'SINGLE_POINT'), cell('DE', 'z', 9, 9, 'COVERED')])).toEqual([1, 1, 0, 7]);
    // Equal severity falls back to the names.
    expect(buildHeatmap([cell('JP', 'a', 1, 9, 'COVERED'), cell('DE', 'a', 1, 9, 'COVERED')], [], 'severity').rows.map((r) => r.key)).toEqual(['DE', 'JP']);
  });

  it('splits rows by industry', () => {
    const h = buildHeatmap([cell('DE', 'sap', 3, 1, 'SINGLE_POINT', 'MFG'), cell('DE', 'sap', 2, 0, 'UNCOVERED', 'FSI')]);
    expect(h.rows.map((r) => r.key)).toEqual(['DE/FSI', 'DE/MFG']);
    expect(cellKey(cell('DE', 'sap', 1, 1, 'COVERED', 'FSI'))).toBe('DE/FSI|sap');
  });

  const supplied = (c: CoverageCell, ...ids: string[]): Required<CoverageCell> => ({ ...c, partners: ids.map((id) => ({ id, name: id.toUpperCase(), type: 'SYSTEM_INTEGRATOR' as const })) });

  it('diffs a scenario\'s cells: worse first, then better, then supply only, worst outcome first', () => {
    const changes = cellChanges([
      { before: supplied(cell('DE', 'genai', 2, 3, 'COVERED'), 'a', 'b', 'c'), after: supplied(cell('DE', 'genai', 2, 2, 'COVERED'), 'a', 'c') },
      { before: supplied(cell('DE', 'sap', 13, 2, 'THIN'), 'a', 'k'), after: supplied(cell('DE', 'sap', 13, 1, 'SINGLE_POINT'), 'k') },
      { before: supplied(cell('JP', 'agentic-ai', 4, 1, 'SINGLE_POINT'), 'h'), after: supplied(cell('JP', 'agentic-ai', 4, 0, 'UNCOVERED')) },
      { before: supplied(cell('DE', 'crm', 4, 0, 'UNCOVERED')), after: supplied(cell('DE', 'crm', 4, 1, 'SINGLE_POINT'), 'n') },
    ]);
    expect(changes.map((c) => [c.key, c.kind])).toEqual([
      ['JP|agentic-ai', 'worse'], ['DE|sap', 'worse'], ['DE|crm', 'better'], ['DE|genai', 'same'],
    ]);
    expect(changeText(changes[0]!)).toBe('JP × agentic-ai: SINGLE_POINT → UNCOVERED (supply 1 → 0)');
    expect(changeText(changes[1]!)).toBe('DE × sap: THIN → SINGLE_POINT (supply 2 → 1)');
  });

  it('lays the changes over today\'s cells and counts the statuses after', () => {
    const changes = cellChanges([
      { before: supplied(cell('JP', 'agentic-ai', 4, 1, 'SINGLE_POINT'), 'h'), after: supplied(cell('JP', 'agentic-ai', 4, 0, 'UNCOVERED')) },
      { before: supplied(cell('DE', 'sap', 13, 2, 'THIN'), 'a', 'k'), after: supplied(cell('DE', 'sap', 13, 1, 'SINGLE_POINT'), 'k') },
      // No demand today (the contract allows it): the cell gets its place in the grid.
      { before: null, after: supplied(cell('JP', 'sap', 1, 1, 'SINGLE_POINT'), 'n') },
    ]);
    const h = buildHeatmap(cells, changes);
    expect(h.counts).toEqual({ UNCOVERED: 0, SINGLE_POINT: 1, THIN: 1, COVERED: 1 });
    expect(h.countsAfter).toEqual({ UNCOVERED: 1, SINGLE_POINT: 2, THIN: 0, COVERED: 1 });
    expect(h.changes.get('DE|sap')?.after?.status).toBe('SINGLE_POINT');
    expect(h.cells.has('JP|sap')).toBe(false);
    expect(h.columns.map((c) => c.key)).toEqual(['agentic-ai', 'genai', 'sap']);
    expect(countsText(h.countsAfter)).toBe('1 uncovered, 2 single-point, 0 thin, 1 covered');
    expect(changeText(changes.find((c) => c.key === 'JP|sap')!)).toBe('JP × sap: no demand → SINGLE_POINT (supply 0 → 1)');
  });

  it('exports each changed cell today and after', () => {
    const rows = changeRows(cellChanges([{ before: supplied(cell('DE', 'sap', 13, 2, 'THIN', 'MFG'), 'a', 'k'), after: supplied(cell('DE', 'sap', 13, 1, 'SINGLE_POINT', 'MFG'), 'k') }]));
    expect(rows).toEqual([
      ['region', 'industry', 'capability', 'demand', 'statusBefore', 'supplyBefore', 'suppliersBefore', 'supplierNamesBefore', 'statusAfter', 'supplyAfter', 'suppliersAfter', 'supplierNamesAfter',
        'regionName', 'industryName', 'capabilityName'],
      ['DE', 'MFG', 'sap', 13, 'THIN', 2, 'a k', 'A; K', 'SINGLE_POINT', 1, 'k', 'K', 'Germany', 'MFG', 'SAP'],
    ]);
  });
});
