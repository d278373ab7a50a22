/**
 * Word lists for the synthetic ecosystem: one vocabulary with the sample ecosystem
 * (seeds/sample/catalog.ts). The sample's regions, industries and capabilities come
 * first, under the sample's own codes and names, so that a generated ecosystem imported
 * on top of the sample neither renames them ("CRM" stays "CRM") nor adds a synonym
 * beside them (GB beside UK, US beside US-E and US-W, contact-centre beside
 * contact-center). The lists go on with more of the same kind, ordered roughly by
 * market size, because the catalog takes a prefix of each list when the ecosystem is small.
 */
import {
  CAPABILITIES as SAMPLE_CAPABILITIES, INDUSTRIES as SAMPLE_INDUSTRIES, REGIONS as SAMPLE_REGIONS,
} from '../sample/catalog.ts';

/** More regions after the sample's; none names a place the sample already covers. */
const MORE_REGIONS: readonly (readonly [code: string, name: string])[] = [
  ['CA', 'Canada'], ['AU', 'Australia'], ['ES', 'Spain'],
  ['IT', 'Italy'], ['CH', 'Switzerland'], ['SE', 'Sweden'], ['KR', 'South Korea'],
  ['MX', 'Mexico'], ['AE', 'United Arab Emirates'], ['PL', 'Poland'], ['IE', 'Ireland'],
  ['BE', 'Belgium'], ['AT', 'Austria'], ['DK', 'Denmark'], ['NO', 'Norway'],
  ['FI', 'Finland'], ['SA', 'Saudi Arabia'], ['ZA', 'South Africa'], ['IL', 'Israel'],
  ['PT', 'Portugal'], ['CZ', 'Czechia'], ['NZ', 'New Zealand'], ['MY', 'Malaysia'],
  ['ID', 'Indonesia'], ['CL', 'Chile'], ['CO', 'Colombia'], ['AR', 'Argentina'],
  ['TR', 'Türkiye'], ['NG', 'Nigeria'], ['KE', 'Kenya'], ['EG', 'Egypt'],
];

export const REGIONS: readonly (readonly [code: string, name: string])[] = [
  ...SAMPLE_REGIONS.map((r) => [r.code, r.name] as const),
  ...MORE_REGIONS,
];

/** Words customers of an industry use in their names, by industry code. */
const CUSTOMER_WORDS: Readonly<Record<string, readonly string[]>> = {
  FSI: ['Bank', 'Capital', 'Payments'], HLS: ['Health', 'Pharma', 'Clinics'], MFG: ['Motors', 'Industries', 'Components'],
  RET: ['Retail', 'Foods', 'Stores'], TEL: ['Telecom', 'Mobile', 'Networks'], PUB: ['Agency', 'Council', 'Authority'],
  ENR: ['Energy', 'Power', 'Utilities'], INS: ['Insurance', 'Assurance', 'Mutual'], TRN: ['Logistics', 'Freight', 'Airlines'],
  MED: ['Media', 'Studios', 'Broadcasting'], EDU: ['University', 'Learning', 'Academy'], AGR: ['Farms', 'Agri', 'Harvest'],
};

/** [code, name, words customers of the industry use in their names]. */
export const INDUSTRIES: readonly (readonly [code: string, name: string, words: readonly string[]])[] = [
  ...SAMPLE_INDUSTRIES,
  { code: 'INS', name: 'Insurance' }, { code: 'TRN', name: 'Transportation and logistics' },
  { code: 'MED', name: 'Media and entertainment' }, { code: 'EDU', name: 'Education' }, { code: 'AGR', name: 'Agriculture' },
].map((i) => [i.code, i.name, CUSTOMER_WORDS[i.code] ?? ['Group']] as const);

/** More capabilities after the sample's; none is a synonym of one the sample has. */
const MORE_CAPABILITIES: readonly (readonly [id: string, name: string])[] = [
  ['kubernetes', 'Kubernetes'], ['identity', 'Identity and access'],
  ['erp', 'ERP implementation'], ['hcm', 'HCM'],
  ['integration', 'Integration and APIs'],
  ['networking', 'Networking'],
  ['salesforce', 'Salesforce'], ['servicenow', 'ServiceNow'], ['mainframe', 'Mainframe modernisation'],
  ['app-modernisation', 'Application modernisation'], ['low-code', 'Low-code'],
  ['rpa', 'Robotic process automation'],
  ['ecommerce', 'E-commerce'], ['payments', 'Payments'], ['supply-chain', 'Supply chain'],
  ['computer-vision', 'Computer vision'],
  ['nlp', 'Natural language processing'], ['search', 'Enterprise search'],
  ['observability', 'Observability'], ['finops', 'FinOps'],
  ['managed-security', 'Managed security'], ['backup', 'Backup and recovery'],
  ['hpc', 'High-performance computing'], ['quantum', 'Quantum readiness'],
  ['blockchain', 'Blockchain'], ['ux-design', 'UX design'], ['mobile', 'Mobile apps'],
  ['testing', 'Test automation'], ['change-management', 'Change management'],
  ['training', 'Training and enablement'], ['licensing', 'Licensing advisory'],
  ['marketplace-listing', 'Marketplace listing'], ['sovereign-cloud', 'Sovereign cloud'],
  ['compliance', 'Regulatory compliance'], ['esg', 'ESG reporting'], ['gis', 'Geospatial'],
  ['ar-vr', 'AR and VR'], ['robotics', 'Robotics'], ['streaming', 'Event streaming'],
  ['data-science', 'Data science'], ['vector-db', 'Vector databases'],
  ['privacy', 'Privacy engineering'], ['sre', 'Site reliability'],
];

