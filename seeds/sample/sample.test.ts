/**
 * The committed sample is exactly what build-sample.ts builds, the real importer accepts
 * it, and once in a real Neo4j it holds the data the README and the stories rely on.
 * Analysis results (coverage, exit impact, accountability) are not asserted here: the
 * analysis queries' own tests run them against this data.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../graph/db/index.ts';
import { dealConflicts } from '../../graph/deals/index.ts';
import { importEcosystem, findImportProblems } from '../../graph/import/index.ts';
import { CONTRIBUTION_KINDS, OUTCOME_STATUSES, PARTNER_TYPES } from '../../graph/model/index.ts';
import { openTestGraph, wipe } from '../../tests/support/graph.ts';
import { buildSample, sampleJson } from './build-sample.ts';

const FILE = new URL('../sample-ecosystem.json', import.meta.url);
const committed = readFileSync(FILE, 'utf8');

let graph: Graph;

beforeAll(async () => {
  graph = await openTestGraph();
  await wipe(graph);
});
afterAll(async () => graph?.close());

/** `{ key: n }` from rows of `{ key, n }`, so a whole tally compares in one assertion. */
async function tally(cypher: string): Promise<Record<string, number>> {
  const rows = await graph.read<{ key: string; n: number }>(cypher);
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}

describe('the sample ecosystem file', () => {
  it('is built deterministically and is the committed seeds/sample-ecosystem.json', () => {
    const first = sampleJson(buildSample());
    const second = sampleJson(buildSample());
    expect(second).toBe(first);
    expect(first).toBe(committed);
  });

  it('passes the importer\'s validator against the empty database', async () => {
    expect(await graph.read<{ n: number }>('MATCH (n) WHERE NOT n:GraphState RETURN count(n) AS n')).toEqual([{ n: 0 }]);
    const problems = await graph.readTx((tx) => findImportProblems(tx, JSON.parse(committed)));
    expect(problems).toEqual([]);
  });
});

