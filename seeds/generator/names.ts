import {
  CUSTOMER_SYLLABLES, PARTNER_NAME_HEADS, PARTNER_NAME_SUFFIXES, PARTNER_NAME_TAILS,
} from './vocabulary.ts';

const PARTNER_COMBOS = PARTNER_NAME_HEADS.length * PARTNER_NAME_TAILS.length * PARTNER_NAME_SUFFIXES.length;
const BRAND_COMBOS = CUSTOMER_SYLLABLES.length ** 3;
// Multipliers coprime with the combo counts (16,000 and 8,000): index -> combo is a
// bijection, so names are unique until the combos run out, yet neighbours look unrelated.
const PARTNER_STRIDE = 7919;
const BRAND_STRIDE = 3571;

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "Ironbridge Analytics"; past 16,000 partners a round number is appended ("... 2"). */
export function partnerName(index: number): string {
  const combo = (index * PARTNER_STRIDE) % PARTNER_COMBOS;
  const heads = PARTNER_NAME_HEADS.length;
  const tails = PARTNER_NAME_TAILS.length;
  const head = PARTNER_NAME_HEADS[combo % heads];
  const tail = PARTNER_NAME_TAILS[Math.floor(combo / heads) % tails];
  const suffix = PARTNER_NAME_SUFFIXES[Math.floor(combo / (heads * tails))];
  const round = Math.floor(index / PARTNER_COMBOS);
  return `${head}${tail} ${suffix}${round > 0 ? ` ${round + 1}` : ''}`;
}

/**
 * "Corvanel Bank": a made-up brand plus a word of the customer's industry; brands are
 * unique for the first 8,000 customers, then numbered ("Corvanel Bank 2").
 */
export function customerName(index: number, industryWord: string): string {
  const combo = (index * BRAND_STRIDE) % BRAND_COMBOS;
  const n = CUSTOMER_SYLLABLES.length;
  const word = [combo % n, Math.floor(combo / n) % n, Math.floor(combo / (n * n))]
    .map((i) => CUSTOMER_SYLLABLES[i])
    .join('');
  const round = Math.floor(index / BRAND_COMBOS);
  return `${capitalise(word)} ${industryWord}${round > 0 ? ` ${round + 1}` : ''}`;
}
