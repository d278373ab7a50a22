/**
 * The bearer token of a link (`/?token=…`, the first-start link or one an admin sent). It
 * is taken once: removed from the address bar at once (so it is not left in the history, in
 * bookmarks, in a screenshot of the URL or in a link copied from the address bar) and
 * exchanged for a browser session (web/src/api/session.ts); the page keeps it nowhere. A
 * token an older page kept in sessionStorage is taken, and removed, the same way.
 */
export const TOKEN_KEY = 'ecomap.token';

/** The token in a URL and the URL without it (other parameters and the hash kept). */
export function splitToken(href: string): { token: string | null; cleanUrl: string } {
  const url = new URL(href);
  const token = url.searchParams.get('token');
  if (token === null) return { token: null, cleanUrl: href };
  url.searchParams.delete('token');
  return { token: token.trim() || null, cleanUrl: url.toString() };
}

export interface TokenStore {
  getItem(key: string): string | null;
  removeItem(key: string): void;
}

/** Takes the token out of the address bar (or out of storage); null when neither has one. Neither keeps it. */
export function takeToken(location: { href: string }, history: { replaceState(data: unknown, unused: string, url: string): void }, storage: TokenStore): string | null {
  const { token, cleanUrl } = splitToken(location.href);
  if (cleanUrl !== location.href) history.replaceState(null, '', cleanUrl);
  const stored = storage.getItem(TOKEN_KEY);
  if (stored !== null) storage.removeItem(TOKEN_KEY);
  return token ?? stored;
}
