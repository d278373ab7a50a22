/**
 * The whole ecosystem in the contract's spreadsheet layout (contract: Spreadsheets and
 * export): a folder of CSV files, or a workbook with one sheet per file name. Rows come
 * in the JSON export's order (items by id, each item's lists in its stable order), so
 * that exporting, importing into an empty database and exporting again gives the same
 * bytes.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Graph } from '../db/index.ts';
import { escapeFormula, inputKey, LIST_SEPARATOR, TABLES, type Table } from '../import/index.ts';
import type { EcosystemInput } from '../model/index.ts';
import { walkEcosystem, type EcosystemVisitor, type ExportJsonOptions, type JsonExport } from './export-json.ts';

type Value = string | number | boolean | string[] | null | undefined;

/** Where a table's rows go; `row` gets the cells in the table's column order. */
interface TableSink {
  row(table: Table, cells: Value[]): Promise<void>;
  close(): Promise<void>;
  abort(): void;
}

/** One fixed instant for the workbook's properties and its zip entries: the same graph, the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

type Walk = (visitor: EcosystemVisitor) => Promise<JsonExport>;

const SECTIONS = ['regions', 'industries', 'capabilities', 'partners', 'customers', 'engagements', 'dealRegistrations'] as const;

/** The items of an input in the export's order, as the graph walk gives them (templates use it). */
function walkInput(input: EcosystemInput): Walk {
  return async (visitor) => {
    const counts = Object.fromEntries(SECTIONS.map((s) => [s, input[s]?.length ?? 0])) as unknown as JsonExport['counts'];
    for (const section of SECTIONS) {
      for (const [i, item] of (input[section] ?? []).entries()) await visitor.item(section, item, i);
    }
    return { counts, consistent: true };
  };
}

/** `input` as the CSV folder `dir` and the workbook `book`, the way the export writes them (seeds/templates). */
export async function writeInputTables(input: EcosystemInput, dir: string, book: string): Promise<void> {
  await csvFolder(walkInput(input), dir);
  await workbookFile(walkInput(input), book);
}

/** Writes the tables to `sink` from one walk over the graph. */
async function writeTables(walk: Walk, sink: TableSink): Promise<JsonExport> {
  try {
    const result = await walk({
      start: async () => {},
      end: async () => {},
      item: async (section, item) => {
        const record = item as Record<string, unknown>;
        const own = TABLES.find((t) => !t.parent && inputKey(t) === section)!;
        await sink.row(own, own.columns.map((c) => record[c.name] as Value));
        for (const table of TABLES) {
          if (table.parent?.table !== section) continue;
          for (const child of (record[table.parent.list] ?? []) as Array<Record<string, unknown>>) {
            await sink.row(table, table.columns.map((c) => (c.name === table.parent!.column ? record.id : child[c.name]) as Value));
          }
        }
      },
    });
    await sink.close();
    return result;
  } catch (err) {
    sink.abort();
    throw err;
  }
}

/** RFC 4180 (CRLF, quotes only where needed), UTF-8 without a byte-order mark. */
function csvCell(value: Value): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return escapeFormula(value.join(LIST_SEPARATOR));
  return typeof value === 'string' ? escapeFormula(value) : String(value);
}

/** Writes `dir`/<table>.csv for every table of the layout, a header row even when it has no rows. */
export function writeCsvFolder(graph: Graph, dir: string, options: ExportJsonOptions = {}): Promise<JsonExport> {
  return csvFolder((visitor) => walkEcosystem(graph, visitor, options), dir);
}

async function csvFolder(walk: Walk, dir: string): Promise<JsonExport> {
  await mkdir(dir, { recursive: true });
  const files = new Map<string, WriteStream>();
  const line = (cells: string[]) => stringify([cells], { record_delimiter: 'windows' });
  const write = async (out: WriteStream, text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  for (const table of TABLES) {
    const out = createWriteStream(join(dir, `${table.name}.csv`), { encoding: 'utf8' });
    files.set(table.name, out);
    await write(out, line(table.columns.map((c) => c.name)));
  }
  return writeTables(walk, {
    row: (table, cells) => write(files.get(table.name)!, line(cells.map(csvCell))),
    close: async () => {
      await Promise.all([...files.values()].map(async (out) => { out.end(); await once(out, 'close'); }));
    },
    abort: () => { for (const out of files.values()) out.destroy(); },
  });
}

/**
 * A workbook with one sheet per table. Cells are typed (numbers, booleans, text), so
 * text that starts with "=" stays text and needs no apostrophe. Built in memory: a
 * sheet holds at most 1,048,576 rows anyway; CSV is the format for large graphs.
 */
export function writeWorkbook(graph: Graph, path: string, options: ExportJsonOptions = {}): Promise<JsonExport> {
  return workbookFile((visitor) => walkEcosystem(graph, visitor, options), path);
}

async function workbookFile(walk: Walk, path: string): Promise<JsonExport> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Ecomap';
  book.lastModifiedBy = 'Ecomap';
  book.created = FIXED_DATE;
  book.modified = FIXED_DATE;
  const sheets = new Map(TABLES.map((table) => {
    const sheet = book.addWorksheet(table.name);
    sheet.addRow(table.columns.map((c) => c.name));
    return [table.name, sheet] as const;
  }));
  const result = await writeTables(walk, {
    row: async (table, cells) => {
      sheets.get(table.name)!.addRow(cells.map((v) => (Array.isArray(v) ? v.join(LIST_SEPARATOR) : v ?? null)));
    },
    close: async () => {},
    abort: () => {},
  });
  await writeFile(path, await fixedZip(Buffer.from(await book.xlsx.writeBuffer())));
  return result;
}

/** The same zip with every entry dated FIXED_DATE (exceljs stamps the time of writing). */
async function fixedZip(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const fixed = new JSZip();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    fixed.file(entry.name, await entry.async('uint8array'), { date: FIXED_DATE, createFolders: false });
  }
  return fixed.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}
