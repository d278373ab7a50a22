/**
 * The web map's frame rate, when bench/web-fps.ts exists (10,000 nodes / 50,000 edges
 * in headless Chromium): run as a child process, its median fps read from its output —
 * a JSON line with `medianFps` (or `median`), else a line like "median … 58.3 fps".
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startChild } from './processes.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./web-fps.ts', import.meta.url));
const TIMEOUT_MS = 10 * 60_000;

export type FpsResult = { medianFps: number; detail: string } | { medianFps: null; detail: string };

export async function measureWebFps(log: (line: string) => void): Promise<FpsResult> {
  if (!existsSync(SCRIPT)) return { medianFps: null, detail: 'n/a: bench/web-fps.ts does not exist yet' };
  const child = startChild(process.execPath, ['--import', 'tsx', SCRIPT, '--json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.process.stdout!.on('data', (c: Buffer) => { out += c.toString(); });
  child.process.stderr!.on('data', (c: Buffer) => { err = (err + c.toString()).slice(-4000); });
  const timer = setTimeout(() => void child.stop(5_000), TIMEOUT_MS);
  const code = await child.exited;
  clearTimeout(timer);
  const fps = parseFps(out);
  if (code !== 0 || fps === null) {
    const why = code !== 0 ? `exited with code ${code}` : 'printed no median fps';
    log(`  web-fps: ${why}: ${(err || out).trim().split('\n').slice(-3).join(' | ')}`);
    return { medianFps: null, detail: `n/a: bench/web-fps.ts ${why}` };
  }
  return { medianFps: fps, detail: `bench/web-fps.ts${describe(out)}` };
}

export function parseFps(output: string): number | null {
  const lines = output.trim().split('\n').reverse();
  for (const line of lines) {
    try {
      const value = JSON.parse(line) as { medianFps?: unknown; median?: unknown };
      const fps = typeof value.medianFps === 'number' ? value.medianFps : value.median;
      if (typeof fps === 'number' && Number.isFinite(fps)) return fps;
    } catch { /* not JSON */ }
    const match = /median\D*?([\d.]+)\s*fps/i.exec(line) ?? /fps\D*?median\D*?([\d.]+)/i.exec(line);
    if (match) return Number(match[1]);
  }
  return null;
}

/** Layout and first-draw times when the script printed its JSON result. */
function describe(output: string): string {
  for (const line of output.trim().split('\n').reverse()) {
    try {
      const r = JSON.parse(line) as { layoutMs?: number; firstDrawMs?: number; nodes?: number; edges?: number };
      if (typeof r.layoutMs === 'number') {
        return `; ${r.nodes} nodes, ${r.edges} edges; layout ${r.layoutMs} ms (worker), first full draw ${r.firstDrawMs} ms`;
      }
    } catch { /* not JSON */ }
  }
  return '';
}
