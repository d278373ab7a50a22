/**
 * A small ecosystem for API tests, small enough to know every answer by heart.
 *
 *   e1 (ACTIVE, c1 in DE/FSI)  p1 ORCHESTRATOR 2026-01-01 → 2026-04-01, then CONTRIBUTOR;
 *                              p2 ORCHESTRATOR from 2026-04-01 (a handover on 2026-04-01)
 *   e2 (PLANNED, c2 in FR/MFG) p2 ORCHESTRATOR from 2026-02-01, p3 CONTRIBUTOR from 2026-02-01
 *   e3 (COMPLETED, c1)         p3 ORCHESTRATOR 2025-01-01 → 2025-12-31
 *   e4 (ACTIVE, c3 in US/FSI)  p4 ORCHESTRATOR from 2026-03-01
 *   p5: no engagement at all (INACTIVE)
 *
 * Scope of a PARTNER token: p1 → e1; p2 → e1, e2; p3 → e2, e3; p4 → e4; p5 → nothing.
 * Commitments: m1 (p1, e1, FAILED) depends on m2 (p2, e1, LATE), which depends on m3
 * (p3, e3, DELIVERED) in another engagement. m4 (p4, e4, PENDING).
 * Outcomes: o1 (e1, MISSED, due 2026-06-30) depends on m1; o2 (e2, PENDING); o3 (e4, MET).
 */
import type { EcosystemInput } from '../../graph/model/index.ts';

export function fixture(): EcosystemInput {
  return {
    regions: [{ code: 'DE', name: 'Germany' }, { code: 'FR', name: 'France' }, { code: 'US', name: 'United States' }],
    industries: [{ code: 'FSI', name: 'Financial services' }, { code: 'MFG', name: 'Manufacturing' }],
    capabilities: [{ id: 'genai', name: 'Generative AI' }, { id: 'data', name: 'Data platform' }, { id: 'sap', name: 'SAP' }],
    partners: [
      { id: 'p1', name: 'Northwind Consulting', type: 'SYSTEM_INTEGRATOR', tier: 'Gold', regions: ['DE', 'FR'], industries: ['FSI'],
        capabilities: [{ capability: 'genai', level: 4, certified: true }, { capability: 'sap', level: 3 }] },
      { id: 'p2', name: 'Lumen Labs', type: 'AI_NATIVE', regions: ['DE'], industries: ['FSI', 'MFG'],
        capabilities: [{ capability: 'genai', level: 5 }] },
      { id: 'p3', name: 'Orbit Managed Services', type: 'MSP', regions: ['FR'], industries: ['MFG'],
        capabilities: [{ capability: 'data', level: 3 }] },
      { id: 'p4', name: 'Atlas Cloud Market', type: 'CLOUD_MARKETPLACE', regions: ['US'], capabilities: [{ capability: 'data', level: 2 }] },
      { id: 'p5', name: 'Quiet Reseller', type: 'RESELLER', status: 'INACTIVE', regions: ['US'] },
    ],
    customers: [
      { id: 'c1', name: 'Contoso Bank', region: 'DE', industry: 'FSI' },
      { id: 'c2', name: 'Fabrikam Works', region: 'FR', industry: 'MFG' },
      { id: 'c3', name: 'Woodgrove Trust', region: 'US', industry: 'FSI' },
    ],
    engagements: [
      {
        id: 'e1', name: 'Claims copilot', customer: 'c1', status: 'ACTIVE', value: 1_000_000, currency: 'USD', startDate: '2026-01-01',
        requires: [{ capability: 'genai', level: 3 }, { capability: 'data', level: 3 }],
        participants: [
          { partner: 'p1', role: 'ORCHESTRATOR', from: '2026-01-01', to: '2026-04-01' },
          { partner: 'p1', role: 'CONTRIBUTOR', from: '2026-04-01' },
          { partner: 'p2', role: 'ORCHESTRATOR', from: '2026-04-01' },
        ],
        contributions: [
          { id: 'k1', partner: 'p1', kind: 'SOURCED', date: '2025-12-01' },
          { id: 'k2', partner: 'p2', kind: 'DELIVERY', date: '2026-02-01', amount: 5000 },
        ],
        commitments: [
          { id: 'm1', owner: 'p1', description: 'Model tuned', status: 'FAILED', dueDate: '2026-05-01', dependsOn: ['m2'] },
          { id: 'm2', owner: 'p2', description: 'Data ready', status: 'LATE', dependsOn: ['m3'] },
        ],
        outcomes: [{ id: 'o1', description: 'Claims handled 30% faster', status: 'MISSED', dueDate: '2026-06-30', dependsOn: ['m1'] }],
      },
      {
        id: 'e2', name: 'Plant analytics', customer: 'c2', status: 'PLANNED', value: 250_000, currency: 'EUR', startDate: '2026-02-01',
        requires: [{ capability: 'data', level: 3 }],
        participants: [
          { partner: 'p2', role: 'ORCHESTRATOR', from: '2026-02-01' },
          { partner: 'p3', role: 'CONTRIBUTOR', from: '2026-02-01' },
        ],
        outcomes: [{ id: 'o2', description: 'Downtime halved', status: 'PENDING', dueDate: '2026-12-31' }],
      },
      {
        id: 'e3', name: 'Lakehouse', customer: 'c1', status: 'COMPLETED', startDate: '2025-01-01', endDate: '2025-12-30',
        participants: [{ partner: 'p3', role: 'ORCHESTRATOR', from: '2025-01-01', to: '2025-12-31' }],
        commitments: [{ id: 'm3', owner: 'p3', description: 'Lakehouse live', status: 'DELIVERED' }],
      },
      {
        id: 'e4', name: 'Marketplace listing', customer: 'c3', status: 'ACTIVE', value: 90_000, currency: 'USD', startDate: '2026-03-01',
        participants: [{ partner: 'p4', role: 'ORCHESTRATOR', from: '2026-03-01' }],
        commitments: [{ id: 'm4', owner: 'p4', description: 'Listing live', status: 'PENDING' }],
        outcomes: [{ id: 'o3', description: 'Listed', status: 'MET', dueDate: '2026-04-01', dependsOn: ['m4'] }],
      },
    ],
  };
}
