/**
 * The bearer token. It arrives once in the first-start link (`/?token=…`), is kept in
 * sessionStorage (gone when the tab closes) and removed from the address bar, so it is
 * not left in the history, in bookmarks or in a screenshot of the URL.
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
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Takes the token from the address bar (storing it) or from storage; null when neither has one. */
export function takeToken(location: { href: string }, history: { replaceState(data: unknown, unused: string, url: string): void }, storage: TokenStore): string | null {
  const { token, cleanUrl } = splitToken(location.href);
  if (cleanUrl !== location.href) history.replaceState(null, '', cleanUrl);
  if (token) {
    storage.setItem(TOKEN_KEY, token);
    return token;
  }
  return storage.getItem(TOKEN_KEY);
}

export function forgetToken(storage: TokenStore): void {
  storage.removeItem(TOKEN_KEY);
}
