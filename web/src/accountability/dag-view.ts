/** Draws a FailureDag as SVG: marks told apart by fill, border, dash and a written label. */
import { select, type Selection } from 'd3';
import { OKABE_ITO } from '../lib/palette.ts';
import { wrapWhole } from '../lib/wrap.ts';
import { layoutDag } from './dag-layout.ts';
import type { DagEdge, DagNode, FailureDag, Mark } from './failure-dag.ts';

export interface DagViewOptions {
  onSelect?(node: DagNode): void;
}

/** Node width; each node is as tall as its text, which is never cut (a layer is as tall as its tallest node). */
const W = 230, LINE = 14, PAD = 8;
export const MARK_STYLE: Record<Mark, { fill: string; stroke: string; width: number; dash?: string; text: string; label: string }> = {
  outcome: { fill: '#1f2a36', stroke: '#1f2a36', width: 1, text: '#ffffff', label: 'outcome' },
  'root-cause': { fill: '#fbe1d2', stroke: OKABE_ITO.vermillion, width: 3.5, text: '#1a1a1a', label: 'root cause' },
  propagated: { fill: '#fdf0d5', stroke: OKABE_ITO.orange, width: 2, dash: '7 3', text: '#1a1a1a', label: 'propagated' },
  absorbed: { fill: '#e4e4e4', stroke: '#8c8c8c', width: 1.5, text: '#555555', label: 'delivered, absorbed a failure' },
  'outside-failure': { fill: '#f4f4f4', stroke: '#a8a8a8', width: 1.2, dash: '2 3', text: '#666666', label: 'failure absorbed above' },
  overdue: { fill: '#dcebf7', stroke: OKABE_ITO.blue, width: 3, dash: '9 3 2 3', text: '#1a1a1a', label: 'overdue, not delivered' },
  healthy: { fill: '#ffffff', stroke: '#b8b8b8', width: 1, text: '#444444', label: 'not defective' },
};

type EdgeKind = 'failure' | 'overdue' | 'plain';
const edgeKind = (e: DagEdge): EdgeKind => (e.failure ? 'failure' : e.overdue ? 'overdue' : 'plain');
const EDGE_STYLE: Record<EdgeKind, { stroke: string; width: number; dash?: string }> = {
  failure: { stroke: OKABE_ITO.vermillion, width: 2.2 },
  overdue: { stroke: OKABE_ITO.blue, width: 2, dash: '7 3' },
  plain: { stroke: '#999999', width: 1.2 },
};

/** A node's text, line by line: id, description, owner, status, each wrapped whole to the node's width. */
type NodeLine = { text: string; kind: 'id' | 'description' | 'owner' | 'status' };

function nodeText(n: DagNode, measure: (text: string, bold: boolean) => number): NodeLine[] {
  const width = W - 2 * PAD;
  const lines = (text: string, kind: NodeLine['kind']) => {
    const bold = kind === 'id' || kind === 'status';
    return wrapWhole((t) => measure(t, bold), text, width).map((line) => ({ text: line, kind }));
  };
  return [
    ...lines(n.foreign ? `${n.id} (in ${n.engagement?.id})` : n.id, 'id'),
    ...lines(n.description, 'description'),
    ...(n.owner ? lines(`Owner: ${n.owner.name}`, 'owner') : []),
    ...lines(statusLine(n), 'status'),
  ];
}

/** A node's height for its number of lines (three at least, so that short nodes line up). */
const heightFor = (lines: number) => PAD * 2 + LINE * Math.max(3, lines) - 2;

/** The third line of a node: what it is, in words, so colour is never the only cue. */
export function statusLine(n: DagNode): string {
  switch (n.mark) {
    case 'outcome': return `OUTCOME · ${n.status}`;
    case 'root-cause': return `ROOT CAUSE · ${n.status}`;
    case 'propagated': return `PROPAGATED · ${n.status}`;
    case 'absorbed': return `${n.status} · ABSORBED FAILURE`;
    case 'outside-failure': return `${n.status} · ABSORBED ABOVE`;
    // The due date does not fit beside the status: the title and the label carry it.
    case 'overdue': return `OVERDUE · ${n.status}`;
    case 'healthy': return n.status;
  }
}

