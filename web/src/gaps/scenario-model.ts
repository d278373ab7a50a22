/**
 * What-if scenarios in the gaps view, without the DOM: the scenario a person builds, its
 * place in the address (`#gaps?whatif=1&exits=…&joins=<json>&handovers=<json>`), and
 * where the API's problems belong. Pure.
 */
import { ApiError } from '../api/client.ts';
import { PARTNER_TYPES } from '../lib/palette.ts';
import type { ViewState } from '../shell/route.ts';
import type { PartnerType, ScenarioInput } from './gaps.queries.ts';

export interface JoinDraft {
  id: string;
  name: string;
  /** '' until a type is chosen. */
  type: PartnerType | '';
  regions: string[];
  industries: string[];
  /** level NaN: nothing typed. */
  capabilities: Array<{ capability: string; level: number }>;
}

export interface HandoverDraft { engagementId: string; partnerId: string; from: string }

export interface Scenario { exits: string[]; joins: JoinDraft[]; handovers: HandoverDraft[] }

export interface CoverageChoice { byIndustry: boolean; minLevel: number; thinRatio: number }

export interface GapsState { whatIf: boolean; coverage: CoverageChoice; scenario: Scenario }

/** The contract's CoverageInput defaults, which the address leaves out. */
export const DEFAULT_COVERAGE: CoverageChoice = { byIndustry: false, minLevel: 3, thinRatio: 5 };

export const emptyScenario = (): Scenario => ({ exits: [], joins: [], handovers: [] });

export function isEmptyScenario(s: Scenario): boolean {
  return s.exits.length === 0 && s.joins.length === 0 && s.handovers.length === 0;
}

/** A joining partner's id from its name: "Dykstra CRM Partners" → "p-new-dykstra-crm-partners". */
export function joinId(name: string): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug ? `p-new-${slug}` : '';
}

/**
 * The scenario as the API takes it, exactly as typed: an empty field or a level of 7 goes
 * to the API, which names every problem with its path, rather than being judged twice.
 */
export function toScenarioInput(s: Scenario): ScenarioInput {
  return {
    exits: s.exits,
    joins: s.joins.map((j) => ({
      id: j.id, name: j.name,
      // '' is no PartnerType: sent as it is, the API refuses it at joins[i].type.
      type: j.type as PartnerType,
      regions: j.regions,
      ...(j.industries.length ? { industries: j.industries } : {}),
      capabilities: j.capabilities.map((c) => ({ capability: c.capability, level: c.level })),
    })),
    handovers: s.handovers,
  };
}

export function encodeState(g: GapsState): ViewState {
  const state: ViewState = {};
  if (g.coverage.byIndustry) state.industry = '1';
  if (g.coverage.minLevel !== DEFAULT_COVERAGE.minLevel) state.minLevel = String(g.coverage.minLevel);
  if (g.coverage.thinRatio !== DEFAULT_COVERAGE.thinRatio) state.thin = String(g.coverage.thinRatio);
  if (!g.whatIf) return state;
  state.whatif = '1';
  const s = g.scenario;
  // Ids are joined by commas, which a stored id might contain: then the list goes as JSON.
  if (s.exits.length) state.exits = s.exits.some((id) => id.includes(',') || id.startsWith('[')) ? JSON.stringify(s.exits) : s.exits.join(',');
  if (s.joins.length) state.joins = JSON.stringify(s.joins.map(({ industries, ...j }) => (industries.length ? { ...j, industries } : j)));
  if (s.handovers.length) state.handovers = JSON.stringify(s.handovers);
  return state;
}

