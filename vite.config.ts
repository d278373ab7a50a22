/**
 * The web view: root web/, built into web/dist (served by the API at /). Two pages:
 * the app (index.html) and the canvas benchmark (bench.html, synthetic data only).
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
    rollupOptions: { input: { main: web('index.html'), bench: web('bench.html') } },
  },
  worker: { format: 'es' },
});
