/**
 * The contract's MCP tools (contract/README.md, AI agents). Each is one fixed GraphQL
 * document run against the served schema with the caller's context (run.ts): the same
 * resolvers, loaders, scope and error codes as /graphql, never a second implementation.
 * Its answer is that document's `data`, so the same question over /graphql answers the same
 * fields and names; a tool only maps its flat arguments to the document's variables.
 */
import type { AccessRole } from '../../graph/model/index.ts';
import { ATTRIBUTION_MODELS, PARTNER_STATUSES, PARTNER_TYPES, clip } from '../../graph/model/index.ts';
import { LIST_LIMITS } from '../graphql/limits.ts';
import type { InputSchema } from './json-schema.ts';
import * as say from './summaries.ts';

export type Args = Record<string, unknown>;

export interface Tool {
  name: string;
  title: string;
  description: string;
  /** Who may call it (contract: Access): tools/list shows a token only these. */
  roles: readonly AccessRole[];
  input: InputSchema;
  /** One operation, plain field selections only (json-schema.ts derives the output schema from it). */
  document: string;
  variables(args: Args): Record<string, unknown>;
  /** What of `data` the tool answers, when not all of it (same names and shapes). */
  keep?(data: Record<string, unknown>): Record<string, unknown>;
  /** What a null root field means (partner_profile: the partner does not exist). */
  notFound?(args: Args): string;
  /** A short summary a person could read aloud, of all of `data` (before `keep`). */
  summary(data: Record<string, unknown>, args: Args): string;
}

const EVERYONE: readonly AccessRole[] = ['ADMIN', 'ANALYST', 'PARTNER'];
/** network, exitImpact, ecosystemHealth and scenario are not for PARTNER tokens (contract: Access). */
const WHOLE_ECOSYSTEM: readonly AccessRole[] = ['ADMIN', 'ANALYST'];

// ---------------------------------------------------------------------------------
// Argument pieces: what ids look like, units and defaults, in words an agent can act on.

/** The longest id an import accepts (graph/import MAX_KEY_LENGTH). */
const MAX_ID = 1_000;
const MAX_ITEMS = LIST_LIMITS.items;
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';

const id = (description: string, examples: string[]): InputSchema => ({ type: 'string', minLength: 1, maxLength: MAX_ID, description, examples });
const ids = (description: string, examples: string[]): InputSchema => ({
  type: 'array', maxItems: MAX_ITEMS, description, items: { type: 'string', minLength: 1, maxLength: MAX_ID }, examples: [examples],
});
const date = (description: string): InputSchema => ({ type: 'string', pattern: DATE, description: `${description} (YYYY-MM-DD)`, examples: ['2026-12-05'] });
const first = (what: string, fallback: number): InputSchema => ({
  type: 'integer', minimum: 0, maximum: 100, default: fallback, description: `How many ${what} to return (0 to 100, default ${fallback}); totalCount counts them all.`,
});
const after: InputSchema = { type: 'string', maxLength: 2_000, description: 'Where to continue: pageInfo.endCursor of the previous answer (an opaque cursor).' };
const regions = ids('Region codes, e.g. ["DE", "JP", "US-E"]; any of them matches. Default: all.', ['DE', 'JP']);
const industries = ids('Industry codes it serves, e.g. ["FSI", "MFG"]; any of them matches. Default: all.', ['FSI']);
const capabilities = ids('Capability ids, e.g. ["sap", "agentic-ai", "genai"]; any of them matches. Default: all.', ['sap']);
const PARTNER_ID_WORDS = 'Partner id, e.g. "p-cortexa" (find_partners finds ids by name)';
const ENGAGEMENT_ID_WORDS = 'Engagement id, e.g. "e-claims-copilot"';

function object(properties: Record<string, InputSchema>, required: string[] = []): InputSchema {
  return { type: 'object', properties, required, additionalProperties: false };
}

/** The given arguments among `names`, without those not given (so GraphQL applies its defaults). */
function pick(args: Args, names: string[]): Record<string, unknown> | undefined {
  const picked = Object.fromEntries(names.filter((n) => args[n] !== undefined && args[n] !== null).map((n) => [n, args[n]]));
  return Object.keys(picked).length > 0 ? picked : undefined;
}

function page(args: Args): Record<string, unknown> {
  return pick(args, ['first', 'after']) ?? {};
}

