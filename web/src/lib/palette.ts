/**
 * Colour-blind-safe colours. Partner types use Paul Tol's "muted" scheme (9 colours)
 * plus black and Okabe–Ito orange for the last two; a legend and the tooltips name every
 * type, so colour is never the only cue. Statuses and marks use Okabe–Ito.
 */
import type { CoverageStatus, EngagementRole, PartnerType } from '../api/generated/graphql.ts';
import { allInOrder } from './all-in-order.ts';

export type { PartnerType };

/** Every partner type of the API, in legend order (and the order of NODE_PALETTE). */
export const PARTNER_TYPES = allInOrder<PartnerType>()([
  'SYSTEM_INTEGRATOR', 'ISV', 'MSP', 'RESELLER', 'REFERRAL', 'INFLUENCER', 'CLOUD_MARKETPLACE',
  'TELCO_INFRASTRUCTURE', 'BOUTIQUE_CONSULTANCY', 'STRATEGIC_ALLIANCE', 'AI_NATIVE',
]);

export const TYPE_COLOURS: Record<PartnerType, string> = {
  SYSTEM_INTEGRATOR: '#332288',
  ISV: '#88CCEE',
  MSP: '#44AA99',
  RESELLER: '#117733',
  REFERRAL: '#999933',
  INFLUENCER: '#DDCC77',
  CLOUD_MARKETPLACE: '#CC6677',
  TELCO_INFRASTRUCTURE: '#882255',
  BOUTIQUE_CONSULTANCY: '#AA4499',
  STRATEGIC_ALLIANCE: '#222222',
  AI_NATIVE: '#E69F00',
};
/**
 * On a dark background the darkest of them vanish (1.1:1 to 2:1 against the dark stage;
 * WCAG 1.4.11 asks 3:1 for graphics): lighter ones of the same hue there.
 */
const ON_DARK: Partial<Record<PartnerType, string>> = {
  SYSTEM_INTEGRATOR: '#8877EE', // 5.0:1 on #16191d
  TELCO_INFRASTRUCTURE: '#C0406F', // 3.5:1
  STRATEGIC_ALLIANCE: '#DDDDDD', // 13:1, the light counterpart of black
};

/** Whether the page is shown in the dark colour scheme. */
export function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** A partner type's colour in the colour scheme shown (default: the page's now). */
export function typeColour(type: PartnerType, dark = prefersDark()): string {
  return (dark ? ON_DARK[type] : undefined) ?? TYPE_COLOURS[type];
}

/**
 * A swatch's style for a partner type: a background that follows the colour scheme by
 * itself (CSS light-dark(); the page declares `color-scheme: light dark`), so swatches
 * change with a scheme switched while they are shown. A browser without light-dark()
 * keeps the light colour written first.
 */
export function typeSwatchStyle(type: PartnerType): string {
  const light = typeColour(type, false);
  return `background:${light};background:light-dark(${light}, ${typeColour(type, true)})`;
}

export const TYPE_LABELS: Record<PartnerType, string> = {
  SYSTEM_INTEGRATOR: 'System integrator',
  ISV: 'ISV',
  MSP: 'MSP',
  RESELLER: 'Reseller',
  REFERRAL: 'Referral',
  INFLUENCER: 'Influencer',
  CLOUD_MARKETPLACE: 'Cloud marketplace',
  TELCO_INFRASTRUCTURE: 'Telco / infrastructure',
  BOUTIQUE_CONSULTANCY: 'Boutique consultancy',
  STRATEGIC_ALLIANCE: 'Strategic alliance',
  AI_NATIVE: 'AI-native',
};

/** A partner type's name for people; unknown values as they came. */
export function typeLabel(type: string | null | undefined): string {
  return isPartnerType(type) ? TYPE_LABELS[type] : type ?? 'partner';
}

export const CUSTOMER_COLOUR = '#BBBBBB';

export const OKABE_ITO = {
  black: '#000000', orange: '#E69F00', skyBlue: '#56B4E9', green: '#009E73',
  yellow: '#F0E442', blue: '#0072B2', vermillion: '#D55E00', purple: '#CC79A7', grey: '#999999',
} as const;

/** Categorical colours for a handful of series (attribution partners). */
export const SERIES = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.green, OKABE_ITO.purple, OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion, OKABE_ITO.yellow, OKABE_ITO.black] as const;

/**
 * Coverage statuses. UNCOVERED is a dark red and SINGLE_POINT a light orange, so the two
 * worst statuses differ in lightness (relative luminance 0.08 against 0.42, a 3.55:1
 * contrast between them), not only in hue, and also in greyscale or with a colour-vision
 * deficiency; UNCOVERED also carries dark hatching. Text on each (WCAG 2.1 contrast, AA
 * needs 4.5:1 for normal text):
 *   UNCOVERED    #A50026 with white text  7.99:1 (12.81:1 on its darker hatch lines)
 *   SINGLE_POINT #E69F00 with black text  9.32:1
 *   THIN         #F0E442 with black text 15.88:1
 *   COVERED      #8FD1B9 with black text 11.99:1
 * The heatmap stays on its white card in dark mode, so these hold in both schemes.
 */
export const STATUS_COLOURS = {
  UNCOVERED: '#A50026',
  SINGLE_POINT: OKABE_ITO.orange,
  THIN: OKABE_ITO.yellow,
  COVERED: '#8FD1B9',
} as const satisfies Record<CoverageStatus, string>;

/** The text colour on each status's fill (contrasts above). */
export const STATUS_TEXT_COLOURS = {
  UNCOVERED: '#FFFFFF',
  SINGLE_POINT: '#000000',
  THIN: '#000000',
  COVERED: '#000000',
} as const satisfies Record<CoverageStatus, string>;

export const ROLE_COLOURS = { ORCHESTRATOR: OKABE_ITO.blue, CONTRIBUTOR: OKABE_ITO.skyBlue } as const satisfies Record<EngagementRole, string>;

export function isPartnerType(value: string | null | undefined): value is PartnerType {
  return (PARTNER_TYPES as readonly string[]).includes(value ?? '');
}
