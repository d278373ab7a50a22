/**
 * Every non-map view keeps what a person chose in the address: changed by typing and
 * clicking, then reloaded, walked back and forward, and opened in a second tab of the same
 * browser. With the fixes a new user asked for along the way: the attribution form sends
 * any positive half-life, the accountability partner filter takes names and the outcomes a
 * search, the heatmap hides covered cells, orders by severity and picks regions and
 * capabilities. Real Chromium, the real app and the sample.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../support/api.ts';
import { ADMIN, BROWSER_WAIT_MS, expectNoProblems, hashOf, startWebWorld, warmUp, type WebWorld } from './support.ts';

const WAIT = BROWSER_WAIT_MS;

let world: WebWorld;
let page: Page;
let gql: ReturnType<typeof client>;

/**
 * A root cause of o-claims-speed with a description far longer than its node is wide,
 * with a word (an address) wider than the node: the failure graph must show all of it.
 */
const LONG_DESCRIPTION = 'Claims handling rules signed off with compliance, including the fraud screening thresholds per line of business, '
  + 'the escalation matrix for adjusters and the audit trail reference https://compliance.rheinhafen.example/claims/rules/2026-04/signed agreed with the regulator';

beforeAll(async () => {
  world = await startWebWorld();
  gql = client(world.app);
  // An engagement's import replaces its commitments: the sample's e-claims-copilot with one description changed.
  const sample = JSON.parse(await readFile(new URL('../../seeds/sample-ecosystem.json', import.meta.url), 'utf8')) as
    { engagements: Array<{ id: string; commitments: Array<{ id: string; description: string }> }> };
  const copilot = sample.engagements.find((e) => e.id === 'e-claims-copilot')!;
  copilot.commitments.find((m) => m.id === 'm-claims-rules')!.description = LONG_DESCRIPTION;
  const imported = await gql('mutation ($input: EcosystemInput!) { importEcosystem(input: $input) { commitments } }', { input: { engagements: [copilot] } });
  expect(imported.errors, JSON.stringify(imported.errors)).toBeUndefined();
  await warmUp(world);
  page = await world.open(ADMIN, '#accountability');
  // Starting the world and warming the database can take minutes on a loaded machine.
}, 600_000);
afterAll(async () => world?.close());

const waitForHash = (p: Page, expected: { path: string; state: Record<string, string> }) =>
  expect.poll(() => hashOf(p), { timeout: WAIT }).toEqual(expected);

/** The page's address opened in a second tab of the same browser (support.ts's tab: the browser's sign-in included). */
async function secondTab(p: Page): Promise<Page> {
  return world.tab(p, p.url());
}

const listedIds = (p: Page) => p.locator('tr[data-outcome]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome')));

interface Edges { edges: Array<{ node: { id: string; description: string } }> }

