/**
 * `npm run templates`: writes seeds/templates/ (the CSV files and templates.xlsx of the
 * contract's spreadsheet layout, each with its header and two example rows) from one
 * small ecosystem, through the export's own writers, so the templates always have the
 * columns the import reads. graph/export/templates.test.ts imports them.
 */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeInputTables } from '../graph/export/index.ts';
import type { EcosystemInput } from '../graph/model/index.ts';

export const TEMPLATE_DIR = resolve(import.meta.dirname, 'templates');

/** Two examples of every table; an engagement's rows name it in their `engagement` column. */
export const TEMPLATE_ECOSYSTEM: EcosystemInput = {
  regions: [{ code: 'DE', name: 'Germany' }, { code: 'FR', name: 'France' }],
  industries: [{ code: 'FSI', name: 'Financial services' }, { code: 'RET', name: 'Retail' }],
  capabilities: [{ id: 'data-platform', name: 'Data platform' }, { id: 'genai', name: 'Generative AI' }],
  partners: [
    { id: 'p-fabrikam', name: 'Fabrikam Software', type: 'ISV', status: 'ACTIVE', tier: 'Gold', regions: ['DE'], industries: ['RET'],
      capabilities: [{ capability: 'data-platform', level: 3, certified: false }] },
    { id: 'p-northwind', name: 'Northwind Consulting', type: 'SYSTEM_INTEGRATOR', status: 'ACTIVE', tier: 'Platinum', regions: ['DE', 'FR'], industries: ['FSI'],
      capabilities: [{ capability: 'genai', level: 4, certified: true }] },
  ],
  customers: [
    { id: 'c-contoso', name: 'Contoso Bank', region: 'DE', industry: 'FSI' },
    { id: 'c-woodgrove', name: 'Woodgrove Stores', region: 'FR', industry: 'RET' },
  ],
  engagements: [
    {
      id: 'e-claims', name: 'Claims copilot', customer: 'c-contoso', status: 'ACTIVE', value: 1200000, currency: 'USD', startDate: '2026-01-10',
      requires: [{ capability: 'data-platform', level: 2 }, { capability: 'genai', level: 3 }],
      participants: [
        { partner: 'p-northwind', role: 'ORCHESTRATOR', from: '2026-01-10' },
        { partner: 'p-fabrikam', role: 'CONTRIBUTOR', from: '2026-02-01', to: '2026-06-30' },
      ],
      contributions: [
        { id: 'k-claims-sourced', partner: 'p-northwind', kind: 'SOURCED', date: '2025-12-01' },
        { id: 'k-claims-data', partner: 'p-fabrikam', kind: 'DELIVERY', date: '2026-03-15', amount: 250000 },
      ],
      commitments: [
        { id: 'm-claims-data', owner: 'p-fabrikam', description: 'Claims data in the lakehouse', status: 'DELIVERED', dueDate: '2026-03-31' },
        { id: 'm-claims-model', owner: 'p-northwind', description: 'Model tuned on claims', status: 'FAILED', dueDate: '2026-05-31', dependsOn: ['m-claims-data'] },
      ],
      outcomes: [
        { id: 'o-claims-faster', description: 'Claims handled 30% faster', status: 'MISSED', dueDate: '2026-06-30', dependsOn: ['m-claims-model'] },
        { id: 'o-claims-data', description: 'Claims data available to analysts', status: 'MET', dueDate: '2026-04-30', dependsOn: ['m-claims-data'] },
      ],
    },
    {
      id: 'e-stores', name: 'Store analytics', customer: 'c-woodgrove', status: 'PLANNED', currency: 'EUR', startDate: '2026-09-01',
      requires: [], participants: [], contributions: [], commitments: [], outcomes: [],
    },
  ],
  dealRegistrations: [
    { id: 'd-contoso-genai', partner: 'p-northwind', customer: 'c-contoso', capability: 'genai', registeredOn: '2025-11-15', expiresOn: '2026-02-13',
      status: 'APPROVED', reason: 'First to register; sourced the claims copilot' },
    { id: 'd-woodgrove-data', partner: 'p-fabrikam', customer: 'c-woodgrove', capability: 'data-platform', registeredOn: '2026-08-01', expiresOn: '2026-10-30',
      status: 'PENDING' },
  ],
};

export async function writeTemplates(dir = TEMPLATE_DIR): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await writeInputTables(TEMPLATE_ECOSYSTEM, dir, join(dir, 'templates.xlsx'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await writeTemplates();
  process.stderr.write(`Wrote the templates to ${TEMPLATE_DIR}\n`);
}
