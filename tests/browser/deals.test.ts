/**
 * The Deals view as a channel manager uses it, on the sample's registration story
 * (seeds/sample/registrations.ts): the Deals tab, the port twin's overlapping
 * registrations as of a typed date, a filter typed by name, a registration opened,
 * approved with a reason typed in, the rival's approval refused with CONFLICT and then
 * rejected, the jump from a conflict to the engagement's attribution and to the
 * customer's engagements, the address reloaded and walked with Back and Forward, and the
 * same view with a PARTNER token.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../support/api.ts';
import { ADMIN, BROWSER_WAIT_MS, expectNoProblems, hashOf, screenshot, startWebWorld, typeDate, type WebWorld } from './support.ts';

const WAIT = BROWSER_WAIT_MS;
/** The sample's today: the overlap is in force then, whatever the real date. */
const AS_OF = '2026-11-21';

let world: WebWorld;
/** The channel manager's tab, opened by the first test. */
let page: Page;

beforeAll(async () => { world = await startWebWorld(); });
afterAll(async () => world?.close());

const listed = (p: Page) => p.locator('[data-testid=deal-registrations] tr[data-registration]')
  .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-registration')));
const conflictKinds = (p: Page) => p.locator('[data-testid=deal-conflicts] li[data-conflict]')
  .evaluateAll((items) => items.map((i) => `${i.getAttribute('data-conflict')} ${i.getAttribute('data-customer')} ${i.getAttribute('data-capability')}`));
const overlap = (p: Page) => p.locator('[data-testid=deal-conflicts] li[data-conflict=OVERLAPPING_REGISTRATIONS][data-customer=c-zeelander]');
const detailStatus = (p: Page) => p.locator('[data-testid=deal-detail] [data-testid=deal-status]').getAttribute('data-status');

/** What the page shows for dr-zee-twin-gridsense under the Zeelander filter as of AS_OF, however it got there. */
async function expectGridsenseFiltered(p: Page): Promise<void> {
  await p.locator('[data-testid=deal-detail] h2').filter({ hasText: 'Gridsense Analytics' }).waitFor({ timeout: WAIT });
  await expect.poll(() => listed(p), { timeout: WAIT }).toEqual(['dr-zee-twin-meridian', 'dr-zee-twin-gridsense']);
  expect(await p.locator('#deals-customer').inputValue()).toBe('Zeelander Havenbedrijf');
  expect(await p.locator('#deals-as-of').inputValue()).toBe(AS_OF);
  await expect.poll(() => p.locator('tr[data-registration="dr-zee-twin-gridsense"]').getAttribute('aria-selected'), { timeout: WAIT }).toBe('true');
}

