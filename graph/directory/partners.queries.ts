/**
 * The partner directory. Every token may read it (contract: Access), so these
 * statements take no scope.
 */
import { mapProjection, type Fields, type Prop } from '../db/index.ts';

export interface NamedRow { code: string; name: string }
export interface CapabilityRow { id: string; name: string }
export interface HoldingRow { capability: CapabilityRow; level: number; certified: boolean }

/** A partner: the keys the read was asked for (`partnerFields`), always its id. */
export interface PartnerRow {
  id: string;
  name?: string;
  type?: string;
  status?: string;
  tier?: string | null;
  regions?: NamedRow[];
  industries?: NamedRow[];
  capabilities?: HoldingRow[];
}

/**
 * Where a partner projection is bound: `p`, or `mo` inside a read where `p` is taken (a
 * dependency's owner read inside a partner's page). Variable names come from this list,
 * never from input.
 */
export type PartnerVariable = 'p' | 'mo';

/** The keys of the partner bound to `p`. */
const partnerProps = (p: PartnerVariable): readonly Prop[] => [
  ['id', `${p}.id`], ['name', `${p}.name`], ['type', `${p}.type`], ['status', `${p}.status`], ['tier', `${p}.tier`],
  ['regions', `COLLECT { MATCH (${p})-[:OPERATES_IN]->(g:Region) RETURN g{.code, .name} ORDER BY g.code }`],
  ['industries', `COLLECT { MATCH (${p})-[:SERVES]->(i:Industry) RETURN i{.code, .name} ORDER BY i.code }`],
  ['capabilities', `COLLECT { MATCH (${p})-[h:HOLDS]->(c:Capability)
                          RETURN {capability: c{.id, .name}, level: h.level, certified: h.certified} ORDER BY c.id }`],
];

/**
 * The projection of a partner, shared by every partner read: the `fields` asked (null:
 * all). The partner is bound to `variable` (default `p`; another where `p` is taken, as
 * in a nested list read inside a partner's page).
 */
export function partnerFields(fields: Fields, variable: PartnerVariable = 'p'): string {
  return mapProjection(partnerProps(variable), fields, ['id']);
}

export const partnersByIdsStatement = (fields: Fields) => `
UNWIND $ids AS id
MATCH (p:Partner {id: id})
RETURN ` + partnerFields(fields) + ` AS partner`;

export interface PartnerFilterParams {
  types: string[] | null;
  regions: string[] | null;
  industries: string[] | null;
  capabilities: string[] | null;
  status: string | null;
  /** Lower-cased already. */
  nameContains: string | null;
}

/** The filters a page was given (their values travel as parameters). */
export type PartnerFilterGiven = Record<keyof PartnerFilterParams, boolean>;

const FILTER_CLAUSES: Record<keyof PartnerFilterParams, string> = {
  types: 'p.type IN $types',
  status: 'p.status = $status',
  nameContains: 'p.nameLower CONTAINS $nameContains',
  regions: 'EXISTS { MATCH (p)-[:OPERATES_IN]->(g:Region) WHERE g.code IN $regions }',
  industries: 'EXISTS { MATCH (p)-[:SERVES]->(i:Industry) WHERE i.code IN $industries }',
  capabilities: 'EXISTS { MATCH (p)-[:HOLDS]->(c:Capability) WHERE c.id IN $capabilities }',
};

/**
 * The partner filter: list filters match any of their values, different filters must
 * all match. Only the filters given are written: `$x IS NULL OR …` for an absent one
 * kept the planner from seeking the id index in id order, so the first page of 20
 * partners read and sorted all 10,000 at M (5 ms; 0.3 ms with the seek).
 */
function partnerFilter(given: PartnerFilterGiven, more: string[] = []): string {
  const clauses = [...more, ...(Object.keys(FILTER_CLAUSES) as Array<keyof PartnerFilterParams>).filter((k) => given[k]).map((k) => FILTER_CLAUSES[k])];
  return clauses.length === 0 ? '' : ` WHERE ` + clauses.join(' AND ');
}

/**
 * One page of partners by id after the `$after` id (`$limit` rows), and, `withTotal`,
 * the total that match (without it, null: counting reads every match).
 */
export const partnerPageStatement = (fields: Fields, given: PartnerFilterGiven, paged: boolean, withTotal: boolean) => (withTotal ? `
CALL () { MATCH (p:Partner)` + partnerFilter(given) + ` RETURN count(p) AS totalCount }` : '') + `
CALL () {
  MATCH (p:Partner)` + partnerFilter(given, paged ? ['p.id > $after'] : []) + `
  WITH p ORDER BY p.id LIMIT $limit
  RETURN collect(` + partnerFields(fields) + `) AS page
}
RETURN ` + (withTotal ? 'totalCount' : 'null AS totalCount') + `, page`;
