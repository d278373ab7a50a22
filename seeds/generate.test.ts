import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PARTNER_TYPES } from '../graph/model/index.ts';
import { importEcosystem, findImportProblems } from '../graph/import/index.ts';
import { openTestGraph, wipe } from '../tests/support/graph.ts';
import { generateEcosystem, writeEcosystem } from './generate.ts';
import { AS_OF_DAY, dayOf, isoDate } from './generator/dates.ts';
import { CAPABILITIES, INDUSTRIES, REGIONS } from './generator/vocabulary.ts';
import * as sample from './sample/catalog.ts';

const SIZE = { partners: 500, engagements: 3000, seed: 42 };
const SAMPLE_FILE = fileURLToPath(new URL('./sample-ecosystem.json', import.meta.url));
const eco = generateEcosystem(SIZE);
const partners = eco.partners ?? [];
const engagements = eco.engagements ?? [];
const registrations = eco.dealRegistrations ?? [];

/** A sink that takes chunks slowly and records how much was ever buffered. */
class SlowSink extends Writable {
  text = '';
  maxBuffered = 0;
  drains = 0;
  constructor() {
    super({ highWaterMark: 1024, decodeStrings: false });
    this.on('drain', () => { this.drains++; });
  }
  override _write(chunk: string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.maxBuffered = Math.max(this.maxBuffered, this.writableLength);
    this.text += chunk;
    setImmediate(done);
  }
}

