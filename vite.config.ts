/**
 * The web view: root web/, built into web/dist (served by the API at /). One page, the
 * app (index.html); the canvas benchmark page has its own build (bench/web/vite.config.ts).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const web = (path: string) => fileURLToPath(new URL(`./web/${path}`, import.meta.url));

export default defineConfig({
  root: web(''),
  base: '/',
  publicDir: false,
  build: {
    outDir: web('dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1000,
    rollupOptions: { input: { main: web('index.html') } },
  },
  worker: { format: 'es' },
});
