/**
 * The import rules that need nothing but the input itself (contract: Import):
 * empty ids and names, duplicate ids, levels, intervals, orchestrators, owners,
 * negative amounts. It also lists every reference the input makes, so that
 * references.ts can resolve the ones the input does not define against the store.
 *
 * Input here is what shape.ts could read: every field present has its declared JSON
 * type, and a misshapen one is absent, so every rule that does not need it still runs.
 */
import { clip, MAX_KEY_LENGTH, type EcosystemInput, type ParticipationInput, type Problem } from '../model/index.ts';
import { checkRegistration } from '../deals/index.ts';
import type { Readable } from './shape.ts';

export type RefKind = 'region' | 'industry' | 'capability' | 'partner' | 'customer' | 'commitment';


/** One reference from the input to something of `kind` with id `id`, at `path`. */
export interface Reference {
  kind: RefKind;
  id: string;
  path: string;
}

export interface RuleResult {
  problems: Problem[];
  references: Reference[];
  /** Ids the input defines, per kind. */
  defined: Record<RefKind, Set<string>>;
}

/**
 * `broken` holds the paths shape.ts found misshapen: a check that needs one of those
 * values is skipped (it cannot be decided), every other check still runs.
 */
export function checkRules(input: Readable<EcosystemInput>, broken: ReadonlySet<string> = new Set()): RuleResult {
  const problems: Problem[] = [];
  const references: Reference[] = [];
  const defined: Record<RefKind, Set<string>> = {
    region: new Set(), industry: new Set(), capability: new Set(), partner: new Set(), customer: new Set(), commitment: new Set(),
  };
  const seen = new Map<string, string>(); // `${kind}:${id}` → first path
  const problem = (path: string, message: string) => problems.push({ path, message });
  const ref = (kind: RefKind, id: string | undefined, path: string) => { if (id !== undefined) references.push({ kind, id, path }); };

  /** Checks an id for emptiness and uniqueness within its kind. */
  const define = (kind: string, id: string | undefined, path: string, into?: Set<string>) => {
    if (id === undefined) return;
    if (id.trim() === '') { problem(path, 'must not be empty'); return; }
    if (id.length > MAX_KEY_LENGTH) problem(path, `must be at most ${MAX_KEY_LENGTH} characters long, got ${id.length}`);
    const key = `${kind}:${id}`;
    const first = seen.get(key);
    if (first !== undefined) problem(path, `duplicate ${kind} id "${clip(id)}" (first at ${first})`);
    else seen.set(key, path);
    into?.add(id);
  };
  const named = (name: string | undefined, path: string) => {
    if (name === undefined) return;
    if (name.trim() === '') problem(path, 'must not be empty');
    else if (name.length > MAX_KEY_LENGTH) problem(path, `must be at most ${MAX_KEY_LENGTH} characters long, got ${name.length}`);
  };
  const level = (value: number | undefined, path: string) => {
    if (value !== undefined && (value < 1 || value > 5)) problem(path, `level must be between 1 and 5, got ${value}`);
  };
  const notNegative = (value: number | undefined, path: string) => {
    if (value !== undefined && value < 0) problem(path, `must not be negative, got ${value}`);
  };

  input.regions?.forEach((r, i) => { define('region', r?.code, `regions[${i}].code`, defined.region); named(r?.name, `regions[${i}].name`); });
  input.industries?.forEach((r, i) => { define('industry', r?.code, `industries[${i}].code`, defined.industry); named(r?.name, `industries[${i}].name`); });
  input.capabilities?.forEach((c, i) => { define('capability', c?.id, `capabilities[${i}].id`, defined.capability); named(c?.name, `capabilities[${i}].name`); });

  input.partners?.forEach((p, i) => {
    if (!p) return;
    const at = `partners[${i}]`;
    define('partner', p.id, `${at}.id`, defined.partner);
    named(p.name, `${at}.name`);
    p.regions?.forEach((code, j) => ref('region', code, `${at}.regions[${j}]`));
    p.industries?.forEach((code, j) => ref('industry', code, `${at}.industries[${j}]`));
    const held = new Set<string>();
    p.capabilities?.forEach((h, j) => {
      if (!h) return;
      ref('capability', h.capability, `${at}.capabilities[${j}].capability`);
      if (h.capability !== undefined) {
        if (held.has(h.capability)) problem(`${at}.capabilities[${j}].capability`, `capability "${clip(h.capability)}" is listed twice`);
        held.add(h.capability);
      }
      level(h.level, `${at}.capabilities[${j}].level`);
    });
  });

  input.customers?.forEach((c, i) => {
    if (!c) return;
    const at = `customers[${i}]`;
    define('customer', c.id, `${at}.id`, defined.customer);
    named(c.name, `${at}.name`);
    ref('region', c.region, `${at}.region`);
    ref('industry', c.industry, `${at}.industry`);
  });

  input.engagements?.forEach((e, i) => {
    if (!e) return;
    const at = `engagements[${i}]`;
    define('engagement', e.id, `${at}.id`);
    named(e.name, `${at}.name`);
    ref('customer', e.customer, `${at}.customer`);
    notNegative(e.value, `${at}.value`);
    if (e.startDate && e.endDate && e.endDate < e.startDate) problem(`${at}.endDate`, `must not be before startDate ${e.startDate}`);

    const required = new Set<string>();
    e.requires?.forEach((r, j) => {
      if (!r) return;
      ref('capability', r.capability, `${at}.requires[${j}].capability`);
      if (r.capability !== undefined) {
        if (required.has(r.capability)) problem(`${at}.requires[${j}].capability`, `capability "${clip(r.capability)}" is required twice`);
        required.add(r.capability);
      }
      level(r.level, `${at}.requires[${j}].level`);
    });

    const participants = e.participants ?? [];
    participants.forEach((p, j) => {
      if (!p) return;
      ref('partner', p.partner, `${at}.participants[${j}].partner`);
      if (p.from && p.to && p.to <= p.from) problem(`${at}.participants[${j}].to`, `must be after from (${p.from})`);
    });
    // An interval with an unreadable part takes no part in the checks that need it.
    const intervals = participants.map((p, j) => (p?.partner && p.role && p.from && !broken.has(`${at}.participants[${j}].to`)
      ? { partner: p.partner, role: p.role, from: p.from, to: p.to } : undefined));
    checkOrchestrators(intervals, `${at}.participants`, problem);
    const listRead = !broken.has(`${at}.participants`);
    if (e.status === 'ACTIVE' && listRead && intervals.every((p) => p !== undefined)
      && !intervals.some((p) => p?.role === 'ORCHESTRATOR' && !p.to)) {
      problem(`${at}.participants`, 'an ACTIVE engagement needs an open ORCHESTRATOR interval (one without "to")');
    }
    // Whether an owner participates needs every participant's partner, nothing else.
    const participating = listRead && participants.every((p) => p?.partner !== undefined)
      ? new Set(participants.map((p) => p?.partner)) : undefined;

    e.contributions?.forEach((k, j) => {
      if (!k) return;
      define('contribution', k.id, `${at}.contributions[${j}].id`);
      ref('partner', k.partner, `${at}.contributions[${j}].partner`);
      notNegative(k.amount, `${at}.contributions[${j}].amount`);
    });
    e.commitments?.forEach((m, j) => {
      if (!m) return;
      define('commitment', m.id, `${at}.commitments[${j}].id`, defined.commitment);
      ref('partner', m.owner, `${at}.commitments[${j}].owner`);
      if (participating && m.owner !== undefined && !participating.has(m.owner)) {
        problem(`${at}.commitments[${j}].owner`, `"${clip(m.owner)}" never participates in engagement "${clip(e.id ?? '')}"`);
      }
      m.dependsOn?.forEach((d, k) => ref('commitment', d, `${at}.commitments[${j}].dependsOn[${k}]`));
    });
    e.outcomes?.forEach((o, j) => {
      if (!o) return;
      define('outcome', o.id, `${at}.outcomes[${j}].id`);
      o.dependsOn?.forEach((d, k) => ref('commitment', d, `${at}.outcomes[${j}].dependsOn[${k}]`));
    });
  });

  input.dealRegistrations?.forEach((d, i) => {
    if (!d) return;
    const at = `dealRegistrations[${i}]`;
    define('deal registration', d.id, `${at}.id`);
    ref('partner', d.partner, `${at}.partner`);
    ref('customer', d.customer, `${at}.customer`);
    ref('capability', d.capability, `${at}.capability`);
    checkRegistration(d, `${at}.`, problem);
  });

  return { problems, references, defined };
}

