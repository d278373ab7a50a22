/**
 * The address bar's hash as a view, an optional argument and the view's state:
 * `#accountability/o-claims-speed?list=at-risk&asOf=2026-12-05`. A view keeps what a
 * person chose in the state, so a copied address opens the same page.
 */
import type { ViewName } from './session.ts';

export const VIEWS: readonly ViewName[] = ['map', 'accountability', 'gaps', 'attribution', 'deals', 'data'];

/** A view's state in the address: plain strings, absent keys mean the view's defaults. */
export type ViewState = Record<string, string>;

export interface Route {
  view: ViewName;
  arg?: string;
  state: ViewState;
}

export function parseHash(hash: string, fallback: ViewName): Route {
  const raw = hash.replace(/^#/, '');
  const mark = raw.indexOf('?');
  const path = mark < 0 ? raw : raw.slice(0, mark);
  const state: ViewState = mark < 0 ? {} : Object.fromEntries(new URLSearchParams(raw.slice(mark + 1)));
  const [name, ...rest] = path.split('/');
  if (!(VIEWS as readonly string[]).includes(name ?? '')) return { view: fallback, state: {} };
  const view = name as ViewName;
  let arg: string | undefined;
  try {
    arg = rest.length ? decodeURIComponent(rest.join('/')) : undefined;
  } catch {
    arg = undefined;
  }
  return arg ? { view, arg, state } : { view, state };
}

export function hashFor(view: ViewName, arg?: string, state: ViewState = {}): string {
  const query = new URLSearchParams(Object.entries(state).filter(([, v]) => v !== '')).toString();
  return `#${view}${arg ? `/${encodeURIComponent(arg)}` : ''}${query ? `?${query}` : ''}`;
}

/** Whether two states hold the same keys and values, in any order. */
export function sameState(a: ViewState, b: ViewState): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
