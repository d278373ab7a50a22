/**
 * A spreadsheet import (contract: Spreadsheets and export) turned into the same
 * `EcosystemInput` the JSON import validates: rows of partner_capabilities gathered
 * under their partner, rows of requirements … outcomes under their engagement, in the
 * files' order. What only the files can get wrong (a wrong delimiter, a missing header,
 * an unknown column, a formula, a serial-number date, an empty row, a row whose parent
 * is not listed) is reported here as `file.csv:ROW:column`; `locate` maps the
 * validator's JSON paths to the same form, so every problem names a cell.
 */
import { clip, type EcosystemInput, type Problem } from '../model/index.ts';
import { inputKey, LIST_SEPARATOR, TABLES, unescapeFormula, type Table, type TableColumn } from './table-layout.ts';
import { SourceError, type Cell, type Tables } from './table-sources.ts';

export interface TableImport {
  /** What the validator checks: the EcosystemInput the rows make. */
  input: EcosystemInput;
  /** Problems of the files themselves, already with file/row/column paths. */
  problems: Problem[];
  /**
   * Every problem: the files' own, then the validator's with file/row/column paths (also
   * inside messages), less those about a cell already reported or a column the header lacks.
   */
  withValidation(validator: readonly Problem[]): Problem[];
}

interface Place { label: string; row: number; table: string }

/** The table whose rows make a top-level list (`partners`) or a parent's list (`engagements.participants`). */
const TABLE_OF = new Map<string, Table>(TABLES.map((t) => [t.parent ? `${t.parent.table}.${t.parent.list}` : inputKey(t), t]));

