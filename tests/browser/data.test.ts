/**
 * The Data view as a strategist with an ADMIN token uses it: the Data tab, the whole graph
 * downloaded as CSV files (a zip), one cell edited, the files chosen in the import's file
 * chooser: a broken cell is listed with its file, row and column and nothing is written;
 * the fixed files are checked, imported with a click, exactly that cell changes, and the
 * audit log names the files. The address keeps the import across a reload. An ANALYST may
 * download but not import; a PARTNER does neither.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../support/api.ts';
import { snapshot } from '../support/graph.ts';
import { makeTokens } from '../support/tokens.ts';
import { ADMIN, BROWSER_WAIT_MS, expectNoProblems, hashOf, screenshot, startWebWorld, type WebWorld } from './support.ts';

const WAIT = BROWSER_WAIT_MS;

let world: WebWorld;
let page: Page;
let dir: string;
/** The exported CSV files, by name. */
let exported: Map<string, string>;

beforeAll(async () => {
  world = await startWebWorld();
  dir = await mkdtemp(join(tmpdir(), 'ecomap-data-view-'));
});
afterAll(async () => {
  await world?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Chooses `names` (from the test's folder) in the import's file chooser, as a person does after clicking. */
async function chooseFiles(p: Page, folder: string, names: string[]): Promise<void> {
  const [chooser] = await Promise.all([p.waitForEvent('filechooser'), p.click('#import-drop .button')]);
  await chooser.setFiles(names.map((n) => join(folder, n)));
}

async function writeFolder(name: string, files: Map<string, string>): Promise<string> {
  const folder = join(dir, name);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder);
  for (const [file, text] of files) await writeFile(join(folder, file), text);
  return folder;
}

/** `files` with the cell of `column` in the row of `id` in `file` set to `value`. */
function edited(files: Map<string, string>, file: string, id: string, column: string, value: string): Map<string, string> {
  const lines = files.get(file)!.split('\r\n');
  const header = lines[0]!.split(',');
  const at = header.indexOf(column);
  const row = lines.findIndex((l) => l.startsWith(`${id},`));
  expect(at).toBeGreaterThan(0);
  expect(row).toBeGreaterThan(0);
  const cells = lines[row]!.split(',');
  cells[at] = value;
  lines[row] = cells.join(',');
  return new Map(files).set(file, lines.join('\r\n'));
}

describe('the Data view', { timeout: 240_000 }, () => {
  it('downloads the whole graph as CSV files from the Data tab', async () => {
    page = await world.open(ADMIN, '#attribution');
    await page.click('#tab-data');
    await page.locator('a[data-format=csv]').waitFor({ timeout: WAIT });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-format=csv]')]);
    expect(download.suggestedFilename()).toMatch(/^ecomap-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = await JSZip.loadAsync(await readFile((await download.path())!));
    exported = new Map();
    for (const name of Object.keys(zip.files)) exported.set(name, await zip.file(name)!.async('string'));
    expect([...exported.keys()]).toContain('partners.csv');
    expect(exported.get('partners.csv')).toContain('p-quillfield,Quillfield Advisory,');
    await screenshot(page, 'data-view');
  });

  it('lists a broken cell with its file, row and column, and writes nothing', async () => {
    const before = await snapshot(world.app.open.graph);
    const broken = edited(exported, 'partners.csv', 'p-quillfield', 'type', 'PIRATE');
    const folder = await writeFolder('broken', broken);
    await chooseFiles(page, folder, [...broken.keys()]);
    await page.locator('#import-refused').waitFor({ timeout: WAIT });
    const row = broken.get('partners.csv')!.split('\r\n').findIndex((l) => l.startsWith('p-quillfield,')) + 1;
    const cells = await page.locator('#import-problems tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['partners.csv', String(row), 'type']);
    expect(cells[3]).toMatch(/PIRATE/);
    expect(await page.locator('#import-refused').textContent()).toMatch(/^1 problem; nothing was written/);
    expect(await snapshot(world.app.open.graph)).toEqual(before);
    await screenshot(page, 'data-import-problems');
  });

  it('checks files and, on Discard, writes nothing and forgets the import', async () => {
    const before = await snapshot(world.app.open.graph);
    const renamed = edited(exported, 'partners.csv', 'p-quillfield', 'name', 'Quillfield Discarded');
    const folder = await writeFolder('discarded', renamed);
    await chooseFiles(page, folder, [...renamed.keys()]);
    await page.locator('#import-ready').waitFor({ timeout: WAIT });
    const id = hashOf(page).state.import!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const job = () => fetch(`${world.app.url}/imports/${id}`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect((await job()).status).toBe(200);
    await page.click('#import-discard');
    await expect.poll(() => page.locator('#import-result .import-status').textContent(), { timeout: WAIT }).toBe('Discarded: nothing was written.');
    expect(hashOf(page).state.import).toBeUndefined();
    // Gone on the server too, and nothing of it written.
    expect((await job()).status).toBe(404);
    expect(await snapshot(world.app.open.graph)).toEqual(before);
  });

  it('imports the files with one cell edited: checked, then written with a click; exactly that cell changes; the audit log names the files', async () => {
    const ask = client(world.app);
    const partnersBefore = await ask<{ partners: { edges: Array<{ node: { id: string; name: string } }> } }>('{ partners(first: 100) { edges { node { id name } } } }');
    const renamed = edited(exported, 'partners.csv', 'p-quillfield', 'name', 'Quillfield Advisory Group');
    const folder = await writeFolder('renamed', renamed);
    await chooseFiles(page, folder, [...renamed.keys()]);
    await page.locator('#import-ready').waitFor({ timeout: WAIT });
    expect(await page.locator('#import-ready').textContent()).toMatch(/^No problems\. Ready to import: .*partners/);
    expect(hashOf(page).state.import).toMatch(/^[0-9a-f-]{36}$/);
    await page.click('#import-write');
    await page.locator('#import-done').waitFor({ timeout: WAIT });
    expect(await page.locator('#import-done').textContent()).toContain('The audit log records it as “capabilities.csv');

    const partnersAfter = await ask<NonNullable<typeof partnersBefore.data>>('{ partners(first: 100) { edges { node { id name } } } }');
    const namesBefore = new Map(partnersBefore.data!.partners.edges.map((e) => [e.node.id, e.node.name]));
    const changed = partnersAfter.data!.partners.edges.filter((e) => e.node.name !== namesBefore.get(e.node.id)).map((e) => e.node);
    expect(changed).toEqual([{ id: 'p-quillfield', name: 'Quillfield Advisory Group' }]);
    expect(partnersAfter.data!.partners.edges.length).toBe(namesBefore.size);
    const audit = await ask<{ auditLog: { edges: Array<{ node: { operation: string; source: string } }> } }>(
      '{ auditLog(first: 1, filter: { operations: ["upload"] }) { edges { node { operation source } } } }');
    expect(audit.data!.auditLog.edges[0]!.node.source).toBe([...renamed.keys()].join(', '));

    // The address keeps the import: a reload shows it again.
    await page.reload();
    await page.locator('#import-done').waitFor({ timeout: WAIT });
    expectNoProblems(world);
  });

  it('an ANALYST may download but not import; a PARTNER does neither', async () => {
    const tokens = await makeTokens(world.app.open.graph, ['p-quillfield']);
    const analyst = await world.open(tokens.analyst, '#attribution');
    await analyst.click('#tab-data');
    await analyst.locator('a[data-format=gexf]').waitFor({ timeout: WAIT });
    expect(await analyst.locator('#data-import-title + p').textContent()).toBe('Imports need an ADMIN token.');
    expect(await analyst.locator('#import-drop').count()).toBe(0);
    const partner = await world.open(tokens.partner['p-quillfield']!, '#gaps');
    await partner.click('#tab-data');
    await partner.locator('#data-export-title + p').waitFor({ timeout: WAIT });
    expect(await partner.locator('#data-export-title + p').textContent()).toMatch(/needs an ADMIN or ANALYST token/);
    expect(await partner.locator('a[data-format]').count()).toBe(0);
  });
});
