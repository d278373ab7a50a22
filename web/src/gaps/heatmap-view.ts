/**
 * The gap heatmap as SVG: a cell per (row, capability) with demand, coloured by status,
 * "demand / supply" written in it, uncovered cells hatched; a scenario's changed cells
 * outlined, split between today's status and the status after, with supply before → after.
 * Cells are focusable buttons (Enter or click chooses).
 */
import { select } from 'd3';
import { STATUS_COLOURS } from '../lib/palette.ts';
import type { CoverageCell, CoverageStatus } from './gaps.queries.ts';
import { STATUS_ORDER, STATUS_TEXT, type CellChange, type Heatmap } from './heatmap-model.ts';

export interface HeatmapOptions { onSelect?(cell: CoverageCell, change?: CellChange): void }

const fill = (status: CoverageStatus) => (status === 'UNCOVERED' ? 'url(#hatch)' : STATUS_COLOURS[status]);

const CELL_W = 50, CELL_H = 26, LEFT = 206, TOP = 118, LEGEND_H = 44;

export function render(element: HTMLElement, data: Heatmap, options: HeatmapOptions = {}) {
  const svg = select(element).append('svg').attr('class', 'heatmap').attr('role', 'group')
    .attr('font-family', 'system-ui, DejaVu Sans, sans-serif').attr('font-size', 11);

  function update(h: Heatmap): void {
    svg.selectAll('*').remove();
    const width = Math.max(LEFT + h.columns.length * CELL_W + 10, 940);
    const gridBottom = TOP + h.rows.length * CELL_H;
    const height = gridBottom + LEGEND_H;
    svg.attr('width', width).attr('height', height).attr('aria-label', `Coverage heatmap: ${h.rows.length} rows, ${h.columns.length} capabilities`);
    const pattern = svg.append('defs').append('pattern').attr('id', 'hatch').attr('patternUnits', 'userSpaceOnUse').attr('width', 6).attr('height', 6)
      .attr('patternTransform', 'rotate(45)');
    pattern.append('rect').attr('width', 6).attr('height', 6).attr('fill', STATUS_COLOURS.UNCOVERED);
    pattern.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 6).attr('stroke', '#ffffff').attr('stroke-width', 2).attr('stroke-opacity', 0.45);
    svg.append('rect').attr('width', width).attr('height', height).attr('fill', '#ffffff');

    svg.append('g').selectAll('text').data(h.columns).join('text')
      .attr('transform', (_, i) => `translate(${LEFT + i * CELL_W + CELL_W / 2},${TOP - 6}) rotate(-50)`)
      .attr('fill', '#1a1a1a').text((c) => (c.label.length > 22 ? `${c.label.slice(0, 21)}…` : c.label));
    svg.append('g').selectAll('text').data(h.rows).join('text')
      .attr('x', LEFT - 6).attr('y', (_, i) => TOP + i * CELL_H + CELL_H / 2 + 4).attr('text-anchor', 'end').attr('fill', '#1a1a1a')
      .text((r) => (r.label.length > 31 ? `${r.label.slice(0, 30)}…` : r.label));
    drawLegend(h.changes.size > 0, gridBottom + 10);
    const grid = svg.append('g');
    h.rows.forEach((row, ri) => h.columns.forEach((column, ci) => {
      const key = `${row.key}|${column.key}`;
      const change = h.changes.get(key);
      const cell = h.cells.get(key) ?? change?.after ?? undefined;
      const g = grid.append('g').attr('transform', `translate(${LEFT + ci * CELL_W},${TOP + ri * CELL_H})`);
      if (!cell) {
        g.append('rect').attr('width', CELL_W - 2).attr('height', CELL_H - 2).attr('fill', '#f7f7f7');
        return;
      }
      const after = change?.after ?? null;
      const afterText = change ? `; after the scenario: supply ${after?.supply ?? 0}, ${after ? STATUS_TEXT[after.status] : 'no demand'}` : '';
      g.attr('class', 'cell').attr('tabindex', 0).attr('role', 'button')
        .attr('data-region', cell.region.code).attr('data-industry', cell.industry?.code ?? null).attr('data-capability', cell.capability.id)
        .attr('data-status', cell.status).attr('data-after', change ? after?.status ?? 'NONE' : null).attr('data-change', change?.kind ?? null)
        .attr('aria-label', `${row.label}, ${column.label}: demand ${cell.demand}, supply ${cell.supply}, ${STATUS_TEXT[cell.status]}${afterText}`)
        .on('click', () => options.onSelect?.(cell, change))
        .on('keydown', (event: KeyboardEvent) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); options.onSelect?.(cell, change); } });
      g.append('rect').attr('class', 'bg').attr('width', CELL_W - 2).attr('height', CELL_H - 2).attr('fill', fill(cell.status));
      // A status change splits the cell: today on the left, after the scenario on the right.
      if (after && after.status !== cell.status) {
        g.append('rect').attr('x', (CELL_W - 2) / 2).attr('width', (CELL_W - 2) / 2).attr('height', CELL_H - 2).attr('fill', fill(after.status));
      }
      g.append('text').attr('x', (CELL_W - 2) / 2).attr('y', CELL_H / 2 + 3).attr('text-anchor', 'middle').attr('font-weight', 600)
        .attr('fill', '#000000').attr('font-size', change ? 10 : 11)
        .text(change ? `${cell.demand}/${cell.supply}→${after?.supply ?? 0}` : `${cell.demand}/${cell.supply}`);
      if (change) {
        g.append('rect').attr('x', 1).attr('y', 1).attr('width', CELL_W - 4).attr('height', CELL_H - 4).attr('fill', 'none')
          .attr('stroke', '#000000').attr('stroke-width', change.kind === 'same' ? 1.2 : 2.5).attr('stroke-dasharray', change.kind === 'better' ? '4 2' : null);
      }
      g.append('title').text(`${row.label} · ${column.label}: demand ${cell.demand}, supply ${cell.supply} (${STATUS_TEXT[cell.status]})${afterText}`);
    }));
  }
  function drawLegend(withChanges: boolean, y: number): void {
    const legend = svg.append('g').attr('transform', `translate(8,${y})`).attr('class', 'legend');
    legend.append('text').attr('y', 10).attr('font-weight', 700)
      .text(withChanges ? 'In each cell: demand / supply; changed cells: demand / supply today → after the scenario, today’s status on the left, after on the right.' : 'In each cell: demand / supply.');
    const items: Array<[string, string]> = STATUS_ORDER.map((status) => [fill(status), STATUS_TEXT[status]]);
    let x = 0;
    items.forEach(([colour, text]) => {
      const row = legend.append('g').attr('transform', `translate(${x},18)`);
      row.append('rect').attr('width', 16).attr('height', 12).attr('fill', colour).attr('stroke', '#666').attr('stroke-width', 0.5);
      row.append('text').attr('x', 21).attr('y', 10).text(text);
      x += 30 + text.length * 6;
    });
    if (withChanges) {
      const marks: Array<[number, string | null, string]> = [[2.5, null, 'worse'], [2.5, '4 2', 'better'], [1.2, null, 'supply only']];
      for (const [width, dash, text] of marks) {
        const row = legend.append('g').attr('transform', `translate(${x},18)`);
        row.append('rect').attr('width', 16).attr('height', 12).attr('fill', 'none').attr('stroke', '#000').attr('stroke-width', width).attr('stroke-dasharray', dash);
        row.append('text').attr('x', 21).attr('y', 10).text(text);
        x += 30 + text.length * 6;
      }
    }
  }

  update(data);
  return { update, destroy: () => svg.remove(), svg: svg.node()! };
}
