/**
 * The web view in headless Chromium against the real app and database with the sample
 * ecosystem: the four views as an ADMIN sees them, with screenshots for a person.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../support/api.ts';
import { ADMIN, BROWSER_WAIT_MS, expectedNetwork, hashOf, expectNoProblems, screenshot, startWebWorld, type WebWorld } from './support.ts';

/** First queries compile their Cypher on a fresh database: generous on a busy machine. */
const WAIT = BROWSER_WAIT_MS;

let world: WebWorld;
let page: Page;
let gql: ReturnType<typeof client>;

beforeAll(async () => {
  world = await startWebWorld();
  gql = client(world.app);
  page = await world.open(ADMIN, '#map');
});
afterAll(async () => world?.close());

const drawn = '[data-testid=map-summary][data-state=drawn]';

describe('the network map', { timeout: 180_000 }, () => {
  it('starts from the community overview of every partner that took part in an engagement', async () => {
    await page.waitForSelector(drawn, { timeout: WAIT });
    const expected = expectedNetwork(world.sample);
    const api = await gql<{ network: { communities: Array<{ label: string }> } }>('{ network(limit: 0) { communities { label } } }');
    const summary = page.locator('[data-testid=map-summary]');
    expect(await summary.getAttribute('data-level')).toBe('overview');
    expect(Number(await summary.getAttribute('data-partners'))).toBe(expected.partners);
    expect(Number(await summary.getAttribute('data-communities'))).toBe(api.data!.network.communities.length);
    expect(await summary.textContent()).toContain(`${expected.partners} partners in ${api.data!.network.communities.length} communities`);
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  });

  it('finds a partner by name and opens its card with the track record by role', async () => {
    await page.fill('#map-search', 'Cortexa');
    await page.press('#map-search', 'Enter');
    const card = page.locator('.partner-card[data-partner="p-cortexa"]');
    await card.waitFor({ timeout: WAIT });
    expect(await page.locator('#panel-title').textContent()).toBe('Cortexa');
    const record = card.locator('table.track-record tbody tr');
    await expect.poll(() => record.count(), { timeout: WAIT }).toBe(2);
    expect(await record.nth(0).locator('th').textContent()).toBe('Orchestrator');
    expect(await card.textContent()).toContain('e-claims-copilot');
    await page.keyboard.press('Escape');
    expect(await page.locator('#panel').isHidden()).toBe(true);
  });

  it('filters by region as the API does', async () => {
    const api = await gql<{ network: { partnerCount: number } }>('{ network(filter: { regions: ["JP"] }, limit: 0) { partnerCount } }');
    await page.selectOption('#map-region', 'JP');
    await expect.poll(async () => page.locator(`${drawn}[data-level=overview]`).count(), { timeout: WAIT }).toBe(1);
    const partners = Number(await page.locator('[data-testid=map-summary]').getAttribute('data-partners'));
    expect(partners).toBe(api.data!.network.partnerCount);
    expect(partners).toBeLessThan(expectedNetwork(world.sample).partners);
    await page.selectOption('#map-region', '');
    await page.waitForSelector(drawn, { timeout: WAIT });
  });

  it('narrows to a time window with the keyboard, as the API does', async () => {
    await page.focus('#map-from');
    for (let i = 0; i < 24; i++) await page.keyboard.press('ArrowRight');   // two years later
    await page.keyboard.press('End');
    await page.locator('#map-to').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => page.locator(drawn).count(), { timeout: WAIT }).toBe(1);
    const text = await page.locator('[aria-live=polite]', { hasText: 'Engagements overlapping' }).textContent();
    const [, since, until] = /overlapping (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/.exec(text ?? '') ?? [];
    expect(since).toBeDefined();
    const api = await gql<{ network: { partnerCount: number } }>(
      'query ($since: Date, $until: Date) { network(filter: { since: $since, until: $until }, limit: 0) { partnerCount } }', { since, until });
    await expect.poll(async () => Number(await page.locator(drawn).getAttribute('data-partners')), { timeout: WAIT }).toBe(api.data!.network.partnerCount);
    // The whole move of the window, key by key and slider by slider, is one history entry: Back undoes it at once.
    const moved = hashOf(page);
    expect(moved.state).toMatchObject({ from: since!.slice(0, 7) });
    await page.goBack();
    await expect.poll(() => hashOf(page).state.from, { timeout: WAIT }).toBeUndefined();
    expect(hashOf(page).state.to).toBeUndefined();
    await expect.poll(async () => Number(await page.locator(drawn).getAttribute('data-partners')), { timeout: WAIT }).toBe(expectedNetwork(world.sample).partners);
    await page.goForward();
    await expect.poll(() => hashOf(page), { timeout: WAIT }).toEqual(moved);
    await expect.poll(async () => Number(await page.locator(drawn).getAttribute('data-partners')), { timeout: WAIT }).toBe(api.data!.network.partnerCount);
    await page.locator('#map-to').focus();
    await page.keyboard.press('End');
    await page.locator('#map-from').focus();
    await page.keyboard.press('Home');
    await page.waitForSelector(drawn, { timeout: WAIT });
  });

  it('exports the map as PNG and the communities as CSV, names beside ids', async () => {
    await expectPngExport(page);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const text = (await streamBytes(await csv.createReadStream())).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('community,label,partners,topPartners');
    expect(text.split('\r\n')[1]).toMatch(/^0,[^,]+ · [^,]+,\d+,/);
  });
});

