/**
 * The What-if panel of the gaps view in headless Chromium, against the real app and the
 * sample ecosystem, driven as a strategist would: Brightwater Systems leaves, Dykstra CRM
 * Partners joins, engagements change hands; the answers checked against the API's own.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../support/api.ts';
import { ADMIN, BROWSER_WAIT_MS, expectNoProblems, screenshot, startWebWorld, type WebWorld } from './support.ts';

/** First queries compile their Cypher on a fresh database: generous on a busy machine. */
const WAIT = BROWSER_WAIT_MS;

let world: WebWorld;
let page: Page;
let gql: ReturnType<typeof client>;

beforeAll(async () => {
  world = await startWebWorld();
  gql = client(world.app);
  page = await world.open(ADMIN, '#gaps');
});
afterAll(async () => world?.close());

const today = new Date().toISOString().slice(0, 10);
const DYKSTRA = {
  id: 'p-new-dykstra-crm-partners', name: 'Dykstra CRM Partners', type: 'AI_NATIVE', regions: ['DE', 'NL'], // as the checkboxes list them
  capabilities: [{ capability: 'crm', level: 4 }, { capability: 'genai', level: 3 }, { capability: 'cloud-migration', level: 3 }],
};
const HANDOVERS = [
  { engagementId: 'e-123', partnerId: DYKSTRA.id, from: today },
  // No orchestrator since p-kestrel's interval ended: a handover adopts it.
  { engagementId: 'e-port-twin', partnerId: 'p-meridian', from: today },
];

interface Answer {
  coverage: Array<{ before: { region: { code: string }; capability: { id: string }; status: string } | null; after: { status: string } | null }>;
  orphanedEngagements: Array<{ id: string }>;
  adoptedEngagements: Array<{ id: string }>;
  healthBefore: { valueGini: number; activePartners: number };
  healthAfter: { valueGini: number; activePartners: number };
}

async function apiScenario(input: Record<string, unknown>): Promise<Answer> {
  const res = await gql<{ scenario: Answer }>(`query ($input: ScenarioInput!) { scenario(input: $input) {
    coverage { before { region { code } capability { id } status } after { status } }
    orphanedEngagements { id } adoptedEngagements { id }
    healthBefore { valueGini activePartners } healthAfter { valueGini activePartners } } }`, { input });
  expect(res.errors).toBeUndefined();
  return res.data!.scenario;
}

const cell = (region: string, capability: string) => page.locator(`g.cell[data-region="${region}"][data-capability="${capability}"]`);
const beforeAfter = async (region: string, capability: string) =>
  [await cell(region, capability).getAttribute('data-status'), await cell(region, capability).getAttribute('data-after')];
