/**
 * The network map from overview to detail, in headless Chromium against the real app and
 * the sample: community bubbles, drilling in by clicking, breadcrumbs back, search that
 * lands inside a community, the single points of failure against the API, thinned links,
 * the address round trip, the tooltip, exports and the narrow layout. Sigma draws in
 * WebGL, so where a node is comes from sigma's own graphToViewport; the test then clicks
 * there with the mouse, as a person would.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../support/api.ts';
import { ADMIN, BROWSER_WAIT_MS, expectNoProblems, hashOf, screenshot, startWebWorld, type WebWorld } from './support.ts';

const WAIT = BROWSER_WAIT_MS;

interface Community { id: number; label: string; size: number }
interface Net {
  partnerCount: number;
  communities: Community[];
  nodes: Array<{ id: string; label: string; community: number; articulationPoint: boolean }>;
  edges: Array<{ source: string; target: string; bridge: boolean }>;
}

let world: WebWorld;
let page: Page;
let gql: ReturnType<typeof client>;
let overview: Net;
let biggest: Community;

/**
 * A partner who co-delivers with Cortexa alone, added to the sample (which has no single
 * point of failure): Cortexa becomes an articulation point and their link a bridge.
 */
const SOLO = {
  partners: [{ id: 'p-solo', name: 'Solo Robotics', type: 'ISV', regions: ['DE'], industries: ['FSI'] }],
  engagements: [{
    id: 'e-solo-pilot', name: 'Claims photo triage pilot', customer: 'c-rheinhafen', status: 'ACTIVE', startDate: '2026-09-01', endDate: '2027-03-31',
    participants: [{ partner: 'p-solo', role: 'ORCHESTRATOR', from: '2026-09-01' }, { partner: 'p-cortexa', role: 'CONTRIBUTOR', from: '2026-09-01' }],
  }],
};

beforeAll(async () => {
  world = await startWebWorld();
  gql = client(world.app);
  const imported = await gql('mutation ($input: EcosystemInput!) { importEcosystem(input: $input) { partners engagements } }', { input: SOLO });
  expect(imported.errors, JSON.stringify(imported.errors)).toBeUndefined();
  // The network's metrics are recomputed after the write: the test compares against the fresh ones.
  for (const deadline = Date.now() + 300_000; ;) {
    if ((await gql<{ network: { stale: boolean } }>('{ network(limit: 1) { stale } }')).data?.network.stale === false) break;
    if (Date.now() > deadline) throw new Error('the network metrics were not recomputed after the import');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const res = await gql<{ network: Net }>('{ network(limit: 100000) { partnerCount communities { id label size } nodes { id label community articulationPoint } edges { source target bridge } } }');
  overview = res.data!.network;
  biggest = [...overview.communities].sort((a, b) => b.size - a.size || a.id - b.id)[0]!;
  page = await world.open(ADMIN, '#map');
  // Building the page and starting the database take minutes on a busy machine.
}, 600_000);
afterAll(async () => world?.close());

/** The stage element with the colours sigma's stage paints its canvases with (sigma-stage.ts, from map.css). */
type ThemedHost = HTMLElement & { theme: { label: string; labelHalo: string; ring: string; dimmedNode: string; nodeRim: string } };

const drawnAt = (level: 'overview' | 'partners') => `[data-testid=map-summary][data-state=drawn][data-level=${level}]`;

async function communityNet(id: number): Promise<Net> {
  const res = await gql<{ network: Net }>(`{ network(filter: { communities: [${id}] }, limit: 5000) { partnerCount communities { id label size } nodes { id label community articulationPoint } edges { source target bridge } } }`);
  return res.data!.network;
}

/** Where sigma draws a node, in page coordinates. */
async function nodePoint(key: string): Promise<{ x: number; y: number }> {
  return page.evaluate((k) => {
    const host = document.querySelector('.map-sigma') as HTMLElement & { sigma: { getGraph(): { getNodeAttributes(k: string): { x: number; y: number } }; graphToViewport(p: { x: number; y: number }): { x: number; y: number } } };
    const point = host.sigma.graphToViewport(host.sigma.getGraph().getNodeAttributes(k));
    const box = host.getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  }, key);
}

/** A point of the map, in page coordinates, where the pointer is over sigma's canvas and no node. */
async function emptySpot(): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const host = document.querySelector('.map-sigma') as HTMLElement & { sigma: { getNodeAtPosition(p: { x: number; y: number }): string | null } };
    const box = host.getBoundingClientRect();
    for (let y = 40; y < box.height - 40; y += 20) {
      for (let x = 40; x < box.width - 40; x += 20) {
        const over = document.elementFromPoint(box.left + x, box.top + y);
        if (over?.classList.contains('sigma-mouse') && host.sigma.getNodeAtPosition({ x, y }) === null) return { x: box.left + x, y: box.top + y };
      }
    }
    throw new Error('no open spot on the map');
  });
}

/**
 * Hovers `key` until its tooltip shows. Sigma finds the hovered node on mouse moves (on its
 * next frame): move onto the node from beside it, then wait without moving; again if the
 * view was still settling.
 */
