/**
 * The API explorer at /graphiql (contract: Browser sessions and the explorer): GraphiQL from
 * the installed packages, built by Vite as the web build's second page (vite.config.ts), so
 * nothing comes from a CDN and it works offline. Its editor (monaco) runs its language
 * services in web workers, which `graphiql/setup-workers/vite` declares for Vite.
 *
 * Requests go to /graphql on this origin: with this browser's session (its cookie, sent on
 * every same-origin request; the fetcher always sends JSON, so the session's cross-site rules
 * pass), or with the bearer token pasted into the field above the editor, which then wins.
 * The token is kept in this page only: never stored.
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql-page.css';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement as h, useEffect, useMemo, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { EXAMPLES } from './examples.ts';

/** GraphiQL keeps tabs in localStorage: under its own prefix, apart from anything else on this origin. */
const STORAGE_PREFIX = 'ecomap.graphiql:';
const storage = {
  getItem: (key: string) => localStorage.getItem(STORAGE_PREFIX + key),
  setItem: (key: string, value: string) => localStorage.setItem(STORAGE_PREFIX + key, value),
  removeItem: (key: string) => localStorage.removeItem(STORAGE_PREFIX + key),
  clear: () => { for (const key of Object.keys(localStorage)) if (key.startsWith(STORAGE_PREFIX)) localStorage.removeItem(key); },
  get length() { return Object.keys(localStorage).filter((key) => key.startsWith(STORAGE_PREFIX)).length; },
  key: (index: number) => Object.keys(localStorage).filter((key) => key.startsWith(STORAGE_PREFIX))[index]?.slice(STORAGE_PREFIX.length) ?? null,
} satisfies Storage;

const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

/** The fetcher for a pasted token, or for the session when there is none. */
function fetcherFor(token: string): Fetcher {
  const authorization = token ? { Authorization: `Bearer ${token}` } : undefined;
  const base = createGraphiQLFetcher({
    url: '/graphql',
    subscriptionUrl: wsUrl,
    // Subscriptions: the token as graphql-ws's connection parameter, else the session's cookie on the upgrade.
    wsConnectionParams: token ? { authorization: `Bearer ${token}` } : {},
    headers: authorization,
  });
  return (params, opts) => base(params, { ...opts, headers: { ...authorization, ...opts?.headers } });
}

type Who = { state: 'checking' } | { state: 'signed-in'; role: string; partner: string | null } | { state: 'none' };

/** Who the current credentials are, asked of the API itself (`viewer`). */
async function whoIs(token: string): Promise<Who> {
  try {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: '{ viewer { role partner { name } } }' }),
    });
    const body = (await res.json()) as { data?: { viewer?: { role: string; partner: { name: string } | null } } };
    const viewer = body.data?.viewer;
    return viewer ? { state: 'signed-in', role: viewer.role, partner: viewer.partner?.name ?? null } : { state: 'none' };
  } catch {
    return { state: 'none' };
  }
}

function describe(who: Who, token: string): string {
  if (who.state === 'checking') return 'Checking who you are…';
  if (who.state === 'none') {
    return token ? 'The server refused this token.' : 'Not signed in: open the web view with your link, or paste a token.';
  }
  const as = who.partner ? `${who.role} for ${who.partner}` : who.role;
  return token ? `Sending the pasted token (${as}).` : `Signed in with this browser’s session (${as}).`;
}

function Explorer() {
  const [token, setToken] = useState('');
  const [draft, setDraft] = useState('');
  const [who, setWho] = useState<Who>({ state: 'checking' });
  /** The example last picked: GraphiQL opens it in a tab of its own (or the tab that already holds it). */
  const [picked, setPicked] = useState<{ query: string; n: number } | null>(null);
  const fetcher = useMemo(() => fetcherFor(token), [token]);

  useEffect(() => {
    let current = true;
    setWho({ state: 'checking' });
    void whoIs(token).then((w) => { if (current) setWho(w); });
    return () => { current = false; };
  }, [token]);

  const useDraft = (event: FormEvent) => {
    event.preventDefault();
    setToken(draft.trim());
  };

  const bar = h('header', { className: 'explorer-bar' },
    h('a', { href: '/', className: 'explorer-home' }, 'Ecomap'),
    h('span', { className: 'explorer-title' }, 'API explorer'),
    h('form', { className: 'explorer-token', onSubmit: useDraft },
      h('label', { htmlFor: 'graphiql-token' }, 'Bearer token'),
      h('input', {
        id: 'graphiql-token', type: 'password', autoComplete: 'off', placeholder: 'optional: else this browser’s session',
        value: draft, onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
      }),
      h('button', { type: 'submit', id: 'graphiql-use-token' }, 'Use token'),
      token ? h('button', { type: 'button', onClick: () => { setDraft(''); setToken(''); } }, 'Use session') : null),
    h('span', { className: 'explorer-who', role: 'status', 'data-state': who.state }, describe(who, token)),
    h('nav', { className: 'explorer-examples', 'aria-label': 'Examples from the README' },
      h('span', null, 'Examples:'),
      ...EXAMPLES.map((example, i) => h('button', {
        key: example.title, type: 'button', className: 'explorer-example', 'data-example': String(i),
        onClick: () => setPicked((p) => ({ query: example.query, n: (p?.n ?? 0) + 1 })),
      }, example.title))));

  return h('div', { className: 'explorer-page' }, bar,
    h('div', { className: 'explorer-graphiql' },
      h(GraphiQL, {
        // A picked example remounts GraphiQL with it as the initial query: GraphiQL then opens it in a tab.
        key: `${token ? 'token' : 'session'}:${picked?.n ?? 0}`,
        fetcher,
        storage,
        defaultQuery: EXAMPLES[0]!.query,
        initialQuery: picked?.query,
        defaultEditorToolsVisibility: false,
        shouldPersistHeaders: false,
      })));
}

createRoot(document.getElementById('graphiql')!).render(h(Explorer));
