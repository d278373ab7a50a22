/**
 * Registrations through the import (contract: Deal registration, Import): validated
 * whole with the other parts of the input, every problem with its path, written all or
 * nothing, upserted by id, counted.
 */
import { describe, expect, it } from 'vitest';
import { eachTestFrom } from '../../tests/support/graph.ts';
import type { Graph } from '../db/index.ts';
import { findImportProblems, importEcosystem } from '../import/index.ts';
import type { EcosystemInput } from '../model/index.ts';
import { dealRegistrationPage } from './index.ts';

let graph: Graph;

const BASE: EcosystemInput = {
  regions: [{ code: 'R1', name: 'Region' }],
  industries: [{ code: 'I1', name: 'Industry' }],
  capabilities: [{ id: 'genai', name: 'Generative AI' }],
  partners: [{ id: 'p1', name: 'One', type: 'ISV' }, { id: 'p2', name: 'Two', type: 'ISV' }],
  customers: [{ id: 'c1', name: 'Contoso', region: 'R1', industry: 'I1' }],
};

const ids = async () => (await dealRegistrationPage(graph, null, {}, { first: 100 }, '2026-03-15')).edges.map((e) => e.node);

eachTestFrom(BASE, (opened) => { graph = opened; });

describe('dealRegistrations in an import', () => {
  it('are written with their defaults, counted, and upserted by id', async () => {
    const counts = await importEcosystem(graph, {
      capabilities: [{ id: 'sap', name: 'SAP' }],
      dealRegistrations: [
        { id: 'd1', partner: 'p1', customer: 'c1', capability: 'genai', registeredOn: '2026-01-01' },
        // References to what the same input defines; an approval that overlaps d3 is stored (the import reports, dealConflicts shows it).
        { id: 'd2', partner: 'p2', customer: 'c1', capability: 'sap', registeredOn: '2026-02-01', expiresOn: '2026-03-01', status: 'APPROVED', reason: 'ok' },
        { id: 'd3', partner: 'p1', customer: 'c1', capability: 'sap', registeredOn: '2026-02-10', status: 'APPROVED' },
      ],
    }, 60_000);
    expect(counts.dealRegistrations).toBe(3);
    expect((await ids()).map((d) => [d.id, d.partnerId, d.capability.id, d.registeredOn, d.expiresOn, d.status, d.reason])).toEqual([
      ['d1', 'p1', 'genai', '2026-01-01', '2026-04-01', 'PENDING', null],
      ['d2', 'p2', 'sap', '2026-02-01', '2026-03-01', 'APPROVED', 'ok'],
      ['d3', 'p1', 'sap', '2026-02-10', '2026-05-11', 'APPROVED', null],
    ]);
    // The same id again replaces what was stored, relationships included.
    await importEcosystem(graph, { dealRegistrations: [{ id: 'd1', partner: 'p2', customer: 'c1', capability: 'sap', registeredOn: '2026-01-05', status: 'REJECTED', reason: 'late' }] }, 60_000);
    const [d1] = await ids();
    expect(d1).toMatchObject({ id: 'd1', partnerId: 'p2', capability: { id: 'sap' }, registeredOn: '2026-01-05', expiresOn: '2026-04-05', status: 'REJECTED', reason: 'late' });
    const [rels] = await graph.read<{ n: number }>("MATCH (:DealRegistration {id: 'd1'})-[r]->() RETURN count(r) AS n");
    expect(rels!.n).toBe(3);
  });

  it('every problem with its path, together with the rest of the input\'s, and nothing written', async () => {
    const input = {
      partners: [{ id: 'p3', name: '', type: 'ISV' }],
      dealRegistrations: [
        { id: 'd1', partner: 'nobody', customer: 'c9', capability: 'genai', registeredOn: '2026-01-01' },
        { id: 'd1', partner: 'p1', customer: 'c1', capability: 'nothing', registeredOn: '2026-02-30' },
        { id: 'd3', partner: 'p1', customer: 'c1', capability: 'genai', registeredOn: '2026-03-01', expiresOn: '2026-03-01' },
        { id: 'd4', partner: 'p1', customer: 'c1', capability: 'genai', registeredOn: '2026-03-01', status: 'MAYBE' },
        { id: 'd5', partner: 'p1', customer: 'c1', capability: 'genai', registeredOn: '2026-03-01', reason: 'pending but explained' },
        { id: '', partner: 'p1', capability: 'genai', registeredOn: '2026-03-01', extra: 1 },
      ],
    };
    const problems = await graph.readTx((tx) => findImportProblems(tx, input));
    expect(problems).toEqual([
      // Shape first, then the rules, then references against the store.
      { path: 'dealRegistrations[1].registeredOn', message: '"2026-02-30" is not a real date (YYYY-MM-DD)' },
      { path: 'dealRegistrations[3].status', message: '"MAYBE" is not one of PENDING, APPROVED, REJECTED' },
      { path: 'dealRegistrations[5].customer', message: 'is required' },
      { path: 'dealRegistrations[5].extra', message: 'is not a known field' },
      { path: 'partners[0].name', message: 'must not be empty' },
      { path: 'dealRegistrations[1].id', message: 'duplicate deal registration id "d1" (first at dealRegistrations[0].id)' },
      { path: 'dealRegistrations[2].expiresOn', message: 'must be after registeredOn (2026-03-01)' },
      { path: 'dealRegistrations[4].reason', message: 'a PENDING registration has no reason yet: the reason comes with its approval or rejection' },
      { path: 'dealRegistrations[5].id', message: 'must not be empty' },
      { path: 'dealRegistrations[0].partner', message: 'unknown partner "nobody"' },
      { path: 'dealRegistrations[0].customer', message: 'unknown customer "c9"' },
      { path: 'dealRegistrations[1].capability', message: 'unknown capability "nothing"' },
    ]);
    await expect(importEcosystem(graph, input, 60_000)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await ids()).toEqual([]);
  });
});
