/**
 * Where the tables of a spreadsheet import come from: a folder of CSV files (each
 * streamed through csv-parse, one record at a time) or an `.xlsx` workbook (read with
 * exceljs). Both give the same thing: per table its rows of cells, in order, so that
 * read-tables.ts converts them the same way whatever the source.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parse, CsvError } from 'csv-parse';
import ExcelJS from 'exceljs';

/** One cell as the source holds it; `formula` when the cell computes its value. */
export interface Cell { value: string | number | boolean | Date | null; formula?: string }

/** A problem of the source itself (not of a cell), at `row` of `table` when it has one. */
export class SourceError extends Error {
  constructor(message: string, readonly row?: number) { super(message); }
}

export interface TableSource {
  /** The table's name (file name without `.csv`, or sheet name). */
  name: string;
  /** How a path names it: `partners.csv` in a folder, `partners` in a workbook. */
  label: string;
  /** Its rows from the header on (row 1); a row without cells is empty. Throws SourceError. */
  rows(): AsyncIterable<Cell[]>;
}

export interface Tables {
  kind: 'csv' | 'xlsx';
  /** The tables by name, in no particular order. */
  tables: Map<string, TableSource>;
  /** Total bytes, for the progress bar. */
  bytes: number;
}

export function isWorkbook(path: string): boolean {
  return extname(path).toLowerCase() === '.xlsx';
}

/** The CSV files of a folder (other files, a README say, are not the import's). `onBytes` gets bytes read so far. */
export async function csvFolder(dir: string, onBytes?: (read: number) => void): Promise<Tables> {
  const tables = new Map<string, TableSource>();
  const shared = internTable();
  let bytes = 0;
  let read = 0;
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isFile() || extname(entry.name).toLowerCase() !== '.csv') continue;
    const path = join(dir, entry.name);
    bytes += (await stat(path)).size;
    const name = basename(entry.name, extname(entry.name));
    tables.set(name, {
      name, label: entry.name,
      rows: () => csvRows(path, shared, (n) => { read += n; onBytes?.(read); }),
    });
  }
  return { kind: 'csv', tables, bytes };
}

/**
 * One copy of each short cell text (ids referred to again and again, dates, statuses, roles):
 * csv-parse makes a new string per cell, where JSON.parse's strings of the same text are
 * fewer. At M it was 120 MiB of the spreadsheet import's extra memory.
 */
function internTable(): (text: string) => string {
  const MAX_LENGTH = 24;
  const MAX_ENTRIES = 500_000; // beyond, texts are looked up but no longer kept: the table must not grow with unique ids
  const seen = new Map<string, string>();
  return (text) => {
    if (text.length > MAX_LENGTH) return text;
    const known = seen.get(text);
    if (known !== undefined) return known;
    if (seen.size < MAX_ENTRIES) seen.set(text, text);
    return text;
  };
}

async function* csvRows(path: string, intern: (text: string) => string, onBytes: (n: number) => void): AsyncIterable<Cell[]> {
  const input = createReadStream(path);
  input.on('data', (chunk) => onBytes(chunk.length));
  // RFC 4180 with or without a byte-order mark; rows may differ in length (read-tables
  // reports that per row) and empty rows are kept, so that row numbers stay a
  // spreadsheet's and an empty row in the middle can be named.
  const parser = input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false }));
  try {
    for await (const record of parser) yield (record as string[]).map((value) => ({ value: value === '' ? null : intern(value) }));
  } catch (err) {
    if (err instanceof CsvError) {
      const record = (err as CsvError & { records?: number }).records;
      throw new SourceError(`is not CSV as RFC 4180 has it: ${err.message}`, record === undefined ? undefined : record + 1);
    }
    throw err;
  } finally {
    input.destroy();
  }
}

/** The sheets of a workbook. Read whole: exceljs's streaming reader cannot name a sheet before its rows. */
export async function workbook(path: string): Promise<Tables> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(path);
  } catch (err) {
    throw new SourceError(`cannot be read as an .xlsx workbook: ${(err as Error).message}`);
  }
  const tables = new Map<string, TableSource>();
  book.eachSheet((sheet) => {
    tables.set(sheet.name, { name: sheet.name, label: sheet.name, rows: () => sheetRows(sheet) });
  });
  return { kind: 'xlsx', tables, bytes: (await stat(path)).size };
}

async function* sheetRows(sheet: ExcelJS.Worksheet): AsyncIterable<Cell[]> {
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(sheetCell(row.getCell(c)));
    while (cells.length > 0 && cells.at(-1)!.value === null && cells.at(-1)!.formula === undefined) cells.pop();
    yield cells;
  }
}

function sheetCell(cell: ExcelJS.Cell): Cell {
  const value = cell.value;
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'string') return { value: value === '' ? null : value };
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return { value };
  if (cell.type === ExcelJS.ValueType.Formula || 'formula' in value || 'sharedFormula' in value) {
    return { value: null, formula: cell.formula ?? String((value as { sharedFormula?: string }).sharedFormula ?? '') };
  }
  if ('richText' in value) return { value: value.richText.map((t) => t.text).join('') };
  if ('text' in value && typeof value.text === 'string') return { value: value.text }; // a hyperlink: its text
  if ('error' in value) return { value: String(value.error) };
  return { value: cell.text };
}