describe('the accountability explorer', { timeout: 180_000 }, () => {
  it('shows the right root causes, the accountable orchestrator and the handover for o-claims-speed', async () => {
    await page.click('#tab-accountability');
    await page.locator('button[data-outcome="o-claims-speed"]').click({ timeout: WAIT });
    const detail = page.locator('[data-testid=accountability-detail]');
    await detail.locator('[data-testid=failure-dag] svg').waitFor({ timeout: WAIT });
    expect(await detail.locator('[data-root-cause]').evaluateAll((els) => els.map((e) => e.getAttribute('data-root-cause'))))
      .toEqual(['m-claims-rules', 'm-lake-ingest']);
    expect(await detail.locator('[data-testid=accountable]').getAttribute('data-partner')).toBe('p-cortexa');
    const marks = await detail.locator('g.dag-node').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-id'), e.getAttribute('data-mark')])));
    expect(marks).toMatchObject({ 'm-claims-rules': 'root-cause', 'm-lake-ingest': 'root-cause', 'm-claims-triage': 'propagated', 'm-claims-history': 'propagated' });
    expect(await detail.locator('g.share').evaluateAll((els) => els.map((e) => e.getAttribute('data-partner')))).toEqual(['p-brightwater', 'p-quillfield']);
    expect(await detail.locator('text.handover').allTextContents()).toContain('handover 2026-06-30: Brightwater Systems → Cortexa');
    await screenshot(page, 'accountability');
    await expectPngExport(page);
  });

  it('greys the delivered commitment that absorbed a failure (o-fraud-alerts)', async () => {
    await page.locator('button[data-outcome="o-fraud-alerts"]').click();
    const detail = page.locator('[data-testid=accountability-detail]');
    await detail.locator('g.dag-node[data-id="o-fraud-alerts"]').waitFor({ timeout: WAIT });
    const marks = await detail.locator('g.dag-node').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-id'), e.getAttribute('data-mark')])));
    expect(marks).toEqual({ 'o-fraud-alerts': 'outcome', 'm-fraud-rules': 'absorbed', 'm-fraud-feed': 'outside-failure', 'm-fraud-scoring': 'root-cause' });
    expect(await detail.locator('g.dag-node[data-id="m-fraud-rules"] rect').getAttribute('fill')).toBe('#e4e4e4');
  });

  it('lists the missed outcomes the API lists, and filters them by partner', async () => {
    const all = await gql<{ missedOutcomes: { totalCount: number } }>('{ missedOutcomes { totalCount } }');
    expect(Number(await page.locator('[data-testid=outcome-count]').getAttribute('data-total'))).toBe(all.data!.missedOutcomes.totalCount);
    await page.fill('#outcomes-partner', 'p-brightwater');
    await page.press('#outcomes-partner', 'Enter');
    await page.locator('#outcomes-partner').blur();
    const mine = await gql<{ missedOutcomes: { edges: Array<{ node: { id: string } }> } }>('{ missedOutcomes(filter: { partnerId: "p-brightwater" }, first: 100) { edges { node { id } } } }');
    const ids = mine.data!.missedOutcomes.edges.map((e) => e.node.id);
    await expect.poll(() => page.locator('tr[data-outcome]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome'))), { timeout: WAIT }).toEqual(ids);
  });
});

