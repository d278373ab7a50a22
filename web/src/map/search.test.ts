import { describe, expect, it } from 'vitest';
import { findPartner } from './search.ts';

const partner = (id: string, label: string, community = 0) => ({ id, label, community });
const partners = [partner('p-cortexa-bank', 'Cortexa Bank', 2), partner('p-cortexa', 'Cortexa', 1), partner('p-quill', 'Quillfield Advisory'), partner('p-altq', 'Alt Quill')];

describe('finding a partner on the map', () => {
  it('prefers an exact name or id, then a prefix, then a substring', () => {
    expect(findPartner(partners, 'cortexa')).toEqual(partner('p-cortexa', 'Cortexa', 1));
    expect(findPartner(partners, ' P-QUILL ')?.id).toBe('p-quill');
    expect(findPartner(partners, 'quill')?.id).toBe('p-quill');
    expect(findPartner(partners, 'Cortexa B')?.community).toBe(2);
    expect(findPartner(partners, 'advisory')?.id).toBe('p-quill');
    expect(findPartner(partners, 'nobody')).toBeNull();
    expect(findPartner(partners, '  ')).toBeNull();
  });
});
