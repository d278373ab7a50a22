/** CSV (RFC 4180) from rows of cells; the first row is the header. */
export type Cell = string | number | boolean | null | undefined;

export function toCsv(rows: ReadonlyArray<ReadonlyArray<Cell>>): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A cell starting like a formula would run in a spreadsheet; quote it as text.
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A file name from a view name and the date: `ecomap-gaps-2026-06-30.csv`. */
export function exportName(view: string, extension: string, now: Date = new Date()): string {
  return `ecomap-${view}-${now.toISOString().slice(0, 10)}.${extension}`;
}
