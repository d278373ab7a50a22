/**
 * Debian's Chromium driven by playwright-core (no browser download). Missing Chromium
 * is an error, not a skip: CI installs it (.ci/run).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];

export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  const found = [fromEnv, ...CHROMIUM_CANDIDATES].find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error('Chromium is not installed: the browser tests need it. Install it with '
      + '`apt-get update && apt-get install -y chromium` (or set CHROMIUM_PATH); .ci/run does this on CI.');
  }
  return found;
}

export interface LaunchedBrowser {
  /** A persistent context on a fresh profile directory (playwright's form of --user-data-dir). */
  context: BrowserContext;
  close(): Promise<void>;
}

export const VIEWPORT = { width: 1280, height: 800 } as const;

export async function launchChromium(): Promise<LaunchedBrowser> {
  const executablePath = chromiumPath();
  const userDataDir = mkdtempSync(join(tmpdir(), 'ecomap-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: VIEWPORT,
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
