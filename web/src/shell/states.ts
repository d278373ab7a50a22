/** Loading, empty and error states, and the pages shown when there is no usable token. */
import { ApiError } from '../api/client.ts';
import type { Live, LiveEvent, LiveState } from '../api/live.ts';
import { button, clear, el } from '../lib/dom.ts';

export function showLoading(host: HTMLElement, what: string): void {
  clear(host);
  host.append(el('div', { class: 'state', role: 'status', 'aria-live': 'polite', 'data-state': 'loading' }, `Loading ${what}…`));
}

export function showEmpty(host: HTMLElement, message: string): void {
  clear(host);
  host.append(el('div', { class: 'state', role: 'status', 'data-state': 'empty' }, message));
}

/** A readable message for an error from the API (its code decides the wording). */
export function describeError(err: unknown): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  switch (err.code) {
    case 'FORBIDDEN': return 'Your token may not read this. An ADMIN or ANALYST token can.';
    case 'NOT_FOUND': return 'Not found, or outside what your token may see.';
    case 'SERVICE_UNAVAILABLE': return 'The server cannot reach its database right now. Try again in a moment.';
    case 'QUERY_TOO_COMPLEX': return `The request was too large for the server's limits: ${err.message}`;
    case 'NETWORK_ERROR': return err.message;
    default: return `${err.message} (${err.code})`;
  }
}

export function showError(host: HTMLElement, err: unknown, retry?: () => void): void {
  clear(host);
  host.append(el('div', { class: 'state error', role: 'alert', 'data-state': 'error' },
    el('h2', {}, 'Something went wrong'),
    el('p', {}, describeError(err)),
    retry ? button('Try again', retry) : null));
}

export type AuthProblem = 'missing' | 'invalid' | 'unreachable';

/** The whole page when the token is missing, revoked or the server is down: never blank. */
export function renderAuthProblem(root: HTMLElement, problem: AuthProblem, onToken: (token: string) => void, detail?: string): void {
  clear(root);
  const titles: Record<AuthProblem, string> = {
    missing: 'Open Ecomap with your link',
    invalid: 'This link’s token is not valid',
    unreachable: 'The Ecomap server cannot be reached',
  };
  const intro: Record<AuthProblem, string> = {
    missing: 'The web view needs an access token, which comes in a link of the form http://HOST:PORT/?token=…',
    invalid: 'The server refused the token: it was revoked, has expired from the server’s store, or was mistyped. It has been removed from this tab.',
    unreachable: detail ?? 'The page could not talk to /graphql. Check that `npm start` is running, then reload.',
  };
  const input = el('input', { type: 'password', id: 'token-input', autocomplete: 'off', size: 40, 'aria-describedby': 'token-help' });
  const form = el('form', { class: 'token-form' }, el('label', { for: 'token-input' }, 'Or paste a token: '), input, ' ', el('button', { type: 'submit' }, 'Open'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim()) onToken(input.value.trim());
  });
  root.append(el('main', { class: 'state', 'data-state': `auth-${problem}` },
    el('h1', {}, 'Ecomap'),
    el('h2', { role: 'alert' }, titles[problem]),
    el('p', {}, intro[problem]),
    problem === 'unreachable' ? null : el('div', { id: 'token-help' },
      el('h3', {}, 'How to get a link'),
      el('ul', {},
        el('li', {}, 'On its first start, ', el('code', {}, 'npm start'), ' prints once: ', el('code', {}, 'Open the web view as ADMIN (this link is shown once): http://127.0.0.1:4000/?token=ecm_…'), '. Open that link.'),
        el('li', {}, 'Lost it? Set ', el('code', {}, 'ADMIN_TOKEN'), ' to a secret of your own, restart, and open ', el('code', {}, '/?token='), ' followed by that secret.'),
        el('li', {}, 'Analysts and partners: ask an admin for a link; admins make tokens with the ', el('code', {}, 'createApiToken'), ' mutation.')),
      form),
    problem === 'unreachable' ? button('Reload', () => location.reload()) : null));
  if (problem !== 'unreachable') input.focus();
}

export interface LiveStatus {
  element: HTMLElement;
  /** An event reached the view: counted in `data-events`, the last one in `data-last-event`. */
  received(event: LiveEvent): void;
  /** The view loaded again what it shows after a change or a reconnect: "Updated just now". */
  updated(): void;
  destroy(): void;
}

const LIVE_WORDS: Record<LiveState, string> = {
  idle: '',
  connecting: 'Connecting for live updates…',
  live: 'Live',
  reconnecting: 'Reconnecting for live updates; what is shown may be out of date.',
  stopped: 'Live updates are off; reload the page to see changes.',
};

/** A small line that says whether changes arrive live and when the view last updated itself. */
export function createLiveStatus(live: Live, testId: string): LiveStatus {
  const element = el('div', { class: 'live-status small', role: 'status', 'aria-live': 'polite', 'data-testid': testId, 'data-events': 0, 'data-updates': 0 });
  let events = 0;
  let updates = 0;
  let updatedAt: Date | null = null;
  let timer = 0;
  function show(): void {
    const state = live.state();
    element.setAttribute('data-live', state);
    if (state === 'live' && updatedAt) {
      const recent = Date.now() - updatedAt.getTime() < 60_000;
      element.textContent = recent ? 'Updated just now' : `Updated at ${updatedAt.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
      element.title = `Updated live at ${updatedAt.toLocaleTimeString()}`;
    } else {
      element.textContent = LIVE_WORDS[state];
      element.title = state === 'live' ? 'Changes made elsewhere show here without a reload.' : '';
    }
  }
  const stopListening = live.onState(show);
  show();
  return {
    element,
    received(event) {
      element.setAttribute('data-events', String(++events));
      element.setAttribute('data-last-event', `${event.type} ${typeof event.data.engagementId === 'string' ? event.data.engagementId : ''}`.trim());
    },
    updated() {
      updatedAt = new Date();
      element.setAttribute('data-updates', String(++updates));
      show();
      clearTimeout(timer);
      // "just now" becomes the time once it is no longer true.
      timer = window.setTimeout(show, 60_000);
    },
    destroy() { clearTimeout(timer); stopListening(); },
  };
}