describe('the Deals view', { timeout: 240_000 }, () => {
  it('opens from its tab and shows the port twin overlap as of a typed date', async () => {
    // Opened on Attribution, which asks little: the map's first load is slow on a busy machine.
    page = await world.open(ADMIN, '#attribution');
    await page.click('#tab-deals');
    await page.locator('[data-testid=deal-registration-count][data-count]').waitFor({ timeout: WAIT });
    expect(await page.locator('[data-testid=deal-registration-count]').getAttribute('data-count')).toBe('6');
    await typeDate(page.locator('#deals-as-of'), AS_OF);
    await page.click('#deals-apply');
    // The conflicts as of today were drawn first (the overlap is in force today too): wait for
    // the answer as of the typed date, not for an overlap that may be the earlier one.
    await page.locator('[data-testid=deal-conflicts] h2').filter({ hasText: `Conflicts on ${AS_OF}` }).waitFor({ timeout: WAIT });
    await expect.poll(() => conflictKinds(page), { timeout: WAIT }).toEqual([
      'OVERLAPPING_REGISTRATIONS c-zeelander digital-twin',
      'SOURCED_AGAINST_REGISTRATION c-rheinhafen genai',
    ]);
    expect(await overlap(page).locator('li[data-registration]').evaluateAll((items) => items.map((i) => i.getAttribute('data-registration'))))
      .toEqual(['dr-zee-twin-meridian', 'dr-zee-twin-gridsense']);
    expect(await overlap(page).locator('.conflict-text').textContent()).toBe('Meridian Fibre and Gridsense Analytics hold registrations in force for '
      + `Zeelander Havenbedrijf · Digital twin on ${AS_OF}; Meridian Fibre registered first (2026-10-19) and has priority.`);
    expect(hashOf(page)).toEqual({ path: 'deals', state: { asOf: AS_OF } });
  });

  it('filters by a partner and by a customer typed by name', async () => {
    await page.locator('#deals-partner').pressSequentially('Meridian');
    await page.locator('#deals-partner').press('Enter');
    await expect.poll(() => listed(page), { timeout: WAIT }).toEqual(['dr-zee-twin-meridian']);
    expect(hashOf(page).state).toEqual({ partner: 'p-meridian', asOf: AS_OF });
    await page.locator('#deals-partner').fill('');
    await page.locator('#deals-customer').pressSequentially('Zeelander');
    await page.click('#deals-apply');
    await expect.poll(() => listed(page), { timeout: WAIT }).toEqual(['dr-zee-twin-meridian', 'dr-zee-twin-gridsense']);
    expect(hashOf(page).state).toEqual({ customer: 'c-zeelander', asOf: AS_OF });
    // A name that matches nobody is said so, and the list stays.
    await page.locator('#deals-partner').pressSequentially('Nobody Such');
    await page.locator('#deals-partner').press('Enter');
    await expect.poll(() => page.locator('[data-testid=deals-filter-message]').textContent(), { timeout: WAIT }).toContain('No single partner matches “Nobody Such”');
    expect(hashOf(page).state).toEqual({ customer: 'c-zeelander', asOf: AS_OF });
    await page.locator('#deals-partner').fill('');
  });

  it('approves the registration with priority only once a reason is typed', async () => {
    await page.locator('[data-testid=deal-registrations] button[data-open="dr-zee-twin-meridian"]').click();
    await page.locator('[data-testid=deal-detail] h2').filter({ hasText: 'Meridian Fibre' }).waitFor({ timeout: WAIT });
    expect(hashOf(page)).toEqual({ path: 'deals/dr-zee-twin-meridian', state: { customer: 'c-zeelander', asOf: AS_OF } });
    expect(await detailStatus(page)).toBe('PENDING');
    expect(await page.locator('#deal-approve').isDisabled()).toBe(true);
    expect(await page.locator('#deal-reject').isDisabled()).toBe(true);
    await page.locator('#deal-reason').pressSequentially('Registered first; leads the private 5G work');
    expect(await page.locator('#deal-approve').isDisabled()).toBe(false);
    await page.click('#deal-approve');
    await expect.poll(() => detailStatus(page), { timeout: WAIT }).toBe('APPROVED');
    expect(await page.locator('[data-testid=deal-reason-shown]').textContent()).toBe('Registered first; leads the private 5G work');
    await expect.poll(() => page.locator('tr[data-registration="dr-zee-twin-meridian"]').getAttribute('data-status'), { timeout: WAIT }).toBe('APPROVED');
    // Still an overlap: an APPROVED and a PENDING registration of two partners, both in force.
    await expect.poll(() => overlap(page).locator('li[data-registration="dr-zee-twin-meridian"] .status-pill').getAttribute('data-status'), { timeout: WAIT })
      .toBe('APPROVED');
  });

  it('refuses to approve the rival as CONFLICT, then rejects it, which ends the overlap', async () => {
    await overlap(page).locator('button[data-open="dr-zee-twin-gridsense"]').click();
    await page.locator('[data-testid=deal-detail] h2').filter({ hasText: 'Gridsense Analytics' }).waitFor({ timeout: WAIT });
    await page.locator('#deal-reason').pressSequentially('Gridsense claims the twin itself');
    await page.click('#deal-approve');
    const message = page.locator('[data-testid=deal-decision-message][data-code=CONFLICT]');
    await message.waitFor({ timeout: WAIT });
    expect(await message.getAttribute('role')).toBe('alert');
    expect(await message.textContent()).toMatch(/^Not approved: .*dr-zee-twin-meridian.* Reject one of them, or let the other expire, before approving this one\.$/);
    expect(await detailStatus(page)).toBe('PENDING');
    // The typed reason is kept: a person can reject with it at once.
    expect(await page.locator('#deal-reason').inputValue()).toBe('Gridsense claims the twin itself');
    await page.locator('#deal-reason').fill('');
    expect(await page.locator('#deal-reject').isDisabled()).toBe(true);
    await page.locator('#deal-reason').pressSequentially('Meridian registered first; Gridsense joins as its subcontractor');
    await page.click('#deal-reject');
    await expect.poll(() => detailStatus(page), { timeout: WAIT }).toBe('REJECTED');
    await expect.poll(() => conflictKinds(page), { timeout: WAIT }).toEqual(['SOURCED_AGAINST_REGISTRATION c-rheinhafen genai']);
    await expectGridsenseFiltered(page);
    await screenshot(page, 'deals');
  });

  it('opens the same page again from its address', async () => {
    const before = page.url();
    await page.reload();
    await expectGridsenseFiltered(page);
    expect(await detailStatus(page)).toBe('REJECTED');
    expect(page.url()).toBe(before);
    expect(hashOf(page)).toEqual({ path: 'deals/dr-zee-twin-gridsense', state: { customer: 'c-zeelander', asOf: AS_OF } });
  });

  it('exports the listed registrations as CSV, with names beside ids', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const lines = (await readFile(await download.path(), 'utf8')).split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toBe('id,partner,partnerName,customer,customerName,capability,capabilityName,registeredOn,expiresOn,status,reason,inForce');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(await listed(page));
    expect(lines).toContain('dr-zee-twin-gridsense,p-gridsense,Gridsense Analytics,c-zeelander,Zeelander Havenbedrijf,digital-twin,Digital twin,'
      + '2026-11-02,2027-04-30,REJECTED,Meridian registered first; Gridsense joins as its subcontractor,no');
  });

  it('goes from a conflict to the engagement\'s attribution and back, and forward again', async () => {
    const sourced = page.locator('[data-testid=deal-conflicts] li[data-conflict=SOURCED_AGAINST_REGISTRATION]');
    await sourced.waitFor({ timeout: WAIT });
    expect(await sourced.locator('.conflict-text').textContent()).toBe('Brightwater Systems claimed SOURCED on Claims triage copilot on 2025-05-20, '
      + 'while Cortexa held an APPROVED registration for Rheinhafen Versicherung · Generative AI (2025-04-28 to 2025-07-27).');
    await sourced.locator('button[data-action=attribution]').click();
    await page.locator('[data-testid=attribution] h2').filter({ hasText: 'Claims triage copilot' }).waitFor({ timeout: WAIT });
    expect(hashOf(page).path).toBe('attribution/e-claims-copilot');
    expect(await page.locator('#tab-attribution').getAttribute('aria-selected')).toBe('true');
    await page.goBack();
    await expectGridsenseFiltered(page);
    expect(await page.locator('#tab-deals').getAttribute('aria-selected')).toBe('true');
    await page.goForward();
    await page.locator('[data-testid=attribution] h2').filter({ hasText: 'Claims triage copilot' }).waitFor({ timeout: WAIT });
    await page.goBack();
    await expectGridsenseFiltered(page);
  });

  it("opens the customer's engagements beside the list, and Back closes them", async () => {
    const sourced = page.locator('[data-testid=deal-conflicts] li[data-conflict=SOURCED_AGAINST_REGISTRATION]');
    await sourced.locator('button[data-action=customer-engagements]').click();
    const panel = page.locator('[data-testid=customer-engagements][data-customer=c-rheinhafen]');
    await panel.locator('li[data-engagement="e-claims-copilot"]').waitFor({ timeout: WAIT });
    expect(await panel.locator('li[data-engagement]').evaluateAll((items) => items.map((i) => i.getAttribute('data-engagement'))))
      .toEqual(expect.arrayContaining(['e-rh-lakehouse', 'e-claims-copilot']));
    expect(await page.locator('#panel-title').textContent()).toBe('Engagements of Rheinhafen Versicherung');
    expect(hashOf(page).state).toEqual({ customer: 'c-zeelander', asOf: AS_OF, engagementsOf: 'c-rheinhafen' });
    await page.goBack();
    await expect.poll(() => page.locator('#panel').isHidden(), { timeout: WAIT }).toBe(true);
    expect(hashOf(page).state).toEqual({ customer: 'c-zeelander', asOf: AS_OF });
    await page.goForward();
    await panel.locator('li[data-engagement="e-claims-copilot"]').waitFor({ timeout: WAIT });
    await panel.locator('li[data-engagement="e-claims-copilot"] button').click();
    await page.locator('[data-testid=attribution] h2').filter({ hasText: 'Claims triage copilot' }).waitFor({ timeout: WAIT });
  });
});

