/**
 * The browser tests' world: web/dist built when stale, the real app (startApp) on the
 * test run's Neo4j with the sample ecosystem imported, and Debian's Chromium.
 *
 * A link's token is exchanged for a browser session (a cookie, shared by every tab of one
 * browser). So the ADMIN, whose pages most tests keep open, has the world's browser
 * (`chromium.context`), and every other token, or no token, gets a browser of its own (a
 * fresh context): signing a partner in must not turn the ADMIN's open tabs into the partner's.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium as playwright, type Browser, type BrowserContext, type ConsoleMessage, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RunningApp } from '../../api/app.ts';
import { importEcosystem } from '../../graph/import/index.ts';
import { ADMIN, client, startTestApp } from '../support/api.ts';
import { wipe } from '../support/graph.ts';
import { ensureWebBuilt } from '../../api/server/build-web.ts';
import { chromiumPath, launchChromium, VIEWPORT, type LaunchedBrowser } from './chromium.ts';

export const SAMPLE_PATH = fileURLToPath(new URL('../../seeds/sample-ecosystem.json', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** How long a browser test waits for the page to get somewhere; only a page that is stuck takes longer. */
export const BROWSER_WAIT_MS = 45_000;

export interface SampleEngagement { id: string; participants?: Array<{ partner: string }> }
export interface Sample { partners: Array<{ id: string; name: string }>; engagements: SampleEngagement[] }

export interface WebWorld {
  app: RunningApp;
  chromium: LaunchedBrowser;
  sample: Sample;
  /** Uncaught exceptions and console errors of every page opened through open(). */
  problems: string[];
  /**
   * Opens the app with a token (as the first-start link does) at a view: ADMIN's in the
   * world's browser, any other token's (or none) in a browser of its own.
   */
  open(token: string | null, hash?: string): Promise<Page>;
  /** Opens `url` in another tab of the browser `page` is in (its session included), watched like open()'s pages. */
  tab(page: Page, url: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startWebWorld(): Promise<WebWorld> {
  // Chromium first: when it is missing, say so before anything slow.
  const chromium = await launchChromium();
  // Every Playwright wait a test leaves without its own timeout (clicks, fills, downloads,
  // navigations) gets the browser tests' bound instead of Playwright's 30 s: first queries
  // compile their Cypher on a fresh database, and the machine may be busy.
  chromium.context.setDefaultTimeout(BROWSER_WAIT_MS);
  chromium.context.setDefaultNavigationTimeout(BROWSER_WAIT_MS);
  try {
    ensureWebBuilt();
    const app = await startTestApp();
    const sample = JSON.parse(readFileSync(SAMPLE_PATH, 'utf8')) as Sample;
    await wipe(app.open.graph);
    await importEcosystem(app.open.graph, sample, 120_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const problems: string[] = [];
    const watched = (page: Page): Page => {
      page.on('pageerror', (err) => problems.push(`pageerror on ${page.url()}: ${err.message}`));
      page.on('console', (message: ConsoleMessage) => {
        // A refused token is a 401 the browser logs as a failed resource: expected there.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console error on ${page.url()}: ${message.text()}`);
      });
      return page;
    };
    let others: Browser | undefined;
    const contexts: BrowserContext[] = [];
    /** A browser of its own: a fresh context (no cookies) with the world's bounds. */
    const ownBrowser = async (): Promise<BrowserContext> => {
      others ??= await playwright.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
      const context = await others.newContext({ viewport: VIEWPORT, acceptDownloads: true });
      context.setDefaultTimeout(BROWSER_WAIT_MS);
      context.setDefaultNavigationTimeout(BROWSER_WAIT_MS);
      contexts.push(context);
      return context;
    };
    return {
      app, chromium, sample, problems,
      async open(token, hash = '') {
        const context = token === ADMIN ? chromium.context : await ownBrowser();
        const page = watched(await context.newPage());
        await page.goto(`${app.url}/${token ? `?token=${encodeURIComponent(token)}` : ''}${hash}`);
        return page;
      },
      async tab(page, url) {
        const tab = watched(await page.context().newPage());
        await tab.goto(url);
        return tab;
      },
      async close() {
        for (const context of contexts) await context.close().catch(() => undefined);
        await others?.close();
        await chromium.close();
        await app.close();
      },
    };
  } catch (err) {
    await chromium.close();
    throw err;
  }
}

export { ADMIN };

/** Saves a screenshot for a person to look at (docs/screenshots, referenced from the README). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(1, 1);
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
}

/** Partner nodes the contract's Network has without filters: partners with any participation. */
export function expectedNetwork(sample: Sample): { partners: number; coDelivers: number } {
  const partners = new Set<string>();
  const pairs = new Set<string>();
  for (const e of sample.engagements) {
    const ids = [...new Set((e.participants ?? []).map((p) => p.partner))].sort();
    ids.forEach((a, i) => { partners.add(a); for (const b of ids.slice(i + 1)) pairs.add(`${a}|${b}`); });
  }
  return { partners: partners.size, coDelivers: pairs.size };
}

export function expectNoProblems(world: WebWorld): void {
  expect(world.problems).toEqual([]);
}

/**
 * Types a date into a date field as a person does: digit by digit, the segments in the
 * order the browser's locale shows them (month, day, year in en-US), each moving on to
 * the next when full.
 */
export async function typeDate(field: Locator, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-') as [string, string, string];
  const order = await field.evaluate(() => new Intl.DateTimeFormat().formatToParts(new Date(2001, 1, 3))
    .map((part) => part.type).filter((type) => type === 'year' || type === 'month' || type === 'day'));
  await field.focus();
  // Focus comes back to the segment last edited: step left to the first one.
  for (let i = 0; i < order.length - 1; i++) await field.press('ArrowLeft');
  await field.pressSequentially(order.map((type) => ({ year, month, day })[type as 'year' | 'month' | 'day']).join(''));
}

/** The address's hash as its parts: `#accountability/o-claims-nps?list=at-risk&asOf=…`. */
export function hashOf(p: Page): { path: string; state: Record<string, string> } {
  const hash = new URL(p.url()).hash.slice(1);
  const [path = '', query = ''] = hash.split('?');
  return { path, state: Object.fromEntries(new URLSearchParams(query)) };
}

/**
 * Asks the API once for what the views will ask, before any page does: on a fresh database
 * a first statement is compiled, which on a busy machine can exceed the time limit.
 */
export async function warmUp(w: WebWorld): Promise<void> {
  const ask = client(w.app);
  for (const query of [
    '{ accountability(outcomeId: "o-claims-speed") { accountable { id } } outcome(id: "o-claims-speed") { id dependsOn { id dependsOn { id } } } }',
    '{ missedOutcomes(first: 50) { totalCount } atRiskOutcomes(first: 5) { totalCount } }',
    '{ coverageGaps { status } exitImpact(partnerIds: ["p-hoshimi"]) { atRiskCommitments { id } } }',
    '{ engagements(first: 100) { totalCount } attribution(engagementId: "e-claims-copilot", model: TIME_DECAY) { share } }',
  ]) {
    // A statement that ran out of time on a cold, busy database is asked again, a few times at most.
    for (let attempt = 0; attempt < 3; attempt++) {
      const answer = await ask(query).catch(() => null);
      if (answer && !answer.errors) break;
    }
  }
}
