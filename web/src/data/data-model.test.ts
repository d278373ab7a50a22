import { describe, expect, it } from 'vitest';
import type { ImportJob } from '../api/files.ts';
import { describeCounts, describeProgress, placeOf, progressRatio } from './data-model.ts';

const job = (over: Partial<ImportJob>): ImportJob => ({
  id: 'j', state: 'WRITING', source: 'partners.csv, engagements.csv', format: 'csv', phase: null, done: 0, total: 0,
  problems: [], problemCount: 0, counts: null, error: null, createdAt: '', finishedAt: null, ...over,
});

describe('placeOf', () => {
  it('splits spreadsheet paths into file, row and column', () => {
    expect(placeOf({ path: 'participants.csv:12:partner', message: 'm' }, job({}))).toEqual({ file: 'participants.csv', row: '12', column: 'partner', message: 'm' });
    expect(placeOf({ path: 'partners:1', message: 'm' }, job({ format: 'xlsx' }))).toEqual({ file: 'partners', row: '1', column: '', message: 'm' });
    expect(placeOf({ path: 'notes.csv', message: 'm' }, job({}))).toEqual({ file: 'notes.csv', row: '', column: '', message: 'm' });
  });
  it('shows a JSON path as the column of the one file', () => {
    expect(placeOf({ path: 'engagements[3].participants[0].to', message: 'm' }, job({ format: 'json', source: 'crm.json' })))
      .toEqual({ file: 'crm.json', row: '', column: 'engagements[3].participants[0].to', message: 'm' });
    expect(placeOf({ path: 'crm.json', message: 'is not JSON' }, job({ format: 'json', source: 'crm.json' })).column).toBe('');
  });
});

describe('describing a job', () => {
  it('names the kinds held, singular and plural, in the layout order', () => {
    expect(describeCounts({ partners: 2, regions: 0, customers: 1, dealRegistrations: 3 })).toBe('2 partners, 1 customer, 3 deal registrations');
    expect(describeCounts({ partners: 0 })).toBe('nothing');
  });
  it('says what runs and how far, counted only where it is counted', () => {
    expect(describeProgress(job({ phase: 'WRITING', done: 3, total: 12 }))).toBe('Writing… batch 3 of 12');
    expect(progressRatio(job({ phase: 'WRITING', done: 3, total: 12 }))).toBe(0.25);
    expect(describeProgress(job({ phase: 'READING', done: 2 * 1024 * 1024, total: 8 * 1024 * 1024 }))).toBe('Reading partners.csv, engagements.csv… 2.0 MB of 8.0 MB');
    expect(progressRatio(job({ phase: 'CHECKING' }))).toBeNull();
    expect(describeProgress(job({ phase: 'WAITING' }))).toMatch(/another import/);
  });
});
