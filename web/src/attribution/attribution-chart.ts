/** Five small bar charts side by side, one per model, partners as shared rows, amounts written. */
import { select } from 'd3';
import { formatMoney, formatShare } from '../lib/format.ts';
import { SERIES } from '../lib/palette.ts';
import { MODELS, type MatrixRow, type ModelKey } from './attribution-model.ts';

export interface ChartData {
  rows: MatrixRow[];
  currency: string | null;
  hasValue: boolean;
  /** The model the rows are ordered by: its column is shaded and says so. */
  orderBy?: ModelKey;
}

const NAME_W = 190, COL_W = 186, ROW_H = 30, TOP = 52;

export function render(element: HTMLElement, data: ChartData) {
  const svg = select(element).append('svg').attr('class', 'attribution-chart').attr('role', 'img')
    .attr('font-family', 'system-ui, DejaVu Sans, sans-serif').attr('font-size', 11);

  function update(d: ChartData): void {
    svg.selectAll('*').remove();
    const width = NAME_W + MODELS.length * COL_W;
    const height = TOP + Math.max(1, d.rows.length) * ROW_H + 8;
    svg.attr('width', width).attr('height', height).attr('aria-label', `Attribution by five models for ${d.rows.length} partners`);
    svg.append('rect').attr('width', width).attr('height', height).attr('fill', '#ffffff');
    const barMax = COL_W - 74;
    MODELS.forEach((m, mi) => {
      const x0 = NAME_W + mi * COL_W;
      const col = svg.append('g').attr('transform', `translate(${x0},0)`).attr('data-model', m.key)
        .attr('data-order', m.key === d.orderBy ? 'true' : null);
      if (m.key === d.orderBy) {
        col.append('rect').attr('x', -4).attr('y', 0).attr('width', COL_W - 4).attr('height', height).attr('fill', '#eef5fb');
        col.append('text').attr('y', 42).attr('fill', '#0b5a8c').attr('font-size', 10).attr('font-weight', 600).text('▼ rows ordered by this model');
      }
      col.append('text').attr('y', 16).attr('font-weight', 700).attr('font-size', 12).text(m.title);
      col.append('text').attr('y', 31).attr('fill', '#555').attr('font-size', 10).text(m.note);
      col.append('line').attr('x1', 0).attr('x2', 0).attr('y1', TOP - 6).attr('y2', height - 4).attr('stroke', '#cccccc');
      d.rows.forEach((row, ri) => {
        const v = row.values[m.key];
        const y = TOP + ri * ROW_H;
        col.append('rect').attr('x', 2).attr('y', y + 4).attr('height', 14).attr('width', Math.max(v.share > 0 ? 2 : 0, barMax * v.share))
          .attr('fill', SERIES[ri % SERIES.length]!).attr('data-partner', row.partner.id);
        col.append('text').attr('x', 6 + barMax * v.share).attr('y', y + 15).attr('fill', '#1a1a1a')
          .text(v.share === 0 ? '–' : d.hasValue ? formatMoney(v.amount, null) : formatShare(v.share));
        if (d.hasValue && v.share > 0) col.append('text').attr('x', 6 + barMax * v.share).attr('y', y + 26).attr('fill', '#666').attr('font-size', 9).text(formatShare(v.share));
      });
    });
    const names = svg.append('g');
    names.append('text').attr('y', 16).attr('font-weight', 700).attr('font-size', 12).text(d.hasValue ? `Amounts${d.currency ? ` (${d.currency})` : ''}` : 'Shares (no value)');
    d.rows.forEach((row, ri) => {
      const y = TOP + ri * ROW_H;
      names.append('rect').attr('x', 0).attr('y', y + 5).attr('width', 10).attr('height', 10).attr('fill', SERIES[ri % SERIES.length]!);
      names.append('text').attr('x', 15).attr('y', y + 14).attr('fill', '#1a1a1a').text(row.partner.name.length > 26 ? `${row.partner.name.slice(0, 25)}…` : row.partner.name);
    });
  }
  update(data);
  return { update, destroy: () => svg.remove(), svg: svg.node()! };
}