describe('accountability', { timeout: 240_000 }, () => {
  it('filters by a partner typed by name, as the exit-impact picker takes one', async () => {
    await page.click('#tab-accountability');
    await page.locator('[data-testid=outcome-count][data-total]').waitFor({ timeout: WAIT });
    await page.locator('#outcomes-partner').fill('Brightwater');
    await page.locator('.partner-filter button[type=submit]').click();
    await page.locator('.partner-filter .chip[data-partner="p-brightwater"]').waitFor({ timeout: WAIT });
    const mine = await gql<{ missedOutcomes: Edges }>('{ missedOutcomes(filter: { partnerId: "p-brightwater" }, first: 100) { edges { node { id description } } } }');
    const ids = mine.data!.missedOutcomes.edges.map((e) => e.node.id);
    expect(ids.length).toBeGreaterThan(1);
    await expect.poll(() => listedIds(page), { timeout: WAIT }).toEqual(ids);
    await waitForHash(page, { path: 'accountability', state: { partner: 'p-brightwater' } });
  });

  it('searches the outcomes by id or by words of the description, and writes the search once it is done', async () => {
    const all = await gql<{ missedOutcomes: Edges }>('{ missedOutcomes(filter: { partnerId: "p-brightwater" }, first: 100) { edges { node { id description } } } }');
    const target = all.data!.missedOutcomes.edges.find((e) => e.node.id === 'o-claims-speed')!.node;
    const words = target.description.split(/\s+/).slice(0, 2).join(' ');
    await page.locator('#outcomes-search').pressSequentially(words.toUpperCase());
    const byWords = all.data!.missedOutcomes.edges.filter((e) => words.toLowerCase().split(' ').every((w) => `${e.node.id} ${e.node.description}`.toLowerCase().includes(w))).map((e) => e.node.id);
    await expect.poll(() => listedIds(page), { timeout: WAIT }).toEqual(byWords);
    // Typing is not a history entry per key: the address has no search until the field is left.
    expect(hashOf(page).state.q).toBeUndefined();
    await page.locator('#outcomes-search').fill('o-claims-spe');
    await page.locator('#outcomes-search').press('Enter');
    await expect.poll(() => listedIds(page), { timeout: WAIT }).toEqual(['o-claims-speed']);
    await waitForHash(page, { path: 'accountability', state: { partner: 'p-brightwater', q: 'o-claims-spe' } });
  });

  it('shows the chosen outcome with the accountable partner and the owners as links to their cards, and the descriptions whole in the graph', async () => {
    await page.locator('button[data-outcome="o-claims-speed"]').click();
    await waitForHash(page, { path: 'accountability/o-claims-speed', state: { partner: 'p-brightwater', q: 'o-claims-spe' } });
    const detail = page.locator('[data-testid=accountability-detail]');
    await detail.locator('[data-testid=failure-dag] svg').waitFor({ timeout: WAIT });
    await detail.locator('[data-testid=accountable] [data-partner-link="p-cortexa"]').click();
    await expect.poll(() => page.locator('#panel-title').textContent(), { timeout: WAIT }).toBe('Cortexa');
    await page.locator('#panel .partner-card[data-partner="p-cortexa"]').waitFor({ timeout: WAIT });
    await page.keyboard.press('Escape');
    const owner = detail.locator('[data-root-cause] [data-partner-link]').first();
    const ownerId = await owner.getAttribute('data-partner-link');
    await owner.click();
    await page.locator(`#panel .partner-card[data-partner="${ownerId}"]`).waitFor({ timeout: WAIT });
    await page.keyboard.press('Escape');

    // Every node shows its commitment's description whole, however long, and no line runs past its box.
    const answer = await gql<{ accountability: { rootCauses: Array<{ commitment: { id: string; description: string } }> } }>(
      '{ accountability(outcomeId: "o-claims-speed") { rootCauses { commitment { id description } } } }');
    const rootCauses = answer.data!.accountability.rootCauses.map((r) => r.commitment);
    expect(rootCauses.find((m) => m.id === 'm-claims-rules')?.description).toBe(LONG_DESCRIPTION);
    const joined = (lines: string[]) => lines.join(' ').replace(/\s+/g, '');
    for (const commitment of rootCauses) {
      const node = detail.locator(`g.dag-node[data-id="${commitment.id}"]`);
      expect(joined(await node.locator('tspan.description').allTextContents())).toBe(commitment.description.replace(/\s+/g, ''));
    }
    expect(await detail.locator('g.dag-node[data-id="m-claims-rules"] tspan.description').count()).toBeGreaterThan(6);
    // The other nodes too: each node's title carries its description from the answer.
    const nodes = await detail.locator('g.dag-node').evaluateAll((gs) => gs.map((g) => ({
      id: g.getAttribute('data-id')!, title: g.querySelector('title')!.textContent!, lines: [...g.querySelectorAll('tspan.description')].map((t) => t.textContent!),
    })));
    expect(nodes.length).toBeGreaterThan(rootCauses.length);
    for (const n of nodes) expect(n.title.replace(/\s+/g, ''), n.id).toContain(joined(n.lines));
    for (const n of nodes) expect(n.lines.join(' '), n.id).not.toContain('…');
    const overflow = await detail.locator('g.dag-node').evaluateAll((nodes) => nodes.flatMap((g) => {
      const box = (g.querySelector('rect') as SVGRectElement).getBBox();
      return [...g.querySelectorAll('tspan')].filter((t) => {
        const b = (t as SVGTSpanElement).getBBox();
        return b.x < box.x || b.x + b.width > box.x + box.width || b.y < box.y || b.y + b.height > box.y + box.height;
      }).map((t) => `${g.getAttribute('data-id')}: ${t.textContent}`);
    }));
    expect(overflow).toEqual([]);
  });

  it('opens the same state on reload, walks back and forward, and opens it in a second tab', async () => {
    const expected = { path: 'accountability/o-claims-speed', state: { partner: 'p-brightwater', q: 'o-claims-spe' } };
    const sameState = async (p: Page) => {
      await p.locator('[data-testid=accountability-detail] g.dag-node[data-id="o-claims-speed"]').waitFor({ timeout: WAIT });
      await p.locator('.partner-filter .chip[data-partner="p-brightwater"]').waitFor({ timeout: WAIT });
      expect(await p.locator('#outcomes-search').inputValue()).toBe('o-claims-spe');
      await expect.poll(() => listedIds(p), { timeout: WAIT }).toEqual(['o-claims-speed']);
      expect(await p.locator('tr[data-outcome="o-claims-speed"]').getAttribute('aria-selected')).toBe('true');
    };
    await page.reload();
    await sameState(page);
    expect(hashOf(page)).toEqual(expected);

    await page.goBack();
    await waitForHash(page, { path: 'accountability', state: { partner: 'p-brightwater', q: 'o-claims-spe' } });
    await page.goBack();
    await waitForHash(page, { path: 'accountability', state: { partner: 'p-brightwater' } });
    await expect.poll(() => page.locator('#outcomes-search').inputValue(), { timeout: WAIT }).toBe('');
    expect((await listedIds(page)).length).toBeGreaterThan(1);
    await page.goBack();
    await waitForHash(page, { path: 'accountability', state: {} });
    await expect.poll(() => page.locator('.partner-filter .chip').count(), { timeout: WAIT }).toBe(0);
    await page.goForward();
    await page.goForward();
    await page.goForward();
    await sameState(page);

    const other = await secondTab(page);
    await sameState(other);
    expect(hashOf(other)).toEqual(expected);
    await other.close();
  });

  it('switches to the at-risk list as a history entry', async () => {
    await page.click('#list-at-risk');
    await expect.poll(() => hashOf(page).state.list, { timeout: WAIT }).toBe('at-risk');
    await page.goBack();
    await waitForHash(page, { path: 'accountability/o-claims-speed', state: { partner: 'p-brightwater', q: 'o-claims-spe' } });
    await expect.poll(() => page.locator('#list-missed').getAttribute('aria-pressed'), { timeout: WAIT }).toBe('true');
  });
});

