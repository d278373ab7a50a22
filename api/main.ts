/**
 * `npm start`: the whole product in one process. Builds the web view when web/dist is
 * missing or older than its sources, starts the app (the local Neo4j when NEO4J_URI is
 * unset, the schema, the sample, the API serving the built page), and runs it until
 * SIGINT or SIGTERM, then shuts down cleanly. Without vite (a production install
 * without devDependencies) the API still starts and `/` says how to build the page.
 */
import './production-env.ts';
import { startApp } from './app.ts';
import { ensureWebBuilt } from './server/build-web.ts';

// tsx turns on source-mapped stack traces. The Neo4j driver captures a stack for every
// result it creates, and mapping it through the source maps took 6 % of the server's CPU
// (measured under load). Errors are logged with plain stacks instead; run with
// NODE_OPTIONS=--enable-source-maps to see TypeScript line numbers again.
if (!`${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`.includes('--enable-source-maps')) {
  process.setSourceMapsEnabled(false);
}

try {
  ensureWebBuilt((line) => console.log(line));
} catch (err) {
  console.error(`The web view could not be built, serving the API only: ${err instanceof Error ? err.message : String(err)}`);
}

try {
  const app = await startApp();
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then stopping…`);
    app.close().then(
      () => { console.log('Stopped.'); process.exit(0); },
      (err: unknown) => { console.error('Stopped with an error:', err); process.exit(1); },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (err) {
  console.error(`Ecomap could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
