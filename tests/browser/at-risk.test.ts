/**
 * Outcomes at risk in the accountability explorer, as a governance lead uses them: the
 * "At risk" list as of a typed date, the sample's designed case o-claims-nps, its
 * failure graph with the defective and the overdue commitment, the page opened again
 * from its address, and the same link with a PARTNER token.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../support/api.ts';
import { ADMIN, BROWSER_WAIT_MS, expectNoProblems, hashOf, screenshot, startWebWorld, typeDate, type WebWorld } from './support.ts';

/** First queries compile their Cypher on a fresh database: generous on a busy machine. */
const WAIT = BROWSER_WAIT_MS;
/** The as-of date typed in: the answer must not depend on the real date. */
const AS_OF = '2026-12-05';

let world: WebWorld;
/** The governance lead's tab, opened by the first test. */
let page: Page;

beforeAll(async () => { world = await startWebWorld(); });
afterAll(async () => world?.close());

const api = () => client(world.app);

interface AtRiskAnswer { atRiskOutcomes: { totalCount: number; edges: Array<{ node: { outcome: { id: string } } }> } }

async function atRiskIds(token?: string, asOf = AS_OF): Promise<{ total: number; ids: string[] }> {
  const res = await api()<AtRiskAnswer>('query ($asOf: Date) { atRiskOutcomes(asOf: $asOf, first: 50) { totalCount edges { node { outcome { id } } } } }',
    { asOf }, token);
  expect(res.errors).toBeUndefined();
  return { total: res.data!.atRiskOutcomes.totalCount, ids: res.data!.atRiskOutcomes.edges.map((e) => e.node.outcome.id) };
}

const listedIds = (p: Page) => p.locator('tr[data-outcome]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome')));
const dagMarks = (p: Page) => p.locator('[data-testid=failure-dag] g.dag-node')
  .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-id'), e.getAttribute('data-mark')])));

/** What the detail of o-claims-nps as of 2026-12-05 must show, however the page got there. */
async function expectNpsDetail(p: Page): Promise<void> {
  const detail = p.locator('[data-testid=accountability-detail]');
  await detail.locator('[data-testid=failure-dag] g.dag-node[data-id="m-claims-followup"]').waitFor({ timeout: WAIT });
  expect(await detail.locator('h2').textContent()).toBe('Adjuster satisfaction above 40');
  expect(await detail.locator('[data-testid=days-to-due]').getAttribute('data-days')).toBe('83');
  expect(await detail.locator('[data-testid=days-to-due]').textContent()).toContain('Due in 83 days');
  expect(await detail.locator('[data-reason]').evaluateAll((els) => els.map((e) => e.getAttribute('data-reason'))))
    .toEqual(['DEFECTIVE_DEPENDENCY', 'OVERDUE_DEPENDENCY']);
  expect(await detail.locator('[data-defective]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-defective'), e.getAttribute('data-owner')])))
    .toEqual([['m-claims-rules', 'p-quillfield']]);
  expect(await detail.locator('[data-overdue]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-overdue'), e.getAttribute('data-owner')])))
    .toEqual([['m-claims-followup', 'p-tessellate']]);
  expect(await detail.locator('[data-testid=act-now]').getAttribute('data-partner')).toBe('p-cortexa');
  expect(await detail.locator('[data-testid=act-now]').textContent()).toContain('Cortexa must act now');
  expect(await detail.locator('[data-testid=on-due-date]').getAttribute('data-partner')).toBe('p-tessellate');
  expect(await detail.locator('[data-testid=on-due-date]').textContent()).toBe('Tessellate Data accountable on 2027-02-26 (handover planned)');
  expect(await dagMarks(p)).toEqual({ 'o-claims-nps': 'outcome', 'm-claims-rules': 'root-cause', 'm-claims-followup': 'overdue' });
  const legend = await detail.locator('[data-testid=failure-dag] svg > g:last-of-type text').allTextContents();
  expect(legend).toContain('overdue, not delivered');
  expect(await detail.locator('[data-testid=failure-dag] path[data-kind=overdue]').count()).toBe(1);
  expect(await detail.locator('text.handover').allTextContents()).toContain('handover 2027-02-01: Cortexa → Tessellate Data');
}

