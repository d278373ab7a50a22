import { describe, expect, it } from 'vitest';
import { layerDecision } from './layer.ts';

describe('reusing the cached map layer', () => {
  // A layer drawn for an 800 × 600 view at translate (0, 0), zoom 1: it spans three views each way.
  const layer = { k: 1, x0: -800, y0: -600, w: 2400, h: 1800 };
  const view = { k: 1, x: 0, y: 0, width: 800, height: 600 };

  it('blits while panning inside it', () => {
    expect(layerDecision(layer, view)).toBe('blit');
    expect(layerDecision(layer, { ...view, x: 790, y: -590 })).toBe('blit');
  });

  it('redraws when the view leaves it', () => {
    expect(layerDecision(layer, { ...view, x: 801 })).toBe('render');
    expect(layerDecision(layer, { ...view, y: -601 })).toBe('render');
    expect(layerDecision(null, view)).toBe('render');
  });

  it('scales it while zooming in, redraws at once when zooming out past its edges', () => {
    expect(layerDecision(layer, { ...view, k: 1.5, x: -200, y: -150 })).toBe('scaled');
    expect(layerDecision(layer, { ...view, k: 0.2, x: 320, y: 240 })).toBe('render');
  });
});
