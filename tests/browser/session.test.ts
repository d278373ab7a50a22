/**
 * Sign in once, share links, sign out, and the API explorer, in real Chromium against the
 * real app and database (contract: Browser sessions and the explorer):
 *
 * - a link's token is exchanged for a session: it leaves the address bar and is stored
 *   nowhere the page's scripts can read; the cookie is HttpOnly and SameSite=Strict;
 * - the address, copied into a second tab of the same browser, opens the view without
 *   asking for a token; "Sign out", clicked, ends the session for both tabs;
 * - /graphiql (and a browser's GET /graphql) is GraphiQL: a query run by clicking answers
 *   with the session, and a token typed into its field is sent instead.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../support/api.ts';
import { ADMIN, BROWSER_WAIT_MS as WAIT, expectNoProblems, screenshot, startWebWorld, type WebWorld } from './support.ts';

let world: WebWorld;
beforeAll(async () => { world = await startWebWorld(); }, 600_000);
afterAll(async () => world?.close());

/** The text GraphiQL's response editor shows (monaco draws it as lines of spans, spaces as no-break spaces). */
const responseText = async (page: Page) => (await page.locator('.graphiql-response').innerText()).replace(/\u00a0/g, ' ');

/** The signed-in page, at the Gaps view: the shell's tab and its Sign out button (not a view's drawing, which other tests cover). */
async function signedInAtGaps(page: Page): Promise<void> {
  await page.locator('#sign-out').waitFor({ timeout: WAIT });
  await page.locator('#tab-gaps[aria-selected=true]').waitFor({ timeout: WAIT });
}

describe('a link opened once', { timeout: 300_000 }, () => {
  let first: Page;
  let second: Page;

  it('is exchanged for a session: the token leaves the address bar and is kept nowhere a script reads', async () => {
    first = await world.open(ADMIN, '#gaps');
    await signedInAtGaps(first);
    expect(first.url()).toBe(`${world.app.url}/#gaps`);
    const kept = await first.evaluate(() => ({ cookie: document.cookie, session: JSON.stringify(sessionStorage), local: JSON.stringify(localStorage) }));
    expect(JSON.stringify(kept)).not.toContain(ADMIN);
    expect(kept.cookie).not.toContain('ecomap_session');
    const [cookie] = (await first.context().cookies(world.app.url)).filter((c) => c.name === 'ecomap_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: false, path: '/' });
  });

  it('its address opens in a second tab of that browser without asking for a token', async () => {
    second = await world.tab(first, first.url());
    await signedInAtGaps(second);
    expect(await second.locator('[data-state^=auth-]').count()).toBe(0);
  });

  it('"Sign out" ends the session: both tabs ask for a link again on reload, and the old cookie is refused by the server', async () => {
    const [cookie] = (await first.context().cookies(world.app.url)).filter((c) => c.name === 'ecomap_session');
    // The cookie as a client that kept a copy would send it: accepted now, refused once signed out.
    const withCookie = () => fetch(`${world.app.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie: `ecomap_session=${cookie!.value}` }, body: JSON.stringify({ query: '{ viewer { role } }' }),
    }).then(async (res) => ({ status: res.status, body: await res.json() as { data?: { viewer: { role: string } }; errors?: Array<{ extensions: { code: string } }> } }));
    expect((await withCookie()).body.data?.viewer.role).toBe('ADMIN');
    await first.click('#sign-out');
    await first.locator('[data-state=auth-missing]').waitFor({ timeout: WAIT });
    expect((await first.context().cookies(world.app.url)).some((c) => c.name === 'ecomap_session')).toBe(false);
    const after = await withCookie();
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    for (const page of [second, first]) {
      await page.reload();
      await page.locator('[data-state=auth-missing]').waitFor({ timeout: WAIT });
      expect(await page.locator('#token-input').isVisible()).toBe(true);
    }
    // Signed in again by typing the token into the page, as a person would.
    await second.locator('#token-input').fill(ADMIN);
    await second.click('.token-form button[type=submit]');
    await second.locator('#sign-out').waitFor({ timeout: WAIT });
    expect(second.url()).not.toContain(ADMIN);
    await first.close();
    await second.close();
  });
});

describe('the API explorer', { timeout: 300_000 }, () => {
  let page: Page;

  it('is where a browser asking for /graphql lands, and runs a query with the session by a click', async () => {
    const app = await world.open(ADMIN, '#gaps');
    await app.locator('#sign-out').waitFor({ timeout: WAIT });
    page = await world.tab(app, `${world.app.url}/graphql`);
    await app.close();
    expect(new URL(page.url()).pathname).toBe('/graphiql');
    await page.locator('.graphiql-container .graphiql-execute-button').waitFor({ timeout: WAIT });
    await expect.poll(() => page.locator('.explorer-who').textContent(), { timeout: WAIT }).toContain('session (ADMIN)');
    await page.click('.graphiql-execute-button');
    await expect.poll(() => responseText(page), { timeout: WAIT }).toContain('"role": "ADMIN"');
  });

  it('opens a README example with one click', async () => {
    await page.click('button.explorer-example:has-text("An engagement and its roles")');
    await page.locator('.graphiql-container .graphiql-execute-button').waitFor({ timeout: WAIT });
    await expect.poll(() => page.locator('.graphiql-query-editor').innerText(), { timeout: WAIT }).toContain('e-claims-copilot');
    await page.click('.graphiql-execute-button');
    await expect.poll(() => responseText(page), { timeout: WAIT }).toContain('"roleHistory"');
    await screenshot(page, 'graphiql');
  });

  it('sends a pasted token instead of the session', async () => {
    const made = await client(world.app)<{ createApiToken: { secret: string } }>(
      'mutation { createApiToken(role: PARTNER, partnerId: "p-cortexa", label: "graphiql test") { secret } }');
    expect(made.errors).toBeUndefined();
    await page.locator('#graphiql-token').fill(made.data!.createApiToken.secret);
    await page.click('#graphiql-use-token');
    await expect.poll(() => page.locator('.explorer-who').textContent(), { timeout: WAIT }).toContain('pasted token (PARTNER');
    await page.click('button.explorer-example:has-text("Who am I?")');
    await expect.poll(() => page.locator('.graphiql-query-editor').innerText(), { timeout: WAIT }).toContain('viewer');
    await page.click('.graphiql-execute-button');
    await expect.poll(() => responseText(page), { timeout: WAIT }).toContain('"role": "PARTNER"');
    await page.close();
  });
});

describe('the pages', { timeout: 60_000 }, () => {
  it('had no uncaught errors', () => expectNoProblems(world));
});
