/**
 * The "ahead of failure" rows (issue 20): the first page of `atRiskOutcomes`, its count
 * (asked apart, as the web view does), and a
 * scenario of 3 exits, 2 joins and 2 handovers, as latency operations beside the
 * others. Both HTTP legs use a new alias each time, so the answer cache cannot answer
 * them and they time the computation; the driver legs call the graph areas' own
 * functions (a scenario is several statements in two transactions, one rolled back).
 */
import { atRiskOutcomePage } from '../graph/at-risk/index.ts';
import type { Graph } from '../graph/db/index.ts';
import { COVERAGE_DEFAULTS } from '../graph/gaps/index.ts';
import { scenario, type ScenarioInput } from '../graph/scenarios/index.ts';
import type { Fixture } from './fixture.ts';
import type { Operation } from './operations.ts';

/** The first page as the web view asks it: the rows, without totalCount (the page stops at its last row). */
export const AT_RISK_ROW = 'atRiskOutcomes (first page)';
/** The count the web view asks beside the first page (it judges every candidate): reported, no target. */
export const AT_RISK_COUNT_ROW = 'atRiskOutcomes totalCount (beside the first page)';
export const SCENARIO_ROW = 'scenario (3 exits, 2 joins, 2 handovers)';

const AT_RISK_QUERY = `query AtRisk($asOf: Date) { atRiskOutcomes(asOf: $asOf) { edges { cursor node {
  outcome { id dueDate } daysToDue reasons orchestratorNow { id } orchestratorOnDueDate { id }
  defective { id status } overdue { id status } } } } }`;

const AT_RISK_COUNT_QUERY = `query AtRiskCount($asOf: Date) { atRiskOutcomes(asOf: $asOf, first: 1) { totalCount } }`;

const SCENARIO_QUERY = `query Scenario($input: ScenarioInput!) { scenario(input: $input) {
  coverage { before { region { code } capability { id } status supply } after { status supply } }
  orphanedEngagements { id } adoptedEngagements { id }
  healthBefore { valueGini longTail } healthAfter { valueGini longTail } } }`;

/**
 * A scenario a strategist would try: the three partners orchestrating the most open
 * engagements today leave, two partners join with the capabilities most in demand in
 * the two busiest regions, and two of the first leaver's engagements are handed to a
 * partner who stays.
 */
export async function loadScenarioInput(graph: Graph, today: string): Promise<ScenarioInput> {
  const leavers = await graph.read<{ id: string }>(`
    MATCH (p:Partner)-[r:PARTICIPATES_IN {role: 'ORCHESTRATOR'}]->(e:Engagement)
    WHERE e.status IN ['PLANNED', 'ACTIVE'] AND r.from <= date($today) AND (r.to IS NULL OR r.to > date($today))
    RETURN p.id AS id, count(e) AS n ORDER BY n DESC, id LIMIT 3`, { today });
  const exits = leavers.map((r) => r.id);
  const handedOver = await graph.read<{ id: string }>(`
    MATCH (:Partner {id: $first})-[r:PARTICIPATES_IN {role: 'ORCHESTRATOR'}]->(e:Engagement)
    WHERE e.status IN ['PLANNED', 'ACTIVE'] AND r.from <= date($today) AND (r.to IS NULL OR r.to > date($today))
      // A handover from today needs no later orchestrator already planned (a store the writes bench changed has some).
      AND NOT EXISTS { MATCH (:Partner)-[q:PARTICIPATES_IN {role: 'ORCHESTRATOR'}]->(e) WHERE q.from > date($today) }
    RETURN e.id AS id ORDER BY id LIMIT 2`, { first: exits[0] ?? null, today });
  const [heir] = await graph.read<{ id: string }>(`
    MATCH (p:Partner {status: 'ACTIVE'}) WHERE NOT p.id IN $exits RETURN p.id AS id ORDER BY id LIMIT 1`, { exits });
  const regions = (await graph.read<{ code: string }>(`
    MATCH (c:Customer)-[:LOCATED_IN]->(r:Region) RETURN r.code AS code, count(c) AS n ORDER BY n DESC, code LIMIT 2`)).map((r) => r.code);
  const wanted = (await graph.read<{ id: string }>(`
    MATCH (:Engagement)-[:REQUIRES]->(k:Capability) RETURN k.id AS id, count(*) AS n ORDER BY n DESC, id LIMIT 3`)).map((r) => r.id);
  if (exits.length < 3 || handedOver.length < 2 || !heir || regions.length === 0 || wanted.length === 0) {
    throw new Error('the generated ecosystem has no partners, engagements or demand for a scenario');
  }
  return {
    exits,
    joins: [1, 2].map((n) => ({
      id: `p-bench-joins-${n}`, name: `Bench joiner ${n}`, type: n === 1 ? 'AI_NATIVE' as const : 'SYSTEM_INTEGRATOR' as const,
      regions, capabilities: wanted.map((capability, i) => ({ capability, level: 5 - ((i + n) % 2) })),
    })),
    handovers: handedOver.map((e) => ({ engagementId: e.id, partnerId: heir.id, from: today })),
  };
}

export function aheadOperations(graph: Graph, fx: Fixture, input: ScenarioInput): Operation[] {
  let asked = 0;
  const aliased = (query: string, field: string) => () => query.replace(`{ ${field}(`, `{ a${asked++}: ${field}(`);
  return [
    {
      name: AT_RISK_ROW,
      query: aliased(AT_RISK_QUERY, 'atRiskOutcomes'),
      variables: () => ({ asOf: fx.today }),
      direct: () => atRiskOutcomePage(graph, null, fx.today, {}, { first: 20, withTotal: false }),
    },
    {
      name: AT_RISK_COUNT_ROW,
      query: aliased(AT_RISK_COUNT_QUERY, 'atRiskOutcomes'),
      variables: () => ({ asOf: fx.today }),
      direct: () => atRiskOutcomePage(graph, null, fx.today, {}, { first: 1, withTotal: true }),
    },
    {
      name: SCENARIO_ROW,
      query: aliased(SCENARIO_QUERY, 'scenario'),
      variables: () => ({ input }),
      direct: () => scenario(graph, input, { ...COVERAGE_DEFAULTS }, fx.today),
    },
  ];
}
