/**
 * The colours the stage paints on its canvases (labels, rings, halo, dimmed items, the
 * exported picture's background). A canvas cannot use CSS variables, so they are read
 * from map.css's --map-* properties: the stylesheet decides them, for the light and the
 * dark colour scheme alike, and the stage reads them again when the scheme changes.
 */
import './map.css';

export interface StageTheme {
  background: string;
  label: string;
  /** Drawn around label text so it reads over links and nodes. */
  labelHalo: string;
  /** The ring that marks an articulation point. */
  ring: string;
  /** Around the hovered or selected node. */
  halo: string;
  /** The rim around every disc that is not dimmed (stage-programs.ts). */
  nodeRim: string;
  dimmedNode: string;
  dimmedLink: string;
}

const PROPERTIES: Readonly<Record<keyof StageTheme, string>> = {
  background: '--map-bg', label: '--map-label', labelHalo: '--map-label-halo', ring: '--map-ring',
  halo: '--map-halo', nodeRim: '--map-node-rim', dimmedNode: '--map-dimmed-node', dimmedLink: '--map-dimmed-link',
};

/** The stage's colours as the page's stylesheet sets them now. */
export function readStageTheme(): StageTheme {
  const style = getComputedStyle(document.documentElement);
  const theme = {} as StageTheme;
  for (const [key, property] of Object.entries(PROPERTIES) as Array<[keyof StageTheme, string]>) {
    const value = style.getPropertyValue(property).trim();
    // An empty colour would draw nothing, silently: a missing property is a bug in map.css.
    if (!value) throw new Error(`map.css does not define ${property}`);
    theme[key] = value;
  }
  return theme;
}

/** Calls `onChange` when the browser switches between light and dark; returns how to stop listening. */
export function onSchemeChange(onChange: () => void): () => void {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