/** A JSON path into the input, e.g. `engagements[3].participants[0].to` or `partners[1].regions[0]`. */
const ITEM_PATH = /\b(?:regions|industries|capabilities|partners|customers|engagements|dealRegistrations)\[\d+\](?:\.[A-Za-z]+\[\d+\])?(?:\.[A-Za-z]+(?:\[\d+\])?)?/g;

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export async function readTables(source: Tables, what: string): Promise<TableImport> {
  const problems: Problem[] = [];
  // Where each item came from, to name cells in problems. Numbers only: an M-size folder has
  // 1.3 million rows, and a string key and an object per row held 380 MiB more than JSON's import.
  const itemRows = new Map<string, number[]>(); // inputKey → the row of its item i
  const childRows = new Map<string, { parents: number[]; rows: number[] }>(); // `partners.capabilities` … → rows in the files' order
  const missing = new Set<string>(); // `label:column` of required columns a header lacks
  const located = new Set<string>(); // cells with a problem of their own: the validator's word on them would repeat it
  const input: Record<string, Array<Record<string, unknown>>> = {};
  const parents = { partners: new Map<string, number>(), engagements: new Map<string, number>() };
  // The labels only, not the source: `withValidation` outlives the reading, and the source holds
  // its readers (a folder's shared texts, a workbook's cells) that the write does not need.
  const labels = new Map([...source.tables].map(([key, table]) => [key, table.label]));
  const kind = source.kind;
  const name = (table: string) => labels.get(table) ?? (kind === 'csv' ? `${table}.csv` : table);
  const at = (table: string, row?: number, column?: string) =>
    [name(table), ...(row === undefined ? [] : [String(row)]), ...(column === undefined ? [] : [column])].join(':');
  const problem = (path: string, message: string) => { problems.push({ path, message }); located.add(path); };

  const known = new Set(TABLES.map((t) => t.name));
  for (const table of [...source.tables.keys()].sort()) {
    if (known.has(table)) continue;
    problem(name(table), `is not a ${source.kind === 'csv' ? 'file' : 'sheet'} of the layout (${TABLES.map((t) => t.name).join(', ')})`);
  }
  if (![...source.tables.keys()].some((t) => known.has(t))) {
    problems.push({
      path: what,
      message: source.kind === 'csv'
        ? `has none of the layout's files (${TABLES.map((t) => `${t.name}.csv`).join(', ')})`
        : `has none of the layout's sheets (${TABLES.map((t) => t.name).join(', ')}); its sheets: ${[...source.tables.keys()].join(', ') || 'none'}`,
    });
  }

  for (const table of TABLES) {
    const tableSource = source.tables.get(table.name);
    if (!tableSource) continue;
    const items: Array<Record<string, unknown>> = table.parent ? [] : (input[inputKey(table)] = []);
    if (table.parent && !source.tables.has(table.parent.table)) {
      problem(at(table.name, 1, table.parent.column),
        `rows of ${name(table.name)} belong to ${table.parent.table} listed in ${name(table.parent.table)}, which the ${source.kind === 'csv' ? 'folder' : 'workbook'} does not have`);
    }
    if (table.parent) {
      // An item in the files replaces its lists (as in JSON): only lists whose file is here.
      for (const parent of input[table.parent.table] ?? []) parent[table.parent.list] = [];
    }
    let columns: Array<TableColumn | undefined> | undefined;
    let row = 0;
    let emptySince: number | undefined;
    try {
      for await (const cells of tableSource.rows()) {
        row += 1;
        if (columns === undefined) {
          columns = readHeader(table, cells, source.kind, (column, message) => problem(column === undefined ? at(table.name, 1) : at(table.name, 1, column), message));
          const lacking = new Set(table.columns.filter((c) => c.required && !columns!.includes(c)).map((c) => c.name));
          if (columns.every((c) => c === undefined)) break; // no column to read: the header problem says why
          for (const column of lacking) {
            problem(at(table.name, 1, column), `the column ${column} is required; the first row does not name it`);
            missing.add(`${name(table.name)}:${column}`);
          }
          continue;
        }
        if (cells.every((c) => c.value === null && c.formula === undefined)) {
          emptySince ??= row;
          continue;
        }
        if (emptySince !== undefined) {
          problem(at(table.name, emptySince), `${row - emptySince === 1 ? 'is an empty row' : `rows ${emptySince} to ${row - 1} are empty`} in the middle of ${name(table.name)}; delete ${row - emptySince === 1 ? 'it' : 'them'}`);
          emptySince = undefined;
        }
        if (cells.length > columns.length) {
          problem(at(table.name, row), `has ${cells.length} cells, but the first row names ${columns.length} columns`);
        }
        const item: Record<string, unknown> = {};
        columns.forEach((column, i) => {
          if (!column) return;
          const value = readCell(cells[i] ?? { value: null }, column, source.kind, (message) => problem(at(table.name, row, column.name), message));
          if (value !== undefined && column.name !== table.parent?.column) item[column.name] = value;
        });
        if (!table.parent) {
          const id = item[table.columns[0]!.name];
          const index = items.length;
          items.push(item);
          rowsOf(itemRows, inputKey(table)).push(row);
          if ((table.name === 'partners' || table.name === 'engagements') && typeof id === 'string' && !parents[table.name].has(id)) {
            parents[table.name].set(id, index);
          }
          continue;
        }
        const parentId = readCell(cells[columns.findIndex((c) => c?.name === table.parent!.column)] ?? { value: null }, { name: 'id', kind: 'text' }, source.kind, () => {});
        if (typeof parentId !== 'string') {
          if (columns.some((c) => c?.name === table.parent!.column)) problem(at(table.name, row, table.parent.column), 'is required');
          continue;
        }
        const index = parents[table.parent.table].get(parentId);
        if (index === undefined) {
          if (source.tables.has(table.parent.table)) {
            problem(at(table.name, row, table.parent.column),
              `${table.parent.table === 'partners' ? 'partner' : 'engagement'} "${clip(parentId)}" is not listed in ${name(table.parent.table)}; rows of ${name(table.name)} are gathered under one listed there, whose ${table.parent.list} they replace`);
          }
          continue;
        }
        const list = input[table.parent.table]![index]![table.parent.list] as Array<Record<string, unknown>>;
        const children = childRows.get(`${table.parent.table}.${table.parent.list}`) ?? { parents: [], rows: [] };
        childRows.set(`${table.parent.table}.${table.parent.list}`, children);
        children.parents.push(index);
        children.rows.push(row);
        list.push(item);
      }
    } catch (err) {
      if (!(err instanceof SourceError)) throw err;
      problem(at(table.name, err.row), err.message);
      continue;
    }
    if (columns === undefined) problem(at(table.name), 'is empty: its first row must name the columns');
  }

  const cellOf = (place: Place, column: string) =>
    TABLES.find((t) => t.name === place.table)!.columns.some((c) => c.name === column) ? `${place.label}:${place.row}:${column}` : `${place.label}:${place.row}`;
  const placeOf = (key: string, row: number | undefined): Place | undefined => {
    const table = TABLE_OF.get(key);
    return table && row !== undefined ? { label: name(table.name), row, table: table.name } : undefined;
  };
  // A parent's rows of one list, by the parent's index: built on the first problem that needs them.
  const byParent = new Map<string, Map<number, number[]>>();
  const childPlace = (list: string, parent: number, index: number): Place | undefined => {
    let rows = byParent.get(list);
    if (!rows) {
      rows = new Map();
      const { parents, rows: order } = childRows.get(list) ?? { parents: [], rows: [] };
      parents.forEach((p, i) => rowsOf(rows!, p).push(order[i]!));
      byParent.set(list, rows);
    }
    return placeOf(list, rows.get(parent)?.[index]);
  };
  const locate = (path: string): string => {
    const m = /^(regions|industries|capabilities|partners|customers|engagements|dealRegistrations)\[(\d+)\](?:\.([A-Za-z]+)(?:\[(\d+)\])?)?(?:\.([A-Za-z]+))?/.exec(path);
    if (!m) return path;
    const [, key, itemIndex, field, index, inner] = m;
    const child = field !== undefined && index !== undefined ? childPlace(`${key}.${field}`, Number(itemIndex), Number(index)) : undefined;
    if (child) return inner ? cellOf(child, inner) : `${child.label}:${child.row}`;
    const place = placeOf(key!, itemRows.get(key!)?.[Number(itemIndex)]);
    if (!place) return path;
    if (field === undefined) return `${place.label}:${place.row}`;
    const rows = TABLES.find((t) => t.parent?.table === place.table && t.parent.list === field);
    if (rows) return `${place.label}:${place.row} (its rows in ${name(rows.name)})`;
    return cellOf(place, field);
  };
  const repeats = (path: string) => {
    const cell = /^(.*):\d+:([^:]+)$/.exec(path);
    return located.has(path) || (cell !== null && missing.has(`${cell[1]}:${cell[2]}`));
  };
  return {
    input: input as EcosystemInput,
    problems,
    withValidation: (validator) => [
      ...problems,
      ...validator
        .map((p) => ({ path: locate(p.path), message: p.message.replace(ITEM_PATH, locate) }))
        .filter((p) => !repeats(p.path)),
    ],
  };
}

