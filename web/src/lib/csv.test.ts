import { describe, expect, it } from 'vitest';
import { exportName, toCsv } from './csv.ts';

describe('CSV export', () => {
  it('quotes what needs quoting and leaves numbers alone', () => {
    expect(toCsv([['id', 'name', 'share'], ['p1', 'Kestrel & Vane, "Integration"', 0.5], ['p2', 'line\nbreak', null]]))
      .toBe('id,name,share\r\np1,"Kestrel & Vane, ""Integration""",0.5\r\np2,"line\nbreak",\r\n');
  });

  it('keeps spreadsheet formulas from running', () => {
    expect(toCsv([['=HYPERLINK("x")', -3]])).toBe(`"'=HYPERLINK(""x"")",-3\r\n`);
  });

  it('names files by view and date', () => {
    expect(exportName('gaps', 'csv', new Date('2026-06-30T10:00:00Z'))).toBe('ecomap-gaps-2026-06-30.csv');
  });
});
