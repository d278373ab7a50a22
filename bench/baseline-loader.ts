/**
 * The import baseline (a benchmark yardstick, not product code): the same rows as
 * `npm run import`, written by the barest loader there is — no validation, no MERGE,
 * no deletes: `UNWIND … CREATE` for nodes, `UNWIND … MATCH … MATCH … CREATE` for
 * relationships, 2,000 rows a statement, one transaction a statement (as the CLI does).
 * It reads the file with the product's streaming reader, so reading costs both the same.
 *
 *   NEO4J_URI=bolt://… tsx bench/baseline-loader.ts FILE.json
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import { progressBar, readJsonFile } from '../graph/import/index.ts';
import type { EcosystemInput } from '../graph/model/index.ts';

const BATCH = 2_000;

interface Statement { cypher: string; rows: unknown[] }

const node = (label: string, props: string) => `UNWIND $rows AS r CREATE (:${label} {${props}})`;
const rel = (from: string, type: string, to: string, props = '') =>
  `UNWIND $rows AS r MATCH (a:${from}) MATCH (b:${to}) CREATE (a)-[:${type}${props ? ` {${props}}` : ''}]->(b)`;

/** Every statement of the load, nodes first, in batches. */
export function baselineStatements(input: EcosystemInput): Statement[] {
  const engagements = input.engagements ?? [];
  const partners = input.partners ?? [];
  const each = <T, R>(pick: (e: (typeof engagements)[number]) => T[] | undefined, map: (item: T, e: (typeof engagements)[number]) => R) =>
    engagements.flatMap((e) => (pick(e) ?? []).map((item) => map(item, e)));
  const out: Statement[] = [];
  const add = (cypher: string, rows: unknown[]) => {
    for (let i = 0; i < rows.length; i += BATCH) out.push({ cypher, rows: rows.slice(i, i + BATCH) });
  };

  add(node('Region', 'code: r.code, name: r.name'), input.regions ?? []);
  add(node('Industry', 'code: r.code, name: r.name'), input.industries ?? []);
  add(node('Capability', 'id: r.id, name: r.name'), input.capabilities ?? []);
  add(node('Partner', 'id: r.id, name: r.name, nameLower: toLower(r.name), type: r.type, status: r.status, tier: r.tier'),
    partners.map((p) => ({ id: p.id, name: p.name, type: p.type, status: p.status ?? 'ACTIVE', tier: p.tier ?? null })));
  add(node('Customer', 'id: r.id, name: r.name'), (input.customers ?? []).map((c) => ({ id: c.id, name: c.name })));
  add(node('Engagement', 'id: r.id, name: r.name, status: r.status, value: r.value, currency: r.currency, startDate: date(r.startDate), endDate: date(r.endDate)'),
    engagements.map((e) => ({ id: e.id, name: e.name, status: e.status, value: e.value ?? null, currency: e.currency ?? null,
      startDate: e.startDate ?? null, endDate: e.endDate ?? null })));
  add(node('Contribution', 'id: r.id, kind: r.kind, date: date(r.date), amount: r.amount'),
    each((e) => e.contributions, (k) => ({ id: k.id, kind: k.kind, date: k.date, amount: k.amount ?? null })));
  add(node('Commitment', 'id: r.id, description: r.description, status: r.status, dueDate: date(r.dueDate)'),
    each((e) => e.commitments, (m) => ({ id: m.id, description: m.description, status: m.status, dueDate: m.dueDate ?? null })));
  add(node('Outcome', 'id: r.id, description: r.description, status: r.status, dueDate: date(r.dueDate)'),
    each((e) => e.outcomes, (o) => ({ id: o.id, description: o.description, status: o.status, dueDate: o.dueDate })));
  const registrations = input.dealRegistrations ?? [];
  add(node('DealRegistration', 'id: r.id, registeredOn: date(r.registeredOn), '
    + 'expiresOn: coalesce(date(r.expiresOn), date(r.registeredOn) + duration({days: 90})), status: r.status, reason: r.reason, '
    + 'partnerId: r.partner, customerId: r.customer, capabilityId: r.capability'),
  registrations.map((d) => ({ id: d.id, registeredOn: d.registeredOn, expiresOn: d.expiresOn ?? null, status: d.status ?? 'PENDING', reason: d.reason ?? null,
    partner: d.partner, customer: d.customer, capability: d.capability })));

  const pairs = <T>(list: T[], a: (x: T) => string, b: (x: T) => string) => list.map((x) => ({ a: a(x), b: b(x) }));
  add(rel('Partner {id: r.a}', 'OPERATES_IN', 'Region {code: r.b}'), partners.flatMap((p) => [...new Set(p.regions ?? [])].map((b) => ({ a: p.id, b }))));
  add(rel('Partner {id: r.a}', 'SERVES', 'Industry {code: r.b}'), partners.flatMap((p) => [...new Set(p.industries ?? [])].map((b) => ({ a: p.id, b }))));
  add(rel('Partner {id: r.a}', 'HOLDS', 'Capability {id: r.b}', 'level: r.level, certified: r.certified'),
    partners.flatMap((p) => (p.capabilities ?? []).map((h) => ({ a: p.id, b: h.capability, level: h.level, certified: h.certified ?? false }))));
  add(rel('Customer {id: r.a}', 'LOCATED_IN', 'Region {code: r.b}'), pairs(input.customers ?? [], (c) => c.id, (c) => c.region));
  add(rel('Customer {id: r.a}', 'IN_INDUSTRY', 'Industry {code: r.b}'), pairs(input.customers ?? [], (c) => c.id, (c) => c.industry));
  add(rel('Engagement {id: r.a}', 'FOR', 'Customer {id: r.b}'), pairs(engagements, (e) => e.id, (e) => e.customer));
  add(rel('Engagement {id: r.a}', 'REQUIRES', 'Capability {id: r.b}', 'level: r.level'),
    each((e) => e.requires, (q, e) => ({ a: e.id, b: q.capability, level: q.level })));
  add(rel('Partner {id: r.a}', 'PARTICIPATES_IN', 'Engagement {id: r.b}', 'role: r.role, from: date(r.from), to: date(r.to)'),
    each((e) => e.participants, (x, e) => ({ a: x.partner, b: e.id, role: x.role, from: x.from, to: x.to ?? null })));
  add(rel('Partner {id: r.a}', 'CONTRIBUTED', 'Contribution {id: r.b}'), each((e) => e.contributions, (k) => ({ a: k.partner, b: k.id })));
  add(rel('Contribution {id: r.a}', 'TO', 'Engagement {id: r.b}'), each((e) => e.contributions, (k, e) => ({ a: k.id, b: e.id })));
  add(rel('Commitment {id: r.a}', 'PART_OF', 'Engagement {id: r.b}'), each((e) => e.commitments, (m, e) => ({ a: m.id, b: e.id })));
  add(rel('Commitment {id: r.a}', 'OWNED_BY', 'Partner {id: r.b}'), each((e) => e.commitments, (m) => ({ a: m.id, b: m.owner })));
  add(rel('Outcome {id: r.a}', 'OF', 'Engagement {id: r.b}'), each((e) => e.outcomes, (o, e) => ({ a: o.id, b: e.id })));
  add(rel('Commitment {id: r.a}', 'DEPENDS_ON', 'Commitment {id: r.b}'),
    each((e) => e.commitments, (m) => [...new Set(m.dependsOn ?? [])].map((b) => ({ a: m.id, b }))).flat());
  add(rel('Outcome {id: r.a}', 'DEPENDS_ON', 'Commitment {id: r.b}'),
    each((e) => e.outcomes, (o) => [...new Set(o.dependsOn ?? [])].map((b) => ({ a: o.id, b }))).flat());
  add(rel('DealRegistration {id: r.a}', 'REGISTERED_BY', 'Partner {id: r.b}'), pairs(registrations, (d) => d.id, (d) => d.partner));
  add(rel('DealRegistration {id: r.a}', 'CLAIMS', 'Customer {id: r.b}'), pairs(registrations, (d) => d.id, (d) => d.customer));
  add(rel('DealRegistration {id: r.a}', 'COVERS', 'Capability {id: r.b}'), pairs(registrations, (d) => d.id, (d) => d.capability));
  return out;
}

