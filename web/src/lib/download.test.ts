import { describe, expect, it } from 'vitest';
import { captionLines } from './download.ts';

describe('the caption of an exported PNG', () => {
  it('says the title, the filters and the date, in that order', () => {
    expect(captionLines({ title: 'Gaps', details: ['Regions: DE', '', 'Hide covered cells'], date: new Date('2026-12-05T10:30:00Z') }))
      .toEqual(['Gaps', 'Regions: DE', 'Hide covered cells', 'Exported 2026-12-05 10:30 UTC from Ecomap']);
  });
});
