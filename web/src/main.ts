/**
 * Boot: a link's token (`/?token=…`) is taken out of the address bar and exchanged once for
 * a browser session (web/src/api/session.ts); then, in this tab and any other of this
 * browser, the session's cookie says who we are. Ask who we are, then show the views that
 * role may use. No session, a refused token, or a server that cannot be reached, gets a
 * page that says so and how to get a link: never a blank page.
 */
import './styles.css';
import { ApiError, createApi, type Api } from './api/client.ts';
import { endSession, exchangeToken } from './api/session.ts';
import { takeToken } from './api/token.ts';
import { startApp } from './shell/app.ts';
import { VIEWER_QUERY, type Viewer } from './shell/session.ts';
import { renderAuthProblem } from './shell/states.ts';

const root = document.getElementById('app')!;

/** A token pasted into the sign-in page: exchanged like a link's. */
function useToken(token: string): void {
  void signIn(token).then((ok) => { if (ok) void boot(); });
}

async function signIn(token: string): Promise<boolean> {
  const exchanged = await exchangeToken(token);
  if (!exchanged.ok) renderAuthProblem(root, exchanged.problem, useToken, exchanged.message);
  return exchanged.ok;
}

async function boot(): Promise<void> {
  const token = takeToken(location, history, sessionStorage);
  if (token && !(await signIn(token))) return;
  // Without a session (never signed in, signed out, expired, its token revoked): ask for a link.
  const onUnauthenticated = () => renderAuthProblem(root, 'missing', useToken);
  const raw = createApi(null);
  // Any request may find the session ended mid-way: then the whole page says so.
  const api: Api = {
    async query(document, ...args) {
      try {
        return await raw.query(document, ...args);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') onUnauthenticated();
        throw err;
      }
    },
  };
  let viewer: Viewer;
  try {
    viewer = (await raw.query(VIEWER_QUERY)).viewer;
  } catch (err) {
    if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') onUnauthenticated();
    else renderAuthProblem(root, 'unreachable', useToken, err instanceof Error ? err.message : undefined);
    return;
  }
  startApp(root, api, viewer, async () => {
    // Ends the session on the server (every tab of this browser is signed out) and clears the cookie.
    await endSession().catch(() => undefined);
    renderAuthProblem(root, 'missing', useToken);
  });
}

void boot();