/** Whole numbers as Cypher integers (the driver sends every JS number as a float). */
function ints(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(ints);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ints(v)]));
}

export async function loadBaseline(driver: Driver, input: EcosystemInput, onProgress?: (done: number, total: number) => void): Promise<number> {
  const statements = baselineStatements(input);
  let done = 0;
  for (const { cypher, rows } of statements) {
    const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite((tx) => tx.run(cypher, { rows: ints(rows) }));
    } finally {
      await session.close();
    }
    onProgress?.(++done, statements.length);
  }
  return statements.length;
}

async function main(argv: string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('-'));
  const uri = process.env.NEO4J_URI;
  if (!file || !uri) {
    process.stderr.write('usage: NEO4J_URI=bolt://… tsx bench/baseline-loader.ts FILE.json\n');
    return 1;
  }
  const reading = progressBar('Reading');
  const input = (await readJsonFile(file, (read, total) => reading.update(read, total))) as EcosystemInput;
  reading.done(file);
  const driver = neo4j.driver(uri, undefined, { logging: { level: 'error', logger: () => {} } });
  try {
    const writing = progressBar('Writing');
    const n = await loadBaseline(driver, input, (done, total) => writing.update(done, total));
    writing.done(`${n} statements`);
    return 0;
  } finally {
    await driver.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`Baseline load failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