describe('generateEcosystem', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const small = { partners: 120, engagements: 400, seed: 7 };
    expect(JSON.stringify(generateEcosystem(small))).toBe(JSON.stringify(generateEcosystem(small)));
    expect(JSON.stringify(generateEcosystem({ ...small, seed: 8 }))).not.toBe(JSON.stringify(generateEcosystem(small)));
  });

  it('produces the counts asked for and a catalog scaled to the size', () => {
    expect(partners).toHaveLength(500);
    expect(engagements).toHaveLength(3000);
    expect(eco.customers).toHaveLength(300);
    expect(eco.regions?.length).toBeGreaterThanOrEqual(20);
    expect(eco.regions?.length).toBeLessThanOrEqual(40);
    expect(eco.industries?.length).toBeGreaterThanOrEqual(8);
    expect(eco.industries?.length).toBeLessThanOrEqual(12);
    expect(eco.capabilities?.length).toBeGreaterThanOrEqual(30);
    expect(eco.capabilities?.length).toBeLessThanOrEqual(60);
    expect(generateEcosystem({ partners: 3, engagements: 4, seed: 1 }).customers).toHaveLength(1);
    const big = generateEcosystem({ partners: 50_000, engagements: 0, seed: 1 });
    expect(big.regions?.length).toBeGreaterThan(eco.regions?.length ?? 0);
    expect(big.capabilities?.length).toBeGreaterThan(eco.capabilities?.length ?? 0);
    expect(big.capabilities?.length).toBeLessThanOrEqual(60);
  });

  it('pads ids to the width the size needs', () => {
    expect(partners[0]?.id).toBe('p001');
    expect(partners[499]?.id).toBe('p500');
    expect(engagements[0]?.id).toBe('e0001');
    expect(eco.customers?.[0]?.id).toBe('c001');
    expect(engagements.flatMap((e) => e.commitments ?? [])[0]?.id).toMatch(/^m\d{5}$/);
    expect(engagements.flatMap((e) => e.outcomes ?? [])[0]?.id).toMatch(/^o\d{4}$/);
    expect(engagements.flatMap((e) => e.contributions ?? [])[0]?.id).toMatch(/^k\d{5}$/);
  });

  it('concentrates engagements on few partners and leaves a long tail idle', () => {
    const load = new Map(partners.map((p) => [p.id, 0]));
    for (const e of engagements) {
      for (const id of new Set((e.participants ?? []).map((p) => p.partner))) load.set(id, (load.get(id) ?? 0) + 1);
    }
    const counts = [...load.values()].sort((a, b) => b - a);
    const total = counts.reduce((a, b) => a + b, 0);
    const top = counts.slice(0, counts.length / 10).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.5);
    expect(counts.filter((c) => c === 0).length / counts.length).toBeGreaterThan(0.25);
    // ...while no single partner sits in most engagements.
    expect((counts[0] ?? 0) / engagements.length).toBeLessThan(0.5);
  });

  it('covers the vocabulary: all partner types, a few INACTIVE, every status', () => {
    expect(new Set(partners.map((p) => p.type))).toEqual(new Set(PARTNER_TYPES));
    const inactive = partners.filter((p) => p.status === 'INACTIVE').length / partners.length;
    expect(inactive).toBeGreaterThan(0.01);
    expect(inactive).toBeLessThan(0.1);
    for (const p of partners) {
      expect(p.regions?.length).toBeGreaterThanOrEqual(1);
      expect(p.regions?.length).toBeLessThanOrEqual(3);
      expect(p.industries?.length).toBeGreaterThanOrEqual(1);
      expect(p.industries?.length).toBeLessThanOrEqual(3);
      expect(p.capabilities?.length).toBeGreaterThanOrEqual(1);
      expect(p.capabilities?.length).toBeLessThanOrEqual(6);
    }
    expect(new Set(engagements.map((e) => e.status)).size).toBe(5);
    const commitments = engagements.flatMap((e) => e.commitments ?? []);
    expect(new Set(commitments.map((m) => m.status))).toEqual(new Set(['PENDING', 'IN_PROGRESS', 'DELIVERED', 'LATE', 'FAILED']));
    const outcomes = engagements.flatMap((e) => e.outcomes ?? []);
    expect(new Set(outcomes.map((o) => o.status))).toEqual(new Set(['PENDING', 'MET', 'PARTIALLY_MET', 'MISSED']));
    expect(engagements.some((e) => e.value === null)).toBe(true);
    for (const e of engagements) {
      expect(new Set(e.participants?.map((p) => p.partner)).size).toBeLessThanOrEqual(5);
      expect(e.requires?.length).toBeGreaterThanOrEqual(1);
      expect(e.requires?.length).toBeLessThanOrEqual(3);
    }
  });

  it('has handovers and a few dependencies across engagements', () => {
    const handovers = engagements.filter((e) => {
      const orchestrators = (e.participants ?? []).filter((p) => p.role === 'ORCHESTRATOR');
      const [first, second] = orchestrators;
      return orchestrators.length === 2 && first?.to === second?.from &&
        (e.participants ?? []).some((p) => p.partner === first?.partner && p.role === 'CONTRIBUTOR' && p.from === first?.to);
    });
    expect(handovers.length).toBeGreaterThan(engagements.length * 0.03);
    const engagementOf = new Map(engagements.flatMap((e) => (e.commitments ?? []).map((m) => [m.id, e.id])));
    const deps = engagements.flatMap((e) => (e.commitments ?? []).flatMap((m) => (m.dependsOn ?? []).map((d) => [e.id, d] as const)));
    const cross = deps.filter(([e, d]) => engagementOf.get(d) !== e).length;
    expect(cross).toBeGreaterThan(0);
    expect(cross / deps.length).toBeLessThan(0.3);
  });

  it('satisfies every import rule: the real validator on the real database finds nothing', async () => {
    const graph = await openTestGraph();
    try {
      await wipe(graph);
      expect(await graph.readTx((tx) => findImportProblems(tx, eco))).toEqual([]);
      // Tiny and odd sizes must hold the rules too.
      for (const size of [{ partners: 1, engagements: 50 }, { partners: 2, engagements: 0 }, { partners: 7, engagements: 300 }]) {
        expect(await graph.readTx((tx) => findImportProblems(tx, generateEcosystem({ ...size, seed: 3 })))).toEqual([]);
      }
      const small = generateEcosystem({ partners: 60, engagements: 400, seed: 8 });
      const counts = await importEcosystem(graph, small, 120_000); // 400 engagements: as the imports below, no 30 s budget on a busy machine
      expect(counts.engagements).toBe(400);
    } finally {
      await graph.close();
    }
    // Validating 3,000 engagements and 4,000 registrations, then an import: minutes on a busy machine.
  }, 300_000);
});