describe('with a PARTNER token', { timeout: 180_000 }, () => {
  it('lists only its own registrations and shows no conflicts', async () => {
    const res = await client(world.app)<{ createApiToken: { secret: string } }>(
      'mutation { createApiToken(role: PARTNER, partnerId: "p-meridian", label: "deals web test") { secret } }');
    expect(res.errors).toBeUndefined();
    const partnerPage = await world.open(res.data!.createApiToken.secret);
    await partnerPage.click('#tab-deals');
    await expect.poll(() => listed(partnerPage), { timeout: WAIT }).toEqual(['dr-zee-twin-meridian']);
    expect(await partnerPage.locator('[data-testid=deal-conflicts]').count()).toBe(0);
    expect(await partnerPage.locator('#deals-partner').count()).toBe(0);
    expect(await partnerPage.locator('[data-testid=deals-partner-note]').textContent()).toContain('Meridian Fibre');
    await partnerPage.locator('[data-testid=deal-registrations] button[data-open="dr-zee-twin-meridian"]').click();
    await partnerPage.locator('[data-testid=deal-detail] h2').filter({ hasText: 'Meridian Fibre' }).waitFor({ timeout: WAIT });
    expect(await partnerPage.locator('#deal-approve').count()).toBe(0);
    await partnerPage.close();
  });
});

describe('the pages', { timeout: 180_000 }, () => {
  it('had no uncaught errors', () => expectNoProblems(world));
});
