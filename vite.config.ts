/**
 * The web view: root web/, built into web/dist (served by the API at /). Two pages: the app
 * (index.html) and the API explorer (graphiql.html, served at /graphiql); the canvas
 * benchmark page has its own build (bench/web/vite.config.ts).
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
    // The explorer's editor (monaco, through GraphiQL) is one large chunk that only /graphiql loads.
    chunkSizeWarningLimit: 5000,
    rollupOptions: {
      input: { main: web('index.html'), graphiql: web('graphiql.html') },
      // GraphiQL's React components carry "use client" (a server-components marker that means
      // nothing in a page bundle); Rollup warns once per file. Every other warning is shown.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  worker: { format: 'es' },
});