describe('gaps', { timeout: 240_000 }, () => {
  interface Cell { region: { code: string; name: string }; capability: { id: string; name: string }; status: string; demand: number }
  const coverage = async (input = '{}') => {
    const res = await gql<{ coverageGaps: Cell[] }>(`{ coverageGaps(input: ${input}) { region { code name } capability { id name } status demand } }`);
    expect(res.errors).toBeUndefined();
    return res.data!.coverageGaps;
  };
  const shownCells = () => page.locator('g.cell').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-region')}|${e.getAttribute('data-capability')}|${e.getAttribute('data-status')}`).sort());
  const key = (c: Cell) => `${c.region.code}|${c.capability.id}|${c.status}`;

  it('hides covered cells, as the API leaves them out', async () => {
    await page.click('#tab-gaps');
    await page.locator('[data-testid=heatmap] svg').waitFor({ timeout: WAIT });
    expect(await page.locator('g.cell[data-status=COVERED]').count()).toBeGreaterThan(0);
    await page.check('#gaps-hide-covered');
    await waitForHash(page, { path: 'gaps', state: { hide: 'covered' } });
    const notCovered = await coverage('{ includeCovered: false }');
    await expect.poll(shownCells, { timeout: WAIT }).toEqual(notCovered.map(key).sort());
    expect(await page.locator('g.cell[data-status=COVERED]').count()).toBe(0);
  });

  it('orders rows and columns by severity: the region with the most uncovered cells first', async () => {
    await page.selectOption('#gaps-sort', 'severity');
    await waitForHash(page, { path: 'gaps', state: { hide: 'covered', sort: 'severity' } });
    const cells = await coverage('{ includeCovered: false }');
    const uncovered = new Map<string, number>();
    for (const c of cells) if (c.status === 'UNCOVERED') uncovered.set(c.region.code, (uncovered.get(c.region.code) ?? 0) + 1);
    const most = Math.max(...uncovered.values());
    const firstRow = await page.locator('.row-labels text').first().getAttribute('data-row');
    expect(uncovered.get(firstRow!)).toBe(most);
    // Every row and every column after the first is no more severe than the one before it:
    // uncovered cells, then single-point, then thin, then the demand on uncovered and single-point cells.
    const severity = (of: Cell[]) => {
      const count = (status: string) => of.filter((c) => c.status === status).length;
      return [count('UNCOVERED'), count('SINGLE_POINT'), count('THIN'),
        of.filter((c) => c.status === 'UNCOVERED' || c.status === 'SINGLE_POINT').reduce((sum, c) => sum + c.demand, 0)];
    };
    const notMoreSevere = (a: number[], b: number[]) => { const i = a.findIndex((v, n) => v !== b[n]); return i < 0 || a[i]! > b[i]!; };
    const rows = await page.locator('.row-labels text').evaluateAll((els) => els.map((e) => e.getAttribute('data-row')!));
    const columns = await page.locator('[data-column]').evaluateAll((els) => els.map((e) => e.getAttribute('data-column')!));
    expect(rows.length).toBeGreaterThan(2);
    expect(columns.length).toBeGreaterThan(2);
    for (const [list, pick] of [[rows, (c: Cell) => c.region.code], [columns, (c: Cell) => c.capability.id]] as const) {
      const keys = list.map((k) => severity(cells.filter((c) => pick(c) === k)));
      for (let i = 1; i < keys.length; i++) expect(notMoreSevere(keys[i - 1]!, keys[i]!), `${list[i - 1]} ${keys[i - 1]} before ${list[i]} ${keys[i]}`).toBe(true);
    }
  });

  it('picks regions and capabilities, as the API filters them, with every capability name whole', async () => {
    const all = await coverage();
    const names = [...new Map(all.map((c) => [c.capability.id, c.capability.name])).values()].sort();
    await page.click('#gaps-regions summary');
    await page.check('#gaps-regions-DE');
    await page.check('#gaps-regions-JP');
    await page.click('#gaps-regions summary');
    await waitForHash(page, { path: 'gaps', state: { hide: 'covered', sort: 'severity', regions: 'DE,JP' } });
    const filtered = await coverage('{ includeCovered: false, regions: ["DE", "JP"] }');
    await expect.poll(shownCells, { timeout: WAIT }).toEqual(filtered.map(key).sort());
    expect(filtered.length).toBeGreaterThan(0);

    await page.click('#gaps-capabilities summary');
    const capabilities = [...new Set(filtered.map((c) => c.capability.id))].sort().slice(0, 2);
    for (const id of capabilities) await page.check(`#gaps-capabilities-${id}`);
    await page.click('#gaps-capabilities summary');
    await waitForHash(page, { path: 'gaps', state: { hide: 'covered', sort: 'severity', regions: 'DE,JP', capabilities: capabilities.join(',') } });
    const narrower = await coverage(`{ includeCovered: false, regions: ["DE", "JP"], capabilities: ${JSON.stringify(capabilities)} }`);
    await expect.poll(shownCells, { timeout: WAIT }).toEqual(narrower.map(key).sort());
    // Column labels are the capabilities' whole names.
    const shownNames = await page.locator('.column-labels text').evaluateAll((els) => els.map((e) => e.firstChild?.textContent));
    expect(shownNames.length).toBeGreaterThan(0);
    for (const n of shownNames) expect(names).toContain(n);
  });

  it('opens the same heatmap on reload, walks back and forward, and opens it in a second tab', async () => {
    const expected = hashOf(page);
    const snapshot = await shownCells();
    await page.reload();
    await page.locator('[data-testid=heatmap] svg').waitFor({ timeout: WAIT });
    await expect.poll(shownCells, { timeout: WAIT }).toEqual(snapshot);
    expect(await page.locator('#gaps-hide-covered').isChecked()).toBe(true);
    expect(await page.locator('#gaps-sort').inputValue()).toBe('severity');
    expect(hashOf(page)).toEqual(expected);

    await page.goBack();
    await waitForHash(page, { path: 'gaps', state: { hide: 'covered', sort: 'severity', regions: 'DE,JP', capabilities: expected.state.capabilities!.split(',')[0]! } });
    await page.goBack();
    await waitForHash(page, { path: 'gaps', state: { hide: 'covered', sort: 'severity', regions: 'DE,JP' } });
    await expect.poll(shownCells, { timeout: WAIT }).toEqual((await coverage('{ includeCovered: false, regions: ["DE", "JP"] }')).map(key).sort());
    await page.goForward();
    await page.goForward();
    await expect.poll(shownCells, { timeout: WAIT }).toEqual(snapshot);

    const other = await secondTab(page);
    await other.locator('[data-testid=heatmap] svg').waitFor({ timeout: WAIT });
    await expect.poll(() => other.locator('g.cell').count(), { timeout: WAIT }).toBe(snapshot.length);
    expect(await other.locator('#gaps-regions summary').textContent()).toBe('Regions: Germany (DE), Japan (JP)');
    await other.close();
  });

  it('keeps what-if partners leaving in the address, back and forward included', async () => {
    await page.goto(`${world.app.url}/#gaps`);
    await page.locator('[data-testid=heatmap] svg').waitFor({ timeout: WAIT });
    await page.check('#gaps-exit');
    await page.locator('#whatif-exits').fill('Hoshimi');
    await page.locator('#whatif-exits').press('Enter');
    await page.locator('.chip[data-partner="p-hoshimi"]').waitFor({ timeout: WAIT });
    await page.click('#whatif-run');
    await page.locator('[data-testid=whatif-summary]').waitFor({ timeout: WAIT });
    await waitForHash(page, { path: 'gaps', state: { whatif: '1', exits: 'p-hoshimi' } });
    // The exit impact lists the commitments at risk, open, not folded away.
    const api = await gql<{ exitImpact: { atRiskCommitments: Array<{ id: string }> } }>('{ exitImpact(partnerIds: ["p-hoshimi"]) { atRiskCommitments { id } } }');
    expect(await page.locator('[data-testid=at-risk-commitments] tr[data-commitment]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-commitment'))))
      .toEqual(api.data!.exitImpact.atRiskCommitments.map((c) => c.id));
    expect(await page.locator('[data-testid=at-risk-commitments] tr[data-commitment]').first().isVisible()).toBe(true);
    await page.goBack();
    await waitForHash(page, { path: 'gaps', state: { whatif: '1' } });
    await expect.poll(() => page.locator('[data-testid=whatif-summary]').count(), { timeout: WAIT }).toBe(0);
    await page.goForward();
    await page.locator('[data-testid=whatif-summary]').waitFor({ timeout: WAIT });
    await page.locator('.chip[data-partner="p-hoshimi"]').waitFor({ timeout: WAIT });
  });
});

