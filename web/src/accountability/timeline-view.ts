/** The role timeline as SVG: lanes per partner, bars per interval, handovers and the due date marked. */
import { axisTop, scaleUtc, select } from 'd3';
import { OKABE_ITO, ROLE_COLOURS } from '../lib/palette.ts';
import type { Timeline } from './timeline-model.ts';

const LANE = 28, LEFT = 170, TOP = 40;
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function render(element: HTMLElement, data: Timeline, options: { width?: number } = {}) {
  const svg = select(element).append('svg').attr('class', 'timeline').attr('role', 'img')
    .attr('font-family', 'system-ui, DejaVu Sans, sans-serif').attr('font-size', 11);

  function update(t: Timeline): void {
    svg.selectAll('*').remove();
    const width = Math.max(560, options.width ?? element.clientWidth - 16);
    const lanesBottom = TOP + t.lanes.length * LANE;
    const height = lanesBottom + 16 + t.handovers.length * 14 + 30;
    svg.attr('width', width).attr('height', height)
      .attr('aria-label', `Role timeline: ${t.lanes.length} partners, ${t.handovers.length} handovers, due ${t.dueDate}`);
    const x = scaleUtc().domain([date(t.domain[0]), date(t.domain[1])]).range([LEFT, width - 12]);
    svg.append('g').attr('transform', `translate(0,${TOP - 6})`).call(axisTop(x).ticks(Math.max(3, Math.floor((width - LEFT) / 90))));
    const lanes = svg.append('g').selectAll('g').data(t.lanes).join('g').attr('transform', (_, i) => `translate(0,${TOP + i * LANE})`)
      .attr('data-partner', (l) => l.partner.id);
    lanes.append('rect').attr('x', 0).attr('width', width).attr('height', LANE).attr('fill', (_, i) => (i % 2 ? '#ffffff' : '#f6f6f6'));
    lanes.append('text').attr('x', 4).attr('y', LANE / 2 + 4).attr('font-weight', (l) => (l.accountable ? 700 : 400))
      .text((l) => `${l.partner.name.length > 22 ? `${l.partner.name.slice(0, 21)}…` : l.partner.name}${l.accountable ? ' ★' : ''}`);
    const bars = lanes.selectAll('g.bar').data((l) => l.bars).join('g').attr('class', 'bar');
    bars.append('rect').attr('x', (b) => x(date(b.from))).attr('y', (b) => (b.role === 'ORCHESTRATOR' ? 4 : 8))
      .attr('width', (b) => Math.max(2, x(date(b.to)) - x(date(b.from))))
      .attr('height', (b) => (b.role === 'ORCHESTRATOR' ? LANE - 8 : LANE - 16))
      .attr('fill', (b) => ROLE_COLOURS[b.role]).attr('stroke', '#1a1a1a').attr('stroke-width', 0.5)
      .append('title').text((b) => `${b.role.toLowerCase()} from ${b.from} to ${b.open ? 'open' : b.to}`);
    bars.append('text').attr('x', (b) => x(date(b.from)) + 4).attr('y', LANE / 2 + 4)
      .attr('fill', (b) => (b.role === 'ORCHESTRATOR' ? '#ffffff' : '#1a1a1a')).attr('font-size', 10)
      .text((b) => (x(date(b.to)) - x(date(b.from)) > 80 ? (b.role === 'ORCHESTRATOR' ? 'orchestrator' : 'contributor') : ''));

    const marks = svg.append('g');
    const anchor = (px: number) => (px > width * 0.6 ? 'end' : 'start');
    const shift = (px: number) => (px > width * 0.6 ? -4 : 4);
    t.handovers.forEach((h, i) => {
      const hx = x(date(h.date));
      const y = lanesBottom + 14 + i * 14;
      marks.append('line').attr('x1', hx).attr('x2', hx).attr('y1', TOP - 4).attr('y2', y - 10).attr('stroke', '#1a1a1a').attr('stroke-dasharray', '3 2');
      marks.append('text').attr('class', 'handover').attr('x', hx + shift(hx)).attr('y', y).attr('text-anchor', anchor(hx)).attr('font-size', 10)
        .text(`handover ${h.date}: ${h.from.name} → ${h.to.name}${h.gapDays ? ` (${h.gapDays} days without an orchestrator)` : ''}`);
    });
    const dx = x(date(t.dueDate));
    const dueY = lanesBottom + 14 + t.handovers.length * 14;
    marks.append('line').attr('x1', dx).attr('x2', dx).attr('y1', TOP - 10).attr('y2', dueY - 10).attr('stroke', OKABE_ITO.vermillion).attr('stroke-width', 2);
    marks.append('text').attr('x', dx + shift(dx)).attr('y', dueY).attr('text-anchor', anchor(dx)).attr('fill', OKABE_ITO.vermillion)
      .attr('font-weight', 700).attr('font-size', 10).text(`due ${t.dueDate}`);
    svg.append('text').attr('x', 4).attr('y', height - 4).attr('font-size', 10).attr('fill', '#555')
      .text('★ accountable on the due date · tall dark bar: orchestrator · short light bar: contributor · dashed: handover');
  }
  update(data);
  return { update, destroy: () => svg.remove(), svg: svg.node()! };
}
