/**
 * The deal registration rows (issue 21), as latency operations beside the others, on the
 * generated registrations (seeds/generator/deal-registrations.ts): `dealConflicts` as of
 * the generator's reference date, and `registerDeal`, a write. The conflicts' HTTP leg
 * uses a new alias each time, so the answer cache cannot answer it and it times the
 * computation. Each registerDeal (ADMIN token, PENDING) has an id never used before on
 * either leg, so every one stores a new registration; the driver leg calls the graph
 * area's own function (its statements in one write transaction).
 */
import { randomBytes } from 'node:crypto';
import type { Graph } from '../graph/db/index.ts';
import { dealConflicts, registerDeal } from '../graph/deals/index.ts';
import { AS_OF_DAY, isoDate } from '../seeds/generator/dates.ts';
import type { Fixture } from './fixture.ts';
import type { Operation } from './operations.ts';
import { atMost, TARGETS, type SizeResult, type Verdict } from './results.ts';

export const DEAL_CONFLICTS_ROW = 'dealConflicts';
export const REGISTER_DEAL_ROW = 'registerDeal (PENDING, a new id)';

/** The generator's "today" (2026-07-01): its registrations are in force around it, whatever the real date. */
const AS_OF = isoDate(AS_OF_DAY);

const CONFLICTS_QUERY = `query Conflicts($asOf: Date) { dealConflicts(asOf: $asOf) {
  kind customer { id } capability { id } registrations { id partner { id } registeredOn expiresOn status }
  contribution { id } engagement { id } } }`;

const REGISTER_MUTATION = `mutation Register($input: DealRegistrationInput!) { registerDeal(input: $input) {
  id status registeredOn expiresOn inForce } }`;

/** What a registration claims: a partner of an engagement, its customer, a capability it requires. */
interface Claim { partner: string; customer: string; capability: string }

/** Claims spread over the graph (different customers, so the writes do not queue on one customer's lock). */
export async function loadDealClaims(graph: Graph): Promise<Claim[]> {
  const claims = await graph.read<Claim>(`
    MATCH (e:Engagement)-[:FOR]->(c:Customer)
    WITH c, min(e.id) AS first
    MATCH (e:Engagement {id: first})
    CALL (e) {
      MATCH (p:Partner)-[:PARTICIPATES_IN]->(e) RETURN p.id AS partner ORDER BY partner LIMIT 1
    }
    CALL (e) {
      MATCH (e)-[:REQUIRES]->(k:Capability) RETURN k.id AS capability ORDER BY capability LIMIT 1
    }
    RETURN partner, c.id AS customer, capability ORDER BY customer LIMIT 2000`);
  if (claims.length === 0) throw new Error('the generated ecosystem has no engagement with a partner and a requirement to register');
  return claims;
}

export function dealOperations(graph: Graph, fx: Fixture, claims: readonly Claim[]): Operation[] {
  let asked = 0;
  // One prefix per bench run: a kept store (--data-dir) may hold an earlier run's registrations.
  const prefix = `d-bench-${randomBytes(4).toString('hex')}`;
  let viaHttp = 0;
  let viaDriver = 0;
  const input = (id: string, n: number) => {
    const claim = claims[n % claims.length]!;
    return { id, ...claim, registeredOn: fx.today, status: 'PENDING' as const };
  };
  return [
    {
      name: DEAL_CONFLICTS_ROW,
      query: () => CONFLICTS_QUERY.replace('{ dealConflicts(', `{ a${asked++}: dealConflicts(`),
      variables: () => ({ asOf: AS_OF }),
      direct: () => dealConflicts(graph, AS_OF, fx.today),
    },
    {
      name: REGISTER_DEAL_ROW,
      query: REGISTER_MUTATION,
      variables: () => ({ input: input(`${prefix}-h${viaHttp}`, viaHttp++) }),
      direct: () => registerDeal(graph, input(`${prefix}-d${viaDriver}`, viaDriver++), fx.today),
    },
  ];
}

/** Issue 21's targets, read off the latency rows; `verdict` marks whether the size is the one the target is for. */
export function dealLines(r: SizeResult, ms: (n: number) => string, verdict: (v: Verdict, appliesAt: string | null, size: string) => string): string[] {
  const row = (name: string) => r.latency.find((l) => l.name === name && !l.error);
  const lines: string[] = [];
  const conflicts = row(DEAL_CONFLICTS_ROW);
  if (conflicts) {
    lines.push('', `${DEAL_CONFLICTS_ROW} (as of ${AS_OF}) p99 over HTTP: **${ms(conflicts.http.p99)} ms**, target ≤ ${TARGETS.dealConflictsP99Ms} ms: `
      + `${verdict(atMost(conflicts.http.p99, TARGETS.dealConflictsP99Ms), 'M', r.size.name)}.`);
  }
  const register = row(REGISTER_DEAL_ROW);
  if (register) {
    lines.push('', `${REGISTER_DEAL_ROW} p99 over HTTP: **${ms(register.http.p99)} ms**, target ≤ ${TARGETS.registerDealP99Ms} ms: `
      + `${verdict(atMost(register.http.p99, TARGETS.registerDealP99Ms), 'M', r.size.name)}.`);
  }
  return lines;
}

