/** Responsibility shares as horizontal bars with written percentages, root causes and role. */
import { select } from 'd3';
import { formatShare } from '../lib/format.ts';
import { OKABE_ITO } from '../lib/palette.ts';
import type { ResponsibleParty as Share } from './accountability.queries.ts';

export function render(element: HTMLElement, data: readonly Share[], options: { onSelect?(partnerId: string): void } = {}) {
  const width = 290, row = 44;
  const svg = select(element).append('svg').attr('class', 'shares').attr('width', width).attr('role', 'img')
    .attr('font-family', 'system-ui, DejaVu Sans, sans-serif').attr('font-size', 12);

  function update(next: readonly Share[]): void {
    svg.attr('height', Math.max(row, next.length * row) + 4).attr('aria-label', `Responsibility: ${next.map((s) => `${s.partner.name} ${formatShare(s.share)}`).join(', ') || 'nobody'}`);
    const rows = svg.selectAll<SVGGElement, Share>('g.share').data(next, (s) => s.partner.id).join((enter) => {
      const g = enter.append('g').attr('class', 'share').attr('tabindex', 0).attr('role', 'button');
      g.append('text').attr('class', 'name').attr('y', 13).attr('font-weight', 600);
      g.append('rect').attr('class', 'track').attr('y', 18).attr('height', 10).attr('width', width - 4).attr('fill', '#eeeeee');
      g.append('rect').attr('class', 'bar').attr('y', 18).attr('height', 10).attr('fill', OKABE_ITO.vermillion);
      g.append('text').attr('class', 'detail').attr('y', 40).attr('font-size', 11).attr('fill', '#444');
      return g;
    });
    rows.attr('transform', (_, i) => `translate(2,${i * row + 2})`)
      .attr('data-partner', (s) => s.partner.id)
      .on('click', (_, s) => options.onSelect?.(s.partner.id))
      .on('keydown', (event: KeyboardEvent, s) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); options.onSelect?.(s.partner.id); } });
    rows.select('text.name').text((s) => `${s.partner.name}  ${formatShare(s.share)}`);
    rows.select('rect.bar').attr('width', (s) => Math.max(1, (width - 4) * s.share));
    rows.select('text.detail').text((s) => `${s.rootCauses} root cause${s.rootCauses === 1 ? '' : 's'} · role on the due date: ${s.role ? s.role.toLowerCase() : 'none'}`);
  }
  update(data);
  return { update, destroy: () => svg.remove(), svg: svg.node()! };
}
