/**
 * Spreadsheet imports that are refused (contract: Spreadsheets and export): each bad
 * input gets a problem at its file, row and column, every problem is reported at once,
 * and nothing is written. A byte-order mark is accepted.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { openTestGraph, snapshot, wipe } from '../../tests/support/graph.ts';
import type { Graph } from '../db/index.ts';
import type { Problem } from '../model/index.ts';
import { importLoaded, loadImport } from './import-path.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let graph: Graph;
let dir: string;
let n = 0;

beforeAll(async () => {
  graph = await openTestGraph();
  dir = mkdtempSync(join(tmpdir(), 'ecomap-tables-import-'));
});
afterAll(async () => {
  await graph?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => wipe(graph));

/** A small, valid ecosystem as CSV text per file; tests change one file. */
const GOOD: Record<string, string> = {
  'regions.csv': 'code,name\nDE,Germany\nFR,France\n',
  'industries.csv': 'code,name\nFSI,Financial services\n',
  'capabilities.csv': 'id,name\ngenai,Generative AI\n',
  'partners.csv': 'id,name,type,status,tier,regions,industries\np1,Northwind,SYSTEM_INTEGRATOR,,,DE,FSI\np2,Fabrikam,ISV,,,DE;FR,\n',
  'partner_capabilities.csv': 'partner,capability,level,certified\np1,genai,4,true\n',
  'customers.csv': 'id,name,region,industry\nc1,Contoso Bank,DE,FSI\nc2,Woodgrove,DE,FSI\n',
  'engagements.csv': 'id,name,customer,status,value,currency,startDate,endDate\ne1,Claims copilot,c1,ACTIVE,1200000,USD,2026-01-10,\n',
  'participants.csv': 'engagement,partner,role,from,to\ne1,p1,ORCHESTRATOR,2026-01-10,\ne1,p2,CONTRIBUTOR,2026-01-10,\n',
};

function folder(files: Record<string, string | Buffer | null>): string {
  const path = join(dir, `case-${++n}`);
  mkdirSync(path);
  for (const [name, text] of Object.entries({ ...GOOD, ...files })) if (text !== null) writeFileSync(join(path, name), text);
  return path;
}

/** The problems of importing `path`, after checking that nothing was written. */
async function refused(path: string): Promise<Problem[]> {
  const before = await snapshot(graph);
  const result = await importLoaded(graph, await loadImport(path), path, { timeoutMs: 60_000 });
  expect(result.problems, 'refused').toBeDefined();
  expect(await snapshot(graph)).toEqual(before);
  return result.problems!;
}

