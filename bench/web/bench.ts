/**
 * bench.html: the network map's own code (models, layout worker, sigma stage) fed a
 * network answer of the real shape and size (synthetic.ts). Per level it measures the
 * first useful picture, from the answer's text arriving (parsed, modelled, laid out in
 * the worker, drawn by sigma) to the first frame painted, then frames per second while
 * panning every frame. Result in window.__ecomapBench and on the page.
 * Parameters: ?scale=sample|M|L&seconds=
 */
import { createLayoutRunner } from '../../web/src/map/layout-client.ts';
import { hashSeed } from '../../web/src/lib/rng.ts';
import { overviewScene, partnerScene } from '../../web/src/map/map-scenes.ts';
import type { CommunityAnswer, OverviewAnswer } from '../../web/src/map/network.ts';
import { buildOverview } from '../../web/src/map/overview-model.ts';
import { buildPartnerLevel } from '../../web/src/map/partner-level.ts';
import { DEFAULT_LINKS } from '../../web/src/map/map-state.ts';
import { createStage, type Stage, type StageScene } from '../../web/src/map/sigma-stage.ts';
import { fpsSummary, type FpsSummary } from './fps.ts';
import { SCALES, largestCommunityAnswer, overviewAnswer } from './synthetic.ts';

export interface LevelResult {
  level: 'overview' | 'largest community';
  nodes: number;
  links: number;
  answerBytes: number;
  layoutMs: number;
  /** From the answer's text to the first painted frame. */
  firstPictureMs: number;
  pan: FpsSummary;
  medianFps: number;
}

export interface BenchResult {
  scale: string;
  partners: number;
  webgl: string;
  levels: LevelResult[];
}

declare global {
  interface Window { __ecomapBench?: BenchResult | { error: string }; __ecomapBenchShot?: string | null }
}

const params = new URLSearchParams(location.search);
const report = document.getElementById('report')!;

async function main(): Promise<void> {
  const scale = SCALES[params.get('scale') ?? 'M'] ?? SCALES.M!;
  const seconds = Number(params.get('seconds') ?? 4) || 4;
  const host = document.getElementById('stage')!;
  const stage = createStage({ onClickNode() {}, onClickStage() {}, onHover() {}, onCamera() {} });
  host.append(stage.element);
  const runner = createLayoutRunner();
  const levels: LevelResult[] = [];

  report.textContent = `${scale.name}: overview…`;
  const overviewText = JSON.stringify({ data: { network: overviewAnswer(scale) } });
  levels.push(await measure('overview', overviewText, async (text) => {
    const model = buildOverview((JSON.parse(text) as { data: { network: OverviewAnswer } }).data.network);
    const started = performance.now();
    const at = await runner.run({ ...model.layout, seed: hashSeed(model.keys.join(',')) });
    return { scene: overviewScene(model, at), layoutMs: performance.now() - started };
  }));

  report.textContent = `${scale.name}: largest community…`;
  const communityText = JSON.stringify({ data: { network: largestCommunityAnswer(scale) } });
  levels.push(await measure('largest community', communityText, async (text) => {
    const level = buildPartnerLevel((JSON.parse(text) as { data: { network: CommunityAnswer } }).data.network, 'pagerank', new Map(), DEFAULT_LINKS);
    const started = performance.now();
    const at = await runner.run({ ...level.layout, seed: hashSeed(level.keys.join(',')) });
    return { scene: partnerScene(level, at), layoutMs: performance.now() - started };
  }));
  runner.destroy();

  const result: BenchResult = { scale: scale.name, partners: scale.partners, webgl: webglRenderer(), levels };
  window.__ecomapBench = result;
  report.textContent = JSON.stringify(result, null, 1);

  async function measure(name: LevelResult['level'], text: string, prepare: (text: string) => Promise<{ scene: StageScene; layoutMs: number }>): Promise<LevelResult> {
    const started = performance.now();
    const { scene, layoutMs } = await prepare(text);
    stage.show(scene);
    await painted();
    const firstPictureMs = performance.now() - started;
    // Let the first picture's follow-ups (garbage collection, the worker's teardown) pass: we measure panning.
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (params.get('shots') === '1') await pictureTaken(name);
    // Panned where the nodes are, at the zoom a person reads them at.
    await stage.focus(scene.nodes[0]!.key, 0);
    const pan = await panFor(stage, seconds);
    return {
      level: name, nodes: scene.nodes.length, links: scene.links.length, answerBytes: text.length,
      layoutMs: Math.round(layoutMs), firstPictureMs: Math.round(firstPictureMs), pan, medianFps: median(pan.windows),
    };
  }
}

/**
 * With ?shots=1, the first picture waits here while bench/web-fps.ts photographs it
 * (window.__ecomapBenchShot names the level; the script clears it when done). Untimed.
 */
async function pictureTaken(level: string): Promise<void> {
  report.hidden = true;
  window.__ecomapBenchShot = level;
  while (window.__ecomapBenchShot) await new Promise((resolve) => setTimeout(resolve, 50));
  report.hidden = false;
}

/** Resolves after the browser painted the frame sigma drew (the frame after the render). */
function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/**
 * Pans as a person does, by dragging with the mouse: a press on the map, a move every
 * frame along a circle for `seconds`, a release; returns frames per second per
 * half-second window. Each event goes to the element under the pointer, as a real
 * mouse's does, so the map knows it is being dragged exactly as under a real mouse.
 */
function panFor(stage: Stage, seconds: number): Promise<FpsSummary> {
  const box = stage.element.getBoundingClientRect();
  // A circle of 200 px around the stage's middle, a quarter turn a second, whatever the frame rate.
  const radius = Math.min(200, box.width / 3, box.height / 3);
  const cx = box.left + box.width / 2;
  const cy = box.top + box.height / 2;
  let x = cx;
  let y = cy - radius;
  // Each event goes where a real one would: to the element under the pointer.
  const mouse = (type: string) => (document.elementFromPoint(x, y) ?? document.body)
    .dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, button: 0, buttons: type === 'mouseup' ? 0 : 1, bubbles: true, cancelable: true }));
  return new Promise((resolve) => {
    const stamps: number[] = [];
    const started = performance.now();
    mouse('mousedown');
    const step = (now: number) => {
      stamps.push(now);
      const angle = ((now - started) / 1000) * Math.PI * 0.5;
      x = cx + Math.sin(angle) * radius;
      y = cy - Math.cos(angle) * radius;
      mouse('mousemove');
      if (now - started < seconds * 1000) requestAnimationFrame(step);
      else {
        mouse('mouseup');
        resolve(fpsSummary(stamps));
      }
    };
    requestAnimationFrame(step);
  });
}

function webglRenderer(): string {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'no WebGL 2';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
}

main().catch((err: unknown) => {
  window.__ecomapBench = { error: err instanceof Error ? err.message : String(err) };
  report.textContent = `Failed: ${window.__ecomapBench.error}`;
});