// Last: by now the database has compiled its statements (a cold one can exceed the time limit on a loaded machine).
describe('attribution', { timeout: 240_000 }, () => {
  const timeDecay = async (halfLife: number) => {
    const res = await gql<{ attribution: Array<{ partner: { id: string }; share: number }> }>(
      'query ($h: Float) { attribution(engagementId: "e-claims-copilot", model: TIME_DECAY, halfLifeDays: $h) { partner { id } share } }', { h: halfLife });
    expect(res.errors).toBeUndefined();
    return res.data!.attribution;
  };
  /** Bar widths of the time-decay column by partner: 112 px at a share of 1, at least 2 px for any share (attribution-chart.ts). */
  const barWidth = (share: number) => (share > 0 ? Math.max(2, 112 * share) : 0);
  const decayBars = (p: Page) => p.locator('.attribution-chart [data-model=timeDecay] rect[data-partner]')
    .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-partner'), Number(e.getAttribute('width'))])));

  it('submits the default half-life of 7 and a half-life of 2.5, typed, and shows the answer for each', async () => {
    await page.goto(`${world.app.url}/#accountability`);
    await page.click('#tab-attribution');
    await page.locator('#attribution-engagement').fill('e-claims-copilot');
    expect(await page.locator('#attribution-half-life').inputValue()).toBe('7');
    // The bug: the field's own default was invalid, so the browser refused to send the form.
    expect(await page.locator('#attribution-half-life').evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(true);
    await page.click('#attribution-show');
    await page.locator('[data-testid=half-life-used][data-half-life="7"]').waitFor({ timeout: WAIT });
    await waitForHash(page, { path: 'attribution/e-claims-copilot', state: {} });
    for (const s of await timeDecay(7)) expect((await decayBars(page))[s.partner.id]).toBeCloseTo(barWidth(s.share), 0);

    await page.locator('#attribution-half-life').fill('2.5');
    expect(await page.locator('#attribution-half-life').evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(true);
    await page.click('#attribution-show');
    await page.locator('[data-testid=half-life-used][data-half-life="2.5"]').waitFor({ timeout: WAIT });
    await waitForHash(page, { path: 'attribution/e-claims-copilot', state: { halfLife: '2.5' } });
    const shares = await timeDecay(2.5);
    expect(shares.map((s) => s.share)).not.toEqual((await timeDecay(7)).map((s) => s.share));
    for (const s of shares) expect((await decayBars(page))[s.partner.id]).toBeCloseTo(barWidth(s.share), 0);
  });

  it('refuses a half-life of 0 beside the field, asking nothing', async () => {
    await page.locator('#attribution-half-life').fill('0');
    await page.click('#attribution-show');
    expect(await page.locator('#attribution-half-life').evaluate((input: HTMLInputElement) => input.validationMessage)).toContain('greater than 0');
    expect(hashOf(page).state).toEqual({ halfLife: '2.5' });
    await page.locator('#attribution-half-life').fill('2.5');
  });

  it('orders the rows by a chosen model, keeps it on reload, and walks back and forward', async () => {
    await page.selectOption('#attribution-model', 'TIME_DECAY');
    await waitForHash(page, { path: 'attribution/e-claims-copilot', state: { halfLife: '2.5', model: 'TIME_DECAY' } });
    const byDecay = [...await timeDecay(2.5)].sort((a, b) => b.share - a.share || (a.partner.id < b.partner.id ? -1 : 1)).map((s) => s.partner.id);
    const rowOrder = () => page.locator('.attribution-chart [data-model=timeDecay] rect[data-partner]').evaluateAll((els) => els.map((e) => e.getAttribute('data-partner')));
    await expect.poll(rowOrder, { timeout: WAIT }).toEqual(byDecay);
    expect(await page.locator('.attribution-chart [data-order=true]').getAttribute('data-model')).toBe('timeDecay');

    await page.reload();
    await page.locator('[data-testid=half-life-used][data-half-life="2.5"]').waitFor({ timeout: WAIT });
    expect(await page.locator('#attribution-engagement').inputValue()).toBe('e-claims-copilot');
    expect(await page.locator('#attribution-half-life').inputValue()).toBe('2.5');
    expect(await page.locator('#attribution-model').inputValue()).toBe('TIME_DECAY');
    expect(await rowOrder()).toEqual(byDecay);

    await page.goBack();
    await waitForHash(page, { path: 'attribution/e-claims-copilot', state: { halfLife: '2.5' } });
    await expect.poll(() => page.locator('#attribution-model').inputValue(), { timeout: WAIT }).toBe('LINEAR');
    await page.goBack();
    await waitForHash(page, { path: 'attribution/e-claims-copilot', state: {} });
    await page.locator('[data-testid=half-life-used][data-half-life="7"]').waitFor({ timeout: WAIT });
    expect(await page.locator('#attribution-half-life').inputValue()).toBe('7');
    await page.goForward();
    await page.locator('[data-testid=half-life-used][data-half-life="2.5"]').waitFor({ timeout: WAIT });
    await page.goForward();
    await expect.poll(() => page.locator('#attribution-model').inputValue(), { timeout: WAIT }).toBe('TIME_DECAY');

    const other = await secondTab(page);
    await other.locator('[data-testid=half-life-used][data-half-life="2.5"]').waitFor({ timeout: WAIT });
    expect(await other.locator('#attribution-model').inputValue()).toBe('TIME_DECAY');
    expect(await other.locator('.attribution-chart [data-order=true]').getAttribute('data-model')).toBe('timeDecay');
    await other.close();
  });
});

describe('the pages', { timeout: 60_000 }, () => {
  it('had no uncaught errors', () => expectNoProblems(world));
});
