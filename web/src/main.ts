/**
 * Boot: take the token from the first-start link (then keep it in sessionStorage and
 * drop it from the address bar), ask who we are, then show the views that role may use.
 * A missing, revoked or mistyped token, or a server that cannot be reached, gets a page
 * that says so and how to get a link: never a blank page.
 */
import './styles.css';
import { ApiError, createApi, type Api } from './api/client.ts';
import { forgetToken, takeToken, TOKEN_KEY } from './api/token.ts';
import { startApp } from './shell/app.ts';
import { VIEWER_QUERY, type Viewer } from './shell/session.ts';
import { renderAuthProblem } from './shell/states.ts';

const root = document.getElementById('app')!;

function useToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
  void boot();
}

async function boot(): Promise<void> {
  const token = takeToken(location, history, sessionStorage);
  if (!token) {
    renderAuthProblem(root, 'missing', useToken);
    return;
  }
  const onUnauthenticated = () => {
    forgetToken(sessionStorage);
    renderAuthProblem(root, 'invalid', useToken);
  };
  const raw = createApi(token);
  // Any request may find the token revoked mid-session: then the whole page says so.
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
  startApp(root, api, viewer, () => {
    forgetToken(sessionStorage);
    renderAuthProblem(root, 'missing', useToken);
  });
}

void boot();
