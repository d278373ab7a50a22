/** The shape every view module returns: render(element, session, options) → ViewHandle. */
import type { Cell } from '../lib/csv.ts';
import type { ViewState } from './route.ts';

export interface ViewHandle {
  /** Reacts to a new argument or state from the address bar (`#view/arg?state`). */
  update(arg: string | undefined, state: ViewState): void;
  destroy(): void;
  /** The view as a PNG, or null when there is nothing to draw yet. */
  exportPng(): Promise<Blob | null>;
  /** The visible table, header first. */
  exportCsv(): Cell[][];
}