describe('outcomes at risk', { timeout: 180_000 }, () => {
  it('lists o-claims-nps as of a typed date, with days to go, both reasons and who must act', async () => {
    page = await world.open(ADMIN, '#accountability');
    await page.locator('[data-testid=outcome-count][data-total]').waitFor({ timeout: WAIT });
    await page.click('#list-at-risk');
    expect(await page.locator('#list-at-risk').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#list-missed').getAttribute('aria-pressed')).toBe('false');
    // The day after o-claims-nps is due first: the list follows the typed date, whatever today is.
    const later = await atRiskIds(undefined, '2027-02-27');
    expect(later.ids).not.toContain('o-claims-nps');
    await typeDate(page.locator('#at-risk-as-of'), '2027-02-27');
    await expect.poll(() => listedIds(page), { timeout: WAIT }).toEqual(later.ids);
    await typeDate(page.locator('#at-risk-as-of'), AS_OF);
    expect(await page.locator('#at-risk-as-of').inputValue()).toBe(AS_OF);
    const api = await atRiskIds();
    expect(api.ids).toContain('o-claims-nps');
    await expect.poll(() => page.locator('[data-testid=outcome-count]').getAttribute('data-total'), { timeout: WAIT }).toBe(String(api.total));
    expect(await listedIds(page)).toEqual(api.ids);
    expect(await page.locator('[data-testid=outcome-count]').textContent()).toContain(`as of ${AS_OF}`);

    const row = page.locator('tr[data-outcome="o-claims-nps"]');
    expect(await row.textContent()).toContain('Adjuster satisfaction above 40');
    expect(await row.locator('.days-to-due').textContent()).toBe('due in 83 days');
    expect(await row.locator('li[data-reason]').allTextContents()).toEqual([
      'Defective dependency: m-claims-rules (Quillfield Advisory, late)',
      'Overdue dependency: m-claims-followup (Tessellate Data, pending, was due 2026-11-30)',
    ]);
    expect(await row.locator('.act').textContent()).toBe('Cortexa must act now · Tessellate Data accountable on 2027-02-26 (handover planned)');
    expect(hashOf(page)).toEqual({ path: 'accountability', state: { list: 'at-risk', asOf: AS_OF } });
  });

  it('shows the chosen one: the failure graph with the defective and the overdue commitment, and who must act', async () => {
    await page.locator('button[data-outcome="o-claims-nps"]').click();
    await expectNpsDetail(page);
    expect(await page.locator('tr[data-outcome="o-claims-nps"]').getAttribute('aria-selected')).toBe('true');
    expect(hashOf(page)).toEqual({ path: 'accountability/o-claims-nps', state: { list: 'at-risk', asOf: AS_OF } });
    await screenshot(page, 'at-risk');
  });

  it('exports the at-risk list as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const lines = (await readFile(await download.path(), 'utf8')).split('\r\n');
    // Names beside ids: the file reads without the app.
    expect(lines[0]).toBe('id,description,dueDate,asOf,daysToDue,reasons,orchestratorNow,orchestratorNowName,orchestratorOnDueDate,orchestratorOnDueDateName,'
      + 'defective,overdue,engagement,engagementName,customer,region');
    expect(lines).toContain(`o-claims-nps,Adjuster satisfaction above 40,2027-02-26,${AS_OF},83,DEFECTIVE_DEPENDENCY; OVERDUE_DEPENDENCY,p-cortexa,Cortexa,p-tessellate,Tessellate Data,`
      + 'm-claims-rules (p-quillfield Quillfield Advisory),m-claims-followup (p-tessellate Tessellate Data),e-claims-copilot,Claims triage copilot,Rheinhafen Versicherung,DE');
    expect(lines.filter((l) => l !== '').length).toBe(1 + (await atRiskIds()).ids.length);
  });

  it('opens the same page again from its address', async () => {
    await page.reload();
    await expectNpsDetail(page);
    expect(await page.locator('#list-at-risk').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#at-risk-as-of').inputValue()).toBe(AS_OF);
    await expect.poll(() => page.locator('tr[data-outcome="o-claims-nps"]').getAttribute('aria-selected'), { timeout: WAIT }).toBe('true');
    expect(hashOf(page)).toEqual({ path: 'accountability/o-claims-nps', state: { list: 'at-risk', asOf: AS_OF } });
  });

  it('goes back to the missed outcomes, whose path is unchanged', async () => {
    await page.click('#list-missed');
    expect(hashOf(page)).toEqual({ path: 'accountability', state: {} });
    await page.locator('button[data-outcome="o-claims-speed"]').click({ timeout: WAIT });
    const detail = page.locator('[data-testid=accountability-detail]');
    await detail.locator('[data-testid=responsibility] svg').waitFor({ timeout: WAIT });
    expect(await detail.locator('[data-testid=accountable]').getAttribute('data-partner')).toBe('p-cortexa');
    expect(Object.values(await dagMarks(page))).not.toContain('overdue');
  });
});

describe('with a PARTNER token', { timeout: 180_000 }, () => {
  it('opens a copied link to o-claims-nps for a partner of the engagement, and lists only its scope', async () => {
    const res = await api()<{ createApiToken: { secret: string } }>(
      'mutation { createApiToken(role: PARTNER, partnerId: "p-cortexa", label: "at-risk web test") { secret } }');
    expect(res.errors).toBeUndefined();
    const secret = res.data!.createApiToken.secret;
    const partnerPage = await world.open(secret, `#accountability/o-claims-nps?list=at-risk&asOf=${AS_OF}`);
    await expectNpsDetail(partnerPage);
    const scoped = await atRiskIds(secret);
    await expect.poll(() => partnerPage.locator('[data-testid=outcome-count]').getAttribute('data-total'), { timeout: WAIT }).toBe(String(scoped.total));
    expect(await listedIds(partnerPage)).toEqual(scoped.ids);
    expect(scoped.total).toBeLessThanOrEqual((await atRiskIds()).total);
    await partnerPage.close();
  });
});

describe('the pages', { timeout: 180_000 }, () => {
  it('had no uncaught errors', () => expectNoProblems(world));
});
