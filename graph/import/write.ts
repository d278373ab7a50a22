/**
 * The one writer of a validated import: batched `UNWIND` statements in three phases,
 *   A. upsert every node (and the relationships it owns),
 *   B. remove the items engagements no longer list,
 *   C. replace DEPENDS_ON edges (every target exists by now),
 *   D. refresh the SOURCED_AGAINST_REGISTRATION pairs of every customer an engagement or
 *      a registration of the import names (graph/deals): whatever moved, the customer it
 *      moved to is one of them,
 * so that the same batches can run inside one transaction (`importEcosystem`) or one
 * transaction each (`npm run import`, where a rerun after an interruption completes
 * the import because every batch is idempotent).
 */
import type { EcosystemInput } from '../model/index.ts';
import { expiryOf, REFRESH_SOURCED_AGAINST } from '../deals/index.ts';
import * as Q from './import.queries.ts';

/** Runs one batch statement; the caller decides which transaction it belongs to. */
export type BatchRunner = (cypher: string, params: { rows: unknown[] }) => Promise<unknown>;

export interface ImportCounts {
  regions: number;
  industries: number;
  capabilities: number;
  partners: number;
  customers: number;
  engagements: number;
  contributions: number;
  commitments: number;
  outcomes: number;
  dealRegistrations: number;
}

export interface WriteOptions {
  /** Rows per statement; nested lists make engagement rows heavier, so they get a fifth. */
  batchSize?: number;
  onProgress?: (doneBatches: number, totalBatches: number) => void;
}

interface Batch { cypher: string; rows: unknown[] }

/** Writes `input` (already validated) through `run`; returns what the input held, per kind. */
export async function writeEcosystem(run: BatchRunner, input: EcosystemInput, options: WriteOptions = {}): Promise<ImportCounts> {
  const batches = planBatches(input, options.batchSize ?? 2_000);
  let done = 0;
  options.onProgress?.(0, batches.length);
  for (const batch of batches) {
    await run(batch.cypher, { rows: batch.rows });
    options.onProgress?.(++done, batches.length);
  }
  return countImport(input);
}

export function countImport(input: EcosystemInput): ImportCounts {
  const engagements = input.engagements ?? [];
  const sum = (pick: (e: (typeof engagements)[number]) => unknown[] | undefined) =>
    engagements.reduce((n, e) => n + (pick(e)?.length ?? 0), 0);
  return {
    regions: input.regions?.length ?? 0,
    industries: input.industries?.length ?? 0,
    capabilities: input.capabilities?.length ?? 0,
    partners: input.partners?.length ?? 0,
    customers: input.customers?.length ?? 0,
    engagements: engagements.length,
    contributions: sum((e) => e.contributions),
    commitments: sum((e) => e.commitments),
    outcomes: sum((e) => e.outcomes),
    dealRegistrations: input.dealRegistrations?.length ?? 0,
  };
}

/** The statements of an import, in order, each with at most `size` rows. */
export function planBatches(input: EcosystemInput, size: number): Batch[] {
  const engagements = input.engagements ?? [];
  const heavy = Math.max(1, Math.floor(size / 5));
  const batches: Batch[] = [];
  const add = (cypher: string, rows: unknown[], n = size) => {
    for (let i = 0; i < rows.length; i += n) batches.push({ cypher, rows: rows.slice(i, i + n) });
  };

  add(Q.UPSERT_REGIONS, input.regions ?? []);
  add(Q.UPSERT_INDUSTRIES, input.industries ?? []);
  add(Q.UPSERT_CAPABILITIES, input.capabilities ?? []);
  add(Q.UPSERT_PARTNERS, (input.partners ?? []).map((p) => ({
    id: p.id, name: p.name, type: p.type, status: p.status ?? 'ACTIVE', tier: p.tier ?? null,
    regions: unique(p.regions ?? []), industries: unique(p.industries ?? []),
    capabilities: (p.capabilities ?? []).map((h) => ({ capability: h.capability, level: h.level, certified: h.certified ?? false })),
  })), heavy);
  add(Q.UPSERT_CUSTOMERS, input.customers ?? []);
  add(Q.UPSERT_ENGAGEMENTS, engagements.map((e) => ({
    id: e.id, name: e.name, customer: e.customer, status: e.status, value: e.value ?? null, currency: e.currency ?? null,
    startDate: e.startDate ?? null, endDate: e.endDate ?? null,
    requires: e.requires ?? [],
    participants: (e.participants ?? []).map((p) => ({ partner: p.partner, role: p.role, from: p.from, to: p.to ?? null })),
  })), heavy);
  add(Q.UPSERT_CONTRIBUTIONS, engagements.flatMap((e) => (e.contributions ?? []).map((k) => ({
    id: k.id, engagement: e.id, partner: k.partner, kind: k.kind, date: k.date, amount: k.amount ?? null,
  }))));
  add(Q.UPSERT_COMMITMENTS, engagements.flatMap((e) => (e.commitments ?? []).map((m) => ({
    id: m.id, engagement: e.id, owner: m.owner, description: m.description, status: m.status, dueDate: m.dueDate ?? null,
  }))));
  add(Q.UPSERT_OUTCOMES, engagements.flatMap((e) => (e.outcomes ?? []).map((o) => ({
    id: o.id, engagement: e.id, description: o.description, status: o.status, dueDate: o.dueDate,
  }))));

  // After partners, customers and capabilities, which they point at.
  add(Q.UPSERT_DEAL_REGISTRATIONS, (input.dealRegistrations ?? []).map((d) => ({
    id: d.id, partner: d.partner, customer: d.customer, capability: d.capability,
    registeredOn: d.registeredOn, expiresOn: expiryOf(d), status: d.status ?? 'PENDING', reason: d.reason ?? null,
  })));

  add(Q.REMOVE_UNLISTED_ITEMS, engagements.map((e) => ({
    id: e.id,
    contributions: (e.contributions ?? []).map((k) => k.id),
    commitments: (e.commitments ?? []).map((m) => m.id),
    outcomes: (e.outcomes ?? []).map((o) => o.id),
  })), heavy);

  add(Q.REPLACE_COMMITMENT_DEPENDENCIES, engagements.flatMap((e) => (e.commitments ?? []).map((m) => ({
    id: m.id, dependsOn: unique(m.dependsOn ?? []),
  }))));
  add(Q.REPLACE_OUTCOME_DEPENDENCIES, engagements.flatMap((e) => (e.outcomes ?? []).map((o) => ({
    id: o.id, dependsOn: unique(o.dependsOn ?? []),
  }))));

  add(REFRESH_SOURCED_AGAINST, unique([
    ...engagements.map((e) => e.customer), ...(input.dealRegistrations ?? []).map((d) => d.customer),
  ]).sort(), heavy);
  return batches;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
