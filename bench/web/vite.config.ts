/**
 * The canvas benchmark page (bench.html: the network map's renderer and layout worker on
 * synthetic data), built apart from the app so that it never ships in web/dist.
 * `npm run bench:web-fps` builds it into bench/out/web.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const BENCH_WEB_OUT = here('../out/web');

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: BENCH_WEB_OUT,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1000,
    rollupOptions: { input: { bench: here('bench.html') } },
  },
  worker: { format: 'es' },
});