async function showTooltipOn(key: string): Promise<void> {
  const tooltip = page.locator('[data-testid=map-tooltip]');
  for (let attempt = 0; ; attempt++) {
    const at = await nodePoint(key);
    // From open map first: sigma only hears moves over its own canvas, so a pointer that
    // left the node over a panel is still "on" it for sigma, and coming back enters nothing.
    const away = await emptySpot();
    await page.mouse.move(away.x, away.y);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    try {
      await tooltip.waitFor({ state: 'visible', timeout: 2_000 });
      return;
    } catch (err) {
      if (attempt >= 15) throw err;
    }
  }
}

/** What sigma holds and shows: node keys with their labels, links, the labels drawn, and each node's drawn colour. */
async function drawn(): Promise<{ nodes: Record<string, string>; links: number; labelled: string[]; colours: Record<string, string> }> {
  return page.evaluate(() => {
    const host = document.querySelector('.map-sigma') as HTMLElement & { labelled: string[]; sigma: {
      getGraph(): { forEachNode(f: (k: string, a: { label: string }) => void): void; size: number };
      getNodeDisplayData(k: string): { color: string } | undefined;
    } };
    const nodes: Record<string, string> = {}, colours: Record<string, string> = {};
    host.sigma.getGraph().forEachNode((k, a) => { nodes[k] = a.label; colours[k] = host.sigma.getNodeDisplayData(k)?.color ?? ''; });
    return { nodes, links: host.sigma.getGraph().size, labelled: [...host.labelled], colours };
  });
}

/** The overview's bubbles as drawn: radius by key, and link width by "a|b" (keys sorted). */
async function bubbles(): Promise<{ sizes: Record<string, number>; links: Record<string, number> }> {
  return page.evaluate(() => {
    const host = document.querySelector('.map-sigma') as HTMLElement & { sigma: { getGraph(): {
      forEachNode(f: (k: string, a: { size: number }) => void): void; forEachEdge(f: (e: string, a: { size: number }, s: string, t: string) => void): void;
    } } };
    const sizes: Record<string, number> = {}, links: Record<string, number> = {};
    host.sigma.getGraph().forEachNode((k, a) => { sizes[k] = a.size; });
    host.sigma.getGraph().forEachEdge((_e, a, source, target) => { links[[source, target].sort().join('|')] = a.size; });
    return { sizes, links };
  });
}

/** Where every node of the stage is laid out (graph coordinates). */
async function places(): Promise<Record<string, [number, number]>> {
  return page.evaluate(() => {
    const host = document.querySelector('.map-sigma') as HTMLElement & { sigma: { getGraph(): { forEachNode(f: (k: string, a: { x: number; y: number }) => void): void } } };
    const out: Record<string, [number, number]> = {};
    host.sigma.getGraph().forEachNode((k, a) => { out[k] = [a.x, a.y]; });
    return out;
  });
}

/** Whether sigma's camera is at rest: where it is now, it still is two frames later, and no animation is under way. */
async function cameraAtRest(): Promise<boolean> {
  return page.evaluate(async () => {
    const host = document.querySelector('.map-sigma') as HTMLElement & { sigma: { getCamera(): { getState(): object; isAnimated(): boolean } } };
    const camera = host.sigma.getCamera();
    const before = JSON.stringify(camera.getState());
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return !camera.isAnimated() && JSON.stringify(camera.getState()) === before;
  });
}

/**
 * How light the map's parts are (WCAG relative luminance, 0 black to 1 white): the
 * backgrounds of the stage and of what lies over it, and the colours sigma's stage paints
 * its canvases with (its theme).
 */
async function lightness(): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const luminance = (colour: string): number => {
      const probe = document.createElement('i');
      probe.style.color = colour;
      document.body.append(probe);
      const [r, g, b] = getComputedStyle(probe).color.match(/[\d.]+/g)!.map(Number) as [number, number, number];
      probe.remove();
      const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const background = (selector: string) => luminance(getComputedStyle(document.querySelector(selector)!).backgroundColor);
    const { theme } = document.querySelector('.map-sigma') as ThemedHost;
    return {
      stage: background('[data-testid=map-stage]'), side: background('.map-side'), crumbs: background('[data-testid=map-crumbs] ol'),
      summary: background('[data-testid=map-summary]'), spof: background('[data-testid=map-spof]'), tooltip: background('[data-testid=map-tooltip]'),
      label: luminance(theme.label), labelHalo: luminance(theme.labelHalo), ring: luminance(theme.ring), dimmedNode: luminance(theme.dimmedNode),
      nodeRim: luminance(theme.nodeRim),
    };
  });
}

async function crumbs(): Promise<string[]> {
  return page.locator('[data-testid=map-crumbs] li').allTextContents();
}

