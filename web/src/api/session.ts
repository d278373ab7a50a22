/**
 * The browser session (contract: Browser sessions and the explorer). The page exchanges a
 * link's token once (`POST /session` with it as a bearer token); the server answers with an
 * HttpOnly cookie that this browser then sends with every request to this origin, in every
 * tab, until sign-out (`DELETE /session`), the token's revocation or expiry. No script can
 * read the cookie, and the page keeps no token.
 */

/** Sent with requests that change something, so that no other site's form could have made them. */
export const REQUEST_HEADER = { 'X-Ecomap-Request': '1' } as const;

export type Exchange = { ok: true } | { ok: false; problem: 'invalid' | 'unreachable'; message?: string };

/** Exchanges `token` for a session cookie. */
export async function exchangeToken(token: string, fetchFn: typeof fetch = (...args) => fetch(...args)): Promise<Exchange> {
  let res: Response;
  try {
    res = await fetchFn('/session', { method: 'POST', headers: { Authorization: `Bearer ${token}`, ...REQUEST_HEADER }, credentials: 'same-origin' });
  } catch {
    return { ok: false, problem: 'unreachable' };
  }
  if (res.ok) return { ok: true };
  if (res.status === 401) return { ok: false, problem: 'invalid' };
  return { ok: false, problem: 'unreachable', message: `The server answered ${res.status} when signing in.` };
}

/** Ends the session on the server, which also clears the cookie. */
export async function endSession(fetchFn: typeof fetch = (...args) => fetch(...args)): Promise<void> {
  await fetchFn('/session', { method: 'DELETE', headers: { ...REQUEST_HEADER }, credentials: 'same-origin' });
}
