/**
 * The contract's spreadsheet layout (contract: Spreadsheets and export): one table per
 * file (or sheet), its columns in order, and how a cell reads. The import reads it and
 * the export writes it, so both sides name the same columns in the same order.
 */

/** How a cell is read: text as it is, numbers and booleans converted, lists split on `;`. */
export type CellKind = 'text' | 'date' | 'int' | 'number' | 'boolean' | 'list';

export interface TableColumn { name: string; kind: CellKind; required?: boolean }

export interface Table {
  /** The file name without `.csv`, which is also the sheet name. */
  name: string;
  /** The EcosystemInput list its rows make, when it is not named like the file (deal_registrations: dealRegistrations). */
  key?: 'dealRegistrations';
  columns: readonly TableColumn[];
  /** For rows gathered under a partner or an engagement: the column naming it and the table listing it. */
  parent?: { column: string; table: 'partners' | 'engagements'; list: string };
}

const text = (name: string, required = false): TableColumn => ({ name, kind: 'text', required });
const req = (name: string) => text(name, true);
const col = (name: string, kind: CellKind, required = false): TableColumn => ({ name, kind, required });

/** In the order an import gathers them: a parent table before the rows gathered under it. */
export const TABLES: readonly Table[] = [
  { name: 'regions', columns: [req('code'), req('name')] },
  { name: 'industries', columns: [req('code'), req('name')] },
  { name: 'capabilities', columns: [req('id'), req('name')] },
  { name: 'partners', columns: [req('id'), req('name'), req('type'), text('status'), text('tier'), col('regions', 'list'), col('industries', 'list')] },
  {
    name: 'partner_capabilities', columns: [req('partner'), req('capability'), col('level', 'int', true), col('certified', 'boolean')],
    parent: { column: 'partner', table: 'partners', list: 'capabilities' },
  },
  { name: 'customers', columns: [req('id'), req('name'), req('region'), req('industry')] },
  {
    name: 'engagements',
    columns: [req('id'), req('name'), req('customer'), req('status'), col('value', 'number'), text('currency'), col('startDate', 'date'), col('endDate', 'date')],
  },
  {
    name: 'requirements', columns: [req('engagement'), req('capability'), col('level', 'int', true)],
    parent: { column: 'engagement', table: 'engagements', list: 'requires' },
  },
  {
    name: 'participants', columns: [req('engagement'), req('partner'), req('role'), col('from', 'date', true), col('to', 'date')],
    parent: { column: 'engagement', table: 'engagements', list: 'participants' },
  },
  {
    name: 'contributions', columns: [req('id'), req('engagement'), req('partner'), req('kind'), col('date', 'date', true), col('amount', 'number')],
    parent: { column: 'engagement', table: 'engagements', list: 'contributions' },
  },
  {
    name: 'commitments',
    columns: [req('id'), req('engagement'), req('owner'), req('description'), req('status'), col('dueDate', 'date'), col('dependsOn', 'list')],
    parent: { column: 'engagement', table: 'engagements', list: 'commitments' },
  },
  {
    name: 'outcomes', columns: [req('id'), req('engagement'), req('description'), req('status'), col('dueDate', 'date', true), col('dependsOn', 'list')],
    parent: { column: 'engagement', table: 'engagements', list: 'outcomes' },
  },
  {
    name: 'deal_registrations', key: 'dealRegistrations',
    columns: [req('id'), req('partner'), req('customer'), req('capability'), col('registeredOn', 'date', true), col('expiresOn', 'date'), text('status'), text('reason')],
  },
];

/** The EcosystemInput list a top-level table's rows make. */
export function inputKey(table: Table): string {
  return table.key ?? table.name;
}

/** What separates the items of a list cell. */
export const LIST_SEPARATOR = ';';

/**
 * Spreadsheets run a cell that starts with one of these as a formula (CSV injection), so
 * the CSV export writes such a cell with a leading apostrophe (what spreadsheets show as
 * "this is text"), and the import takes one leading apostrophe off again. A cell that
 * starts with an apostrophe itself is escaped the same way, so every text comes back.
 */
const FORMULA_START = /^[=+\-@']/;

export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The text of an exported cell; a cell not escaped is returned as it is. */
export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
