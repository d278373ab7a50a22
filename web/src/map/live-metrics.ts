/**
 * The map after a write (contract: Network, stale): the API answers at once with the last
 * metrics, marked stale, while it recomputes them; the map says how old they are and asks
 * again until they are fresh, then redraws sizes, labels and links where the nodes stand.
 */

/** Whether fresh metrics draw the same items (node ids, community ids) in the same order: then no new layout is needed. */
export function samePlaces(drawn: readonly string[], next: readonly string[]): boolean {
  return drawn.length === next.length && drawn.every((key, i) => key === next[i]);
}

/** How long to wait before asking again whether the metrics are fresh: 250 ms, doubling, at most 4 s. */
export function freshPollMs(attempt: number): number {
  return Math.min(4_000, 250 * 2 ** attempt);
}

/** "computed 3 min ago": how old the drawn metrics are, for the stale note. */
export function computedAgo(computedAt: unknown, now: Date): string {
  const at = new Date(String(computedAt)).getTime();
  if (!Number.isFinite(at)) return 'computed earlier';
  const seconds = Math.max(0, (now.getTime() - at) / 1000);
  if (seconds < 60) return 'computed just now';
  if (seconds < 3_600) return `computed ${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `computed ${Math.floor(seconds / 3_600)} h ago`;
  const days = Math.floor(seconds / 86_400);
  return `computed ${days} day${days === 1 ? '' : 's'} ago`;
}
