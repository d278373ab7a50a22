/** What every view gets: the API, who is looking, the side panel, and navigation. */
import type { Api } from '../api/client.ts';
import { graphql } from '../api/generated/index.ts';
import type { ViewerQuery } from '../api/generated/graphql.ts';
import type { Panel } from './panel.ts';

/** Named: the generated registry skips anonymous operations. */
export const VIEWER_QUERY = graphql(`query Viewer { viewer { role partner { id name } } }`);

export type Viewer = ViewerQuery['viewer'];

export type ViewName = 'map' | 'accountability' | 'gaps' | 'attribution';

export interface Session {
  api: Api;
  viewer: Viewer;
  panel: Panel;
  /** Go to a view, optionally with an argument (an id), as `#view/arg`. */
  navigate(view: ViewName, arg?: string): void;
  /** Opens a partner's card in the side panel. */
  openPartner(partnerId: string): void;
}

/** Analyses a PARTNER token may not read (contract: Access). */
export function canReadEcosystem(viewer: Viewer): boolean {
  return viewer.role !== 'PARTNER';
}