describe('deal registrations', () => {
  /** The window's end as the import stores it: registeredOn + 90 days when left out. */
  const expiresDay = (r: (typeof registrations)[number]) => (r.expiresOn ? dayOf(r.expiresOn) : dayOf(r.registeredOn) + 90);
  const overlap = (a: (typeof registrations)[number], b: (typeof registrations)[number]) =>
    dayOf(a.registeredOn) < expiresDay(b) && dayOf(b.registeredOn) < expiresDay(a);
  const byCell = new Map<string, typeof registrations>();
  for (const r of registrations) byCell.set(`${r.customer}|${r.capability}`, [...(byCell.get(`${r.customer}|${r.capability}`) ?? []), r]);

  it('are one or two per engagement, by a partner of the team, for its customer and a capability it requires', () => {
    expect(registrations.length).toBeGreaterThan(engagements.length * 1.2);
    expect(registrations.length).toBeLessThan(engagements.length * 1.6);
    expect(registrations[0]?.id).toBe('d0001');
    expect(new Set(registrations.map((r) => r.id)).size).toBe(registrations.length);
    const claims = new Set(engagements.flatMap((e) => (e.participants ?? []).flatMap((p) =>
      (e.requires ?? []).map((q) => `${p.partner}|${e.customer}|${q.capability}`))));
    for (const r of registrations) expect(claims.has(`${r.partner}|${r.customer}|${r.capability}`)).toBe(true);
    for (const r of registrations) expect(expiresDay(r)).toBeGreaterThan(dayOf(r.registeredOn));
    // Some take the contract's default window (no expiresOn), some state one.
    expect(registrations.some((r) => r.expiresOn === undefined)).toBe(true);
    expect(registrations.some((r) => r.expiresOn !== undefined)).toBe(true);
  });

  it('are mostly APPROVED with a reason, some PENDING (no reason) or REJECTED (a reason), and many expired', () => {
    const count = (status: string) => registrations.filter((r) => r.status === status).length;
    expect(count('APPROVED') / registrations.length).toBeGreaterThan(0.5);
    expect(count('PENDING') / registrations.length).toBeGreaterThan(0.1);
    expect(count('REJECTED') / registrations.length).toBeGreaterThan(0.1);
    for (const r of registrations) expect(r.status === 'PENDING' ? r.reason == null : typeof r.reason === 'string').toBe(true);
    const expired = registrations.filter((r) => expiresDay(r) <= AS_OF_DAY).length;
    expect(expired / registrations.length).toBeGreaterThan(0.5);
    expect(registrations.some((r) => r.status !== 'REJECTED' && dayOf(r.registeredOn) <= AS_OF_DAY && AS_OF_DAY < expiresDay(r))).toBe(true);
  });

  it("never approves two partners' overlapping windows for one customer and capability (the server's CONFLICT rule)", () => {
    for (const cell of byCell.values()) {
      for (const a of cell) {
        for (const b of cell) {
          if (a.id < b.id && a.partner !== b.partner && a.status === 'APPROVED' && b.status === 'APPROVED') expect(overlap(a, b)).toBe(false);
        }
      }
    }
  });

  it('conflict both ways: overlapping registrations of two partners, and SOURCED touches inside another partner\'s approved window', () => {
    const overlapping = [...byCell.values()].flatMap((cell) => cell.flatMap((a) => cell.filter((b) =>
      a.id < b.id && a.partner !== b.partner && a.status !== 'REJECTED' && b.status !== 'REJECTED' && overlap(a, b))));
    expect(overlapping.length).toBeGreaterThan(engagements.length * 0.05);
    const against = engagements.flatMap((e) => (e.contributions ?? []).filter((k) => k.kind === 'SOURCED').filter((k) =>
      (e.requires ?? []).some((q) => (byCell.get(`${e.customer}|${q.capability}`) ?? []).some((r) =>
        r.status === 'APPROVED' && r.partner !== k.partner && dayOf(r.registeredOn) <= dayOf(k.date) && dayOf(k.date) < expiresDay(r)))));
    expect(against.length).toBeGreaterThan(engagements.length * 0.03);
    expect(isoDate(AS_OF_DAY)).toBe('2026-07-01');
  });

  it('leave the rest of the file as it was before registrations were added (their own stream, drawn last)', () => {
    const { dealRegistrations, ...rest } = generateEcosystem({ partners: 40, engagements: 120, seed: 9 });
    expect(dealRegistrations).toHaveLength(156);
    // The SHA-256 of the same options' whole output before deal registrations existed.
    expect(createHash('sha256').update(JSON.stringify(rest)).digest('hex')).toBe('695df137e790c082ae647af67e276c0901be434d0391fcdff8de581275138818');
  });
});

