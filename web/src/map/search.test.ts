import { describe, expect, it } from 'vitest';
import type { NetworkNode } from './network.ts';
import { findNode } from './search.ts';

const node = (id: string, label: string, kind = 'PARTNER'): NetworkNode => ({ id, label, kind, partnerType: null, degree: 0, betweenness: 0, pagerank: 0, community: 0 });
const nodes = [node('c-cortexa', 'Cortexa Bank', 'CUSTOMER'), node('p-cortexa', 'Cortexa'), node('p-quill', 'Quillfield Advisory'), node('p-altq', 'Alt Quill')];

describe('finding a partner on the map', () => {
  it('prefers an exact name or id, then a prefix, then a substring; partners before customers', () => {
    expect(findNode(nodes, 'cortexa')).toBe(1);
    expect(findNode(nodes, ' P-QUILL ')).toBe(2);
    expect(findNode(nodes, 'quill')).toBe(2);
    expect(findNode(nodes, 'Cortexa B')).toBe(0);
    expect(findNode(nodes, 'advisory')).toBe(2);
    expect(findNode(nodes, 'nobody')).toBeNull();
    expect(findNode(nodes, '  ')).toBeNull();
  });
});