const ids = (selector: string) => page.locator(selector).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-engagement')));
const changedCells = () => page.locator('g.cell[data-change]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-region')}|${e.getAttribute('data-capability')}`).sort());
const summary = () => page.locator('[data-testid=whatif-summary]');

describe('What if', { timeout: 240_000 }, () => {
  it('Brightwater Systems leaves: its crm cells turn uncovered, DE × sap single-point, 14 engagements are orphaned', async () => {
    await page.locator('[data-testid=heatmap] svg').waitFor({ timeout: WAIT });
    await page.click('#gaps-exit');
    await page.locator('[data-testid=what-if]').waitFor({ timeout: WAIT });
    await page.locator('#whatif-exits').pressSequentially('Brightwater');
    await page.press('#whatif-exits', 'Enter');
    await page.locator('.chip[data-partner="p-brightwater"]').waitFor({ timeout: WAIT });
    await page.click('#whatif-run');
    await summary().waitFor({ timeout: WAIT });

    expect(await beforeAfter('DE', 'crm')).toEqual(['SINGLE_POINT', 'UNCOVERED']);
    expect(await beforeAfter('NL', 'crm')).toEqual(['SINGLE_POINT', 'UNCOVERED']);
    expect(await beforeAfter('DE', 'sap')).toEqual(['THIN', 'SINGLE_POINT']);
    const changes = await page.locator('[data-testid=whatif-changes] li').allTextContents();
    expect(changes).toContain('DE × crm: SINGLE_POINT → UNCOVERED (supply 1 → 0) − Brightwater Systems');
    expect(changes).toContain('DE × sap: THIN → SINGLE_POINT (supply 2 → 1) − Brightwater Systems');

    const api = await apiScenario({ exits: ['p-brightwater'] });
    expect(await changedCells()).toEqual(api.coverage.map((c) => `${c.before!.region.code}|${c.before!.capability.id}`).sort());
    const orphaned = await ids('[data-testid=orphaned] tr[data-engagement]');
    expect(orphaned).toEqual(api.orphanedEngagements.map((e) => e.id));
    expect(orphaned).toHaveLength(14);
    expect(await summary().textContent()).toContain('If Brightwater Systems leaves: 14 engagements lose their orchestrator');
    expect(new URL(page.url()).hash).toBe('#gaps?whatif=1&exits=p-brightwater');
  });

  it('Dykstra CRM Partners joins and takes over e-123, p-meridian adopts e-port-twin: the crm cells recover', async () => {
    await page.click('#whatif-add-join');
    await page.locator('#join-0-name').pressSequentially('Dykstra CRM Partners');
    expect(await page.inputValue('#join-0-id')).toBe(DYKSTRA.id);
    await page.selectOption('#join-0-type', 'AI_NATIVE');
    await page.check('#join-0-region-NL');
    await page.check('#join-0-region-DE');
    const join = page.locator('fieldset[data-join="0"]');
    for (const [j, { capability, level }] of DYKSTRA.capabilities.entries()) {
      if (j > 0) await join.getByRole('button', { name: 'Add capability' }).click();
      await page.locator(`#join-0-cap-${j}`).pressSequentially(capability);
      await page.locator(`#join-0-level-${j}`).fill(String(level));
    }
    await page.click('#whatif-add-handover');
    await page.locator('#handover-0-engagement').pressSequentially('e-123');
    expect(await page.inputValue('#handover-0-from')).toBe(today);
    await page.locator('#handover-0-partner').pressSequentially('Dykstra');
    await page.press('#handover-0-partner', 'Enter');
    await page.locator(`[data-handover="0"] .chip[data-partner="${DYKSTRA.id}"]`).waitFor({ timeout: WAIT });
    await page.click('#whatif-add-handover');
    await page.locator('#handover-1-engagement').pressSequentially('e-port-twin');
    await page.locator('#handover-1-partner').pressSequentially('p-meridian');
    await page.press('#handover-1-partner', 'Enter');
    await page.locator('[data-handover="1"] .chip[data-partner="p-meridian"]').waitFor({ timeout: WAIT });
    await page.click('#whatif-run');
    await expect.poll(() => summary().textContent(), { timeout: WAIT }).toContain('Dykstra CRM Partners joins');

    expect(await beforeAfter('DE', 'crm')).toEqual(['SINGLE_POINT', 'SINGLE_POINT']);
    expect(await beforeAfter('NL', 'crm')).toEqual(['SINGLE_POINT', 'SINGLE_POINT']);
    expect(await beforeAfter('DE', 'sap')).toEqual(['THIN', 'SINGLE_POINT']);
    expect(await page.locator('[data-testid=whatif-changes] li[data-cell="NL|crm"]').textContent())
      .toBe('NL × crm: SINGLE_POINT → SINGLE_POINT (supply 1 → 1) − Brightwater Systems, + Dykstra CRM Partners');
    const api = await apiScenario({ exits: ['p-brightwater'], joins: [DYKSTRA], handovers: HANDOVERS });
    expect(await ids('[data-testid=adopted] tr[data-engagement]')).toEqual(['e-port-twin']);
    expect(api.adoptedEngagements.map((e) => e.id)).toEqual(['e-port-twin']);
    const orphaned = await ids('[data-testid=orphaned] tr[data-engagement]');
    expect(orphaned).toEqual(api.orphanedEngagements.map((e) => e.id));
    expect(orphaned).toHaveLength(13);
    expect(orphaned).not.toContain('e-123');
    expect(await page.locator('[data-testid=adopted] tr[data-engagement="e-port-twin"]').textContent()).toContain(`Meridian`);
    expect(await page.locator('[data-testid=whatif-handovers] tr[data-engagement="e-port-twin"] td').last().textContent()).toBe('adopted');

    const gini = page.locator('[data-testid=health-change] tr[data-figure="valueGini"] td');
    expect(await gini.nth(1).textContent()).toBe(api.healthBefore.valueGini.toFixed(3));
    expect(await gini.nth(2).textContent()).toBe(api.healthAfter.valueGini.toFixed(3));
    expect(api.healthAfter.valueGini).toBeGreaterThan(api.healthBefore.valueGini);
    expect(await summary().textContent()).toContain(`value Gini ${api.healthBefore.valueGini.toFixed(3)} → ${api.healthAfter.valueGini.toFixed(3)}`);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const text = (await streamBytes(await csv.createReadStream())).toString('utf8');
    expect(text).toMatch(/^region,industry,capability,demand,statusBefore,supplyBefore,suppliersBefore,supplierNamesBefore,statusAfter,supplyAfter,suppliersAfter,supplierNamesAfter,regionName,industryName,capabilityName\r\n/);
    expect(text).toMatch(/\r\nNL,,crm,\d+,SINGLE_POINT,1,p-brightwater,Brightwater Systems,SINGLE_POINT,1,p-new-dykstra-crm-partners,Dykstra CRM Partners,Netherlands,,CRM\r\n/);
    expect(text.trim().split('\r\n')).toHaveLength(api.coverage.length + 1);

    await summary().evaluate((node) => node.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'what-if');
  });

  it('opens the same scenario, and runs it, from the address: back from an engagement\'s attribution, and on reload', async () => {
    const url = new URL(page.url());
    const state = new URLSearchParams(url.hash.slice(url.hash.indexOf('?') + 1));
    expect(state.get('exits')).toBe('p-brightwater');
    expect(JSON.parse(state.get('joins')!)).toEqual([DYKSTRA]);
    expect(JSON.parse(state.get('handovers')!)).toEqual(HANDOVERS);
    const said = await summary().textContent();

    await page.locator('[data-testid=orphaned] tr[data-engagement="e-erp-03"] button').click();
    await page.locator('[data-testid=attribution] h2', { hasText: 'Finance close on the new ERP' }).waitFor({ timeout: WAIT });
    expect(new URL(page.url()).hash).toBe('#attribution/e-erp-03');
    await page.goBack();
    await expect.poll(() => summary().textContent(), { timeout: WAIT }).toBe(said);
    expect(page.url()).toBe(url.toString());

    await page.reload();
    await summary().waitFor({ timeout: WAIT });
    expect(await summary().textContent()).toBe(said);
    expect(page.url()).toBe(url.toString());
    expect(await page.isChecked('#gaps-exit')).toBe(true);
    expect(await page.inputValue('#join-0-name')).toBe('Dykstra CRM Partners');
    expect(await page.inputValue('#join-0-type')).toBe('AI_NATIVE');
    expect(await page.isChecked('#join-0-region-DE')).toBe(true);
    expect(await page.inputValue('#join-0-cap-2')).toBe('cloud-migration');
    expect(await page.inputValue('#join-0-level-0')).toBe('4');
    expect(await page.inputValue('#handover-1-engagement')).toBe('e-port-twin');
    await page.locator('.chip[data-partner="p-brightwater"]', { hasText: 'Brightwater Systems' }).waitFor({ timeout: WAIT });
    await page.locator('[data-handover="1"] .chip[data-partner="p-meridian"]').waitFor({ timeout: WAIT });
    await expect.poll(() => beforeAfter('NL', 'crm'), { timeout: WAIT }).toEqual(['SINGLE_POINT', 'SINGLE_POINT']);
    expect(await ids('[data-testid=adopted] tr[data-engagement]')).toEqual(['e-port-twin']);
  });

  it('shows a level of 7 and a level of 0 as two problems, each beside its level, and changes nothing else', async () => {
    const url = page.url();
    const said = await summary().textContent();
    const changed = await changedCells();
    const first = await page.inputValue('#join-0-level-0');
    await page.locator('#join-0-level-1').fill('7');
    await page.locator('#join-0-level-0').fill('0');
    await page.click('#whatif-run');
    const problem = page.locator('[data-problem="joins[0].capabilities[1].level"]');
    const other = page.locator('[data-problem="joins[0].capabilities[0].level"]');
    await expect.poll(() => problem.textContent(), { timeout: WAIT }).toContain('between 1 and 5');
    expect(await other.textContent()).toContain('between 1 and 5');
    expect(await page.locator('fieldset[data-join="0"] .whatif-capability[data-row="1"] [data-problem]:not([hidden])').count()).toBe(1);
    expect(await page.locator('.what-if [data-problem]:not([hidden])').count()).toBe(2);
    expect(await page.getAttribute('#join-0-level-1', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#join-0-level-0', 'aria-invalid')).toBe('true');
    expect(await page.locator('[data-testid=whatif-status]').textContent()).toContain('2 problems are shown beside the fields');
    await page.locator('#join-0-level-0').fill(first);
    expect(page.url()).toBe(url);
    expect(await summary().textContent()).toBe(said);
    expect(await changedCells()).toEqual(changed);
    expect(await beforeAfter('DE', 'crm')).toEqual(['SINGLE_POINT', 'SINGLE_POINT']);

    // Corrected, it runs again and the problem goes.
    await page.locator('#join-0-level-1').fill('3');
    await page.click('#whatif-run');
    await expect.poll(() => problem.isHidden(), { timeout: WAIT }).toBe(true);
    expect(await page.getAttribute('#join-0-level-1', 'aria-invalid')).toBeNull();
  });

  it('is explained, not offered, to a PARTNER token, even from an address holding a scenario', async () => {
    const made = await gql<{ createApiToken: { secret: string } }>(
      'mutation { createApiToken(role: PARTNER, partnerId: "p-cortexa", label: "what-if test") { secret } }');
    const partner = await world.open(made.data!.createApiToken.secret);
    const bodies: string[] = [];
    partner.on('request', (request) => { if (request.url().endsWith('/graphql')) bodies.push(request.postData() ?? ''); });
    await partner.locator('#tab-gaps').waitFor({ timeout: WAIT });
    await partner.goto(`${world.app.url}/#gaps?whatif=1&exits=p-brightwater`);
    await partner.locator('[data-testid=heatmap] svg').waitFor({ timeout: WAIT });
    expect(await partner.isDisabled('#gaps-exit')).toBe(true);
    expect(await partner.locator('[data-testid=whatif-forbidden]').textContent()).toContain('needs an ADMIN or ANALYST token');
    expect(await partner.locator('[data-testid=what-if]').isHidden()).toBe(true);
    expect(bodies.some((body) => /\b(scenario|exitImpact)\s*\(/.test(body))).toBe(false);
    await partner.close();
  });

  it('had no uncaught errors', () => expectNoProblems(world));
});

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
