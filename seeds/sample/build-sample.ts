/**
 * Builds seeds/sample-ecosystem.json, the curated sample ecosystem loaded on first start.
 * Deterministic: the hand-written catalogue and stories, then a bulk generated from a
 * fixed seed. sample.test.ts checks the file is what this builds, imports it into a real
 * Neo4j and asserts the facts the stories rely on.
 *
 *   npx tsx seeds/sample/build-sample.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EcosystemInput, EngagementInput, EngagementStatus, RequirementInput } from '../../graph/model/index.ts';
import { Rng } from '../generator/prng.ts';
import { CAPABILITIES, CUSTOMERS, INDUSTRIES, PARTNERS, REGIONS } from './catalog.ts';
import { shuffled } from './draws.ts';
import { Generator } from './generate.ts';
import { DEAL_REGISTRATIONS } from './registrations.ts';
import { STORIES } from './stories.ts';

const SEED = 20261121;
const OUT = new URL('../sample-ecosystem.json', import.meta.url);

/** The whole sample, the same on every run (a fresh Rng from SEED each call). */
export function buildSample(): EcosystemInput {
  const rng = new Rng(SEED);
  const gen = new Generator(rng, { partners: PARTNERS, customers: CUSTOMERS });
  const engagements: EngagementInput[] = [...STORIES];

  // The German ERP wave: 12 open programmes needing sap while only two active partners
  // in DE hold it at level 3+, which makes (DE, sap) a THIN coverage cell.
  const german = CUSTOMERS.filter((c) => c.region === 'DE');
  for (let i = 0; i < 12; i++) {
    const requires: RequirementInput[] = [{ capability: 'sap', level: i % 3 === 0 ? 4 : 3 }];
    if (i % 2 === 1) requires.push({ capability: 'analytics', level: 3 });
    engagements.push(gen.engagement({
      id: `e-erp-${String(i + 1).padStart(2, '0')}`, customer: german[i % german.length]!,
      status: i < 5 ? 'ACTIVE' : 'PLANNED', requires,
    }));
  }

  // The bulk: fixed status counts, so the number of misses stays in the intended range
  // (every FAILED engagement, 3 COMPLETED and 2 ACTIVE ones carry a designed miss).
  const counts: [EngagementStatus, number][] = [['PLANNED', 26], ['ACTIVE', 44], ['COMPLETED', 52], ['FAILED', 6], ['CANCELLED', 12]];
  const statuses = shuffled(rng, counts.flatMap(([s, n]) => Array<EngagementStatus>(n).fill(s)));
  // Every customer first (so none is left without an engagement), then at random.
  const customers = shuffled(rng, CUSTOMERS);
  const missesLeft: Partial<Record<EngagementStatus, number>> = { FAILED: 6, COMPLETED: 3, ACTIVE: 2 };
  statuses.forEach((status, i) => {
    const miss = (missesLeft[status] ?? 0) > 0;
    if (miss) missesLeft[status]! -= 1;
    engagements.push(gen.engagement({
      id: `e-${String(i + 1).padStart(3, '0')}`, customer: customers[i] ?? rng.pick(CUSTOMERS), status, miss,
    }));
  });

  // Whoever the draw left without any engagement gets a plausible role in one.
  const generated = engagements.slice(STORIES.length);
  for (const partner of PARTNERS) {
    if (!engagements.some((e) => e.participants!.some((p) => p.partner === partner.id))) gen.involve(partner, generated);
  }

  // The registrations draw nothing: the bulk above is the same with or without them.
  return {
    regions: REGIONS, industries: INDUSTRIES, capabilities: CAPABILITIES, partners: PARTNERS, customers: CUSTOMERS, engagements,
    dealRegistrations: DEAL_REGISTRATIONS,
  };
}

/** The file's text: open intervals and amount-less touches read better without an explicit null. */
export function sampleJson(sample: EcosystemInput): string {
  const json = JSON.stringify(sample, (key, value: unknown) => ((key === 'to' || key === 'amount') && value == null ? undefined : value), 2);
  return `${json}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  writeFileSync(OUT, sampleJson(buildSample()));
  console.log(`wrote ${OUT.pathname}`);
}
