/**
 * Live updates in the web view (contract: Events and webhooks, Subscription.events): a
 * change made through the API shows without a click or a reload. A newly missed outcome
 * joins the Missed list; a commitment's new status and a role change redraw the open
 * detail; the map marks its metrics stale after a write and fresh once recomputed, without
 * a new layout; a page that lost its connection reloads what it shows once reconnected
 * (missed events are not sent again); a PARTNER page hears nothing out of its scope.
 * Every wait is on a condition: the page's DOM, or the server holding the page's subscription.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../support/api.ts';
import { ADMIN, BROWSER_WAIT_MS, expectNoProblems, startWebWorld, type WebWorld } from './support.ts';

/** First queries compile their Cypher on a fresh database: generous on a busy machine. */
const WAIT = BROWSER_WAIT_MS;
/** The address a blocked page's WebSockets go to instead of /graphql: the server answers 404. */
const BLOCKED = '/graphql-blocked';

let world: WebWorld;
/** The ADMIN tab on the accountability explorer, opened by the first test. */
let page: Page;

interface LiveWindow { __sockets: WebSocket[]; __liveBlocked: boolean; __mapLive: string[]; __mapSummary: string[] }

beforeAll(async () => {
  world = await startWebWorld();
  // Every page keeps its WebSockets where a test can close them, and can be kept from reconnecting.
  await world.chromium.context.addInitScript((blocked: string) => {
    const w = window as unknown as LiveWindow;
    const Native = window.WebSocket;
    w.__sockets = [];
    w.__liveBlocked = false;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(w.__liveBlocked ? String(url).replace(/\/graphql$/, blocked) : url, protocols);
        w.__sockets.push(this);
      }
    };
  }, BLOCKED);
});
afterAll(async () => world?.close());

const gql = () => client(world.app);

async function write(query: string, variables: Record<string, unknown>): Promise<void> {
  const res = await gql()(query, variables);
  expect(res.errors).toBeUndefined();
}
const setOutcome = (id: string, status: string) =>
  write('mutation ($id: ID!, $s: OutcomeStatus!) { setOutcomeStatus(id: $id, status: $s) { id } }', { id, s: status });
const setCommitment = (id: string, status: string) =>
  write('mutation ($id: ID!, $s: CommitmentStatus!) { setCommitmentStatus(id: $id, status: $s) { id } }', { id, s: status });

/**
 * Opens a page and waits until it shows `ready` and the server holds one more live
 * subscription (pages stay open, so the count only grows): writes from then on reach it.
 */
async function openLive(token: string, hash: string, ready: string): Promise<Page> {
  const listening = world.app.events.listeners;
  const opened = await world.open(token, hash);
  await opened.locator(ready).waitFor({ timeout: WAIT });
  await expect.poll(() => world.app.events.listeners, { timeout: WAIT }).toBeGreaterThan(listening);
  return opened;
}

const listed = '[data-testid=outcome-count][data-total]';
const liveStatus = (p: Page) => p.locator('[data-testid=accountability-live]');
const total = (p: Page) => p.locator('[data-testid=outcome-count]').getAttribute('data-total');
const mark = (p: Page, id: string) => p.locator(`[data-testid=failure-dag] g.dag-node[data-id="${id}"]`).getAttribute('data-mark');