describe('the gap heatmap', { timeout: 180_000 }, () => {
  it('shows the known uncovered, single-point and thin cells', async () => {
    await page.click('#tab-gaps');
    await page.locator('[data-testid=heatmap] svg').waitFor({ timeout: WAIT });
    const status = (region: string, capability: string) => page.locator(`g.cell[data-region="${region}"][data-capability="${capability}"]`).getAttribute('data-status');
    expect(await status('BR', 'digital-twin')).toBe('UNCOVERED');
    expect(await status('JP', 'agentic-ai')).toBe('SINGLE_POINT');
    expect(await status('DE', 'sap')).toBe('THIN');
    const api = await gql<{ coverageGaps: Array<{ region: { code: string }; capability: { id: string }; status: string }> }>('{ coverageGaps { region { code } capability { id } status } }');
    const uncovered = (cells: Array<{ region: { code: string }; capability: { id: string }; status: string }>) =>
      cells.filter((c) => c.status === 'UNCOVERED').map((c) => `${c.region.code}|${c.capability.id}`).sort();
    const shown = await page.locator('g.cell[data-status="UNCOVERED"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-region')}|${e.getAttribute('data-capability')}`).sort());
    expect(shown).toEqual(uncovered(api.data!.coverageGaps));
    await page.locator('g.cell[data-region="DE"][data-capability="sap"]').click();
    await page.locator('[data-testid=cell-detail]').waitFor({ timeout: WAIT });
    expect(await page.locator('[data-testid=cell-detail]').textContent()).toContain('Demand 13');
    expect(await page.locator('.suppliers li').count()).toBe(2);
    await screenshot(page, 'gaps');
    await page.keyboard.press('Escape');
  });

  it('shows what breaks when p-hoshimi leaves (What if, exits only): orphaned engagements, open commitments and cells turning uncovered', async () => {
    await page.check('#gaps-exit');
    await page.fill('#whatif-exits', 'p-hoshimi');
    await page.press('#whatif-exits', 'Enter');
    await page.locator('.chip[data-partner="p-hoshimi"]').waitFor({ timeout: WAIT });
    await page.click('#whatif-run');
    await page.locator('[data-testid=whatif-summary]').waitFor({ timeout: WAIT });
    const api = await gql<{ exitImpact: { orphanedEngagements: Array<{ id: string }>; atRiskCommitments: Array<{ id: string }>; newlyUncovered: Array<{ region: { code: string }; capability: { id: string } }> } }>(
      '{ exitImpact(partnerIds: ["p-hoshimi"]) { orphanedEngagements { id } atRiskCommitments { id } newlyUncovered { region { code } capability { id } } } }');
    const orphaned = await page.locator('[data-testid=orphaned] tr[data-engagement]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-engagement')));
    expect(orphaned).toEqual(api.data!.exitImpact.orphanedEngagements.map((e) => e.id));
    expect(orphaned).toHaveLength(5);
    expect(await page.locator('[data-testid=at-risk-commitments] tr[data-commitment]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-commitment'))))
      .toEqual(api.data!.exitImpact.atRiskCommitments.map((m) => m.id));
    expect(await page.locator('g.cell[data-region="JP"][data-capability="agentic-ai"]').getAttribute('data-after')).toBe('UNCOVERED');
    const turnedUncovered = await page.locator('g.cell[data-after="UNCOVERED"]:not([data-status="UNCOVERED"])').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-region')}|${e.getAttribute('data-capability')}`).sort());
    expect(turnedUncovered).toEqual(api.data!.exitImpact.newlyUncovered.map((c) => `${c.region.code}|${c.capability.id}`).sort());
    await screenshot(page, 'gaps-exit-impact');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const text = (await streamBytes(await csv.createReadStream())).toString('utf8');
    expect(text).toMatch(/^region,industry,capability,demand,statusBefore,supplyBefore,suppliersBefore,supplierNamesBefore,statusAfter,supplyAfter,suppliersAfter,supplierNamesAfter,regionName,industryName,capabilityName\r\n/);
    expect(text).toContain('JP,,agentic-ai,4,SINGLE_POINT,1,p-hoshimi,Hoshimi AI,UNCOVERED,0,,,Japan,,Agentic AI and automation');
  });
});

describe('attribution', { timeout: 180_000 }, () => {
  it('shows the five models side by side with amounts for e-claims-copilot, chosen by typing and clicking Show', async () => {
    await page.click('#tab-attribution');
    await page.locator('#attribution-engagement').fill('e-claims-copilot');
    await page.click('#attribution-show');
    await page.locator('.attribution-chart').waitFor({ timeout: WAIT });
    expect(await page.locator('.attribution-chart [data-model]').evaluateAll((els) => els.map((e) => e.getAttribute('data-model'))))
      .toEqual(['firstTouch', 'lastTouch', 'linear', 'positionBased', 'timeDecay']);
    const api = await gql<{ attribution: Array<{ partner: { id: string }; amount: number }> }>('{ attribution(engagementId: "e-claims-copilot", model: FIRST_TOUCH) { partner { id } amount } }');
    expect(api.data!.attribution).toHaveLength(1);
    const first = page.locator(`.attribution-chart [data-model=firstTouch] rect[data-partner="${api.data!.attribution[0]!.partner.id}"]`);
    expect(Number(await first.getAttribute('width'))).toBeGreaterThan(100);
    expect(await page.locator('.attribution-chart').textContent()).toContain('1.40 M');
    await screenshot(page, 'attribution');
    await expectPngExport(page);
  });
});

describe('keyboard', { timeout: 180_000 }, () => {
  it('moves between the view tabs with the arrow keys', async () => {
    await page.focus('#tab-attribution');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('#tab-gaps').getAttribute('aria-selected'), { timeout: WAIT }).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-gaps');
    await page.keyboard.press('End');
    // The last tab, whichever view it is.
    await expect.poll(() => page.locator('.tabs [role=tab]').last().getAttribute('aria-selected'), { timeout: WAIT }).toBe('true');
  });
});

describe('the page', { timeout: 180_000 }, () => {
  it('had no uncaught errors', () => expectNoProblems(world));
});

/** Export PNG downloads a PNG image of the view. */
async function expectPngExport(page: Page): Promise<void> {
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
  const bytes = await streamBytes(await png.createReadStream());
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(2_000);
  expect(png.suggestedFilename()).toMatch(/^ecomap-\w+-\d{4}-\d{2}-\d{2}\.png$/);
}

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
