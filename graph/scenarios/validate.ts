/**
 * A scenario's input checked whole before anything changes (contract: Scenarios):
 * joins as an import's partners (graph/import's shape, rules and references, with
 * their paths moved from `partners[i]` to `joins[i]`), plus an id already stored;
 * unknown exits, engagements and handover partners. Every problem at once, with its
 * path, as BAD_USER_INPUT.
 */
import type { Tx } from '../db/index.ts';
import { findImportProblems } from '../import/index.ts';
import { badInput, clip, type PartnerInput, type Problem } from '../model/index.ts';
import { planHandovers, type Handover, type HandoverPlan } from './handovers.ts';
import { ORCHESTRATOR_INTERVALS, STORED_PARTNERS, type OrchestratorIntervalsRow } from './scenario.queries.ts';

export interface ScenarioInput {
  exits?: string[] | null;
  joins?: PartnerInput[] | null;
  handovers?: Handover[] | null;
}

/**
 * At most this many items in each list. The API bounds every list argument to the same
 * number before anything runs (api/graphql/limits.ts); this bound holds for any caller,
 * so the changes, and the time they keep their items locked, stay small.
 */
const MAX_SCENARIO_ITEMS = 1_000;

export interface ScenarioPlan {
  leaving: string[];
  joins: Array<Required<Pick<PartnerInput, 'id' | 'name' | 'type'>> & {
    tier: string | null; regions: string[]; industries: string[]; capabilities: Array<{ capability: string; level: number; certified: boolean }>;
  }>;
  handovers: Handover[];
  handover: Pick<HandoverPlan, 'ends' | 'starts'>;
}

export async function planScenario(tx: Tx, input: ScenarioInput): Promise<ScenarioPlan> {
  const exits = input.exits ?? [];
  const joins = input.joins ?? [];
  const handovers = input.handovers ?? [];
  const tooLong = ([['exits', exits], ['joins', joins], ['handovers', handovers]] as const)
    .filter(([, list]) => list.length > MAX_SCENARIO_ITEMS)
    .map(([path, list]) => ({ path, message: `has ${list.length} items; at most ${MAX_SCENARIO_ITEMS} are allowed` }));
  if (tooLong.length > 0) throw badInput(tooLong);

  const problems: Problem[] = [];
  // A joining partner is new, so its input must be an import's partner and its id new.
  const joinProblems = await findImportProblems(tx, { partners: joins });
  problems.push(...joinProblems.map((p) => ({ ...p, path: p.path.replace(/^partners(?=\[|$)/, 'joins') })));
  joins.forEach((j, i) => {
    if (j.status !== undefined && j.status !== null && j.status !== 'ACTIVE') {
      problems.push({ path: `joins[${i}].status`, message: 'a joining partner is ACTIVE' });
    }
  });

  const joining = new Set(joins.map((j) => j.id));
  const asked = [...new Set([...exits, ...joins.map((j) => j.id), ...handovers.map((h) => h.partnerId)])];
  const [row] = await tx.run<{ ids: string[] }>(STORED_PARTNERS, { ids: asked });
  const stored = new Set(row!.ids);
  joins.forEach((j, i) => {
    if (stored.has(j.id)) problems.push({ path: `joins[${i}].id`, message: `partner "${clip(j.id)}" is already stored` });
  });
  exits.forEach((id, i) => {
    if (!stored.has(id)) problems.push({ path: `exits[${i}]`, message: `unknown partner "${clip(id)}"` });
  });

  const leaving = new Set(exits);
  const engagementIds = [...new Set(handovers.map((h) => h.engagementId))];
  const rows = await tx.run<OrchestratorIntervalsRow>(ORCHESTRATOR_INTERVALS, { ids: engagementIds });
  const intervals = new Map(rows.map((r) => [r.engagement, r.intervals]));
  handovers.forEach((h, i) => {
    if (!intervals.has(h.engagementId)) {
      problems.push({ path: `handovers[${i}].engagementId`, message: `unknown engagement "${clip(h.engagementId)}"` });
    }
    if (leaving.has(h.partnerId)) {
      problems.push({ path: `handovers[${i}].partnerId`, message: `partner "${clip(h.partnerId)}" leaves in this scenario` });
    } else if (!stored.has(h.partnerId) && !joining.has(h.partnerId)) {
      problems.push({ path: `handovers[${i}].partnerId`, message: `unknown partner "${clip(h.partnerId)}"` });
    }
  });
  const handover = planHandovers(handovers, intervals);
  problems.push(...handover.problems);
  if (problems.length > 0) throw badInput(inInputOrder(problems));

  return {
    leaving: [...leaving],
    joins: joins.map((j) => ({
      id: j.id, name: j.name, type: j.type, tier: j.tier ?? null,
      regions: [...new Set(j.regions ?? [])], industries: [...new Set(j.industries ?? [])],
      capabilities: (j.capabilities ?? []).map((h) => ({ capability: h.capability, level: h.level, certified: h.certified ?? false })),
    })),
    handovers,
    handover: { ends: handover.ends, starts: handover.starts },
  };
}

/**
 * Problems in the order of the input they point into (ScenarioInput's fields, then the
 * item's index), as the API shows the first 100 of them; a stable sort keeps the order
 * found among one item's problems.
 */
function inInputOrder(problems: Problem[]): Problem[] {
  const FIELDS = ['exits', 'joins', 'handovers'];
  const rank = (path: string) => {
    const [, field = '', index = '0'] = /^(\w+)(?:\[(\d+)\])?/.exec(path) ?? [];
    return [FIELDS.indexOf(field), Number(index)] as const;
  };
  return problems
    .map((p) => ({ p, r: rank(p.path) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1])
    .map(({ p }) => p);
}