describe('the network map, overview to detail', { timeout: 240_000 }, () => {
  it('starts from the community overview: one labelled bubble per community, linked by co-delivery', async () => {
    // The first network of a fresh database is computed while the page waits: longer than any later step.
    await page.waitForSelector(drawnAt('overview'), { timeout: 4 * WAIT });
    expect(await crumbs()).toEqual(['Overview']);
    const summary = page.locator('[data-testid=map-summary]');
    expect(Number(await summary.getAttribute('data-partners'))).toBe(overview.partnerCount);
    expect(Number(await summary.getAttribute('data-communities'))).toBe(overview.communities.length);
    const shown = await drawn();
    expect(shown.nodes).toEqual(Object.fromEntries(overview.communities.map((c) => [`c:${c.id}`, c.label])));
    // Labels are drawn on the canvas after sigma's frame: the biggest community's among them.
    await expect.poll(async () => (await drawn()).labelled, { timeout: WAIT }).toContain(`c:${biggest.id}`);
    expect(biggest.label).toMatch(/ · /);
    // Bubbles sized by member count; links between them where the API says they co-deliver, wider for more weight.
    const { sizes, links } = await bubbles();
    for (const a of overview.communities) {
      for (const b of overview.communities) if (a.size > b.size) expect(sizes[`c:${a.id}`]!, `${a.id} (${a.size}) against ${b.id} (${b.size})`).toBeGreaterThan(sizes[`c:${b.id}`]!);
    }
    const api = await gql<{ network: { communityLinks: Array<{ source: number; target: number; weight: number }> } }>('{ network(limit: 100000) { communityLinks { source target weight } } }');
    const apiLinks = api.data!.network.communityLinks;
    expect(apiLinks.length).toBeGreaterThan(0);
    expect(Object.keys(links).sort()).toEqual(apiLinks.map((l) => [`c:${l.source}`, `c:${l.target}`].sort().join('|')).sort());
    const byWeight = [...apiLinks].sort((a, b) => a.weight - b.weight).map((l) => links[[`c:${l.source}`, `c:${l.target}`].sort().join('|')]!);
    if (apiLinks.length > 1 && apiLinks.some((l) => l.weight !== apiLinks[0]!.weight)) expect(byWeight.at(-1)!).toBeGreaterThan(byWeight[0]!);
    await screenshot(page, 'network-map');
  });

  it('lays the overview out the same way on every load, showing its progress meanwhile', async () => {
    const before = await places();
    // Every state the status line and the progress bar pass through, however briefly, from the page's start.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __mapLoading: string[] }).__mapLoading = seen;
      new MutationObserver((records) => {
        for (const r of records) {
          const target = r.target as HTMLElement;
          if (target.classList.contains('map-progress') && r.attributeName === 'hidden') seen.push(target.hidden ? 'progress hidden' : 'progress shown');
          if (target.dataset.testid === 'map-summary' && r.attributeName === 'data-state') seen.push(`${target.dataset.state}: ${target.textContent}`);
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['hidden', 'data-state'] });
    });
    await page.reload();
    await page.waitForSelector(drawnAt('overview'), { timeout: WAIT });
    expect(await places()).toEqual(before);
    const seen = await page.evaluate(() => (window as unknown as { __mapLoading: string[] }).__mapLoading);
    const laying = seen.findIndex((s) => /^loading: Laying out \d+ communities…$/.test(s));
    expect(seen.findIndex((s) => s === 'loading: Loading the community overview…'), seen.join('; ')).toBeGreaterThanOrEqual(0);
    expect(laying, seen.join('; ')).toBeGreaterThanOrEqual(0);
    expect(seen.indexOf('progress shown', laying), seen.join('; ')).toBeGreaterThan(laying);
    expect(seen.at(-1), seen.join('; ')).toMatch(/^drawn: /);
    expect(await page.locator('.map-progress').isHidden()).toBe(true);
  });

  it('opens a community when zoomed into with the wheel', async () => {
    const at = await nodePoint(`c:${biggest.id}`);
    await page.mouse.move(at.x, at.y);
    // A few notches in, one at a time, until the map drills into the bubble under the pointer.
    for (let notch = 0; notch < 30 && !(await page.locator(drawnAt('partners')).count()); notch++) {
      await page.mouse.wheel(0, -240);
      await expect.poll(cameraAtRest, { timeout: WAIT }).toBe(true);
    }
    await page.waitForSelector(drawnAt('partners'), { timeout: WAIT });
    expect(await crumbs()).toEqual(['Overview', biggest.label]);
    expect(new URL(page.url()).hash).toBe(`#map?community=${biggest.id}`);
    await page.locator('[data-testid=map-crumbs] button', { hasText: 'Overview' }).click();
    await page.waitForSelector(drawnAt('overview'), { timeout: WAIT });
  });

  it('opens a community on click, shows the path as breadcrumbs, and goes back from them', async () => {
    const at = await nodePoint(`c:${biggest.id}`);
    await page.mouse.click(at.x, at.y);
    await page.waitForSelector(drawnAt('partners'), { timeout: WAIT });
    expect(await crumbs()).toEqual(['Overview', biggest.label]);
    expect(new URL(page.url()).hash).toBe(`#map?community=${biggest.id}`);
    const api = await communityNet(biggest.id);
    expect(Object.keys((await drawn()).nodes).sort()).toEqual(api.nodes.map((n) => n.id).sort());
    await page.locator('[data-testid=map-crumbs] button', { hasText: 'Overview' }).click();
    await page.waitForSelector(drawnAt('overview'), { timeout: WAIT });
    expect(await crumbs()).toEqual(['Overview']);
    expect(new URL(page.url()).hash).toBe('#map');
  });

  it('finds a partner by name inside its community, highlighting its neighbourhood', async () => {
    const cortexa = overview.nodes.find((n) => n.id === 'p-cortexa')!;
    const home = overview.communities.find((c) => c.id === cortexa.community)!;
    await page.fill('#map-search', 'Cortexa');
    await page.press('#map-search', 'Enter');
    await page.locator('.partner-card[data-partner="p-cortexa"]').waitFor({ timeout: WAIT });
    await page.waitForSelector(drawnAt('partners'), { timeout: WAIT });
    expect(await crumbs()).toEqual(['Overview', home.label, 'Cortexa']);
    expect(new URL(page.url()).hash).toBe(`#map/p-cortexa?community=${home.id}`);
    const api = await communityNet(home.id);
    const neighbours = new Set(['p-cortexa', ...api.edges.flatMap((e) => (e.source === 'p-cortexa' ? [e.target] : e.target === 'p-cortexa' ? [e.source] : []))]);
    // Drawn links are the strongest per partner: the lit neighbourhood is among the API's neighbours, the rest dimmed.
    const { colours } = await drawn();
    const lit = Object.keys(colours).filter((k) => colours[k] !== '#d9d9d9');
    expect(lit).toContain('p-cortexa');
    expect(lit.length).toBeGreaterThan(1);
    for (const k of lit) expect(neighbours.has(k)).toBe(true);
    if (api.nodes.length > lit.length) expect(Object.values(colours)).toContain('#d9d9d9');
    await expect.poll(cameraAtRest, { timeout: WAIT }).toBe(true);
    // Labels beside the partners, none over another.
    const boxes = await page.evaluate(() => (document.querySelector('.map-sigma') as HTMLElement & { labelBoxes: Array<{ key: string; x: number; y: number; width: number; height: number }> }).labelBoxes);
    expect(boxes.length).toBeGreaterThan(3);
    for (const a of boxes) {
      for (const b of boxes) {
        if (a !== b) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y, `${a.key} over ${b.key}`).toBe(true);
      }
    }
    await screenshot(page, 'network-map-card');
  });

  it('lists the community’s articulation points and bridges as the API marks them, and selects one from the list', async () => {
    const hash = new URL(page.url()).hash;
    const id = Number(/community=(\d+)/.exec(hash)![1]);
    const api = await communityNet(id);
    const list = page.locator('[data-testid=map-spof]');
    const points = await list.locator('[data-articulation]').evaluateAll((els) => els.map((e) => e.getAttribute('data-articulation')!));
    expect(points.sort()).toEqual(api.nodes.filter((n) => n.articulationPoint).map((n) => n.id).sort());
    const bridges = await list.locator('[data-bridge]').evaluateAll((els) => els.map((e) => e.getAttribute('data-bridge')));
    expect(bridges.sort()).toEqual(api.edges.filter((e) => e.bridge).map((e) => [e.source, e.target].sort().join('|')).sort());
    // Solo Robotics hangs on Cortexa alone.
    expect(points).toContain('p-cortexa');
    expect(bridges).toContain('p-cortexa|p-solo');
    const entry = list.locator('[data-articulation] button').first();
    const target = points[0]!;
    await entry.click();
    await expect.poll(() => new URL(page.url()).hash, { timeout: WAIT }).toBe(`#map/${target}?community=${id}`);
    await page.locator(`.partner-card[data-partner="${target}"]`).waitFor({ timeout: WAIT });
    await expect.poll(cameraAtRest, { timeout: WAIT }).toBe(true);
    // Marked on the map: a ring around each articulation point in view, and the bridge in a colour no other link has.
    const marks = await page.evaluate((articulation) => {
      const host = document.querySelector('.map-sigma') as HTMLElement & { sigma: {
        getGraph(): { edge(a: string, b: string): string | undefined; getEdgeAttribute(e: string, k: string): string; edges(): string[]; hasNode(k: string): boolean };
        getNodeDisplayData(k: string): { x: number; y: number; size: number } | undefined;
        framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number }; scaleSize(size: number): number;
      } };
      const { sigma } = host;
      const overlay = host.querySelector('canvas.map-overlay') as HTMLCanvasElement;
      const ctx = overlay.getContext('2d')!;
      const scale = overlay.width / host.clientWidth;
      const painted = (x: number, y: number) => ctx.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data[3]! > 0;
      const rings = articulation.filter((k) => sigma.getGraph().hasNode(k)).map((k) => {
        const d = sigma.getNodeDisplayData(k)!;
        const at = sigma.framedGraphToViewport(d);
        const r = sigma.scaleSize(d.size) + 3;
        const inView = at.x > r + 2 && at.y > r + 2 && at.x < host.clientWidth - r - 2 && at.y < host.clientHeight - r - 2;
        // Left, top and bottom of the ring (labels sit to the right of a node).
        return { k, inView, ring: [painted(at.x - r, at.y), painted(at.x, at.y - r), painted(at.x, at.y + r)].filter(Boolean).length };
      });
      const g = sigma.getGraph();
      const bridge = g.edge('p-cortexa', 'p-solo');
      const bridgeColour = bridge ? g.getEdgeAttribute(bridge, 'color') : null;
      const others = g.edges().filter((e) => e !== bridge).map((e) => g.getEdgeAttribute(e, 'color'));
      return { rings, bridgeColour, others };
    }, points);
    const seen = marks.rings.filter((r) => r.inView);
    expect(seen.length).toBeGreaterThan(0);
    for (const r of seen) expect(r.ring, r.k).toBeGreaterThanOrEqual(2);
    expect(marks.bridgeColour).not.toBeNull();
    expect(marks.others).not.toContain(marks.bridgeColour);
  });

  it('draws the strongest links per partner and says how many are hidden', async () => {
    const id = Number(/community=(\d+)/.exec(new URL(page.url()).hash)![1]);
    const api = await communityNet(id);
    await page.selectOption('#map-links', '3');
    await expect.poll(() => new URL(page.url()).hash, { timeout: WAIT }).toContain('links=3');
    await expect.poll(async () => (await drawn()).links, { timeout: WAIT }).toBeLessThanOrEqual(api.edges.length);
    const hidden = api.edges.length - (await drawn()).links;
    // The largest community has more than 3 links for many of its partners: some must be hidden.
    expect(hidden).toBeGreaterThan(0);
    const note = page.locator('[data-testid=map-hidden]');
    await expect.poll(() => note.getAttribute('data-hidden'), { timeout: WAIT }).toBe(String(hidden));
    expect(await note.textContent()).toContain(`${hidden} link${hidden === 1 ? '' : 's'} hidden`);
    expect(await note.isVisible()).toBe(true);
    await page.selectOption('#map-links', 'all');
    await expect.poll(async () => (await drawn()).links, { timeout: WAIT }).toBe(api.edges.length);
    expect(await note.isHidden()).toBe(true);
    await page.selectOption('#map-links', '5');
  });

  it('keeps the filters in the address: each choice is a history entry, reload and a second tab restore them', async () => {
    const start = hashOf(page);
    expect(start.state.community).toBeDefined();
    const region = (await page.locator('#map-region option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).find((v) => v !== '')!;
    // Sizes are drawn, not asked: the community stays open.
    await page.selectOption('#map-size', 'degree');
    await expect.poll(() => hashOf(page), { timeout: WAIT }).toEqual({ path: start.path, state: { ...start.state, size: 'degree' } });
    await page.waitForSelector(drawnAt('partners'), { timeout: WAIT });
    // Another region asks another network: its overview, and the region's partners only.
    await page.selectOption('#map-region', region);
    const filtered = { path: 'map', state: { region, size: 'degree' } };
    await expect.poll(() => hashOf(page), { timeout: WAIT }).toEqual(filtered);
    await page.waitForSelector(drawnAt('overview'), { timeout: WAIT });
    const regional = await gql<{ network: { partnerCount: number } }>('query ($r: ID!) { network(filter: { regions: [$r] }, limit: 100000) { partnerCount } }', { r: region });
    const summary = page.locator('[data-testid=map-summary]');
    await expect.poll(() => summary.textContent(), { timeout: WAIT }).toContain(`${regional.data!.network.partnerCount} partners in`);
    expect(regional.data!.network.partnerCount).toBeLessThan(overview.partnerCount);

    const same = async (p: Page) => {
      await p.waitForSelector(drawnAt('overview'), { timeout: WAIT });
      expect(hashOf(p)).toEqual(filtered);
      expect(await p.locator('#map-region').inputValue()).toBe(region);
      expect(await p.locator('#map-size').inputValue()).toBe('degree');
      await expect.poll(() => p.locator('[data-testid=map-summary]').textContent(), { timeout: WAIT }).toContain(`${regional.data!.network.partnerCount} partners in`);
    };
    await page.reload();
    await same(page);
    const other = await world.tab(page, page.url());
    try { await same(other); } finally { await other.close(); }

    // Back undoes the region, then the size; Forward redoes the region.
    await page.goBack();
    await expect.poll(() => hashOf(page), { timeout: WAIT }).toEqual({ path: start.path, state: { ...start.state, size: 'degree' } });
    await page.waitForSelector(drawnAt('partners'), { timeout: WAIT });
    expect(await page.locator('#map-region').inputValue()).toBe('');
    await page.goForward();
    await expect.poll(() => hashOf(page), { timeout: WAIT }).toEqual(filtered);
    await page.waitForSelector(drawnAt('overview'), { timeout: WAIT });
    await page.goBack();
    await page.goBack();
    await expect.poll(() => hashOf(page), { timeout: WAIT }).toEqual(start);
    await page.waitForSelector(drawnAt('partners'), { timeout: WAIT });
    expect(await page.locator('#map-size').inputValue()).toBe('pagerank');
  });

  it('keeps the drill-down and selection in the address: reload restores them, back and forward walk them', async () => {
    await page.fill('#map-search', 'Cortexa');
    await page.press('#map-search', 'Enter');
    await page.locator('.partner-card[data-partner="p-cortexa"]').waitFor({ timeout: WAIT });
    const selected = new URL(page.url()).hash;
    const path = await crumbs();
    await page.reload();
    await page.waitForSelector(drawnAt('partners'), { timeout: WAIT });
    expect(new URL(page.url()).hash).toBe(selected);
    expect(await crumbs()).toEqual(path);
    await page.locator('.partner-card[data-partner="p-cortexa"]').waitFor({ timeout: WAIT });
    // Up to the community, then the overview, then back and forward again.
    await page.locator('[data-testid=map-crumbs] button', { hasText: path[1]! }).click();
    await expect.poll(crumbs, { timeout: WAIT }).toEqual(path.slice(0, 2));
    await page.locator('[data-testid=map-crumbs] button', { hasText: 'Overview' }).click();
    await page.waitForSelector(drawnAt('overview'), { timeout: WAIT });
    await page.goBack();
    await expect.poll(crumbs, { timeout: WAIT }).toEqual(path.slice(0, 2));
    await page.waitForSelector(drawnAt('partners'), { timeout: WAIT });
    await page.goBack();
    await expect.poll(crumbs, { timeout: WAIT }).toEqual(path);
    await page.goForward();
    await expect.poll(crumbs, { timeout: WAIT }).toEqual(path.slice(0, 2));
    // Nothing is selected now: the camera stays where it was, not flying on to Cortexa after
    // the address has left it (the nodes would move away under the pointer).
    expect(await cameraAtRest()).toBe(true);
  });

  // Right after the address round trip above: the node is chosen where the camera shows it then.
  it('never leaves a tooltip behind after a search or a zoom', async () => {
    const tooltip = page.locator('[data-testid=map-tooltip]');
    // The node nearest the middle of the map that the pointer can reach: the partner card
    // and the panels lie over parts of the map, and a node under them gets no hover.
    const someNode = await page.evaluate(() => {
      const host = document.querySelector('.map-sigma') as HTMLElement & { sigma: { getGraph(): { forEachNode(f: (k: string, a: { x: number; y: number }) => void): void }; graphToViewport(p: { x: number; y: number }): { x: number; y: number } } };
      const box = host.getBoundingClientRect();
      let best = '', distance = Infinity;
      host.sigma.getGraph().forEachNode((k, a) => {
        const p = host.sigma.graphToViewport(a);
        if (!document.elementFromPoint(box.left + p.x, box.top + p.y)?.classList.contains('sigma-mouse')) return;
        const d = Math.hypot(p.x - box.width / 2, p.y - box.height / 2);
        if (d < distance) { best = k; distance = d; }
      });
      return best;
    });
    expect(someNode).not.toBe('');
    await showTooltipOn(someNode);
    await page.fill('#map-search', 'Cortexa');
    await page.press('#map-search', 'Enter');
    await expect.poll(() => tooltip.isVisible(), { timeout: WAIT }).toBe(false);
    await page.waitForSelector(drawnAt('partners'), { timeout: WAIT });
    await showTooltipOn('p-cortexa');
    await page.mouse.wheel(0, -300);
    await expect.poll(() => tooltip.isVisible(), { timeout: WAIT }).toBe(false);
  });

  // Right after the tooltip test: the partner level of Cortexa's community, p-cortexa hovered, then zoomed.
  it('drags the map with the mouse: the view follows, nothing is hovered meanwhile, and nodes answer the pointer again after', async () => {
    const tooltip = page.locator('[data-testid=map-tooltip]');
    const shield = page.locator('.map-drag-shield');
    const camera = () => page.evaluate(() => {
      const host = document.querySelector('.map-sigma') as HTMLElement & { sigma: { getCamera(): { getState(): { x: number; y: number } } } };
      const { x, y } = host.sigma.getCamera().getState();
      return { x, y };
    });
    await expect.poll(cameraAtRest, { timeout: WAIT }).toBe(true);
    const before = await camera();
    const from = await emptySpot();
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + 20, { steps: 4 });
    // While dragging, the pointer is over the shield, not over sigma's canvas: no node is looked up.
    expect(await shield.isVisible()).toBe(true);
    await page.mouse.move(from.x + 120, from.y + 60, { steps: 8 });
    expect(await tooltip.isVisible()).toBe(false);
    await page.mouse.up();
    expect(await shield.isVisible()).toBe(false);
    await expect.poll(cameraAtRest, { timeout: WAIT }).toBe(true);
    const after = await camera();
    expect(Math.hypot(after.x - before.x, after.y - before.y)).toBeGreaterThan(0);
    // The node under the pointer is found again: moved onto from open map, Cortexa's tooltip shows.
    await showTooltipOn('p-cortexa');
    expect(await tooltip.textContent()).toContain('Cortexa');
    // A drag that stops before the button is released ends without sigma's glide, so no frame
    // follows on its own: the frame drawn after it must still let the pointer find nodes.
    const still = await emptySpot();
    await page.mouse.move(still.x, still.y);
    await page.mouse.down();
    await page.mouse.move(still.x - 60, still.y - 30, { steps: 6 });
    expect(await shield.isVisible()).toBe(true);
    // Sigma ends a drag's move after a quiet moment; waiting for its own flag, not a time.
    await expect.poll(() => page.evaluate(() => (document.querySelector('.map-sigma') as HTMLElement & { sigma: { getMouseCaptor(): { isMoving: boolean } } })
      .sigma.getMouseCaptor().isMoving), { timeout: WAIT }).toBe(false);
    await page.mouse.up();
    await expect.poll(cameraAtRest, { timeout: WAIT }).toBe(true);
    await showTooltipOn('p-cortexa');
    expect(await tooltip.textContent()).toContain('Cortexa');
  });

  it('paints each partner as a disc of its colour where sigma places it', async () => {
    const checked = await page.evaluate(() => {
      type Data = { x: number; y: number; size: number; color: string; hidden?: boolean };
      const host = document.querySelector('.map-sigma') as HTMLElement & { sigma: {
        refresh(): void; getCanvases(): Record<string, HTMLCanvasElement>; getGraph(): { nodes(): string[] };
        getNodeDisplayData(k: string): Data | undefined; framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number }; scaleSize(size: number): number;
      } };
      const { sigma } = host;
      const { theme } = host as unknown as { theme: { nodeRim: string; dimmedNode: string } };
      // WebGL keeps no drawing buffer between frames: draw, then copy in the same task.
      sigma.refresh();
      const copyOf = (layer: HTMLCanvasElement) => {
        const copy = document.createElement('canvas');
        copy.width = layer.width;
        copy.height = layer.height;
        const context = copy.getContext('2d', { willReadFrequently: true })!;
        context.drawImage(layer, 0, 0);
        return context;
      };
      const layer = sigma.getCanvases().nodes!;
      const ctx = copyOf(layer);
      const links = copyOf(sigma.getCanvases().edges!);
      const scale = layer.width / host.clientWidth;
      const rgb = (colour: string) => {
        const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
        probe.fillStyle = colour;
        probe.fillRect(0, 0, 1, 1);
        return [...probe.getImageData(0, 0, 1, 1).data.slice(0, 3)];
      };
      const discs = sigma.getGraph().nodes().map((key) => {
        const d = sigma.getNodeDisplayData(key)!;
        return { key, at: sigma.framedGraphToViewport(d), r: sigma.scaleSize(d.size), colour: d.color, hidden: d.hidden };
      });
      const out: Array<{ key: string; want: number[]; got: number[]; outside: number; rimmed: boolean }> = [];
      for (const disc of discs) {
        const { x, y } = disc.at;
        if (disc.hidden || x < 10 || y < 10 || x > host.clientWidth - 10 || y > host.clientHeight - 10) continue;
        // Only discs whose middle and rim no other disc covers.
        if (discs.some((o) => o !== disc && Math.hypot(o.at.x - x, o.at.y - y) < o.r + disc.r + 3)) continue;
        const pixel = (px: number, py: number) => [...ctx.getImageData(Math.round(px * scale), Math.round(py * scale), 1, 1).data];
        // Near the edge, the theme's rim (a dimmed disc has none); just beyond it nothing painted (alpha 0).
        // (The rim is a pixel or two, blended at its edge: some opaque pixel there is much nearer the rim's colour than the fill is.)
        const rim = rgb(theme.nodeRim);
        const fill = rgb(disc.colour);
        const toRim = (p: number[]) => [0, 1, 2].reduce((sum, i) => sum + Math.abs(p[i]! - rim[i]!), 0);
        const rimmed = disc.colour === theme.dimmedNode || [0, 1, 2, 3, 4, 5].some((d) => {
          const p = pixel(x + disc.r - d, y);
          return p[3]! >= 128 && toRim(p) <= toRim(fill) - 40;
        });
        out.push({ key: disc.key, want: rgb(disc.colour), got: pixel(x, y).slice(0, 3), outside: pixel(x + disc.r + 2, y)[3]!, rimmed });
      }
      // Every link is painted through its middle (on the links' own layer, under the discs).
      const byKey = new Map(discs.map((d) => [d.key, d]));
      const graph = sigma.getGraph() as unknown as { forEachEdge(f: (e: string, a: unknown, s: string, t: string) => void): void };
      const unpainted: string[] = [];
      let probed = 0;
      graph.forEachEdge((_e, _a, source, target) => {
        const [a, b] = [byKey.get(source)!.at, byKey.get(target)!.at];
        const [mx, my] = [(a.x + b.x) / 2, (a.y + b.y) / 2];
        if (mx < 2 || my < 2 || mx > host.clientWidth - 2 || my > host.clientHeight - 2) return;
        probed++;
        // A 3 × 3 pixel patch: a thin link's middle may fall between two pixels.
        const patch = links.getImageData(Math.round(mx * scale) - 1, Math.round(my * scale) - 1, 3, 3).data;
        if (!patch.some((v, i) => i % 4 === 3 && v > 0)) unpainted.push(`${source}|${target}`);
      });
      // The map draws with its own programs, without instancing (stage-programs.ts).
      const programs = sigma as unknown as { nodePrograms: Record<string, { isInstanced: boolean }>; edgePrograms: Record<string, { isInstanced: boolean }> };
      // (The discs are sigma's `circle`, the links its `line`: the types the stage draws.)
      const instanced = [programs.nodePrograms.circle?.isInstanced, programs.edgePrograms.line?.isInstanced];
      return { out, probed, unpainted, instanced };
    });
    expect(checked.instanced).toEqual([false, false]);
    expect(checked.probed).toBeGreaterThan(3);
    expect(checked.unpainted).toEqual([]);
    expect(checked.out.length).toBeGreaterThanOrEqual(3);
    for (const { key, want, got, outside, rimmed } of checked.out) {
      expect(rimmed, `${key}: no rim`).toBe(true);
      for (let i = 0; i < 3; i++) expect(Math.abs(got[i]! - want[i]!), `${key}: ${got} against ${want}`).toBeLessThanOrEqual(2);
      expect(outside, key).toBe(0);
    }
  });

  it('exports a PNG and a CSV with names beside ids', async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const bytes = await streamBytes(await png.createReadStream());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(5_000);
    // The picture with a caption above (title, filters, date: dark text) and the legend below (the partner types' colours).
    const parts = await page.evaluate(async (base64) => {
      const image = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(image, 0, 0);
      const strip = (y0: number, y1: number) => {
        const { data } = ctx.getImageData(0, y0, canvas.width, y1 - y0);
        let dark = 0, coloured = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
          if (Math.max(r, g, b) < 90) dark++;
          if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
        }
        return { dark, coloured };
      };
      const dpr = devicePixelRatio;
      const stage = document.querySelector('[data-testid=map-stage]')!.getBoundingClientRect();
      return { height: image.height, stageHeight: Math.round(stage.height * dpr), top: strip(0, Math.round(24 * dpr)), bottom: strip(image.height - Math.round(26 * dpr), image.height) };
    }, bytes.toString('base64'));
    expect(parts.height).toBeGreaterThan(parts.stageHeight + 40);
    expect(parts.top.dark).toBeGreaterThan(50);
    expect(parts.bottom.coloured).toBeGreaterThan(50);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const text = (await streamBytes(await csv.createReadStream())).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('id,name,partnerType,community,communityLabel,degree,pagerank,betweenness,articulationPoint');
    expect(text).toMatch(/\np-cortexa,Cortexa,AI_NATIVE,\d+,[^,]+ · /);
  });

  it('fits 1024 px: the filters fold behind a button', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.reload();
    await page.waitForSelector(drawnAt('partners'), { timeout: WAIT });
    const toggle = page.locator('.map-side-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#map-region').isVisible()).toBe(false);
    const stage = (await page.locator('[data-testid=map-stage]').boundingBox())!;
    expect(stage.width).toBeGreaterThan(600);
    expect(stage.height).toBeGreaterThan(400);
    // The map reaches the window's bottom edge: no strip of page below it.
    expect(Math.abs(stage.y + stage.height - 768)).toBeLessThanOrEqual(1);
    await toggle.click();
    expect(await page.locator('#map-region').isVisible()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('draws the map dark when the browser prefers a dark colour scheme', async () => {
    // With a partner selected, so that dimmed partners are drawn too.
    await page.fill('#map-search', 'Cortexa');
    await page.press('#map-search', 'Enter');
    await page.locator('.partner-card[data-partner="p-cortexa"]').waitFor({ timeout: WAIT });
    await page.waitForSelector(drawnAt('partners'), { timeout: WAIT });
    const light = await lightness();
    expect(light.stage).toBeGreaterThan(0.8);
    expect(light.label).toBeLessThan(0.05);
    // Every disc's rim stands out from the light stage by at least 3:1 (WCAG's for graphics), whatever its fill.
    expect((light.stage! + 0.05) / (light.nodeRim! + 0.05)).toBeGreaterThanOrEqual(3);
    // A system integrator's colour, on the map and in the side panel's legend (palette.ts: #332288, on dark #8877EE).
    const integrator = async () => ({
      node: await page.evaluate(() => (document.querySelector('.map-sigma') as HTMLElement & { sigma: { getGraph(): { getNodeAttribute(k: string, a: string): string } } })
        .sigma.getGraph().getNodeAttribute('p-brightwater', 'color')),
      swatch: await page.locator('.map-layout label.row', { hasText: 'System integrator' }).locator('.swatch').evaluate((e) => getComputedStyle(e).backgroundColor),
    });
    expect(await integrator()).toEqual({ node: '#332288', swatch: 'rgb(51, 34, 136)' });
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      // The open map follows the switch: sigma's colours are read again and drawn anew.
      await expect.poll(async () => (await lightness()).label, { timeout: WAIT }).toBeGreaterThan(0.7);
      const dark = await lightness();
      for (const part of ['stage', 'side', 'crumbs', 'summary', 'spof', 'tooltip', 'labelHalo', 'dimmedNode'] as const) {
        expect(dark[part], part).toBeLessThan(0.1);
      }
      expect(dark.ring).toBeGreaterThan(0.7);
      // Cortexa is selected: the rest is dimmed in the dark scheme's grey, not the light one's.
      const dimmed = await page.evaluate(() => (document.querySelector('.map-sigma') as ThemedHost).theme.dimmedNode);
      const colours = Object.values((await drawn()).colours);
      expect(colours).toContain(dimmed);
      expect(colours).not.toContain('#d9d9d9');
      // The partners' own colours follow at once too, without leaving the page.
      await expect.poll(integrator, { timeout: WAIT }).toEqual({ node: '#8877EE', swatch: 'rgb(136, 119, 238)' });
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });

  it('had no uncaught errors', () => expectNoProblems(world));
});

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
