/**
 * The outcome list's search: an outcome matches when every word typed is in its id or its
 * description, in any case and with or without accents ("claims speed" finds
 * o-claims-speed and "Claims handled at speed"). Pure.
 */
const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export function matchesSearch(outcome: { id: string; description: string }, text: string): boolean {
  const haystack = fold(`${outcome.id} ${outcome.description}`);
  return fold(text).split(/\s+/).filter(Boolean).every((word) => haystack.includes(word));
}
