/**
 * Builds the web view (vite build → web/dist) when web/dist is missing or older than
 * its sources. `npm start` runs it first, so a fresh clone serves the real page; the
 * browser tests call ensureWebBuilt().
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const SOURCES = ['web/src', 'web/index.html', 'web/graphiql.html', 'vite.config.ts', 'package-lock.json'];
/** The pages of the build (vite.config.ts): one missing, the build is stale. */
const PAGES = ['web/dist/index.html', 'web/dist/graphiql.html'];

/** Newest modification time (ms) of a file or of any file under a folder. */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

export function isWebStale(root = ROOT): boolean {
  const built = Math.min(...PAGES.map((page) => (existsSync(join(root, page)) ? statSync(join(root, page)).mtimeMs : 0)));
  return built === 0 || SOURCES.some((source) => newestMtime(join(root, source)) > built);
}

/** Runs `vite build` in a child process; throws with vite's output when it fails. */
export function buildWeb(): void {
  let viteBin: string;
  try {
    viteBin = join(createRequire(import.meta.url).resolve('vite/package.json'), '../bin/vite.js');
  } catch {
    throw new Error('vite is not installed (it is a devDependency: run `npm install`).');
  }
  const run = spawnSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`vite build failed:\n${run.stdout}\n${run.stderr}`);
}

export function ensureWebBuilt(log: (line: string) => void = () => {}): boolean {
  if (!isWebStale()) return false;
  log('Building the web view (web/dist)…');
  buildWeb();
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    ensureWebBuilt((line) => console.log(line));
  } catch (err) {
    // The API still runs without the page (/ then says how to build it).
    console.error(`Could not build the web view: ${err instanceof Error ? err.message : String(err)}`);
  }

}
