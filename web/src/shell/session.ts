/** What every view gets: the API, who is looking, the side panel, and navigation. */
import type { Api } from '../api/client.ts';
import type { Live } from '../api/live.ts';
import { graphql } from '../api/generated/index.ts';
import type { ViewerQuery } from '../api/generated/graphql.ts';
import type { Panel } from './panel.ts';
import type { ViewState } from './route.ts';

/** Named: the generated registry skips anonymous operations. */
export const VIEWER_QUERY = graphql(`query Viewer { viewer { role partner { id name } } }`);

export type Viewer = ViewerQuery['viewer'];

export type ViewName = 'map' | 'accountability' | 'gaps' | 'attribution' | 'deals' | 'data';

export interface Session {
  api: Api;
  viewer: Viewer;
  panel: Panel;
  /** Live events (Subscription.events): views listen while shown, and reload after a reconnect. */
  live: Live;
  /** Go to a view, optionally with an argument (an id) and a state, as `#view/arg?state`. */
  navigate(view: ViewName, arg?: string, state?: ViewState): void;
  /**
   * Writes the current view's state into the address without a new history entry and
   * without re-rendering: what the person chose there, so the address can be shared.
   */
  remember(arg: string | undefined, state: ViewState): void;
  /** Opens a partner's card in the side panel. */
  openPartner(partnerId: string): void;
}

/** Analyses a PARTNER token may not read (contract: Access). */
export function canReadEcosystem(viewer: Viewer): boolean {
  return viewer.role !== 'PARTNER';
}

