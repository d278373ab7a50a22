/**
 * Writes the whole ecosystem as one `EcosystemInput` JSON document (contract: Import),
 * the format `npm run import` reads back: exporting, importing into an empty database and
 * exporting again gives the same bytes. Streamed: one page of rows is held at a time.
 *
 * Consistency: Neo4j reads are read-committed, so a page read after a write sees it and
 * one read before does not. Every write changes the graph version in its own
 * transaction (graph/db/version.ts), so an export whose version is the same before and
 * after saw one state of the graph; otherwise the caller discards it and tries again.
 */
import { graphVersion, type Graph } from '../db/index.ts';
import type {
  CapabilityInput, CustomerInput, DealRegistrationInput, EngagementInput, IndustryInput, PartnerInput, RegionInput,
} from '../model/index.ts';
import * as Q from './export.queries.ts';

/** Rows per page: large enough to keep round trips few, small enough to stream. */
export const EXPORT_PAGE_SIZE = 1000;

export interface ExportCounts {
  regions: number; industries: number; capabilities: number; partners: number; customers: number; engagements: number;
  dealRegistrations: number;
}

export interface JsonExport {
  counts: ExportCounts;
  /** False when a write landed during the export: the document mixes two states. */
  consistent: boolean;
}

export interface ExportJsonOptions {
  pageSize?: number;
  /** Called after each page is written (tests use it to land a write mid-export). */
  afterPage?: (section: keyof ExportCounts) => Promise<void>;
}

type Write = (chunk: string) => Promise<void>;

/** What an export format does with the items, section by section, in order. */
export interface EcosystemVisitor {
  start(section: keyof ExportCounts): Promise<void>;
  /** One item in the import's shape; `index` counts from 0 within its section. */
  item(section: keyof ExportCounts, item: object, index: number): Promise<void>;
  end(section: keyof ExportCounts, count: number): Promise<void>;
}

/** Writes the document through `write`, one top-level list element per call at most. */
export async function writeEcosystemJson(graph: Graph, write: Write, options: ExportJsonOptions = {}): Promise<JsonExport> {
  let first = true;
  const result = await walkEcosystem(graph, {
    start: async (name) => {
      await write(`${first ? '{' : ','}\n  ${JSON.stringify(name)}: [`);
      first = false;
    },
    item: (_, item, index) => write(`${index === 0 ? '' : ','}\n    ${JSON.stringify(item)}`),
    end: (_, count) => write(count === 0 ? ']' : '\n  ]'),
  }, options);
  await write('\n}\n');
  return result;
}

/**
 * Reads the whole ecosystem page by page in id order and hands each item, in the
 * import's shape, to `visitor`; `consistent` is false when a write landed meanwhile.
 */
export async function walkEcosystem(graph: Graph, visitor: EcosystemVisitor, options: ExportJsonOptions = {}): Promise<JsonExport> {
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const before = await graphVersion(graph);
  const counts: ExportCounts = { regions: 0, industries: 0, capabilities: 0, partners: 0, customers: 0, engagements: 0, dealRegistrations: 0 };
  const section = async <Row, Out extends object>(name: keyof ExportCounts, pages: (after: string | null) => Promise<Row[]>, keyOf: (row: Row) => string, shape: (row: Row) => Out, paged: boolean) => {
    await visitor.start(name);
    let after: string | null = null;
    for (;;) {
      const rows = await pages(after);
      for (const row of rows) {
        await visitor.item(name, shape(row), counts[name]);
        counts[name] += 1;
      }
      await options.afterPage?.(name);
      if (!paged || rows.length < pageSize) break;
      after = keyOf(rows.at(-1)!);
    }
    await visitor.end(name, counts[name]);
  };
  const page = <Row>(cypher: string) => (after: string | null) => graph.read<Row>(cypher, { after, limit: pageSize });

  await section('regions', page<Q.NamedRow>(Q.EXPORT_REGIONS), (r) => r.code, (r): RegionInput => ({ code: r.code, name: r.name }), false);
  await section('industries', page<Q.NamedRow>(Q.EXPORT_INDUSTRIES), (r) => r.code, (r): IndustryInput => ({ code: r.code, name: r.name }), false);
  await section('capabilities', page<Q.CapabilityRow>(Q.EXPORT_CAPABILITIES), (r) => r.id, (r): CapabilityInput => ({ id: r.id, name: r.name }), false);
  await section('partners', page<Q.PartnerExportRow>(Q.EXPORT_PARTNER_PAGE), (r) => r.id, partnerInput, true);
  await section('customers', page<Q.CustomerExportRow>(Q.EXPORT_CUSTOMER_PAGE), (r) => r.id, (r) => ({ id: r.id, name: r.name, region: r.region, industry: r.industry }) as CustomerInput, true);
  await section('engagements', page<Q.EngagementExportRow>(Q.EXPORT_ENGAGEMENT_PAGE), (r) => r.id, engagementInput, true);
  await section('dealRegistrations', page<Q.DealRegistrationExportRow>(Q.EXPORT_DEAL_REGISTRATION_PAGE), (r) => r.id, dealRegistrationInput, true);
  return { counts, consistent: (await graphVersion(graph)) === before };
}

/** Keys in the contract's order; a field that is not stored is left out, as an import file would. */
function partnerInput(r: Q.PartnerExportRow): PartnerInput {
  return withoutNulls({
    id: r.id, name: r.name, type: r.type, status: r.status, tier: r.tier, regions: r.regions, industries: r.industries,
    capabilities: r.capabilities.map((h) => withoutNulls({ capability: h.capability, level: h.level, certified: h.certified })),
  }) as unknown as PartnerInput;
}

function engagementInput(r: Q.EngagementExportRow): EngagementInput {
  return withoutNulls({
    id: r.id, name: r.name, customer: r.customer, status: r.status, value: r.value, currency: r.currency,
    startDate: r.startDate, endDate: r.endDate,
    requires: r.requires,
    participants: r.participants.map((p) => withoutNulls({ partner: p.partner, role: p.role, from: p.from, to: p.to })),
    contributions: r.contributions.map((k) => withoutNulls({ id: k.id, partner: k.partner, kind: k.kind, date: k.date, amount: k.amount })),
    commitments: r.commitments.map((m) => withoutNulls({
      id: m.id, owner: m.owner, description: m.description, status: m.status, dueDate: m.dueDate, dependsOn: m.dependsOn,
    })),
    outcomes: r.outcomes.map((o) => ({ id: o.id, description: o.description, status: o.status, dueDate: o.dueDate, dependsOn: o.dependsOn })),
  }) as unknown as EngagementInput;
}

/** The window's end and the status written out, so the file says what is stored, not what defaults would make. */
function dealRegistrationInput(r: Q.DealRegistrationExportRow): DealRegistrationInput {
  return withoutNulls({
    id: r.id, partner: r.partner, customer: r.customer, capability: r.capability,
    registeredOn: r.registeredOn, expiresOn: r.expiresOn, status: r.status, reason: r.reason,
  }) as unknown as DealRegistrationInput;
}

function withoutNulls<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}
