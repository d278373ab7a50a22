/** Real ids from the imported graph, for the requests the benchmark cycles through. */
import type { Graph } from '../graph/db/index.ts';

export interface Fixture {
  /** MISSED and PARTIALLY_MET outcomes, spread evenly over all of them. */
  missedOutcomes: string[];
  activeEngagements: string[];
  /** Engagements with at least one contribution (something to attribute). */
  attributedEngagements: string[];
  partnerId: string;
  /** A commitment and its current status: setting it again is a harmless write. */
  commitment: { id: string; status: string };
  today: string;
}

const SPREAD = 2_000;

export async function loadFixture(graph: Graph): Promise<Fixture> {
  const ids = async (cypher: string) => spread((await graph.read<{ id: string }>(cypher)).map((r) => r.id));
  const missedOutcomes = await ids("MATCH (o:Outcome) WHERE o.status IN ['MISSED', 'PARTIALLY_MET'] RETURN o.id AS id ORDER BY id");
  const activeEngagements = await ids("MATCH (e:Engagement {status: 'ACTIVE'}) RETURN e.id AS id ORDER BY id");
  const attributedEngagements = await ids('MATCH (e:Engagement) WHERE EXISTS { (:Contribution)-[:TO]->(e) } RETURN e.id AS id ORDER BY id');
  const [partner] = await graph.read<{ id: string }>('MATCH (p:Partner) RETURN p.id AS id ORDER BY id LIMIT 1');
  const [commitment] = await graph.read<{ id: string; status: string }>('MATCH (m:Commitment) RETURN m.id AS id, m.status AS status ORDER BY id LIMIT 1');
  for (const [what, list] of [['missed outcomes', missedOutcomes], ['ACTIVE engagements', activeEngagements], ['contributions', attributedEngagements]] as const) {
    if (list.length === 0) throw new Error(`the generated ecosystem has no ${what}`);
  }
  if (!partner || !commitment) throw new Error('the generated ecosystem has no partners or commitments');
  return {
    missedOutcomes, activeEngagements, attributedEngagements, partnerId: partner.id, commitment,
    today: new Date().toISOString().slice(0, 10),
  };
}

/** At most SPREAD ids, taken at an even stride so they cover the whole range. */
function spread(all: string[]): string[] {
  if (all.length <= SPREAD) return all;
  const stride = all.length / SPREAD;
  return Array.from({ length: SPREAD }, (_, i) => all[Math.floor(i * stride)]!);
}

/** The i-th id, cycling. */
export function cycle(list: readonly string[], i: number): string {
  return list[i % list.length]!;
}