const OUTCOME_FILTER = {
  partnerId: id('Only outcomes for which this partner was accountable or owns a root cause, e.g. "p-cortexa".', ['p-cortexa']),
  regions: ids('Region codes of the customer, e.g. ["DE", "JP"]. Default: all.', ['DE']),
  industries: ids('Industry codes of the customer, e.g. ["FSI"]. Default: all.', ['FSI']),
};

const COVERAGE_ARGS = {
  regions,
  capabilities,
  byIndustry: { type: 'boolean', default: false, description: 'Split each region × capability cell by customer industry as well.' },
  minLevel: { type: 'integer', minimum: 1, maximum: 5, default: 3, description: 'A partner supplies a capability when it holds it at this level (1 aware … 5 expert) or higher.' },
  thinRatio: { type: 'number', minimum: 0, default: 5, description: 'A cell is THIN when demand / supply exceeds this ratio.' },
} satisfies Record<string, InputSchema>;

const CELL = 'region { code name } industry { code name } capability { id name } demand supply status partners { id name }';
const HEALTH = 'partners activePartners engagements longTail outcomeSuccessRate valueGini topDecileValueShare';

const PARTNER_INPUT = object({
  id: id('A new partner id (not yet stored), e.g. "p-dykstra".', ['p-dykstra']),
  name: { type: 'string', minLength: 1, maxLength: MAX_ID, description: 'Its name, e.g. "Dykstra CRM Partners".' },
  type: { type: 'string', enum: PARTNER_TYPES, description: 'What kind of partner it is.' },
  status: { type: 'string', enum: PARTNER_STATUSES, default: 'ACTIVE', description: 'Only ACTIVE is accepted for a joining partner.' },
  tier: { type: 'string', maxLength: MAX_ID, description: 'Its tier, free text, e.g. "Gold".' },
  regions: ids('Region codes it operates in, e.g. ["NL", "DE"].', ['NL', 'DE']),
  industries: ids('Industry codes it serves, e.g. ["FSI"].', ['FSI']),
  capabilities: {
    type: 'array', maxItems: MAX_ITEMS, description: 'Capabilities it holds, e.g. [{"capability": "crm", "level": 4}].',
    items: object({
      capability: id('Capability id, e.g. "crm".', ['crm']),
      level: { type: 'integer', minimum: 1, maximum: 5, description: '1 (aware) to 5 (expert); 3 or more counts as supply.' },
      certified: { type: 'boolean', default: false, description: 'Whether it is certified in it.' },
    }, ['capability', 'level']),
  },
}, ['id', 'name', 'type']);