describe('the accountability explorer, live', { timeout: 180_000 }, () => {
  it('an outcome missed through the API joins the Missed list without a click or a reload', async () => {
    page = await openLive(ADMIN, '#accountability', listed);
    await liveStatus(page).and(page.locator('[data-live=live]')).waitFor({ timeout: WAIT });
    expect(await page.locator('tr[data-outcome="o-claims-speed"]').count()).toBe(1);
    expect(await page.locator('tr[data-outcome="o-grid-peak"]').count()).toBe(0);
    const before = Number(await total(page));
    await setOutcome('o-grid-peak', 'MISSED');
    await page.locator('tr[data-outcome="o-grid-peak"]').waitFor({ timeout: WAIT });
    await expect.poll(() => total(page), { timeout: WAIT }).toBe(String(before + 1));
    // Marked as new, the rows that were there kept, and the change said quietly.
    expect(await page.locator('tr[data-outcome="o-grid-peak"]').getAttribute('data-new')).toBe('');
    expect(await page.locator('tr[data-outcome="o-claims-speed"]').getAttribute('data-new')).toBeNull();
    await expect.poll(() => liveStatus(page).textContent(), { timeout: WAIT }).toBe('Updated just now');
    expect(await liveStatus(page).getAttribute('role')).toBe('status');
  });

  it('the open failure graph follows a commitment\'s new status, and the timeline a role change', async () => {
    await page.locator('button[data-outcome="o-claims-speed"]').click();
    await page.locator('[data-testid=failure-dag] g.dag-node[data-id="m-claims-ux"]').waitFor({ timeout: WAIT });
    expect(await mark(page, 'm-claims-ux')).toBe('healthy');
    await setCommitment('m-claims-ux', 'FAILED');
    await expect.poll(() => mark(page, 'm-claims-ux'), { timeout: WAIT }).toBe('root-cause');
    expect(await page.locator('[data-testid=root-causes] [data-root-cause="m-claims-ux"]').count()).toBe(1);
    // The detail was redrawn in place: the outcome stays chosen, the list as it was.
    expect(await page.locator('tr[data-outcome="o-claims-speed"]').getAttribute('aria-selected')).toBe('true');
    expect(new URL(page.url()).hash).toBe('#accountability/o-claims-speed');

    expect(await page.locator('[data-testid=timeline] g[data-partner="p-kestrel"]').count()).toBe(0);
    await write('mutation { assignRole(engagementId: "e-claims-copilot", partnerId: "p-kestrel", role: CONTRIBUTOR, from: "2026-12-01") { id } }', {});
    await page.locator('[data-testid=timeline] g[data-partner="p-kestrel"]').waitFor({ timeout: WAIT });
  });

  it('after a lost connection it reloads what it shows: the change made meanwhile appears', async () => {
    const updates = Number(await liveStatus(page).getAttribute('data-updates'));
    await page.evaluate(() => {
      const w = window as unknown as LiveWindow;
      w.__liveBlocked = true;
      for (const socket of w.__sockets) socket.close();
    });
    await liveStatus(page).and(page.locator('[data-live=reconnecting]')).waitFor({ timeout: WAIT });
    expect(await liveStatus(page).textContent()).toContain('Reconnecting');
    // Written while the page has no subscription: its event never reaches the page.
    await setOutcome('o-kiri-downtime', 'MISSED');
    await page.evaluate(() => { (window as unknown as LiveWindow).__liveBlocked = false; });
    await page.locator('tr[data-outcome="o-kiri-downtime"]').waitFor({ timeout: WAIT });
    await liveStatus(page).and(page.locator('[data-live=live]')).waitFor({ timeout: WAIT });
    await expect.poll(async () => Number(await liveStatus(page).getAttribute('data-updates')), { timeout: WAIT }).toBeGreaterThan(updates);
    // The open detail was loaded again too, and still shows what came before.
    expect(await mark(page, 'm-claims-ux')).toBe('root-cause');
    // The blocked attempts are the only console errors the page may have had.
    const blocked = (p: string) => p.includes(BLOCKED) && p.includes('WebSocket');
    expect(world.problems.filter((p) => !blocked(p))).toEqual([]);
    world.problems.splice(0, world.problems.length, ...world.problems.filter((p) => !blocked(p)));
  });
});