/** Two ORCHESTRATOR intervals of one engagement may not share a day ([from, to) half-open). */
export function checkOrchestrators(
  participants: ReadonlyArray<ParticipationInput | undefined>, at: string, problem: (path: string, message: string) => void,
): void {
  const intervals = participants
    .flatMap((p, j) => (p ? [{ p, j }] : []))
    .filter(({ p }) => p.role === 'ORCHESTRATOR' && (!p.to || p.to > p.from))
    .sort((a, b) => (a.p.from < b.p.from ? -1 : a.p.from > b.p.from ? 1 : a.j - b.j));
  // Sorted by start, an interval overlaps an earlier one exactly when it starts before
  // the latest end seen so far.
  let latest: { p: ParticipationInput; j: number } | undefined;
  for (const current of intervals) {
    if (latest && (!latest.p.to || current.p.from < latest.p.to)) {
      problem(`${at}[${current.j}]`,
        `ORCHESTRATOR interval from ${current.p.from} overlaps the one at ${at}[${latest.j}] (${clip(latest.p.partner)}, from ${latest.p.from}${latest.p.to ? ` to ${latest.p.to}` : ''})`);
    }
    const endsLater = !latest || (latest.p.to !== undefined && latest.p.to !== null && (!current.p.to || current.p.to > latest.p.to));
    if (endsLater) latest = current;
  }
}
