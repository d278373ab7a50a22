/**
 * The whole product in one process: graph (local or configured) → schema → sample
 * ecosystem on an empty database → first ADMIN token → GraphQL API and web view on
 * HOST:PORT. main.ts runs it; the tests start it the same way.
 */
// Before any area: their type-graphql classes' decorators need it when they load.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createToken, hasActiveAdminToken } from '../graph/access/index.ts';
import { graphConfigFromEnv, applySchema, isEmptyGraph } from '../graph/db/index.ts';
import { openGraph, type OpenGraph } from '../graph/db/index.ts';
import { SYSTEM_ACTOR } from '../graph/audit/index.ts';
import { ensureSourcedAgainst } from '../graph/deals/index.ts';
import { importEcosystem } from '../graph/import/index.ts';
import { startAtRiskWatch } from './at-risk/index.ts';
import { attachImportJobs } from './import/index.ts';
import { Authenticator } from './auth/authenticator.ts';
import { attachLiveServer, startEventPump, type EventPump } from './events/index.ts';
import { apiConfigFromEnv } from './config.ts';
import { MAX_TOKENS, startApollo } from './graphql/apollo.ts';
import { KnownDocuments } from './graphql/known-documents.ts';
import { ecomapSchema } from './graphql/schema.ts';
import { createHttpServer } from './server/http.ts';
import { loggerFromEnv, type Logger } from './server/logger.ts';
import { startWebhookDispatcher } from './webhooks/index.ts';

export const SAMPLE_FILE = fileURLToPath(new URL('../seeds/sample-ecosystem.json', import.meta.url));
const WEB_ROOT = fileURLToPath(new URL('../web/dist', import.meta.url));

export interface RunningApp {
  url: string;
  open: OpenGraph;
  /** The secret made on a first start without ADMIN_TOKEN (null otherwise). */
  firstAdminSecret: string | null;
  /** Numbers committed events and hands them to this process's live receivers (api/events). */
  events: EventPump;
  /** Queries answered without Apollo's pipeline (api/graphql/known-documents.ts); tests read its count. */
  known: KnownDocuments;
  /** Stops taking requests, finishes those in flight, closes the driver, stops the local Neo4j. */
  close(): Promise<void>;
}

/** The exit code when the embedded Neo4j cannot be kept running (a service manager restarts the app, or calls a person). */
export const NEO4J_LOST_EXIT_CODE = 3;

export async function startApp(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = (l) => console.log(l),
  exit: (code: number) => void = (code) => process.exit(code),
  logger: Logger = loggerFromEnv(env),
): Promise<RunningApp> {
  const config = apiConfigFromEnv(env);
  const open = await openGraph(graphConfigFromEnv(env), log);
  let events: EventPump | undefined;
  try {
    const { graph } = open;
    await applySchema(graph);
    if (config.seed === 'sample' && (await isEmptyGraph(graph))) {
      const counts = await importEcosystem(graph, JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')), 120_000, SYSTEM_ACTOR, 'sample-ecosystem.json');
      log(`Seeded the sample ecosystem: ${counts.partners} partners, ${counts.engagements} engagements.`);
    }
    // A store written before the SOURCED_AGAINST_REGISTRATION pairs were kept gets them once.
    await ensureSourcedAgainst(graph);
    if (config.authOff) log('WARNING: AUTH=off: every request is treated as ADMIN. For local experiments only.');

    let firstAdminSecret: string | null = null;
    if (!config.adminToken && !config.authOff && !(await hasActiveAdminToken(graph))) {
      firstAdminSecret = (await createToken(graph, 'ADMIN', null, 'first start')).secret;
    }

    const background = graph.background();
    const pump = await startEventPump(background, { onError: (err) => log(`Events: a turn failed and is tried again: ${(err as Error).message}`) });
    events = pump;
    const watch = await startAtRiskWatch(background, (err) => log(`At-risk watch: the daily look failed and is tried again within the hour: ${(err as Error).message}`));
    const auth = new Authenticator(graph, {
      adminToken: config.adminToken, authOff: config.authOff, trustProxy: config.trustProxy,
      sessionLifetime: { idleMs: config.sessionIdleSeconds * 1000, maxMs: config.sessionMaxSeconds * 1000 },
    });
    const schema = await ecomapSchema();
    const apollo = await startApollo(schema);
    attachImportJobs(graph, { timeoutMs: config.importTimeoutMs, reportInternal: (err) => logger.error({ err }, 'internal error in an import') });
    const known = new KnownDocuments(schema, MAX_TOKENS);
    const server = createHttpServer({
      apollo, graph, auth, maxBodyBytes: config.maxBodyBytes, maxUploadBytes: config.maxUploadBytes, webRoot: WEB_ROOT, logger,
      known,
    });
    const live = attachLiveServer({ server, schema, graph, auth, pump, reportInternal: (err) => logger.error({ err }, 'internal error in a subscription') });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    log(`Ecomap is listening on ${url} (GraphQL at ${url}/graphql).`);
    log(signInHint(url, firstAdminSecret, config));
    const webhooks = startWebhookDispatcher(background, pump, { allowPrivate: config.webhookAllowPrivate, retryScale: config.webhookRetryScale, onError: (err) => log(`Webhooks: a delivery turn failed and is tried again: ${(err as Error).message}`) });

    let closing: Promise<void> | undefined;
    const close = () => (closing ??= (async () => {
      server.stopTakingRequests();       // from now on: 503 with Connection: close
      await live.close();                // subscribers told to go (1001), they reconnect elsewhere
      await server.drained(1_000);       // in-flight requests done, keep-alive clients told to go
      await new Promise<void>((resolve) => {
        server.close(() => resolve());   // stops accepting; closes what is left, idle
        server.closeIdleConnections();
      });
      await apollo.stop();
      await webhooks.stop();             // attempts in flight end (or are cut after 2 s), leases given back
      watch.stop();
      await pump.stop();
      await open.close();
    })());
    // An API without its database would answer SERVICE_UNAVAILABLE for ever: stop, and
    // exit non-zero, so that whatever runs the app sees it and acts.
    // (The supervisor has logged why, with Neo4j's last words.)
    void open.local?.gaveUp.then(async () => {
      log(`Ecomap is stopping with exit code ${NEO4J_LOST_EXIT_CODE}: the local Neo4j cannot be kept running.`);
      await close().catch(() => {});
      exit(NEO4J_LOST_EXIT_CODE);
    });
    return { url, open, firstAdminSecret, events: pump, known, close };
  } catch (err) {
    await events?.stop();
    await open.close();
    throw err;
  }
}

/**
 * How to get in, printed on every start: a first start shows the ADMIN link once (only a
 * hash of the token is stored); later starts say where an ADMIN token comes from, so a
 * second `npm start` does not leave a new user without a way in.
 */
export function signInHint(url: string, firstAdminSecret: string | null, config: { adminToken?: string | null; authOff: boolean }): string {
  if (config.authOff) return `Open the web view: ${url}/ (AUTH=off: no token needed).`;
  if (firstAdminSecret) return `Open the web view as ADMIN (this link is shown once): ${url}/?token=${firstAdminSecret}`;
  if (config.adminToken) return `Open the web view as ADMIN: ${url}/?token=<the ADMIN_TOKEN you set>.`;
  return `Open the web view: ${url}/?token=<an ADMIN token>. The link printed on the first start carries one; `
    + 'lost it? Set ADMIN_TOKEN to a secret of your own and restart, then open the link with it.';
}