describe('the network map, live', { timeout: 180_000 }, () => {
  it('marks its metrics stale after a write, and fresh once recomputed, without a new layout', async () => {
    const map = await openLive(ADMIN, '#map', '[data-testid=map-summary][data-state=drawn]');
    await map.locator('[data-testid=map-live][data-state=fresh]').waitFor({ state: 'attached', timeout: WAIT });
    // Every state the marker and the summary pass through, however briefly.
    await map.evaluate(() => {
      const w = window as unknown as LiveWindow;
      w.__mapLive = [];
      w.__mapSummary = [];
      const marker = document.querySelector<HTMLElement>('[data-testid=map-live]')!;
      const summary = document.querySelector<HTMLElement>('[data-testid=map-summary]')!;
      new MutationObserver(() => {
        const seen = `${marker.dataset.state}${marker.hidden ? '' : ` shown: ${marker.textContent}`}`;
        if (w.__mapLive.at(-1) !== seen) w.__mapLive.push(seen);
      }).observe(marker, { attributes: true, childList: true, characterData: true, subtree: true });
      new MutationObserver(() => { w.__mapSummary.push(summary.dataset.state ?? ''); }).observe(summary, { attributes: true, attributeFilter: ['data-state'] });
    });
    const partners = await map.locator('[data-testid=map-summary]').getAttribute('data-partners');
    await setCommitment('m-erp-12-1', 'IN_PROGRESS');
    const states = () => map.evaluate(() => (window as unknown as LiveWindow).__mapLive);
    await expect.poll(async () => (await states()).at(-1), { timeout: WAIT }).toBe('fresh shown: Metrics updated just now');
    expect(await states()).toContain('stale shown: Metrics are being recomputed after a change…');
    expect(await map.locator('[data-testid=map-live]').getAttribute('role')).toBe('status');
    // Redrawn where the nodes stand: the summary never went back to loading or laying out.
    expect(await map.evaluate(() => (window as unknown as LiveWindow).__mapSummary)).not.toContain('loading');
    expect(await map.locator('[data-testid=map-summary]').getAttribute('data-state')).toBe('drawn');
    expect(await map.locator('[data-testid=map-summary]').getAttribute('data-partners')).toBe(partners);
    const fresh = await gql()<{ network: { stale: boolean } }>('{ network { stale } }');
    expect(fresh.data!.network.stale).toBe(false);
  });

  it('says how old the metrics it shows are while they are recomputed elsewhere, then shows the fresh ones', async () => {
    const map = await openLive(ADMIN, '#map', '[data-testid=map-summary][data-state=drawn]');
    const marker = map.locator('[data-testid=map-live]');
    await map.locator('[data-testid=map-live][data-state=fresh]').waitFor({ state: 'attached', timeout: WAIT });
    // Another API process has claimed the next computation of every network and is still at it
    // (graph/network/metrics-store.ts): this one serves the last metrics, marked stale, meanwhile.
    const graph = world.app.open.graph;
    const claimed = await graph.derivedWriteTx(async (tx) => (await tx.run(
      "MATCH (s:GraphState:NetworkMetrics) SET s.claimVersion = 1000000000, s.claimedBy = 'another-process', s.claimUntil = timestamp() + 600000 RETURN count(s) AS n"))[0]!.n as number);
    expect(claimed).toBeGreaterThan(0);
    try {
      await setCommitment('m-erp-12-1', 'LATE');
      await expect.poll(() => marker.textContent(), { timeout: WAIT }).toMatch(/^Metrics computed (just now|\d+ min ago), updating…$/);
      expect(await marker.getAttribute('data-state')).toBe('stale');
      expect(await marker.isVisible()).toBe(true);
      // Still stale on the server: this process waits for the other one instead of computing.
      expect((await gql()<{ network: { stale: boolean } }>('{ network { stale } }')).data!.network.stale).toBe(true);
    } finally {
      // The other process finishes (gives its claim up): this one computes and the map turns fresh.
      await graph.derivedWriteTx((tx) => tx.run(
        "MATCH (s:GraphState:NetworkMetrics {claimedBy: 'another-process'}) SET s.claimVersion = null, s.claimedBy = null, s.claimUntil = null"));
    }
    await expect.poll(() => marker.getAttribute('data-state'), { timeout: WAIT }).toBe('fresh');
    expect(await marker.textContent()).toBe('Metrics updated just now');
  });
});

describe('with a PARTNER token', { timeout: 180_000 }, () => {
  it('hears only the events of its engagements', async () => {
    const res = await gql()<{ createApiToken: { secret: string } }>(
      'mutation { createApiToken(role: PARTNER, partnerId: "p-kranich", label: "live web test") { secret } }');
    expect(res.errors).toBeUndefined();
    const partner = await openLive(res.data!.createApiToken.secret, '#accountability', listed);
    await liveStatus(partner).and(partner.locator('[data-live=live]')).waitFor({ timeout: WAIT });
    // e-mine-twin has no Kranich in it; e-erp-12 is Kranich's. Events arrive in order: had the
    // first reached the page, it would be counted before the second.
    await setOutcome('o-mine-haulage', 'MISSED');
    await setOutcome('o-erp-12-1', 'MISSED');
    await partner.locator('tr[data-outcome="o-erp-12-1"]').waitFor({ timeout: WAIT });
    await expect.poll(() => liveStatus(partner).getAttribute('data-last-event'), { timeout: WAIT }).toBe('outcome.status_changed e-erp-12');
    expect(await liveStatus(partner).getAttribute('data-events')).toBe('1');
    expect(await partner.locator('tr[data-outcome="o-mine-haulage"]').count()).toBe(0);
    // The ADMIN page heard both.
    await page.locator('tr[data-outcome="o-mine-haulage"]').waitFor({ timeout: WAIT });
  });
});

describe('the pages', { timeout: 180_000 }, () => {
  it('had no uncaught errors', () => expectNoProblems(world));
});
