/**
 * Deal registrations for the generated engagements (contract: Deal registration): one
 * or two per engagement, registered by a partner of its team for its customer and one
 * capability it requires, shortly before it starts. Most are APPROVED with a reason,
 * some PENDING or REJECTED, and, the dates being mostly in the past, most have expired.
 *
 * Some conflict on purpose, the two kinds `dealConflicts` finds:
 * - a second registration by another team partner for the same customer and capability,
 *   a few weeks after the first, PENDING or REJECTED (so two partners' windows overlap);
 * - a registration by one team partner whose window covers another partner's SOURCED
 *   contribution (SOURCED_AGAINST_REGISTRATION when it is APPROVED).
 *
 * APPROVED registrations of different partners for one customer and capability never
 * overlap: the server refuses such an approval with CONFLICT, and an import may not
 * hold what the API would refuse. The rule kept here implies the server's with three
 * numbers per (customer, capability): the span from the first approved day to the last
 * and who holds the approvals inside it (one partner, or several). A partner may be
 * approved inside the span only while it is the only holder, anyone outside it; any
 * other approval becomes PENDING or REJECTED. So memory stays O(customers ×
 * capabilities) typed arrays whatever the engagement count.
 *
 * The engagements are drawn again from their own seeded stream (`engagements(plan)`),
 * and registrations have a stream of their own, so the other sections' output is the
 * same with or without this one.
 */
import type { DealRegistrationInput, DealRegistrationStatus, EngagementInput } from '../../graph/model/index.ts';
import { dayOf, isoDate, LAST_DAY } from './dates.ts';
import { engagements } from './engagements.ts';
import { IdFormat } from './ids.ts';
import type { EcosystemPlan } from './plan.ts';
import { deriveSeed, Rng, type WeightTable } from './prng.ts';

/** The contract's default window when expiresOn is not given. */
const DEFAULT_WINDOW_DAYS = 90;
/** At most this many registrations per engagement (ids are sized for it). */
const MAX_REGISTRATIONS = 2;

const SECOND_CHANCE = 0.4;
/** Of the second registrations, the share that claims the first one's capability (an overlap). */
const OVERLAP_CHANCE = 0.6;
/** Of engagements with a SOURCED touch and a team of two or more, those registered by another team partner over the touch. */
const AGAINST_SOURCED_CHANCE = 0.2;
const WINDOWS: WeightTable<number | null> = [[null, 40], [60, 15], [90, 20], [120, 15], [180, 10]];
const FIRST_STATUS: WeightTable<DealRegistrationStatus> = [['APPROVED', 75], ['PENDING', 12], ['REJECTED', 13]];
const APPROVED_REASONS = [
  'Sourced by the partner; the customer confirmed the contact',
  'First to register; opportunity qualified',
  'Budget and decision maker confirmed',
  'Partner-led discovery workshop held',
  'Renewal of an existing relationship',
] as const;
const REJECTED_REASONS = [
  'The customer is already engaged directly',
  'Not qualified: no budget confirmed',
  'Duplicate of an earlier registration',
  'Insufficient evidence of partner involvement',
] as const;
const SEVERAL = 0xffffffff;
const COLLISION_REASON = 'Another partner holds an approved registration for this customer and capability';

/** The 0-based index of an id made by IdFormat (prefix plus 1-based number). */
const indexOf = (id: string): number => Number(id.slice(1)) - 1;

