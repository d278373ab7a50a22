/**
 * The attribution view's place in the address: `#attribution/e-claims-copilot?halfLife=2.5&model=TIME_DECAY`.
 * The engagement is the route's argument; the half-life (TIME_DECAY's halfLifeDays) and
 * the model the rows are ordered by are the state, left out at their defaults. Pure.
 */
import type { ViewState } from '../shell/route.ts';
import { MODELS, type ModelKey } from './attribution-model.ts';

/** The contract's AttributionModel values, by the key the chart uses for each. */
export const MODEL_ENUM: Record<ModelKey, 'FIRST_TOUCH' | 'LAST_TOUCH' | 'LINEAR' | 'POSITION_BASED' | 'TIME_DECAY'> = {
  firstTouch: 'FIRST_TOUCH', lastTouch: 'LAST_TOUCH', linear: 'LINEAR', positionBased: 'POSITION_BASED', timeDecay: 'TIME_DECAY',
};

/** The contract's default halfLifeDays (7) and the model the list is ordered by without a choice (LINEAR). */
export const DEFAULT_HALF_LIFE = 7;
export const DEFAULT_MODEL: ModelKey = 'linear';

export interface AttributionChoice { halfLife: number; model: ModelKey }

/** Any positive, finite number of days; the API refuses the rest (halfLifeDays must be > 0). */
export function parseHalfLife(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : null;
}

export function decodeAttribution(state: ViewState): AttributionChoice {
  const halfLife = parseHalfLife(state.halfLife ?? '') ?? DEFAULT_HALF_LIFE;
  const model = MODELS.find((m) => MODEL_ENUM[m.key] === state.model)?.key ?? DEFAULT_MODEL;
  return { halfLife, model };
}

export function encodeAttribution(choice: AttributionChoice): ViewState {
  const state: ViewState = {};
  if (choice.halfLife !== DEFAULT_HALF_LIFE) state.halfLife = String(choice.halfLife);
  if (choice.model !== DEFAULT_MODEL) state.model = MODEL_ENUM[choice.model];
  return state;
}