export const TOOLS: readonly Tool[] = [
  {
    name: 'explain_outcome',
    title: 'Who owned a missed outcome',
    description: 'Accountability for one outcome: the orchestrator accountable on its due date, the root causes (LATE or FAILED '
      + 'commitments reached through LATE or FAILED ones only, with the chain from the outcome to each), the commitments the '
      + 'failure propagated through, and the share of responsibility of each partner. Ids come from missed_outcomes or at_risk_outcomes.',
    roles: EVERYONE,
    input: object({ outcomeId: id('Outcome id, e.g. "o-claims-speed".', ['o-claims-speed']) }, ['outcomeId']),
    document: `query ExplainOutcome($outcomeId: ID!) {
  accountability(outcomeId: $outcomeId) {
    outcome { id description status dueDate engagement { id name customer { id name } } }
    accountable { id name }
    rootCauses { commitment { id description status dueDate owner { id name } engagement { id name } } path { id } }
    propagated { id description status owner { id name } }
    responsible { partner { id name } share role rootCauses }
  }
}`,
    variables: (args) => ({ outcomeId: args.outcomeId }),
    summary: say.accountability,
  },
  {
    name: 'missed_outcomes',
    title: 'Missed outcomes',
    description: 'Outcomes that were MISSED or PARTIALLY_MET, latest due date first, a page at a time. explain_outcome tells who owned each.',
    roles: EVERYONE,
    input: object({
      ...OUTCOME_FILTER,
      since: date('Only outcomes due on or after this date'),
      until: date('Only outcomes due before this date'),
      first: first('outcomes', 20),
      after,
    }),
    document: `query MissedOutcomes($filter: OutcomeFilter, $first: Int, $after: String) {
  missedOutcomes(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id description status dueDate engagement { id name customer { id name region { code } industry { code } } } } }
  }
}`,
    variables: (args) => ({ filter: pick(args, ['partnerId', 'regions', 'industries', 'since', 'until']), ...page(args) }),
    summary: say.missedOutcomes,
  },
  {
    name: 'at_risk_outcomes',
    title: 'Outcomes at risk',
    description: 'PENDING outcomes not yet due that already depend on a defective (LATE or FAILED) or an overdue commitment, '
      + 'nearest due date first, with who must act now and who will be accountable on the due date.',
    roles: EVERYONE,
    input: object({
      asOf: date('The day to look from; default: today (UTC)'),
      ...OUTCOME_FILTER,
      first: first('outcomes', 20),
      after,
    }),
    document: `query AtRiskOutcomes($asOf: Date, $filter: OutcomeFilter, $first: Int, $after: String) {
  atRiskOutcomes(asOf: $asOf, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node {
      outcome { id description status dueDate engagement { id name } }
      daysToDue reasons
      orchestratorNow { id name } orchestratorOnDueDate { id name }
      defective { id description status dueDate owner { id name } }
      overdue { id description status dueDate owner { id name } }
    } }
  }
}`,
    variables: (args) => ({ ...pick(args, ['asOf']), filter: pick(args, ['partnerId', 'regions', 'industries']), ...page(args) }),
    summary: say.atRisk,
  },
  {
    name: 'coverage_gaps',
    title: 'Where the ecosystem is thin',
    description: 'Per region and capability: demand (PLANNED and ACTIVE engagements that need it) against supply (ACTIVE partners '
      + 'in the region holding it at minLevel or more), and a status: UNCOVERED (no supplier), SINGLE_POINT (one), THIN '
      + '(demand / supply over thinRatio) or COVERED. By default only the cells that are not COVERED.',
    roles: EVERYONE,
    input: object({
      ...COVERAGE_ARGS,
      includeCovered: { type: 'boolean', default: false, description: 'Also list the COVERED cells.' },
    }),
    document: `query CoverageGaps($input: CoverageInput) {
  coverageGaps(input: $input) { ${CELL} }
}`,
    variables: (args) => ({ input: { ...pick(args, ['regions', 'capabilities', 'byIndustry', 'minLevel', 'thinRatio']), includeCovered: args.includeCovered ?? false } }),
    summary: say.coverage,
  },
  {
    name: 'engagement_gaps',
    title: 'Missing skills of an engagement',
    description: 'The capabilities one engagement requires that no partner taking part today holds at the required level, each '
      + 'with ranked candidates (ACTIVE partners in the customer\'s region, not taking part, holding it at that level or more), '
      + 'and whether it has no orchestrator today.',
    roles: EVERYONE,
    input: object({
      engagementId: id(`${ENGAGEMENT_ID_WORDS}.`, ['e-claims-copilot']),
      candidates: { type: 'integer', minimum: 0, maximum: 20, default: 5, description: 'How many candidates per missing capability (0 to 20, default 5), best first.' },
    }, ['engagementId']),
    document: `query EngagementGaps($engagementId: ID!, $candidates: Int) {
  engagementGaps(engagementId: $engagementId) {
    engagement { id name status customer { id name region { code } } orchestrator { id name } }
    orchestrationGap
    missing { capability { id name } level candidates(first: $candidates) { id name type } }
  }
}`,
    variables: (args) => ({ engagementId: args.engagementId, ...pick(args, ['candidates']) }),
    summary: say.engagementGaps,
  },
  {
    name: 'exit_impact',
    title: 'What if partners left',
    description: 'What the ecosystem would lose if these partners left today: engagements left without an orchestrator, their '
      + 'open commitments, and the region × capability cells that would become UNCOVERED or depend on a single partner.',
    roles: WHOLE_ECOSYSTEM,
    input: object({ partnerIds: { ...ids(`${PARTNER_ID_WORDS}; one or more.`, ['p-hoshimi']) } }, ['partnerIds']),
    document: `query ExitImpact($partnerIds: [ID!]!) {
  exitImpact(partnerIds: $partnerIds) {
    partners { id name }
    orphanedEngagements { id name status customer { id name } }
    atRiskCommitments { id description status dueDate owner { id name } engagement { id name } }
    newlyUncovered { ${CELL} }
    newlySinglePoint { ${CELL} }
  }
}`,
    variables: (args) => ({ partnerIds: args.partnerIds }),
    summary: say.exitImpact,
  },
  {
    name: 'scenario',
    title: 'Try a decision before making it',
    description: 'As if, from today, partners left, new partners joined and engagements changed orchestrator: the coverage '
      + 'cells that change (before and after), the engagements orphaned and adopted, and ecosystem health before and after. '
      + 'Nothing is written.',
    roles: WHOLE_ECOSYSTEM,
    input: object({
      exits: ids(`Partners that leave; ${PARTNER_ID_WORDS}.`, ['p-brightwater']),
      joins: { type: 'array', maxItems: MAX_ITEMS, items: PARTNER_INPUT, description: 'Partners that join (ids not yet stored).' },
      handovers: {
        type: 'array', maxItems: MAX_ITEMS, description: 'From `from` on, `partnerId` orchestrates `engagementId` (a joining partner may take over).',
        items: object({
          engagementId: id(`${ENGAGEMENT_ID_WORDS}.`, ['e-123']),
          partnerId: id('The new orchestrator, e.g. "p-meridian".', ['p-meridian']),
          from: date('The day the handover happens'),
        }, ['engagementId', 'partnerId', 'from']),
      },
      includeCovered: { type: 'boolean', default: true, description: 'Also list cells that change but stay COVERED.' },
    }),
    document: `query Scenario($input: ScenarioInput!, $coverage: CoverageInput) {
  scenario(input: $input, coverage: $coverage) {
    coverage { before { ${CELL} } after { ${CELL} } }
    orphanedEngagements { id name }
    adoptedEngagements { id name }
    healthBefore { ${HEALTH} }
    healthAfter { ${HEALTH} }
  }
}`,
    variables: (args) => ({ input: pick(args, ['exits', 'joins', 'handovers']) ?? {}, coverage: pick(args, ['includeCovered']) }),
    summary: say.scenario,
  },
  {
    name: 'attribution',
    title: 'Who gets credit for an engagement',
    description: 'Splits an engagement\'s value among the partners that contributed to it, by a multi-touch model over its '
      + 'contributions in date order. Shares sum to 1; amount is share × the engagement\'s value.',
    roles: EVERYONE,
    input: object({
      engagementId: id(`${ENGAGEMENT_ID_WORDS}.`, ['e-claims-copilot']),
      model: {
        type: 'string', enum: ATTRIBUTION_MODELS, default: 'LINEAR',
        description: 'FIRST_TOUCH, LAST_TOUCH, LINEAR (equal shares, the default), POSITION_BASED (40 % first, 40 % last, 20 % spread between) or TIME_DECAY.',
      },
      halfLifeDays: { type: 'number', minimum: 0, maximum: 36_500, default: 7, description: 'TIME_DECAY only: a touch this many days before the last one weighs half as much (days, default 7).' },
    }, ['engagementId']),
    document: `query Attribution($engagementId: ID!, $model: AttributionModel!, $halfLifeDays: Float) {
  attribution(engagementId: $engagementId, model: $model, halfLifeDays: $halfLifeDays) { partner { id name } share amount }
}`,
    variables: (args) => ({ engagementId: args.engagementId, model: args.model ?? 'LINEAR', ...pick(args, ['halfLifeDays']) }),
    summary: say.attribution,
  },
  {
    name: 'ecosystem_health',
    title: 'Ecosystem health',
    description: 'Partners and ACTIVE partners, engagements, the long tail (ACTIVE partners in no PLANNED or ACTIVE engagement), '
      + 'the outcome success rate, and how concentrated attributed value is (Gini, share of the top 10 % of ACTIVE partners).',
    roles: WHOLE_ECOSYSTEM,
    input: object({}),
    document: `query EcosystemHealth {
  ecosystemHealth { ${HEALTH} }
}`,
    variables: () => ({}),
    summary: say.health,
  },
  {
    name: 'find_partners',
    title: 'Find partners',
    description: 'The partner directory: partners whose name contains `query` (any case) and that match every filter given, '
      + 'ordered by id, with their regions, industries and capability levels. Use it to find ids and to look for suppliers.',
    roles: EVERYONE,
    input: object({
      query: { type: 'string', maxLength: 200, description: 'Part of the name, any case, e.g. "bright". Default: every name.' },
      regions: ids('Region codes it operates in, e.g. ["DE"]; any of them matches.', ['DE']),
      industries,
      capabilities: ids('Capability ids it holds at any level, e.g. ["sap"]; any of them matches (levels are in the answer).', ['sap']),
      types: { type: 'array', maxItems: PARTNER_TYPES.length, items: { type: 'string', enum: PARTNER_TYPES }, description: 'Partner types; any of them matches.' },
      status: { type: 'string', enum: PARTNER_STATUSES, description: 'ACTIVE or INACTIVE. Default: both.' },
      first: first('partners', 20),
      after,
    }),
    document: `query FindPartners($filter: PartnerFilter, $first: Int, $after: String) {
  partners(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id name type status tier regions { code } industries { code } capabilities { capability { id } level certified } } }
  }
}`,
    variables: (args) => {
      const filter = pick(args, ['regions', 'industries', 'capabilities', 'types', 'status']) ?? {};
      if (typeof args.query === 'string' && args.query !== '') filter.nameContains = args.query;
      return { filter, ...page(args) };
    },
    summary: say.partners,
  },
  {
    name: 'partner_profile',
    title: 'A partner and its track record',
    description: 'One partner: type, status, tier, regions, industries, capabilities, and its track record split by the role '
      + 'it held (engagements, outcomes met and missed, commitments delivered and defective, misses it was accountable for, '
      + 'root causes it owns). A PARTNER token reads its own track record only.',
    roles: EVERYONE,
    input: object({ partnerId: id(`${PARTNER_ID_WORDS}.`, ['p-cortexa']) }, ['partnerId']),
    document: `query PartnerProfile($partnerId: ID!) {
  partner(id: $partnerId) {
    id name type status tier
    regions { code name }
    industries { code name }
    capabilities { capability { id name } level certified }
    trackRecord {
      accountableMisses rootCauses
      asOrchestrator { engagements outcomesMet outcomesMissed commitmentsDelivered commitmentsDefective }
      asContributor { engagements outcomesMet outcomesMissed commitmentsDelivered commitmentsDefective }
    }
  }
}`,
    variables: (args) => ({ partnerId: args.partnerId }),
    notFound: (args) => `Partner ${JSON.stringify(clip(String(args.partnerId)))} not found.`,
    summary: say.profile,
  },
  {
    name: 'network_single_points',
    title: 'Single points of failure in the network',
    description: 'In the co-delivery network (two partners linked when they took part in the same engagement): the articulation '
      + 'points (partners whose removal splits their part of the network) and the bridges (partnerships whose removal does). '
      + 'Metrics are those of the whole filtered network.',
    roles: WHOLE_ECOSYSTEM,
    input: object({
      regions: ids('Partners operating in, and engagements whose customer is in, one of these regions, e.g. ["DE"].', ['DE']),
      industries: ids('Partners serving, and engagements whose customer is in, one of these industries, e.g. ["FSI"].', ['FSI']),
      partnerTypes: { type: 'array', maxItems: PARTNER_TYPES.length, items: { type: 'string', enum: PARTNER_TYPES }, description: 'Only partners of these types.' },
      since: date('Only engagements running on or after this date'),
      until: date('Only engagements running on or before this date'),
    }),
    // Every node, so that every cut point is among them (`limit` only chooses which nodes are returned).
    document: `query NetworkSinglePoints($filter: NetworkFilter) {
  network(filter: $filter, limit: 100000) {
    partnerCount truncated stale computedAt
    nodes { id label partnerType degree betweenness community articulationPoint }
    edges { source target kind weight bridge }
  }
}`,
    variables: (args) => ({ filter: pick(args, ['regions', 'industries', 'partnerTypes', 'since', 'until']) }),
    keep: keepCutPoints,
    summary: say.singlePoints,
  },
];

/** The network answer with only its articulation points and bridges (GraphQL has no such filter). */
export function keepCutPoints(data: Record<string, unknown>): Record<string, unknown> {
  const network = data.network as { nodes: Array<{ articulationPoint: boolean }>; edges: Array<{ bridge: boolean }> };
  return { ...data, network: { ...network, nodes: network.nodes.filter((n) => n.articulationPoint), edges: network.edges.filter((e) => e.bridge) } };
}

export function toolNamed(name: string): Tool | undefined {
  return TOOLS.find((t) => t.name === name);
}
