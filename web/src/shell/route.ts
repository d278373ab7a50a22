/** The address bar's hash as a view and an optional argument: `#accountability/o-claims-speed`. */
import type { ViewName } from './session.ts';

export const VIEWS: readonly ViewName[] = ['map', 'accountability', 'gaps', 'attribution'];

export function parseHash(hash: string, fallback: ViewName): { view: ViewName; arg?: string } {
  const [name, ...rest] = hash.replace(/^#/, '').split('/');
  if (!(VIEWS as readonly string[]).includes(name ?? '')) return { view: fallback };
  const view = name as ViewName;
  let arg: string | undefined;
  try {
    arg = rest.length ? decodeURIComponent(rest.join('/')) : undefined;
  } catch {
    arg = undefined;
  }
  return arg ? { view, arg } : { view };
}

export function hashFor(view: ViewName, arg?: string): string {
  return arg ? `#${view}/${encodeURIComponent(arg)}` : `#${view}`;
}
