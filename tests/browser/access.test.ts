/**
 * Who sees what in the web view: a PARTNER token's page shows only its scope and
 * degrades where the API forbids it; a missing or revoked token gets a clear page with
 * how to get a link, never a blank one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../support/api.ts';
import { ADMIN, BROWSER_WAIT_MS, expectNoProblems, screenshot, startWebWorld, type WebWorld } from './support.ts';

/** First queries compile their Cypher on a fresh database: generous on a busy machine. */
const WAIT = BROWSER_WAIT_MS;

let world: WebWorld;
let gql: ReturnType<typeof client>;

beforeAll(async () => {
  world = await startWebWorld();
  gql = client(world.app);
});
afterAll(async () => world?.close());

async function newToken(role: string, partnerId?: string): Promise<{ id: string; secret: string }> {
  const res = await gql<{ createApiToken: { id: string; secret: string } }>(
    'mutation ($role: AccessRole!, $partnerId: ID) { createApiToken(role: $role, partnerId: $partnerId, label: "web test") { id secret } }', { role, partnerId });
  expect(res.errors).toBeUndefined();
  return res.data!.createApiToken;
}

describe('a PARTNER token', { timeout: 180_000 }, () => {
  it('sees only its own missed outcomes, with the map and exit impact explained instead of shown', async () => {
    const { secret } = await newToken('PARTNER', 'p-cortexa');
    const graphqlBodies: string[] = [];
    const page = await world.open(secret);
    page.on('request', (request) => { if (request.url().endsWith('/graphql')) graphqlBodies.push(request.postData() ?? ''); });
    await page.locator('#banner').waitFor({ timeout: WAIT });
    expect(await page.locator('#banner').textContent()).toContain('Cortexa');
    expect(await page.locator('.who').getAttribute('data-role')).toBe('PARTNER');
    // It starts on the explorer, not the map.
    await expect.poll(() => page.locator('#tab-accountability').getAttribute('aria-selected'), { timeout: WAIT }).toBe('true');
    const scoped = await gql<{ missedOutcomes: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(
      '{ missedOutcomes(first: 100) { totalCount edges { node { id } } } }', {}, secret);
    const all = await gql<{ missedOutcomes: { totalCount: number } }>('{ missedOutcomes { totalCount } }');
    expect(scoped.data!.missedOutcomes.totalCount).toBeLessThan(all.data!.missedOutcomes.totalCount);
    await expect.poll(() => page.locator('[data-testid=outcome-count]').getAttribute('data-total'), { timeout: WAIT })
      .toBe(String(scoped.data!.missedOutcomes.totalCount));
    const listed = await page.locator('tr[data-outcome]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome')));
    expect(listed).toEqual(scoped.data!.missedOutcomes.edges.map((e) => e.node.id));
    expect(listed).toContain('o-claims-speed');
    await page.locator('button[data-outcome="o-claims-speed"]').click();
    await page.locator('[data-testid=failure-dag] svg').waitFor({ timeout: WAIT });
    await screenshot(page, 'partner-scope');

    await page.click('#tab-map');
    await page.locator('[data-state=forbidden]').waitFor({ timeout: WAIT });
    expect(await page.locator('[data-state=forbidden]').textContent()).toContain('not available to partner tokens');
    await page.click('#tab-gaps');
    await page.locator('[data-testid=heatmap] svg').waitFor({ timeout: WAIT });
    expect(await page.locator('#gaps-exit').isDisabled()).toBe(true);
    // An engagement outside its scope is answered as missing.
    await page.goto(`${world.app.url}/#attribution/e-fraud-alerts`);
    await page.locator('[data-testid=attribution] [data-state=empty]').waitFor({ timeout: WAIT });
    expect(await page.locator('[data-testid=attribution]').textContent()).toContain('outside what your token may see');
    expect(graphqlBodies.some((body) => /\b(network|exitImpact|ecosystemHealth)\s*[({]/.test(body))).toBe(false);
    await page.close();
  });
});

describe('without a usable token', { timeout: 180_000 }, () => {
  it('explains how to get a link when there is none', async () => {
    const page = await world.open(null);
    await page.locator('[data-state=auth-missing]').waitFor({ timeout: WAIT });
    const text = await page.locator('[data-state=auth-missing]').textContent();
    expect(text).toContain('npm start');
    expect(text).toContain('ADMIN_TOKEN');
    await screenshot(page, 'no-token');
    await page.close();
  });

  it('says a revoked token is not valid, and forgets it', async () => {
    const { id, secret } = await newToken('ANALYST');
    const revoked = await gql('mutation ($id: ID!) { revokeApiToken(id: $id) }', { id });
    expect(revoked.errors).toBeUndefined();
    const page = await world.open(secret, '#gaps');
    await page.locator('[data-state=auth-invalid]').waitFor({ timeout: WAIT });
    expect(await page.locator('[data-state=auth-invalid]').textContent()).toContain('How to get a link');
    expect(page.url()).not.toContain(secret);
    expect(await page.evaluate(() => sessionStorage.getItem('ecomap.token'))).toBeNull();
    await page.close();
  });

  it('keeps a good token for the tab, out of the address bar, across reloads', async () => {
    const page = await world.open(ADMIN, '#gaps');
    await page.locator('[data-testid=heatmap] svg').waitFor({ timeout: WAIT });
    expect(page.url()).toBe(`${world.app.url}/#gaps`);
    await page.reload();
    await page.locator('[data-testid=heatmap] svg').waitFor({ timeout: WAIT });
    await page.click('text=Sign out');
    await page.locator('[data-state=auth-missing]').waitFor({ timeout: WAIT });
    await page.close();
  });
});

describe('the pages', { timeout: 180_000 }, () => {
  it('had no uncaught errors', () => expectNoProblems(world));
});