describe('the sample ecosystem, imported', () => {
  beforeAll(async () => {
    await wipe(graph);
    await importEcosystem(graph, JSON.parse(committed), 120_000); // setup: the whole sample, on a maybe cold and busy database
  });

  it('has the promised size: ~40 partners, 8+ regions, 6+ industries, 15+ capabilities, 60+ customers, 150+ engagements', async () => {
    expect(await tally('MATCH (n) WHERE NOT n:GraphState AND NOT n:AuditEntry AND NOT n:Event UNWIND labels(n) AS key RETURN key, count(*) AS n')).toEqual({
      Region: 10, Industry: 7, Capability: 18, Partner: 40, Customer: 66,
      Engagement: 166, Contribution: 506, Commitment: 501, Outcome: 201, DealRegistration: 6,
    });
    expect(await tally('MATCH ()-[r]->() RETURN type(r) AS key, count(*) AS n ORDER BY key')).toMatchObject({
      PARTICIPATES_IN: 586, FOR: 166, PART_OF: 501, OWNED_BY: 501, OF: 201, CONTRIBUTED: 506, TO: 506,
      REGISTERED_BY: 6, CLAIMS: 6, COVERS: 6,
    });
  });

  it('has partners of all 11 types', async () => {
    const types = await tally('MATCH (p:Partner) RETURN p.type AS key, count(*) AS n');
    expect(Object.keys(types).sort()).toEqual([...PARTNER_TYPES].sort());
    expect(types).toEqual({
      SYSTEM_INTEGRATOR: 6, AI_NATIVE: 6, ISV: 5, MSP: 4, BOUTIQUE_CONSULTANCY: 4, RESELLER: 3, REFERRAL: 3,
      TELCO_INFRASTRUCTURE: 3, INFLUENCER: 2, CLOUD_MARKETPLACE: 2, STRATEGIC_ALLIANCE: 2,
    });
  });

  it('has engagements of every status, every contribution kind and outcomes of every status (17 missed)', async () => {
    expect(await tally('MATCH (e:Engagement) RETURN e.status AS key, count(*) AS n')).toEqual({
      PLANNED: 36, ACTIVE: 54, COMPLETED: 58, FAILED: 6, CANCELLED: 12,
    });
    const kinds = await tally('MATCH (k:Contribution) RETURN k.kind AS key, count(*) AS n');
    expect(Object.keys(kinds).sort()).toEqual([...CONTRIBUTION_KINDS].sort());
    expect(kinds).toEqual({
      SOURCED: 144, CO_SELL: 59, TECHNOLOGY: 75, DELIVERY: 134, INFLUENCED: 15, MARKETPLACE: 41, REFERRAL: 14, MANAGED_SERVICE: 24,
    });
    const outcomes = await tally('MATCH (o:Outcome) RETURN o.status AS key, count(*) AS n');
    expect(Object.keys(outcomes).sort()).toEqual([...OUTCOME_STATUSES].sort());
    expect(outcomes).toEqual({ PENDING: 91, MET: 93, PARTIALLY_MET: 5, MISSED: 12 });
    expect(await tally('MATCH (m:Commitment) RETURN m.status AS key, count(*) AS n')).toEqual({
      PENDING: 122, IN_PROGRESS: 45, DELIVERED: 286, LATE: 33, FAILED: 15,
    });
  });

  it('gives every partner a role somewhere and every customer an engagement', async () => {
    expect(await graph.read(`
      RETURN COUNT { MATCH (p:Partner) WHERE NOT (p)-[:PARTICIPATES_IN]->() } AS idlePartners,
             COUNT { MATCH (c:Customer) WHERE NOT (c)<-[:FOR]-() } AS customersWithout`)).toEqual([{ idlePartners: 0, customersWithout: 0 }]);
  });

  it('has handovers: the outgoing orchestrator stays on as contributor from the day the heir takes over', async () => {
    const handovers = await graph.read<{ engagement: string; outgoing: string; incoming: string; on: string }>(`
      MATCH (old:Partner)-[a:PARTICIPATES_IN {role: 'ORCHESTRATOR'}]->(e:Engagement)<-[c:PARTICIPATES_IN {role: 'ORCHESTRATOR'}]-(heir:Partner)
      WHERE a.to IS NOT NULL AND c.from = a.to AND heir <> old
        AND EXISTS { (old)-[b:PARTICIPATES_IN {role: 'CONTRIBUTOR'}]->(e) WHERE b.from = a.to }
      RETURN e.id AS engagement, old.id AS outgoing, heir.id AS incoming, toString(a.to) AS on
      ORDER BY engagement, on`);
    expect(handovers).toHaveLength(21);
    expect(handovers).toContainEqual({ engagement: 'e-claims-copilot', outgoing: 'p-brightwater', incoming: 'p-cortexa', on: '2026-06-30' });
  });

  it('hands e-claims-copilot over exactly on the due date of o-claims-speed', async () => {
    expect(await graph.read(`
      MATCH (o:Outcome {id: 'o-claims-speed'})-[:OF]->(e:Engagement)
      MATCH (old:Partner)-[a:PARTICIPATES_IN {role: 'ORCHESTRATOR'}]->(e)<-[c:PARTICIPATES_IN {role: 'ORCHESTRATOR'}]-(heir:Partner)
      WHERE a.to = o.dueDate AND c.from = o.dueDate
        AND EXISTS { (old)-[b:PARTICIPATES_IN {role: 'CONTRIBUTOR'}]->(e) WHERE b.from = o.dueDate }
      RETURN e.id AS engagement, old.id AS outgoing, heir.id AS incoming, toString(o.dueDate) AS due, o.status AS status`)).toEqual([
      { engagement: 'e-claims-copilot', outgoing: 'p-brightwater', incoming: 'p-cortexa', due: '2026-06-30', status: 'MISSED' },
    ]);
  });

  it('has commitments that depend on commitments of other engagements', async () => {
    const cross = await graph.read<{ from: string; to: string }>(`
      MATCH (e1:Engagement)<-[:PART_OF]-(m:Commitment)-[:DEPENDS_ON]->(d:Commitment)-[:PART_OF]->(e2:Engagement)
      WHERE e1 <> e2
      RETURN m.id AS from, d.id AS to ORDER BY from, to`);
    expect(cross).toHaveLength(43);
    // The designed ones: the lakehouse's failed ingest under the claims copilot, the
    // smart-meter telemetry under the grid forecast.
    expect(cross).toContainEqual({ from: 'm-claims-history', to: 'm-lake-ingest' });
    expect(cross).toContainEqual({ from: 'm-grid-model', to: 'm-meter-telemetry' });
  });

  it('leaves e-port-twin PLANNED with no open ORCHESTRATOR interval', async () => {
    expect(await graph.read(`
      MATCH (e:Engagement {id: 'e-port-twin'})
      RETURN e.status AS status,
             COUNT { (:Partner)-[r:PARTICIPATES_IN {role: 'ORCHESTRATOR'}]->(e) } AS orchestrations,
             COUNT { (:Partner)-[r:PARTICIPATES_IN {role: 'ORCHESTRATOR'}]->(e) WHERE r.to IS NULL } AS open`)).toEqual([
      { status: 'PLANNED', orchestrations: 1, open: 0 },
    ]);
  });

  it('has p-hoshimi holding open ORCHESTRATOR intervals on several PLANNED or ACTIVE engagements', async () => {
    const rows = await graph.read<{ engagement: string; status: string }>(`
      MATCH (:Partner {id: 'p-hoshimi'})-[r:PARTICIPATES_IN {role: 'ORCHESTRATOR'}]->(e:Engagement)
      WHERE r.to IS NULL AND e.status IN ['PLANNED', 'ACTIVE']
      RETURN e.id AS engagement, e.status AS status ORDER BY engagement`);
    expect(rows.map((r) => r.engagement)).toEqual(['e-006', 'e-120', 'e-kazahana-care', 'e-kiritani-agents', 'e-sakuragawa-underwriting']);
  });

  describe('the deal registration story (seeds/sample/registrations.ts), on the sample\'s today, 2026-11-21', () => {
    const TODAY = '2026-11-21';

    it('has an approved registration in force, an expired one, a rejected one and two PENDING ones in force', async () => {
      const rows = await graph.read<{ id: string; partner: string; status: string; expiresOn: string; inForce: boolean }>(`
        MATCH (d:DealRegistration)-[:REGISTERED_BY]->(p:Partner)
        RETURN d.id AS id, p.id AS partner, d.status AS status, toString(d.expiresOn) AS expiresOn,
               d.status IN ['PENDING', 'APPROVED'] AND d.registeredOn <= date($today) < d.expiresOn AS inForce
        ORDER BY id`, { today: TODAY });
      expect(rows).toEqual([
        // No expiresOn in the file: the default 90 days.
        { id: 'dr-rh-data-platform', partner: 'p-brightwater', status: 'APPROVED', expiresOn: '2025-05-11', inForce: false },
        { id: 'dr-rh-genai', partner: 'p-cortexa', status: 'APPROVED', expiresOn: '2025-07-27', inForce: false },
        { id: 'dr-rh-genai-stratus', partner: 'p-stratus', status: 'REJECTED', expiresOn: '2025-11-18', inForce: false },
        { id: 'dr-saku-agentic', partner: 'p-hoshimi', status: 'APPROVED', expiresOn: '2027-01-31', inForce: true },
        { id: 'dr-zee-twin-gridsense', partner: 'p-gridsense', status: 'PENDING', expiresOn: '2027-04-30', inForce: true },
        { id: 'dr-zee-twin-meridian', partner: 'p-meridian', status: 'PENDING', expiresOn: '2027-04-30', inForce: true },
      ]);
    });

    it('has exactly the two designed conflicts: the port twin\'s overlap and Brightwater\'s SOURCED claim inside Cortexa\'s approved window', async () => {
      const conflicts = await dealConflicts(graph, TODAY, TODAY);
      expect(conflicts.map((c) => ({
        kind: c.kind, customer: c.customer.id, capability: c.capability.id, registrations: c.registrations.map((r) => r.id),
        contribution: c.contribution?.id ?? null, engagement: c.engagementId,
      }))).toEqual([
        {
          kind: 'OVERLAPPING_REGISTRATIONS', customer: 'c-zeelander', capability: 'digital-twin',
          registrations: ['dr-zee-twin-meridian', 'dr-zee-twin-gridsense'], contribution: null, engagement: null,
        },
        {
          kind: 'SOURCED_AGAINST_REGISTRATION', customer: 'c-rheinhafen', capability: 'genai',
          registrations: ['dr-rh-genai'], contribution: 'k-cc-sourced', engagement: 'e-claims-copilot',
        },
      ]);
      // A year on, the overlap has expired; a SOURCED claim inside an approved window stays a conflict whatever the date.
      expect((await dealConflicts(graph, '2027-11-21', TODAY)).map((c) => c.kind)).toEqual(['SOURCED_AGAINST_REGISTRATION']);
    });
  });
});