/** The view's state from the address; what cannot be read is named in `unreadable` and left out. */
export function decodeState(state: ViewState): { value: GapsState; unreadable: string[] } {
  const unreadable: string[] = [];
  const minLevel = Number(state.minLevel ?? DEFAULT_COVERAGE.minLevel);
  const thinRatio = Number(state.thin ?? DEFAULT_COVERAGE.thinRatio);
  const coverage: CoverageChoice = {
    byIndustry: state.industry === '1',
    minLevel: Number.isInteger(minLevel) && minLevel >= 1 && minLevel <= 5 ? minLevel : DEFAULT_COVERAGE.minLevel,
    thinRatio: Number.isFinite(thinRatio) && thinRatio > 0 ? thinRatio : DEFAULT_COVERAGE.thinRatio,
  };
  const read = <T>(key: string, parse: (value: unknown) => T | null): T[] => {
    const raw = state[key];
    if (!raw) return [];
    let value: unknown;
    try {
      value = key === 'exits' && !raw.startsWith('[') ? raw.split(',').filter(Boolean) : JSON.parse(raw);
    } catch {
      unreadable.push(key);
      return [];
    }
    if (!Array.isArray(value)) { unreadable.push(key); return []; }
    const items = value.map(parse);
    if (items.some((i) => i === null)) unreadable.push(key);
    return items.filter((i): i is T => i !== null);
  };
  const scenario: Scenario = {
    exits: read('exits', (v) => (typeof v === 'string' ? v : null)),
    joins: read('joins', readJoin),
    handovers: read('handovers', (v) => {
      const h = v as Partial<Record<keyof HandoverDraft, unknown>> | null;
      return h && typeof h === 'object' ? { engagementId: text(h.engagementId), partnerId: text(h.partnerId), from: text(h.from) } : null;
    }),
  };
  return { value: { whatIf: state.whatif === '1', coverage, scenario }, unreadable };
}

function readJoin(v: unknown): JoinDraft | null {
  if (!v || typeof v !== 'object') return null;
  const j = v as Record<string, unknown>;
  const texts = (list: unknown) => (Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []);
  const type = text(j.type);
  return {
    id: text(j.id), name: text(j.name),
    type: (PARTNER_TYPES as readonly string[]).includes(type) ? (type as PartnerType) : '',
    regions: texts(j.regions), industries: texts(j.industries),
    capabilities: (Array.isArray(j.capabilities) ? j.capabilities : []).map((c: unknown) => {
      const h = (c && typeof c === 'object' ? c : {}) as Record<string, unknown>;
      return { capability: text(h.capability), level: typeof h.level === 'number' ? h.level : Number.NaN };
    }),
  };
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export interface Problem { path: string; message: string }

/**
 * The problems of a refused scenario. The API lists them in `extensions.problems`; an
 * ApiError that does not carry them still names a single one in its message, as
 * "Invalid input: PATH: MESSAGE" or as a variable's refusal from graphql-js.
 */
export function problemsOf(err: unknown): Problem[] {
  if (!(err instanceof ApiError) || err.code !== 'BAD_USER_INPUT') return [];
  if ('problems' in err && Array.isArray(err.problems) && err.problems.length > 0) return (err.problems as Problem[]).filter((p) => typeof p?.path === 'string');
  const mine = /^Invalid input: ([\w.[\]]+): (.+)$/s.exec(err.message);
  if (mine) return [{ path: mine[1]!, message: mine[2]! }];
  const variable = /^Variable "\$([^"]+)" got invalid value .*? at "([^"]+)"; (.*)$/s.exec(err.message);
  if (variable) return [{ path: variable[2]!.replace(new RegExp(`^${variable[1]}\\.?`), ''), message: variable[3]!.trim() }];
  return [];
}

/**
 * Each problem goes to the most specific field whose path it starts with
 * (`joins[0].capabilities[1].level` → that level; `joins[0].regions[2]` → the regions);
 * problems no field claims are returned in `rest`, in their order.
 */
export function placeProblems(problems: readonly Problem[], fields: Iterable<string>): { placed: Map<string, string[]>; rest: Problem[] } {
  const paths = [...fields].sort((a, b) => b.length - a.length);
  const placed = new Map<string, string[]>();
  const rest: Problem[] = [];
  for (const p of problems) {
    const field = paths.find((f) => p.path === f || p.path.startsWith(`${f}.`) || p.path.startsWith(`${f}[`));
    if (field === undefined) rest.push(p);
    else placed.set(field, [...(placed.get(field) ?? []), p.message]);
  }
  return { placed, rest };
}