describe('a folder of CSV files is refused, with the cell of each problem and nothing written', () => {
  it('wrong delimiter: says which one and asks for commas', async () => {
    const problems = await refused(folder({ 'regions.csv': 'code;name\nDE;Germany\n' }));
    expect(problems).toContainEqual({ path: 'regions.csv:1', message: expect.stringContaining('separated by ";", not commas') });
  });

  it('a missing header row', async () => {
    const problems = await refused(folder({ 'customers.csv': 'c1,Contoso Bank,DE,FSI\n' }));
    expect(problems).toContainEqual({
      path: 'customers.csv:1', message: expect.stringMatching(/must name the columns \(id, name, region, industry\).*is the header row missing\?/),
    });
  });

  it('an unknown column, and a required column the header lacks', async () => {
    const problems = await refused(folder({ 'partners.csv': 'id,name,website\np1,Northwind,https://northwind.example\n' }));
    expect(problems).toContainEqual({ path: 'partners.csv:1:website', message: expect.stringContaining('unknown column "website"; the columns are id, name, type') });
    expect(problems).toContainEqual({ path: 'partners.csv:1:type', message: 'the column type is required; the first row does not name it' });
    expect(problems.filter((p) => p.path === 'partners.csv:2:type')).toEqual([]); // said once, at the header
  });

  it('a formula cell', async () => {
    const problems = await refused(folder({ 'customers.csv': 'id,name,region,industry\nc1,"=A1&"" Bank""",DE,FSI\nc2,Woodgrove,DE,FSI\n' }));
    expect(problems).toEqual([{ path: 'customers.csv:2:name', message: expect.stringContaining('is a formula; a CSV cell holds values only') }]);
  });

  it('a date typed as a spreadsheet serial number: says so and names the ISO form', async () => {
    const problems = await refused(folder({ 'participants.csv': 'engagement,partner,role,from,to\ne1,p1,ORCHESTRATOR,46032,\ne1,p2,CONTRIBUTOR,2026-01-10,\n' }));
    expect(problems).toContainEqual({
      path: 'participants.csv:2:from',
      message: '46032 is a spreadsheet serial number, not a date: write the date as YYYY-MM-DD (text), e.g. 2026-01-10',
    });
  });

  it('a file that is not RFC 4180', async () => {
    const problems = await refused(folder({ 'customers.csv': 'id,name,region,industry\nc1,Contoso "Bank",DE,FSI\n' }));
    expect(problems).toContainEqual({ path: 'customers.csv:2', message: expect.stringContaining('is not CSV as RFC 4180 has it: Invalid Opening Quote') });
  });

  it('an empty row in the middle', async () => {
    const problems = await refused(folder({ 'customers.csv': 'id,name,region,industry\nc1,Contoso Bank,DE,FSI\n,,,\nc2,Woodgrove,DE,FSI\n' }));
    expect(problems).toEqual([{ path: 'customers.csv:3', message: 'is an empty row in the middle of customers.csv; delete it' }]);
  });

  it('rows whose engagement or partner the files do not list (contract), and a parent file that is missing', async () => {
    const problems = await refused(folder({
      'participants.csv': 'engagement,partner,role,from,to\ne1,p1,ORCHESTRATOR,2026-01-10,\ne9,p2,CONTRIBUTOR,2026-01-10,\n',
      'partner_capabilities.csv': 'partner,capability,level,certified\np7,genai,4,true\n',
    }));
    expect(problems).toContainEqual({ path: 'participants.csv:3:engagement', message: expect.stringContaining('engagement "e9" is not listed in engagements.csv') });
    expect(problems).toContainEqual({ path: 'partner_capabilities.csv:2:partner', message: expect.stringContaining('partner "p7" is not listed in partners.csv') });
    const orphan = await refused(folder({ 'engagements.csv': null, 'participants.csv': GOOD['participants.csv']! }));
    expect(orphan).toContainEqual({ path: 'participants.csv:1:engagement', message: expect.stringContaining('which the folder does not have') });
  });

  it('every problem at once: the files\' own and the rules\', at their cells (also inside messages)', async () => {
    const problems = await refused(folder({
      'partners.csv': 'id,name,type,status,tier,regions,industries,website\np1,Northwind,SYSTEM_INTEGRATOR,,,DE;XX,FSI,\np1,Again,PLANNER,,,DE,FSI,\n',
      'partner_capabilities.csv': 'partner,capability,level,certified\np1,genai,7,maybe\n',
      'participants.csv': 'engagement,partner,role,from,to\ne1,p1,ORCHESTRATOR,2026-01-10,2026-01-01\n',
    }));
    expect(problems.map((p) => p.path).sort()).toEqual([
      'engagements.csv:2 (its rows in participants.csv)',
      'partner_capabilities.csv:2:certified', 'partner_capabilities.csv:2:level',
      'participants.csv:2:to',
      'partners.csv:1:website', 'partners.csv:2:regions', 'partners.csv:3:id', 'partners.csv:3:type',
    ].sort());
    expect(problems).toContainEqual({ path: 'partners.csv:3:id', message: 'duplicate partner id "p1" (first at partners.csv:2:id)' });
    expect(problems).toContainEqual({ path: 'partners.csv:2:regions', message: 'unknown region "XX"' });
  });

  it('accepts a byte-order mark', async () => {
    const bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const path = folder(Object.fromEntries(Object.entries(GOOD).map(([name, text]) => [name, bom(text)])));
    const result = await importLoaded(graph, await loadImport(path), path, { timeoutMs: 60_000 });
    expect(result.problems).toBeUndefined();
    expect(result.counts).toMatchObject({ regions: 2, partners: 2, customers: 2, engagements: 1 });
  });
});

