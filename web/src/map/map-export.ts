/**
 * The map saved as a file: a PNG that explains itself (title, filters, date above the
 * picture, the legend below it) and a CSV with names beside every id.
 */
import type { Cell } from '../lib/csv.ts';
import { drawCaption, layOutCaption, type PngCaption } from '../lib/download.ts';
import { PARTNER_TYPES, typeColour, TYPE_LABELS } from '../lib/palette.ts';
import { windowDates, type MapFilter } from './map-filter.ts';
import type { OverviewModel } from './overview-model.ts';
import type { PartnerLevel } from './partner-level.ts';
import { BRIDGE_COLOUR, BUBBLE_COLOUR, LINK_COLOUR, SIZE_LABELS } from './map-controls.ts';

const FONT = 'system-ui, "DejaVu Sans", sans-serif';

/** The filters as a person would say them, for the PNG's caption. */
export function describeFilter(filter: MapFilter, months: readonly string[], names: { regions: ReadonlyMap<string, string>; industries: ReadonlyMap<string, string> }): string[] {
  const lines: string[] = [];
  lines.push(`Region: ${filter.region ? names.regions.get(filter.region) ?? filter.region : 'all'} · Industry: ${filter.industry ? names.industries.get(filter.industry) ?? filter.industry : 'all'}`);
  if (filter.types.size < PARTNER_TYPES.length) lines.push(`Partner types: ${PARTNER_TYPES.filter((t) => filter.types.has(t)).map((t) => TYPE_LABELS[t]).join(', ') || 'none'}`);
  if (months.length) {
    const { since, until } = windowDates(months, filter.from, filter.to);
    lines.push(filter.from === 0 && filter.to === months.length - 1 ? `All engagements (${since} to ${until})` : `Engagements overlapping ${since} to ${until}`);
  }
  return lines;
}

export interface LegendEntry { colour: string; text: string; mark: 'dot' | 'ring' | 'line' }

export function legendEntries(level: 'overview' | 'partners', filter: MapFilter): LegendEntry[] {
  if (level === 'overview') {
    return [
      { colour: BUBBLE_COLOUR, text: 'Community (area: partners)', mark: 'dot' },
      { colour: LINK_COLOUR, text: 'Co-delivery between communities (width: weight)', mark: 'line' },
    ];
  }
  return [
    ...PARTNER_TYPES.filter((t) => filter.types.has(t)).map((t) => ({ colour: typeColour(t), text: TYPE_LABELS[t], mark: 'dot' as const })),
    { colour: '#000', text: 'Articulation point', mark: 'ring' },
    { colour: BRIDGE_COLOUR, text: 'Bridge', mark: 'line' },
    { colour: LINK_COLOUR, text: 'Co-delivers', mark: 'line' },
    { colour: '#fff', text: `Size: ${SIZE_LABELS[filter.sizeBy]}`, mark: 'dot' },
  ];
}

/** The picture with its caption above and its legend below, as a PNG. */
export function composePng(picture: HTMLCanvasElement, caption: PngCaption, legend: readonly LegendEntry[], scale = window.devicePixelRatio || 1): Promise<Blob> {
  const width = Math.max(480, picture.width / scale);
  const measure = document.createElement('canvas').getContext('2d')!;
  const laid = layOutCaption(measure, caption, width);
  // Legend entries flow left to right, wrapping at the picture's width.
  measure.font = `12px ${FONT}`;
  const placed: Array<LegendEntry & { x: number; row: number }> = [];
  let x = 8, row = 0;
  for (const entry of legend) {
    const w = 26 + measure.measureText(entry.text).width + 14;
    if (x + w > width - 8 && x > 8) { x = 8; row++; }
    placed.push({ ...entry, x, row });
    x += w;
  }
  const top = laid.height;
  const pictureHeight = picture.height / scale;
  const legendTop = top + pictureHeight + 8;
  const height = legendTop + (legend.length ? (row + 1) * 18 + 8 : 0);
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  drawCaption(ctx, laid);
  ctx.drawImage(picture, 0, top, picture.width / scale, pictureHeight);
  ctx.strokeStyle = '#ccc';
  ctx.strokeRect(0.5, top + 0.5, picture.width / scale - 1, pictureHeight - 1);
  ctx.font = `12px ${FONT}`;
  ctx.textBaseline = 'middle';
  for (const entry of placed) {
    const cy = legendTop + entry.row * 18 + 9;
    ctx.beginPath();
    if (entry.mark === 'line') {
      ctx.moveTo(entry.x, cy); ctx.lineTo(entry.x + 20, cy);
      ctx.strokeStyle = entry.colour; ctx.lineWidth = 3; ctx.stroke();
    } else {
      ctx.arc(entry.x + 10, cy, 6, 0, Math.PI * 2);
      if (entry.mark === 'dot') { ctx.fillStyle = entry.colour; ctx.fill(); }
      ctx.strokeStyle = entry.mark === 'ring' ? '#000' : 'rgba(0,0,0,.3)'; ctx.lineWidth = entry.mark === 'ring' ? 2.5 : 1; ctx.stroke();
    }
    ctx.fillStyle = '#1a1a1a';
    ctx.fillText(entry.text, entry.x + 26, cy);
  }
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
}

/** The overview as a table: each community with its label, size and best-connected members by name. */
export function overviewCsv(model: OverviewModel): Cell[][] {
  return [
    ['community', 'label', 'partners', 'topPartners'],
    ...model.bubbles.map((b) => [b.id, b.label, b.size, b.top.join('; ')]),
  ];
}

/** A community's partners: id and name, type, the community by id and label, metrics, single-point marks. */
export function partnersCsv(level: PartnerLevel, community: { id: number; label: string }): Cell[][] {
  return [
    ['id', 'name', 'partnerType', 'community', 'communityLabel', 'degree', 'pagerank', 'betweenness', 'articulationPoint'],
    ...level.nodes.map((n) => [n.id, n.label, n.partnerType, community.id, community.label, n.degree, n.pagerank, n.betweenness, n.articulationPoint]),
  ];
}
