/**
 * The browser tests' world: web/dist built when stale, the real app (startApp) on the
 * test run's Neo4j with the sample ecosystem imported, and Debian's Chromium.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ConsoleMessage, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RunningApp } from '../../api/app.ts';
import { importEcosystem } from '../../graph/import/index.ts';
import { ADMIN, startTestApp } from '../support/api.ts';
import { wipe } from '../support/graph.ts';
import { ensureWebBuilt } from '../../api/server/build-web.ts';
import { launchChromium, type LaunchedBrowser } from './chromium.ts';

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
  /** Opens the app with a token (as the first-start link does) at a view. */
  open(token: string | null, hash?: string): Promise<Page>;
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
    return {
      app, chromium, sample, problems,
      async open(token, hash = '') {
        const page = await chromium.context.newPage();
        page.on('pageerror', (err) => problems.push(`pageerror on ${page.url()}: ${err.message}`));
        page.on('console', (message: ConsoleMessage) => {
          // A refused token is a 401 the browser logs as a failed resource: expected there.
          if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console error on ${page.url()}: ${message.text()}`);
        });
        await page.goto(`${app.url}/${token ? `?token=${encodeURIComponent(token)}` : ''}${hash}`);
        return page;
      },
      async close() {
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

/** Fraction of the canvas's pixels that are not white: the map really drew something. */
export async function inkedFraction(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (canvas) => {
    const c = canvas as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240) inked++;
    return inked / (data.length / 4);
  });
}

export function expectNoProblems(world: WebWorld): void {
  expect(world.problems).toEqual([]);
}