describe('one vocabulary with the sample', () => {
  it("starts from the sample's regions, industries and capabilities, with the sample's names, and repeats none", () => {
    for (const [list, mine] of [[sample.REGIONS.map((r) => [r.code, r.name]), REGIONS], [sample.INDUSTRIES.map((i) => [i.code, i.name]), INDUSTRIES],
      [sample.CAPABILITIES.map((c) => [c.id, c.name]), CAPABILITIES]] as const) {
      expect(mine.slice(0, list.length).map(([code, name]) => [code, name])).toEqual(list);
      expect(new Set(mine.map(([code]) => code)).size).toBe(mine.length);
      expect(new Set(mine.map(([, name]) => name.toLowerCase())).size).toBe(mine.length);
    }
    // The synonyms a new user met: GB beside UK, US beside US-E/US-W, contact-centre beside contact-center.
    expect(REGIONS.map(([code]) => code)).not.toContain('GB');
    expect(REGIONS.map(([code]) => code)).not.toContain('US');
    expect(CAPABILITIES.map(([id]) => id)).not.toContain('contact-centre');
  });

  it('imported on top of the sample, renames none of its words and adds no synonym of them', async () => {
    const graph = await openTestGraph();
    try {
      await wipe(graph);
      const ecosystem = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8'));
      await importEcosystem(graph, ecosystem, 120_000);
      await importEcosystem(graph, generateEcosystem({ partners: 60, engagements: 300, seed: 5 }), 120_000);
      const names = await graph.read<{ key: string; name: string }>(
        'MATCH (n) WHERE n:Region OR n:Industry OR n:Capability RETURN coalesce(n.code, n.id) AS key, n.name AS name');
      const byKey = new Map(names.map((n) => [n.key, n.name]));
      for (const r of sample.REGIONS) expect(byKey.get(r.code)).toBe(r.name);
      for (const c of sample.CAPABILITIES) expect(byKey.get(c.id)).toBe(c.name);
      expect(byKey.has('GB') || byKey.has('US') || byKey.has('contact-centre')).toBe(false);
    } finally {
      await graph.close();
    }
  }, 300_000);
});

describe('writeEcosystem', () => {
  it('streams, with backpressure, exactly the ecosystem generateEcosystem returns', async () => {
    const options = { partners: 200, engagements: 1500, seed: 11 };
    const sink = new SlowSink();
    await writeEcosystem(options, sink);
    expect(JSON.parse(sink.text)).toEqual(generateEcosystem(options));
    expect(sink.drains).toBeGreaterThan(0);
    // Never more than about one 64 KiB chunk waiting: the writer waited for 'drain'.
    expect(sink.maxBuffered).toBeLessThan(200 * 1024);
    expect(sink.text.length).toBeGreaterThan(1024 * 1024);
  });

  it('runs as a CLI and writes the same JSON to stdout', async () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const { stdout } = await promisify(execFile)(
      'node_modules/.bin/tsx', ['seeds/generate.ts', '--partners', '40', '--engagements', '120', '--seed', '9'],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
    );
    expect(JSON.parse(stdout)).toEqual(generateEcosystem({ partners: 40, engagements: 120, seed: 9 }));
  });
});