describe('a workbook is refused', () => {
  async function book(sheets: Record<string, Array<Array<ExcelJS.CellValue>>>): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(sheets)) workbook.addWorksheet(name).addRows(rows);
    const path = join(dir, `book-${++n}.xlsx`);
    await workbook.xlsx.writeFile(path);
    return path;
  }
  const rowsOf = (file: string): ExcelJS.CellValue[][] => GOOD[file]!.trim().split('\n').map((line) => line.split(',').map((c) => (c === '' ? null : c)));
  const all = () => Object.fromEntries(Object.keys(GOOD).map((file) => [file.replace('.csv', ''), rowsOf(file)]));

  it('without any sheet of the layout', async () => {
    const path = await book({ Sheet1: [['id', 'name']] });
    const problems = await refused(path);
    expect(problems).toContainEqual({ path: expect.stringMatching(/^book-\d+\.xlsx$/), message: expect.stringContaining("has none of the layout's sheets (regions, industries") });
    expect(problems).toContainEqual({ path: 'Sheet1', message: expect.stringContaining('is not a sheet of the layout') });
  });

  it('with rows whose sheet is missing: participants without engagements', async () => {
    const { engagements: _, ...rest } = all();
    const problems = await refused(await book(rest));
    expect(problems).toContainEqual({ path: 'participants:1:engagement', message: expect.stringContaining('belong to engagements listed in engagements, which the workbook does not have') });
  });

  it('a formula cell, and a date cell typed as a number', async () => {
    const sheets = all();
    sheets.customers![1]![1] = { formula: 'CONCAT("Contoso"," Bank")', result: 'Contoso Bank' } as ExcelJS.CellValue;
    sheets.participants![1]![3] = 46032;
    const problems = await refused(await book(sheets));
    expect(problems).toEqual([
      { path: 'customers:2:name', message: expect.stringContaining('is a formula (=CONCAT("Contoso"," Bank")); the import reads values only') },
      { path: 'participants:2:from', message: expect.stringContaining('46032 is a spreadsheet serial number, not a date: write the date as YYYY-MM-DD (text), e.g. 2026-01-10') },
    ]);
  });

  it('imports the same rows as a workbook (a real date cell reads as its day)', async () => {
    const sheets = all();
    sheets.participants![2]![3] = new Date(Date.UTC(2026, 0, 10));
    const path = await book(sheets);
    const result = await importLoaded(graph, await loadImport(path), path, { timeoutMs: 60_000 });
    expect(result.problems).toBeUndefined();
    expect(result.counts).toMatchObject({ partners: 2, engagements: 1 });
  });
});

describe('npm run import -- FOLDER', () => {
  it('prints every problem with its cell and exits 1, nothing written', async () => {
    const path = folder({ 'regions.csv': 'code,name,flag\nDE,Germany,\nFR,France,\n' });
    const before = await snapshot(graph);
    const child = spawn('npx', ['tsx', 'graph/import/cli.ts', path], {
      cwd: ROOT, env: { ...process.env, NEO4J_URI: inject('neo4jUri') }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => { stderr += c.toString(); });
    const code = await new Promise((resolve) => child.once('close', resolve));
    expect(code, stderr).toBe(1);
    expect(stderr).toContain('Refused: 1 problem; nothing was written.\n  regions.csv:1:flag: unknown column "flag"; the columns are code, name\n');
    expect(await snapshot(graph)).toEqual(before);
  }, 120_000);
});