export const CAPABILITIES: readonly (readonly [id: string, name: string])[] = [
  ...SAMPLE_CAPABILITIES.map((c) => [c.id, c.name] as const),
  ...MORE_CAPABILITIES,
];

export const PARTNER_NAME_HEADS = [
  'North', 'Blue', 'Iron', 'Silver', 'Red', 'Bright', 'Clear', 'Swift', 'Stone', 'Green',
  'High', 'Deep', 'True', 'Bold', 'Cedar', 'Oak', 'Maple', 'Pine', 'Harbor', 'River',
  'Summit', 'Key', 'Star', 'Sun', 'Moon', 'Cloud', 'Frost', 'Gold', 'Copper', 'Amber',
  'Falcon', 'Eagle', 'Fox', 'Wolf', 'Bear', 'Lake', 'Ocean', 'Prairie', 'Granite', 'Crystal',
] as const;
export const PARTNER_NAME_TAILS = [
  'wind', 'peak', 'bridge', 'line', 'field', 'gate', 'point', 'stone', 'wave', 'light',
  'path', 'forge', 'works', 'vale', 'crest', 'port', 'brook', 'ridge', 'wood', 'spring',
  'haven', 'mark', 'shore', 'view', 'rock',
] as const;
export const PARTNER_NAME_SUFFIXES = [
  'Consulting', 'Systems', 'Digital', 'Labs', 'Partners', 'Solutions', 'Networks', 'Cloud',
  'Analytics', 'Group', 'Technologies', 'Advisory', 'Services', 'AI', 'Software', 'Data',
] as const;

export const CUSTOMER_SYLLABLES = [
  'al', 'bel', 'cor', 'dan', 'el', 'fen', 'gar', 'hal', 'ix', 'jor',
  'kel', 'lum', 'mar', 'nor', 'or', 'pen', 'quin', 'ros', 'sel', 'tor',
] as const;

export const ENGAGEMENT_THEMES = [
  'Claims', 'Supply chain', 'Customer service', 'Fraud detection', 'Billing', 'Data platform',
  'Contact centre', 'Field service', 'Onboarding', 'Risk', 'Pricing', 'Forecasting',
  'Procurement', 'Marketing', 'Inventory', 'HR', 'Finance close', 'Patient intake',
  'Network', 'Security operations', 'Compliance', 'Maintenance', 'Sales', 'Logistics',
  'Document processing', 'Knowledge base', 'Payments', 'Quality control', 'Energy trading',
  'Student services',
] as const;
export const ENGAGEMENT_KINDS = [
  'copilot', 'migration', 'modernisation', 'rollout', 'analytics', 'automation',
  'integration', 'pilot', 'assessment', 'platform', 'upgrade', 'managed service',
  'transformation', 'optimisation', 'consolidation', 'agent',
] as const;

export const COMMITMENT_DESCRIPTIONS = [
  'Architecture signed off', 'Model tuned', 'Data pipeline live', 'Security review passed',
  'Pilot users onboarded', 'Integration tested', 'Landing zone ready', 'Licences provisioned',
  'Runbook handed over', 'Training delivered', 'Data migrated', 'Performance test passed',
  'Go-live support staffed', 'Compliance evidence filed', 'APIs published', 'Dashboards delivered',
  'Marketplace listing approved', 'Network capacity added', 'Change plan agreed',
  'Backlog prioritised', 'Test environment provisioned', 'Support contract signed',
  'Cutover rehearsed', 'Legacy system retired',
] as const;

export const OUTCOME_METRICS = [
  'Handling time down', 'Cost to serve down', 'Conversion up', 'Churn down', 'Uptime up',
  'Fraud losses down', 'Forecast error down', 'Cycle time down', 'Self-service rate up',
  'Customer satisfaction up', 'Backlog down', 'Revenue per user up', 'Energy use down',
  'First-time fix rate up', 'Onboarding time down',
] as const;

export const CURRENCIES: readonly (readonly [string, number])[] = [
  ['USD', 55], ['EUR', 25], ['GBP', 10], ['JPY', 4], ['AUD', 3], ['CAD', 3],
];