export function* dealRegistrations(plan: EcosystemPlan): Generator<DealRegistrationInput> {
  const rng = new Rng(deriveSeed(plan.options.seed, 'deal-registrations'));
  const ids = new IdFormat('d', plan.options.engagements * MAX_REGISTRATIONS);
  const capabilityIndex = new Map(plan.catalog.capabilities.map((c, i) => [c.id, i]));
  const capabilityCount = plan.catalog.capabilities.length;
  // Per (customer, capability): the span of its APPROVED windows and who holds them
  // (0: none yet, 1 + a partner index, or SEVERAL).
  const cells = plan.customerCount * capabilityCount;
  const spanStart = new Int32Array(cells);
  const spanEnd = new Int32Array(cells);
  const holder = new Uint32Array(cells);
  let count = 0;

  /** The status a draw becomes once approvals of different partners may not overlap, with its reason. */
  function settle(partner: string, customer: string, capability: string, from: number, to: number,
    wanted: DealRegistrationStatus): Pick<DealRegistrationInput, 'status' | 'reason'> {
    if (wanted === 'PENDING') return { status: 'PENDING', reason: null };
    if (wanted === 'REJECTED') return { status: 'REJECTED', reason: rng.pick(REJECTED_REASONS) };
    const key = indexOf(customer) * capabilityCount + (capabilityIndex.get(capability) ?? 0);
    const me = indexOf(partner) + 1;
    const held = holder[key] as number;
    const outside = to <= (spanStart[key] as number) || from >= (spanEnd[key] as number);
    if (held !== 0 && held !== me && !outside) {
      return rng.chance(0.5) ? { status: 'PENDING', reason: null } : { status: 'REJECTED', reason: COLLISION_REASON };
    }
    spanStart[key] = held === 0 ? from : Math.min(spanStart[key] as number, from);
    spanEnd[key] = held === 0 ? to : Math.max(spanEnd[key] as number, to);
    holder[key] = held === 0 || held === me ? me : SEVERAL;
    return { status: 'APPROVED', reason: rng.pick(APPROVED_REASONS) };
  }

  function make(partner: string, customer: string, capability: string, registeredDay: number,
    wanted: DealRegistrationStatus): DealRegistrationInput {
    const window = rng.weighted(WINDOWS);
    // Every generated date lies in 2023..2027; a window that would run past its end stops there.
    const registeredOn = isoDate(registeredDay);
    const expiresDay = Math.min(dayOf(registeredOn) + (window ?? DEFAULT_WINDOW_DAYS), LAST_DAY);
    const registration: DealRegistrationInput = { id: ids.of(count++), partner, customer, capability, registeredOn };
    if (window !== null || expiresDay !== dayOf(registeredOn) + DEFAULT_WINDOW_DAYS) registration.expiresOn = isoDate(expiresDay);
    return { ...registration, ...settle(partner, customer, capability, dayOf(registeredOn), expiresDay, wanted) };
  }

  for (const engagement of engagements(plan)) yield* forEngagement(engagement);

  function* forEngagement(e: EngagementInput): Generator<DealRegistrationInput> {
    const team = [...new Set((e.participants ?? []).map((p) => p.partner))];
    const required = (e.requires ?? []).map((r) => r.capability);
    if (team.length === 0 || required.length === 0 || !e.startDate) return;
    const start = dayOf(e.startDate);
    const capability = rng.pick(required);
    const sourced = (e.contributions ?? []).find((k) => k.kind === 'SOURCED');
    const others = sourced ? team.filter((p) => p !== sourced.partner) : [];

    let first: DealRegistrationInput;
    if (sourced && others.length > 0 && rng.chance(AGAINST_SOURCED_CHANCE)) {
      // Registered by a team partner other than the one that sourced the deal, over the
      // day it was sourced: when approved, a SOURCED_AGAINST_REGISTRATION conflict.
      const touched = dayOf(sourced.date);
      first = make(rng.pick(others), e.customer, capability, touched - rng.int(0, 45), 'APPROVED');
    } else {
      first = make(team[0] as string, e.customer, capability, start - rng.int(7, 60), rng.weighted(FIRST_STATUS));
    }
    yield first;

    if (!rng.chance(SECOND_CHANCE)) return;
    const rivals = team.filter((p) => p !== first.partner);
    if (rivals.length > 0 && rng.chance(OVERLAP_CHANCE)) {
      // Another team partner claims the same customer and capability a few weeks later,
      // inside the first window: overlapping registrations while both are in force.
      const registered = dayOf(first.registeredOn) + rng.int(1, 30);
      yield make(rng.pick(rivals), e.customer, capability, registered, rng.chance(0.7) ? 'PENDING' : 'REJECTED');
      return;
    }
    const elsewhere = required.filter((c) => c !== capability);
    if (elsewhere.length === 0) return;
    yield make(rng.pick(team), e.customer, rng.pick(elsewhere), start - rng.int(7, 60), rng.weighted(FIRST_STATUS));
  }
}
