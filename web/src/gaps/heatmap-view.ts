/**
 * The gap heatmap as SVG: a cell per (row, capability) with demand, coloured by status,
 * "demand / supply" written in it, uncovered cells hatched; a scenario's changed cells
 * outlined, split between today's status and the status after, with supply before → after.
 * Cells are focusable buttons (Enter or click chooses). Labels are whole (measured, the
 * capability names rotated), and stay in sight while the grid scrolls in its box: the
 * header row and column are moved with the scroll (data-sticky; an export draws them in place).
 */
import { select } from 'd3';
import { STATUS_COLOURS, STATUS_TEXT_COLOURS } from '../lib/palette.ts';
import type { CoverageCell, CoverageStatus } from './gaps.queries.ts';
import { STATUS_ORDER, STATUS_TEXT, type CellChange, type Heatmap } from './heatmap-model.ts';

export interface HeatmapOptions { onSelect?(cell: CoverageCell, change?: CellChange): void }

const fill = (status: CoverageStatus) => (status === 'UNCOVERED' ? 'url(#hatch)' : STATUS_COLOURS[status]);

const CELL_W = 50, CELL_H = 26, LEGEND_H = 44, ANGLE = 60;
const RAD = (ANGLE * Math.PI) / 180;

export function render(element: HTMLElement, data: Heatmap, options: HeatmapOptions = {}) {
  const svg = select(element).append('svg').attr('class', 'heatmap').attr('role', 'group')
    .attr('font-family', 'system-ui, DejaVu Sans, sans-serif').attr('font-size', 11);
  let sticky: { top: SVGGElement; left: SVGGElement; corner: SVGGElement } | null = null;

  /** The header row and column follow the scroll of the box the heatmap scrolls in. */
  const scroller = element;
  const follow = () => {
    if (!sticky) return;
    const { scrollTop: y, scrollLeft: x } = scroller;
    sticky.top.setAttribute('transform', `translate(0,${y})`);
    sticky.left.setAttribute('transform', `translate(${x},0)`);
    sticky.corner.setAttribute('transform', `translate(${x},${y})`);
  };
  scroller.addEventListener('scroll', follow, { passive: true });

  function update(h: Heatmap): void {
    svg.selectAll('*').remove();
    // Whole labels: measured in the page, so the margins fit the longest name.
    const probe = svg.append('text');
    const width = (text: string) => {
      probe.text(text);
      const node = probe.node()!;
      return typeof node.getComputedTextLength === 'function' ? node.getComputedTextLength() : text.length * 6.2;
    };
    const rowLabel = Math.max(60, ...h.rows.map((r) => width(r.label)));
    const columnLabel = Math.max(40, ...h.columns.map((c) => width(c.label)));
    probe.remove();
    const LEFT = Math.ceil(rowLabel) + 16;
    const TOP = Math.ceil(columnLabel * Math.sin(RAD)) + 16;
    const gridRight = LEFT + h.columns.length * CELL_W;
    const totalWidth = Math.max(gridRight + Math.ceil(columnLabel * Math.cos(RAD)) + 10, 700);
    const gridBottom = TOP + h.rows.length * CELL_H;
    const height = gridBottom + LEGEND_H;
    svg.attr('width', totalWidth).attr('height', height).attr('aria-label', `Coverage heatmap: ${h.rows.length} rows, ${h.columns.length} capabilities`);
    const pattern = svg.append('defs').append('pattern').attr('id', 'hatch').attr('patternUnits', 'userSpaceOnUse').attr('width', 6).attr('height', 6)
      .attr('patternTransform', 'rotate(45)');
    pattern.append('rect').attr('width', 6).attr('height', 6).attr('fill', STATUS_COLOURS.UNCOVERED);
    // Dark hatch lines: a second cue beside the colour that only raises the white text's contrast.
    pattern.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 6).attr('stroke', '#000000').attr('stroke-width', 2).attr('stroke-opacity', 0.35);
    svg.append('rect').attr('width', totalWidth).attr('height', height).attr('fill', '#ffffff');

    const grid = svg.append('g');
    drawLegend(h.changes.size > 0, gridBottom + 10);
    const left = svg.append('g').attr('data-sticky', 'left').attr('class', 'row-labels');
    left.append('rect').attr('y', TOP).attr('width', LEFT - 2).attr('height', h.rows.length * CELL_H).attr('fill', '#ffffff');
    left.selectAll('text').data(h.rows).join('text')
      .attr('x', LEFT - 6).attr('y', (_, i) => TOP + i * CELL_H + CELL_H / 2 + 4).attr('text-anchor', 'end').attr('fill', '#1a1a1a')
      .attr('data-row', (r) => r.key).text((r) => r.label);
    const top = svg.append('g').attr('data-sticky', 'top').attr('class', 'column-labels');
    top.append('rect').attr('x', LEFT).attr('width', totalWidth - LEFT).attr('height', TOP - 2).attr('fill', '#ffffff');
    top.selectAll('text').data(h.columns).join('text')
      .attr('transform', (_, i) => `translate(${LEFT + i * CELL_W + CELL_W / 2},${TOP - 6}) rotate(-${ANGLE})`)
      .attr('fill', '#1a1a1a').attr('data-column', (c) => c.key).text((c) => c.label)
      .append('title').text((c) => `${c.label} (${c.key})`);
    const corner = svg.append('g').attr('data-sticky', 'corner');
    corner.append('rect').attr('width', LEFT - 2).attr('height', TOP - 2).attr('fill', '#ffffff');
    corner.append('text').attr('x', 8).attr('y', TOP - 8).attr('fill', '#555555').attr('font-size', 10).text('region ↓ · capability →');
    sticky = { top: top.node()!, left: left.node()!, corner: corner.node()! };
    follow();

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
      const split = after && after.status !== cell.status;
      if (split) {
        g.append('rect').attr('x', (CELL_W - 2) / 2).attr('width', (CELL_W - 2) / 2).attr('height', CELL_H - 2).attr('fill', fill(after.status));
      }
      // Text over two fills sits on a white label, so it reads on both.
      if (change) g.append('rect').attr('x', 3).attr('y', CELL_H / 2 - 7).attr('width', CELL_W - 8).attr('height', 12).attr('rx', 2).attr('fill', '#ffffff').attr('fill-opacity', 0.9);
      g.append('text').attr('x', (CELL_W - 2) / 2).attr('y', CELL_H / 2 + 3).attr('text-anchor', 'middle').attr('font-weight', 600)
        .attr('fill', change ? '#000000' : STATUS_TEXT_COLOURS[cell.status]).attr('font-size', change ? 10 : 11)
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
      x += 34 + text.length * 6.4;
    });
    if (withChanges) {
      const marks: Array<[number, string | null, string]> = [[2.5, null, 'worse'], [2.5, '4 2', 'better'], [1.2, null, 'supply only']];
      for (const [width, dash, text] of marks) {
        const row = legend.append('g').attr('transform', `translate(${x},18)`);
        row.append('rect').attr('width', 16).attr('height', 12).attr('fill', 'none').attr('stroke', '#000').attr('stroke-width', width).attr('stroke-dasharray', dash);
        row.append('text').attr('x', 21).attr('y', 10).text(text);
        x += 34 + text.length * 6.4;
      }
    }
  }

  update(data);
  return { update, destroy: () => { scroller.removeEventListener('scroll', follow); svg.remove(); }, svg: svg.node()! };
}
