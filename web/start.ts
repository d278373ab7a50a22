/**
 * `npm start`: builds the web view when web/dist is missing or older than its sources,
 * then runs the app (api/main.ts) in this same process, so its SIGINT / SIGTERM
 * handling is exactly as before. Without vite (a production install without
 * devDependencies) the API still starts and `/` says how to build the page.
 */
import { ensureWebBuilt } from './build-if-stale.ts';

try {
  ensureWebBuilt((line) => console.log(line));
} catch (err) {
  console.error(`The web view could not be built, serving the API only: ${err instanceof Error ? err.message : String(err)}`);
}
await import('../api/main.ts');
