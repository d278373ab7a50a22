/**
 * Frames per second of the network map's canvas renderer while panning a synthetic
 * 10,000-node / 50,000-edge graph in headless Chromium (bench/web/bench.html, the same
 * renderer and layout worker as the map). Builds the page into bench/out/web (it is not
 * part of the app's build), serves it with the app's static handler, prints the result
 * and the median fps.
 *
 *   npx tsx bench/web-fps.ts [--nodes 10000] [--edges 50000] [--seconds 4] [--json]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../api/server/static.ts';
import { launchChromium } from '../tests/browser/chromium.ts';
import { build } from 'vite';
import type { BenchResult } from './web/bench.ts';

export interface WebFpsOptions {
  nodes?: number;
  edges?: number;
  seconds?: number;
}

export async function measureWebFps(options: WebFpsOptions = {}): Promise<BenchResult> {
  const configFile = fileURLToPath(new URL('./web/vite.config.ts', import.meta.url));
  await build({ configFile });
  const root = fileURLToPath(new URL('./out/web', import.meta.url));
  const server = createServer((req, res) => serveStatic(root, new URL(req.url ?? '/', 'http://x').pathname, req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const chromium = await launchChromium();
  try {
    const page = await chromium.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const query = new URLSearchParams({ nodes: String(options.nodes ?? 10_000), edges: String(options.edges ?? 50_000), seconds: String(options.seconds ?? 4) });
    await page.goto(`http://127.0.0.1:${port}/bench.html?${query}`);
    const handle = await page.waitForFunction(() => (window as { __ecomapBench?: unknown }).__ecomapBench, undefined, { timeout: 180_000 });
    const result = (await handle.jsonValue()) as BenchResult | { error: string };
    if ('error' in result) throw new Error(`bench page failed: ${result.error}`);
    if (errors.length) throw new Error(`bench page errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await chromium.close();
    server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const result = await measureWebFps({ nodes: arg('nodes'), edges: arg('edges'), seconds: arg('seconds') });
  if (args.includes('--json')) {
    console.log(JSON.stringify(result));
  } else {
    console.log(`nodes ${result.nodes}, edges ${result.edges}: layout ${result.layoutMs} ms (${result.layoutTicks} ticks, worker), first full draw ${result.firstDrawMs} ms`);
    for (const [name, phase] of Object.entries(result.phases)) {
      console.log(`  pan ${name}: ${phase.frames} frames in ${phase.seconds.toFixed(1)} s, mean ${phase.mean} fps, worst frame ${phase.worstFrameMs} ms`);
    }
    console.log(`median ${result.medianFps} fps (panning ${result.nodes} nodes, ${result.edges} edges)`);
  }
}