function rowsOf<K>(map: Map<K, number[]>, key: K): number[] {
  let rows = map.get(key);
  if (!rows) map.set(key, (rows = []));
  return rows;
}

/** The columns of the header row, `undefined` where a column is not the layout's (reported). */
function readHeader(table: Table, cells: Cell[], kind: 'csv' | 'xlsx', problem: (column: string | undefined, message: string) => void): Array<TableColumn | undefined> {
  const names = cells.map((c) => (c.value === null ? '' : String(c.value).trim()));
  const expected = table.columns.map((c) => c.name).join(', ');
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  if (kind === 'csv' && names.length === 1) {
    const separator = [';', '\t', '|'].find((s) => names[0]!.includes(s));
    if (separator) {
      problem(undefined, `the columns are separated by ${separator === '\t' ? 'tabs' : `"${separator}"`}, not commas: save it as CSV with commas (RFC 4180); the columns are ${expected}`);
      return [undefined];
    }
  }
  if (!names.some((n) => byName.has(n))) {
    problem(undefined, `the first row must name the columns (${expected}); it reads ${names.slice(0, 4).map((n) => `"${clip(n)}"`).join(', ')}: is the header row missing?`);
    return names.map(() => undefined);
  }
  const seen = new Set<string>();
  return names.map((n, i) => {
    if (n === '') { problem(String(i + 1), `column ${i + 1} has no name; the columns are ${expected}`); return undefined; }
    if (!byName.has(n)) { problem(n, `unknown column "${clip(n)}"; the columns are ${expected}`); return undefined; }
    if (seen.has(n)) { problem(n, `the column ${n} is named twice`); return undefined; }
    seen.add(n);
    return byName.get(n);
  });
}

/** The value a cell gives its field (`undefined`: left out, as an empty cell is). */
function readCell(cell: Cell, column: TableColumn, kind: 'csv' | 'xlsx', problem: (message: string) => void): unknown {
  if (cell.formula !== undefined) {
    problem(`is a formula (=${clip(cell.formula)}); the import reads values only: paste the cells as values`);
    return undefined;
  }
  const { value } = cell;
  if (value === null) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10); // a date cell: its calendar day (exceljs reads them as UTC)
  if (typeof value === 'string' && kind === 'csv' && value.startsWith('=')) {
    problem(`"${clip(value)}" is a formula; a CSV cell holds values only (to keep text that starts with "=", start the cell with ')`);
    return undefined;
  }
  const text = typeof value === 'string' ? (kind === 'csv' ? unescapeFormula(value) : value) : value;
  switch (column.kind) {
    case 'text':
      return String(text);
    case 'date': {
      if (typeof text === 'number' || /^\d+(\.\d+)?$/.test(String(text))) {
        const serial = Number(text);
        const day = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
        problem(`${text} is a spreadsheet serial number, not a date: write the date as YYYY-MM-DD (text), e.g. ${day}`);
        return undefined;
      }
      return String(text);
    }
    case 'int':
    case 'number': {
      if (typeof text === 'number') return text;
      const trimmed = String(text).trim();
      return /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(trimmed) ? Number(trimmed) : text;
    }
    case 'boolean': {
      if (typeof text === 'boolean') return text;
      const lower = String(text).trim().toLowerCase();
      return lower === 'true' ? true : lower === 'false' ? false : text;
    }
    case 'list':
      return String(text).split(LIST_SEPARATOR).map((s) => s.trim()).filter((s) => s !== '');
  }
}
