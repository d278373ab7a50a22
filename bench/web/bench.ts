/**
 * bench.html: the network map's renderer and layout worker on a synthetic graph
 * (default 10,000 nodes, 50,000 edges), panned programmatically with
 * requestAnimationFrame. Result in window.__ecomapBench and on the page.
 * Parameters: ?nodes=&edges=&seconds=&seed=
 */
import { PARTNER_TYPES } from '../../web/src/lib/palette.ts';
import { buildMapModel, communityHulls } from '../../web/src/map/graph-model.ts';
import { createLayoutRunner } from '../../web/src/map/layout-client.ts';
import { render } from '../../web/src/map/canvas-renderer.ts';
import type { Network } from '../../web/src/map/network.ts';
import { syntheticGraph } from '../../web/src/map/synthetic.ts';
import { fpsSummary, type FpsSummary } from './fps.ts';

export interface BenchResult {
  nodes: number;
  edges: number;
  layoutMs: number;
  layoutTicks: number;
  firstDrawMs: number;
  phases: Record<string, FpsSummary>;
  medianFps: number;
}

declare global {
  interface Window { __ecomapBench?: BenchResult | { error: string } }
}

const params = new URLSearchParams(location.search);
const num = (name: string, fallback: number) => Number(params.get(name) ?? fallback) || fallback;
const report = document.getElementById('report')!;

async function main(): Promise<void> {
  const nodes = num('nodes', 10_000), edges = num('edges', 50_000), seconds = num('seconds', 4), seed = num('seed', 42);
  const g = syntheticGraph(nodes, edges, seed, PARTNER_TYPES.length);
  const network: Network = {
    truncated: false,
    nodes: Array.from({ length: nodes }, (_, i) => ({
      id: `n${String(i).padStart(6, '0')}`, kind: 'PARTNER', label: `Partner ${i}`, partnerType: PARTNER_TYPES[g.type[i]!]!,
      degree: 0, betweenness: 0, pagerank: 1 / (1 + i % 997), community: g.community[i]!,
    })),
    edges: Array.from({ length: edges }, (_, e) => ({
      source: `n${String(g.source[e]!).padStart(6, '0')}`, target: `n${String(g.target[e]!).padStart(6, '0')}`, kind: 'CO_DELIVERS', weight: g.weight[e]!,
    })),
  };
  const model = buildMapModel(network, 'pagerank');
  report.textContent = `Layout of ${nodes} nodes, ${edges} edges in a worker…`;
  const runner = createLayoutRunner();
  const layout = await runner.run({ ...model.layout, seed });
  runner.destroy();
  const scene = { ...model.scene, x: layout.x, y: layout.y, hulls: communityHulls(layout.x, layout.y, model.layout.community, model.layout.radius) };
  const stage = document.getElementById('stage')!;
  const renderer = render(stage, scene, { label: 'benchmark graph' });
  renderer.fit();
  await nextFrame();
  await nextFrame();
  const firstDrawMs = renderer.stats().lastLayerMs;
  // Let the first draw's follow-ups (the settled redraw, garbage collection) finish: we measure panning.
  await new Promise((resolve) => setTimeout(resolve, 1000));

  const phases: Record<string, FpsSummary> = {};
  report.textContent = 'Panning (whole graph)…';
  phases.fit = await pan(renderer.panBy, seconds, 9);
  renderer.canvas.dispatchEvent(new KeyboardEvent('keydown', { key: '+' }));
  for (let i = 0; i < 6; i++) renderer.canvas.dispatchEvent(new KeyboardEvent('keydown', { key: '+' }));
  await nextFrame();
  report.textContent = 'Panning (zoomed in ×4.8)…';
  phases.zoomed = await pan(renderer.panBy, seconds, 9);
  const all = Object.values(phases).flatMap((p) => p.windows);
  const result: BenchResult = {
    nodes, edges, layoutMs: Math.round(layout.ms), layoutTicks: layout.ticks, firstDrawMs: Math.round(firstDrawMs), phases,
    medianFps: median(all),
  };
  window.__ecomapBench = result;
  report.textContent = JSON.stringify(result, null, 1);
}

/** Pans in a circle every frame for `seconds`, returning frames per second per half-second window. */
function pan(panBy: (dx: number, dy: number) => void, seconds: number, speed: number): Promise<FpsSummary> {
  return new Promise((resolve) => {
    const stamps: number[] = [];
    const started = performance.now();
    const step = (now: number) => {
      stamps.push(now);
      const angle = ((now - started) / 1000) * Math.PI * 0.5;
      panBy(Math.cos(angle) * speed, Math.sin(angle) * speed);
      if (now - started < seconds * 1000) requestAnimationFrame(step);
      else resolve(fpsSummary(stamps));
    };
    requestAnimationFrame(step);
  });
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
}

main().catch((err: unknown) => {
  window.__ecomapBench = { error: err instanceof Error ? err.message : String(err) };
  report.textContent = `Failed: ${window.__ecomapBench.error}`;
});
