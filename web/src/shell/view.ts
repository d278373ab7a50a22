/** The shape every view module returns: render(element, session, options) → ViewHandle. */
import type { Cell } from '../lib/csv.ts';

export interface ViewHandle {
  /** Reacts to a new argument from the address bar (`#view/arg`). */
  update(arg?: string): void;
  destroy(): void;
  /** The view as a PNG, or null when there is nothing to draw yet. */
  exportPng(): Promise<Blob | null>;
  /** The visible table, header first. */
  exportCsv(): Cell[][];
}
