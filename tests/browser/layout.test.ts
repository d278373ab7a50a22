/**
 * The non-map views on a 1024 px screen and in dark mode, and what their exports carry:
 * no sideways scrolling of the page, the outcome list folds away, the heatmap and the
 * failure graph fit or scroll in their own box with the heatmap's headers in sight, the
 * colours follow prefers-color-scheme, and an exported PNG has its caption above the figure.
 * Real Chromium, the real app and the sample.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, BROWSER_WAIT_MS, expectNoProblems, startWebWorld, warmUp, type WebWorld } from './support.ts';

const WAIT = BROWSER_WAIT_MS;

let world: WebWorld;
let page: Page;

beforeAll(async () => {
  world = await startWebWorld();
  await warmUp(world);
  page = await world.open(ADMIN, '#accountability');
  await page.setViewportSize({ width: 1024, height: 768 });
  // Starting the world and warming the database can take minutes on a loaded machine.
}, 600_000);
afterAll(async () => world?.close());

/** How far the page itself scrolls sideways (0: it fits the window). */
const pageOverflow = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** WCAG 2.1 contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The width and height of a PNG, from its IHDR chunk. */
const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

async function download(p: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([p.waitForEvent('download'), p.click(button)]);
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

describe('at 1024 px wide', { timeout: 240_000 }, () => {
  it('folds the outcome list away with a toggle, and the failure graph fits or scrolls in its box', async () => {
    await page.locator('button[data-outcome="o-claims-speed"]').click({ timeout: WAIT });
    await page.locator('[data-testid=failure-dag] svg').waitFor({ timeout: WAIT });
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    const side = page.locator('#outcome-side');
    const toggle = page.locator('#toggle-outcome-list');
    const wasShown = await side.isVisible();
    const detailBefore = (await page.locator('[data-testid=accountability-detail]').boundingBox())!.width;
    await toggle.click();
    await expect.poll(() => side.isVisible(), { timeout: WAIT }).toBe(!wasShown);
    expect(await toggle.getAttribute('aria-expanded')).toBe(String(!wasShown));
    const detailAfter = (await page.locator('[data-testid=accountability-detail]').boundingBox())!.width;
    expect(wasShown ? detailAfter > detailBefore : detailAfter < detailBefore).toBe(true);
    if (!wasShown) { await toggle.click(); await expect.poll(() => side.isVisible(), { timeout: WAIT }).toBe(false); }
    const figure = await page.locator('[data-testid=failure-dag]').evaluate((node) => {
      const box = node.getBoundingClientRect();
      return { right: box.right, fits: node.scrollWidth <= node.clientWidth, scrolls: getComputedStyle(node).overflowX === 'auto' };
    });
    expect(figure.right).toBeLessThanOrEqual(1024);
    expect(figure.fits || figure.scrolls).toBe(true);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  });

  it('lays a partner card over the view instead of squeezing it', async () => {
    await page.locator('[data-testid=accountable] [data-partner-link]').click();
    await page.locator('#panel .partner-card').waitFor({ timeout: WAIT });
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    expect(await page.locator('#panel').evaluate((node) => getComputedStyle(node).position)).toBe('absolute');
    await page.keyboard.press('Escape');
  });

  it('scrolls the heatmap in its own box with the capability names and the regions in sight', async () => {
    await page.click('#tab-gaps');
    await page.locator('[data-testid=heatmap] svg').waitFor({ timeout: WAIT });
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    const box = page.locator('[data-testid=heatmap]');
    expect((await box.boundingBox())!.x + (await box.boundingBox())!.width).toBeLessThanOrEqual(1024);
    const scrolled = await box.evaluate((node) => {
      node.scrollTop = 60;
      node.scrollLeft = 80;
      node.dispatchEvent(new Event('scroll'));
      return { top: node.scrollTop, left: node.scrollLeft };
    });
    expect(scrolled.left).toBeGreaterThan(0);
    // The header row moves down by what scrolled up, and the row labels right: both stay at the box's edges.
    await expect.poll(() => page.locator('[data-sticky=top]').getAttribute('transform'), { timeout: WAIT }).toBe(`translate(0,${scrolled.top})`);
    expect(await page.locator('[data-sticky=left]').getAttribute('transform')).toBe(`translate(${scrolled.left},0)`);
    const [frame, labels] = await Promise.all([box.boundingBox(), page.locator('.row-labels text').first().boundingBox()]);
    expect(labels!.x).toBeGreaterThanOrEqual(frame!.x);
    await box.evaluate((node) => { node.scrollTop = 0; node.scrollLeft = 0; node.dispatchEvent(new Event('scroll')); });
  });

  it('tells uncovered and single-point cells apart, with text that reads on each (WCAG AA)', async () => {
    const uncovered = page.locator('g.cell[data-status=UNCOVERED]').first();
    const single = page.locator('g.cell[data-status=SINGLE_POINT]').first();
    const hatch = await page.locator('#hatch rect').getAttribute('fill');
    const singleFill = await single.locator('rect.bg').getAttribute('fill');
    expect(await uncovered.locator('rect.bg').getAttribute('fill')).toBe('url(#hatch)');
    expect(hatch!.toUpperCase()).not.toBe(singleFill!.toUpperCase());
    expect(contrast(hatch!, singleFill!)).toBeGreaterThanOrEqual(3);
    expect(contrast(hatch!, (await uncovered.locator('text').getAttribute('fill'))!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(singleFill!, (await single.locator('text').getAttribute('fill'))!)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('exports', { timeout: 240_000 }, () => {
  it('puts a caption (title, filters, date) above the heatmap in the PNG, and names beside ids in the CSV', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.check('#gaps-hide-covered');
    await page.locator('g.cell').first().waitFor({ timeout: WAIT });
    await expect.poll(() => page.locator('g.cell[data-status=COVERED]').count(), { timeout: WAIT }).toBe(0);
    const svg = (await page.locator('[data-testid=heatmap] svg').evaluate((node) => node.getBoundingClientRect().height));
    const scale = await page.evaluate(() => window.devicePixelRatio || 1);
    const png = await download(page, '#export-png');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // The caption's lines (title, the options, the date) come above the figure.
    expect(pngSize(png).height / scale).toBeGreaterThan(svg + 50);
    const csv = (await download(page, '#export-csv')).toString('utf8').split('\r\n');
    expect(csv[0]).toBe('region,regionName,industry,industryName,capability,capabilityName,demand,supply,status,suppliers,supplierNames');
    expect(csv.some((line) => line.startsWith('BR,Brazil,,,digital-twin,Digital twin,'))).toBe(true);
  });
});

describe('dark mode', { timeout: 240_000 }, () => {
  it('follows prefers-color-scheme: the page and its panels change colour, the figures stay on a light card', async () => {
    const colours = () => page.evaluate(() => ({
      body: getComputedStyle(document.documentElement).backgroundColor,
      ink: getComputedStyle(document.documentElement).color,
      toolbar: getComputedStyle(document.querySelector('.toolbar')!).backgroundColor,
      figure: getComputedStyle(document.querySelector('.figure')!).backgroundColor,
    }));
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await colours();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await colours();
    expect(dark.body).not.toBe(light.body);
    expect(dark.ink).not.toBe(light.ink);
    expect(dark.toolbar).not.toBe(light.toolbar);
    expect(dark.body).toBe('rgb(22, 25, 29)');
    expect(dark.figure).toBe(light.figure);
    await page.emulateMedia({ colorScheme: 'light' });
  });
});

describe('the pages', { timeout: 60_000 }, () => {
  it('had no uncaught errors', () => expectNoProblems(world));
});