export function render(element: HTMLElement, data: FailureDag, options: DagViewOptions = {}) {
  const root: Selection<SVGSVGElement, unknown, null, undefined> = select(element).append('svg')
    .attr('class', 'failure-dag').attr('role', 'img').attr('font-family', 'system-ui, DejaVu Sans, sans-serif').attr('font-size', 11);
  const defs = root.append('defs');
  for (const [id, colour] of [['arrow-failure', OKABE_ITO.vermillion], ['arrow-overdue', OKABE_ITO.blue], ['arrow-plain', '#999999']] as const) {
    defs.append('marker').attr('id', id).attr('viewBox', '0 0 10 10').attr('refX', 9).attr('refY', 5).attr('markerWidth', 7).attr('markerHeight', 7)
      .attr('orient', 'auto-start-reverse').append('path').attr('d', 'M0,0L10,5L0,10z').attr('fill', colour);
  }
  const edgeLayer = root.append('g');
  const nodeLayer = root.append('g');
  const legend = root.append('g');

  function update(next: FailureDag): void {
    const overdueCount = next.nodes.filter((n) => n.mark === 'overdue').length;
    // Text is measured in the page (any font), so every line fits its node; the tallest node sets the row height.
    const probe = root.append('text').attr('visibility', 'hidden');
    const measure = (text: string, bold: boolean) => {
      probe.attr('font-weight', bold ? 700 : 400).text(text);
      const node = probe.node()!;
      return typeof node.getComputedTextLength === 'function' ? node.getComputedTextLength() : text.length * 6.2;
    };
    const texts = new Map(next.nodes.map((n) => [n.id, nodeText(n, measure)]));
    probe.remove();
    const height = (id: string) => heightFor(texts.get(id)?.length ?? 0);
    const layout = layoutDag(next.nodes.map((n) => n.id), next.edges, { nodeWidth: W, heightOf: height });
    root.attr('aria-label', `Failure graph of ${next.nodes[0]?.id ?? 'the outcome'}: ${next.nodes.filter((n) => n.mark === 'root-cause').length} root causes`
        + (overdueCount ? `, ${overdueCount} overdue` : ''));
    const pos = (id: string) => layout.positions.get(id)!;
    edgeLayer.selectAll('path').data(next.edges, (e) => `${(e as FailureDag['edges'][number]).from}>${(e as FailureDag['edges'][number]).to}`)
      .join('path')
      .attr('d', (e) => {
        const a = pos(e.from), b = pos(e.to);
        const x1 = a.x + W / 2, y1 = a.y + height(e.from), x2 = b.x + W / 2, y2 = b.y - 2, my = (y1 + y2) / 2;
        return `M${x1},${y1}C${x1},${my} ${x2},${my} ${x2},${y2}`;
      })
      .attr('fill', 'none')
      .attr('data-kind', (e) => edgeKind(e))
      .attr('stroke', (e) => EDGE_STYLE[edgeKind(e)].stroke)
      .attr('stroke-width', (e) => EDGE_STYLE[edgeKind(e)].width)
      .attr('stroke-dasharray', (e) => (e.deep ? '2 4' : EDGE_STYLE[edgeKind(e)].dash ?? null))
      .attr('marker-end', (e) => `url(#arrow-${edgeKind(e)})`);

    const nodes = nodeLayer.selectAll<SVGGElement, DagNode>('g.dag-node').data(next.nodes, (n) => n.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'dag-node').attr('tabindex', 0).attr('role', 'button');
        g.append('title');
        g.append('rect').attr('width', W).attr('rx', 5);
        g.append('text').attr('class', 'node-text');
        return g;
      });
    nodes.attr('transform', (n) => `translate(${pos(n.id).x},${pos(n.id).y})`)
      .attr('data-id', (n) => n.id).attr('data-mark', (n) => n.mark)
      .attr('aria-label', (n) => `${n.id}, ${MARK_STYLE[n.mark].label}, ${n.status}${n.mark === 'overdue' ? `, was due ${n.dueDate}` : ''}${n.owner ? `, owned by ${n.owner.name}` : ''}`)
      .on('click', (_, n) => options.onSelect?.(n))
      .on('keydown', (event: KeyboardEvent, n) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); options.onSelect?.(n); } });
    nodes.select('title').text((n) => `${n.id}: ${n.description}${n.owner ? `; owner ${n.owner.name}` : ''}${n.engagement ? ` (${n.engagement.name})` : ''}${n.mark === 'overdue' ? `, was due ${n.dueDate}` : ''}`);
    nodes.select('rect').attr('height', (n) => height(n.id)).attr('fill', (n) => MARK_STYLE[n.mark].fill).attr('stroke', (n) => MARK_STYLE[n.mark].stroke)
      .attr('stroke-width', (n) => MARK_STYLE[n.mark].width).attr('stroke-dasharray', (n) => MARK_STYLE[n.mark].dash ?? null);
    nodes.select<SVGTextElement>('text.node-text').attr('fill', (n) => MARK_STYLE[n.mark].text).each(function (n) {
      const lines = texts.get(n.id)!;
      select(this).selectAll('tspan').data(lines).join('tspan')
        .attr('x', PAD).attr('y', (_, i) => PAD + 10 + i * LINE)
        .attr('class', (l) => l.kind)
        .attr('font-weight', (l) => (l.kind === 'id' || l.kind === 'status' ? 700 : 400))
        .attr('font-size', (l) => (l.kind === 'status' ? 10 : 11))
        .text((l) => l.text);
    });

    legend.attr('transform', `translate(8,${layout.height + 8})`);
    // The overdue mark is explained only where an outcome at risk has one.
    const marks: Mark[] = ['root-cause', 'propagated', ...(overdueCount ? ['overdue' as const] : []), 'absorbed', 'outside-failure', 'healthy'];
    // One row while it fits beside a narrow graph (the missed outcomes' five marks do), else wrapped.
    const wrapAt = Math.max(layout.width, 760) - 16;
    const itemWidth = (m: Mark) => 40 + MARK_STYLE[m].label.length * 6.2;
    let x = 0, y = 0;
    const places = marks.map((m) => {
      if (x > 0 && x + itemWidth(m) > wrapAt) { x = 0; y += 20; }
      const at = { x, y };
      x += itemWidth(m);
      return at;
    });
    const legendWidth = 16 + Math.max(...places.map((p, i) => p.x + itemWidth(marks[i]!)));
    root.attr('width', Math.max(layout.width, legendWidth)).attr('height', layout.height + y + 34);
    const items = legend.selectAll<SVGGElement, Mark>('g').data(marks).join((enter) => {
      const g = enter.append('g');
      g.append('rect').attr('width', 18).attr('height', 12).attr('rx', 2);
      g.append('text').attr('x', 23).attr('y', 10).attr('fill', '#333');
      return g;
    });
    items.attr('transform', (_, i) => `translate(${places[i]!.x},${places[i]!.y})`);
    items.select('rect').attr('fill', (m) => MARK_STYLE[m].fill).attr('stroke', (m) => MARK_STYLE[m].stroke)
      .attr('stroke-width', (m) => Math.min(2.5, MARK_STYLE[m].width)).attr('stroke-dasharray', (m) => MARK_STYLE[m].dash ?? null);
    items.select('text').text((m) => MARK_STYLE[m].label);
  }

  update(data);
  return { update, destroy: () => root.remove(), svg: root.node()! };
}
