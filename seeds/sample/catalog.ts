/**
 * The hand-curated reference data of the sample: regions, industries, capabilities,
 * partners and customers. Every name is invented.
 *
 * Partner capabilities are chosen on purpose, because coverage is computed from them:
 * - (DE, sap): only Brightwater and Kranich hold sap >= 3 in DE (Kestrel and Pinecrest
 *   hold level 2, Altmark holds 5 but is INACTIVE), so the German ERP wave is THIN.
 * - (JP, agentic-ai) and (SG, agentic-ai): Hoshimi AI is the only supplier (SINGLE_POINT),
 *   and (JP, ml-ops) has exactly two (Hoshimi, Amagumo): Hoshimi is the exit story.
 * - (BR, digital-twin): nobody qualifies in Brazil (Vereda holds level 2): UNCOVERED.
 */
import type { CapabilityHoldingInput, CapabilityInput, CustomerInput, IndustryInput, PartnerInput, PartnerStatus, PartnerType, RegionInput } from '../../graph/model/index.ts';

export const REGIONS: RegionInput[] = [
  { code: 'DE', name: 'Germany' },
  { code: 'FR', name: 'France' },
  { code: 'UK', name: 'United Kingdom' },
  { code: 'NL', name: 'Netherlands' },
  { code: 'US-E', name: 'United States East' },
  { code: 'US-W', name: 'United States West' },
  { code: 'BR', name: 'Brazil' },
  { code: 'IN', name: 'India' },
  { code: 'JP', name: 'Japan' },
  { code: 'SG', name: 'Singapore' },
];

export const INDUSTRIES: IndustryInput[] = [
  { code: 'FSI', name: 'Financial services' },
  { code: 'HLS', name: 'Healthcare and life sciences' },
  { code: 'MFG', name: 'Manufacturing' },
  { code: 'RET', name: 'Retail' },
  { code: 'PUB', name: 'Public sector' },
  { code: 'ENR', name: 'Energy and utilities' },
  { code: 'TEL', name: 'Telecommunications' },
];

export const CAPABILITIES: CapabilityInput[] = [
  { id: 'genai', name: 'Generative AI' },
  { id: 'agentic-ai', name: 'Agentic AI and automation' },
  { id: 'ml-ops', name: 'MLOps' },
  { id: 'data-platform', name: 'Data platform' },
  { id: 'analytics', name: 'Analytics and BI' },
  { id: 'data-governance', name: 'Data governance' },
  { id: 'cloud-migration', name: 'Cloud migration' },
  { id: 'managed-cloud', name: 'Managed cloud operations' },
  { id: 'devops', name: 'DevOps and platform engineering' },
  { id: 'security', name: 'Security' },
  { id: 'sap', name: 'SAP' },
  { id: 'crm', name: 'CRM' },
  { id: 'itsm', name: 'IT service management' },
  { id: 'contact-center', name: 'Contact center' },
  { id: 'iot', name: 'Internet of things' },
  { id: 'edge', name: 'Edge computing' },
  { id: 'network-5g', name: '5G and private networks' },
  { id: 'digital-twin', name: 'Digital twin' },
];

/** 'genai:5* sap:2' -> holdings; a trailing * marks a certified holding. */
function holdings(spec: string): CapabilityHoldingInput[] {
  return spec.split(/\s+/).filter(Boolean).map((item) => {
    const [capability, rest] = item.split(':') as [string, string];
    return { capability, level: Number.parseInt(rest, 10), certified: rest.endsWith('*') };
  });
}

function partner(
  id: string, name: string, type: PartnerType, tier: string | null, status: PartnerStatus,
  regions: string, industries: string, capabilities: string,
): PartnerInput {
  return {
    id, name, type, status, tier,
    regions: regions.split(' '), industries: industries.split(' '), capabilities: holdings(capabilities),
  };
}

const ALL_REGIONS = REGIONS.map((r) => r.code).join(' ');
const ALL_INDUSTRIES = INDUSTRIES.map((i) => i.code).join(' ');

export const PARTNERS: PartnerInput[] = [
  // System integrators: the usual orchestrators of large programmes.
  partner('p-brightwater', 'Brightwater Systems', 'SYSTEM_INTEGRATOR', 'Platinum', 'ACTIVE',
    'DE FR UK NL US-E', 'FSI MFG PUB ENR RET',
    'sap:4* cloud-migration:5* data-platform:4 security:3 devops:4 analytics:3 genai:3 crm:3'),
  partner('p-stonebridge', 'Stonebridge Global Services', 'SYSTEM_INTEGRATOR', 'Platinum', 'ACTIVE',
    'US-E US-W UK IN SG BR', 'FSI HLS RET TEL',
    'cloud-migration:5* crm:4* data-platform:4 genai:3 itsm:4 contact-center:3 security:3 devops:3 analytics:4'),
  partner('p-kestrel', 'Kestrel & Vane Integration', 'SYSTEM_INTEGRATOR', 'Gold', 'ACTIVE',
    'FR DE NL', 'MFG ENR RET PUB',
    'iot:4* edge:3 digital-twin:3 sap:2 data-platform:3 cloud-migration:3'),
  partner('p-amagumo', 'Amagumo Systems', 'SYSTEM_INTEGRATOR', 'Gold', 'ACTIVE',
    'JP SG', 'MFG FSI TEL RET',
    'cloud-migration:4 genai:3 iot:3 sap:3 managed-cloud:3 ml-ops:3 crm:3'),
  partner('p-coralbay', 'Coralbay Technologies', 'SYSTEM_INTEGRATOR', 'Gold', 'ACTIVE',
    'IN SG US-E UK', 'FSI HLS TEL RET',
    'cloud-migration:4 devops:4 data-platform:3 itsm:3 crm:3 analytics:3 ml-ops:3 sap:3'),
  partner('p-vereda', 'Vereda Digital', 'SYSTEM_INTEGRATOR', 'Silver', 'ACTIVE',
    'BR US-E', 'RET FSI ENR MFG',
    'crm:3 cloud-migration:3 analytics:3 iot:2 digital-twin:2 sap:3'),

  // ISVs: bring the technology, rarely lead.
  partner('p-tessellate', 'Tessellate Data', 'ISV', 'Gold', 'ACTIVE',
    'US-E US-W UK DE FR NL SG JP', 'FSI HLS RET MFG',
    'data-platform:5* data-governance:4* analytics:4'),
  partner('p-vaultline', 'Vaultline Security', 'ISV', 'Platinum', 'ACTIVE',
    ALL_REGIONS, 'FSI PUB HLS TEL ENR',
    'security:5* data-governance:3'),
  partner('p-gridsense', 'Gridsense Analytics', 'ISV', 'Silver', 'ACTIVE',
    'UK DE NL US-W', 'ENR MFG PUB',
    'iot:4 digital-twin:4* analytics:3 edge:3'),
  partner('p-helixa', 'Helixa Health Cloud', 'ISV', 'Gold', 'ACTIVE',
    'US-E US-W UK FR', 'HLS',
    'data-platform:3 genai:3 crm:3 data-governance:4*'),
  partner('p-quorum', 'Quorum CX', 'ISV', 'Silver', 'ACTIVE',
    'US-E US-W UK BR IN', 'RET TEL FSI',
    'contact-center:5* crm:4 genai:3'),

  // Managed service providers: run what others build.
  partner('p-harborline', 'Harborline Managed Services', 'MSP', 'Gold', 'ACTIVE',
    'UK NL DE US-E', 'FSI RET PUB HLS',
    'managed-cloud:5* security:3 itsm:4 devops:3 cloud-migration:3'),
  partner('p-nimbus', 'Nimbus Ridge Operations', 'MSP', 'Silver', 'ACTIVE',
    'US-E US-W BR', 'RET MFG HLS',
    'managed-cloud:4 itsm:3 edge:3 network-5g:2'),
  partner('p-lotusgate', 'Lotus Gate Managed IT', 'MSP', 'Gold', 'ACTIVE',
    'IN SG JP', 'FSI TEL PUB',
    'managed-cloud:4* itsm:4 security:3 cloud-migration:3'),
  // Left the programme in mid-2025: only appears in engagements that ended before.
  partner('p-altmark', 'Altmark ERP Services', 'MSP', null, 'INACTIVE',
    'DE NL', 'MFG RET',
    'sap:5* managed-cloud:3'),

  // Resellers.
  partner('p-pinecrest', 'Pinecrest Distribution', 'RESELLER', 'Silver', 'ACTIVE',
    'DE FR NL UK', 'MFG RET',
    'sap:2 security:2 managed-cloud:2'),
  partner('p-solano', 'Solano Licensing', 'RESELLER', 'Registered', 'ACTIVE',
    'US-E US-W BR', 'RET FSI',
    'crm:2 contact-center:2'),
  partner('p-meiko', 'Meiko Trading Systems', 'RESELLER', null, 'INACTIVE',
    'JP SG', 'MFG',
    'security:2 iot:2'),

  // Referral and influencer partners: open doors, deliver nothing.
  partner('p-oakhurst', 'Oakhurst Advisory Network', 'REFERRAL', 'Registered', 'ACTIVE',
    'UK US-E', 'FSI HLS', 'analytics:1'),
  partner('p-bandeirante', 'Bandeirante Connect', 'REFERRAL', null, 'ACTIVE',
    'BR', 'RET ENR', 'crm:1'),
  partner('p-saffron', 'Saffron Circle Referrals', 'REFERRAL', 'Registered', 'ACTIVE',
    'IN SG', 'FSI TEL', 'genai:1'),
  partner('p-ledgerloop', 'The Ledger Loop', 'INFLUENCER', null, 'ACTIVE',
    'US-E UK DE', 'FSI', 'genai:2 analytics:2'),
  partner('p-signalnoise', 'Signal & Noise Research', 'INFLUENCER', 'Registered', 'ACTIVE',
    'US-W US-E UK JP', 'TEL MFG', 'genai:2 network-5g:2'),

  // Cloud marketplaces: transact the deal.
  partner('p-stratus', 'Stratus Exchange', 'CLOUD_MARKETPLACE', 'Platinum', 'ACTIVE',
    ALL_REGIONS, ALL_INDUSTRIES, 'managed-cloud:2 cloud-migration:1'),
  partner('p-cumulus', 'Cumulus Marketplace', 'CLOUD_MARKETPLACE', 'Gold', 'ACTIVE',
    'DE FR UK NL US-E US-W JP SG', ALL_INDUSTRIES, 'managed-cloud:2'),

  // Telcos and infrastructure.
  partner('p-meridian', 'Meridian Fibre', 'TELCO_INFRASTRUCTURE', 'Gold', 'ACTIVE',
    'UK NL DE', 'TEL ENR PUB', 'network-5g:5* edge:4 iot:3 security:3'),
  partner('p-altavia', 'Altavia Telecom', 'TELCO_INFRASTRUCTURE', 'Gold', 'ACTIVE',
    'BR US-E', 'TEL ENR MFG RET', 'network-5g:4 edge:3 iot:3'),
  partner('p-kaigan', 'Kaigan Networks', 'TELCO_INFRASTRUCTURE', 'Platinum', 'ACTIVE',
    'JP SG IN', 'TEL MFG ENR', 'network-5g:5* edge:4* iot:4 managed-cloud:3'),

  // Boutique consultancies: deep in one niche.
  partner('p-quillfield', 'Quillfield Advisory', 'BOUTIQUE_CONSULTANCY', 'Silver', 'ACTIVE',
    'DE UK', 'FSI', 'data-governance:4 genai:3 analytics:3'),
  partner('p-kranich', 'Kranich Consulting', 'BOUTIQUE_CONSULTANCY', 'Gold', 'ACTIVE',
    'DE NL', 'MFG RET ENR', 'sap:5* analytics:3 data-platform:2'),
  partner('p-verlaine', 'Maison Verlaine Conseil', 'BOUTIQUE_CONSULTANCY', 'Silver', 'ACTIVE',
    'FR', 'HLS PUB RET', 'crm:4 data-governance:3 analytics:3'),
  partner('p-blueheron', 'Blue Heron Strategy', 'BOUTIQUE_CONSULTANCY', null, 'ACTIVE',
    'US-W US-E', 'HLS FSI', 'genai:3 ml-ops:2 analytics:4'),

  // Strategic alliances: joint go-to-market of several firms.
  partner('p-orion', 'Orion Ledger Alliance', 'STRATEGIC_ALLIANCE', 'Platinum', 'ACTIVE',
    'US-E US-W UK DE JP SG', 'FSI TEL', 'genai:3 cloud-migration:4 security:4 data-platform:3'),
  partner('p-terranova', 'Terranova Energy Alliance', 'STRATEGIC_ALLIANCE', 'Gold', 'ACTIVE',
    'UK DE FR NL US-W', 'ENR', 'iot:3 digital-twin:3 analytics:3 edge:2'),

  // AI-native start-ups: increasingly orchestrate outcomes themselves.
  partner('p-cortexa', 'Cortexa', 'AI_NATIVE', 'Gold', 'ACTIVE',
    'DE UK FR NL US-E', 'FSI HLS', 'genai:5* agentic-ai:4 ml-ops:4'),
  partner('p-hoshimi', 'Hoshimi AI', 'AI_NATIVE', 'Gold', 'ACTIVE',
    'JP SG', 'MFG FSI TEL', 'agentic-ai:5* genai:4 ml-ops:3'),
  partner('p-parallax', 'Parallax Labs', 'AI_NATIVE', 'Silver', 'ACTIVE',
    'US-W US-E UK', 'RET HLS FSI', 'genai:4 agentic-ai:4 ml-ops:3 analytics:3'),
  partner('p-wren', 'Wren Agents', 'AI_NATIVE', 'Registered', 'ACTIVE',
    'UK US-E', 'FSI PUB', 'agentic-ai:3 genai:3 contact-center:3'),
  partner('p-vidyut', 'Vidyut Intelligence', 'AI_NATIVE', 'Silver', 'ACTIVE',
    'IN SG UK', 'ENR TEL FSI', 'genai:4 ml-ops:4 analytics:3 iot:2'),
  partner('p-sundial', 'Sundial Forecasting', 'AI_NATIVE', null, 'ACTIVE',
    'UK DE US-W', 'ENR MFG', 'ml-ops:4 genai:3 digital-twin:3 analytics:4'),
];

function customer(id: string, name: string, region: string, industry: string): CustomerInput {
  return { id, name, region, industry };
}

export const CUSTOMERS: CustomerInput[] = [
  customer('c-rheinhafen', 'Rheinhafen Versicherung', 'DE', 'FSI'),
  customer('c-elbtal', 'Elbtal Privatbank', 'DE', 'FSI'),
  customer('c-kesslerwerk', 'Kesslerwerk Motoren', 'DE', 'MFG'),
  customer('c-auerbrueck', 'Auerbrück Präzisionstechnik', 'DE', 'MFG'),
  customer('c-marktgold', 'Marktgold Handel', 'DE', 'RET'),
  customer('c-wendelau', 'Stadtwerke Wendelau', 'DE', 'ENR'),
  customer('c-nordmark', 'Landesamt Nordmark', 'DE', 'PUB'),
  customer('c-sonnenhain', 'Kliniken Sonnenhain', 'DE', 'HLS'),

  customer('c-lorel', 'Banque Lorel', 'FR', 'FSI'),
  customer('c-valdazur', "Groupe Hospitalier Val-d'Azur", 'FR', 'HLS'),
  customer('c-corbel', 'Maison Corbel', 'FR', 'RET'),
  customer('c-vianne', 'Vianne Aérotechnique', 'FR', 'MFG'),
  customer('c-garonne', 'Énergies de la Garonne', 'FR', 'ENR'),
  customer('c-orbiere', "Agence numérique de l'Orbière", 'FR', 'PUB'),

  customer('c-thameswick', 'Thameswick Assurance', 'UK', 'FSI'),
  customer('c-kingsmere', 'Kingsmere Building Society', 'UK', 'FSI'),
  customer('c-pennine', 'Pennine Grid', 'UK', 'ENR'),
  customer('c-harrowden', 'Harrowden Health Partnership', 'UK', 'HLS'),
  customer('c-clayborne', 'Clayborne & Finch', 'UK', 'RET'),
  customer('c-ashcombe', 'Borough of Ashcombe', 'UK', 'PUB'),
  customer('c-veltra', 'Veltra Mobile', 'UK', 'TEL'),
  customer('c-carrowmore', 'Carrowmore Aerospace', 'UK', 'MFG'),

  customer('c-polderbank', 'Polderbank', 'NL', 'FSI'),
  customer('c-zeelander', 'Zeelander Havenbedrijf', 'NL', 'PUB'),
  customer('c-tulpenhof', 'Tulpenhof Supermarkten', 'NL', 'RET'),
  customer('c-vrijstad', 'Vrijstad Energie', 'NL', 'ENR'),
  customer('c-lindeveld', 'Zorggroep Lindeveld', 'NL', 'HLS'),

  customer('c-hudsoncrest', 'Hudson Crest Bancorp', 'US-E', 'FSI'),
  customer('c-graniteshore', 'Granite Shore Mutual', 'US-E', 'FSI'),
  customer('c-alderbrook', 'Alderbrook Health System', 'US-E', 'HLS'),
  customer('c-keyridge', 'Keyridge Pharmaceuticals', 'US-E', 'HLS'),
  customer('c-cobblestone', 'Cobblestone Outfitters', 'US-E', 'RET'),
  customer('c-sablewood', 'Sablewood Power Cooperative', 'US-E', 'ENR'),
  customer('c-averill', 'Averill County Services', 'US-E', 'PUB'),
  customer('c-larkspur', 'Larkspur Wireless', 'US-E', 'TEL'),

  customer('c-sierrabasket', 'Sierra Basket Grocers', 'US-W', 'RET'),
  customer('c-cascadiapines', 'Cascadia Pines Health', 'US-W', 'HLS'),
  customer('c-pacificlantern', 'Pacific Lantern Credit Union', 'US-W', 'FSI'),
  customer('c-redmesa', 'Redmesa Robotics', 'US-W', 'MFG'),
  customer('c-coyotevalley', 'Coyote Valley Water District', 'US-W', 'PUB'),
  customer('c-heliograph', 'Heliograph Solar', 'US-W', 'ENR'),
  customer('c-cirrusline', 'Cirrusline Communications', 'US-W', 'TEL'),

  customer('c-aurorapaulista', 'Banco Aurora Paulista', 'BR', 'FSI'),
  customer('c-solnascente', 'Supermercados Sol Nascente', 'BR', 'RET'),
  customer('c-serradourada', 'Mineradora Serra Dourada', 'BR', 'ENR'),
  customer('c-esperancaviva', 'Rede Hospitalar Esperança Viva', 'BR', 'HLS'),
  customer('c-ipe', 'Ipê Autopeças', 'BR', 'MFG'),
  customer('c-cerrado', 'Cerrado Telecom', 'BR', 'TEL'),

  customer('c-deccan', 'Deccan Finserv', 'IN', 'FSI'),
  customer('c-gangagrid', 'Ganga Grid Power', 'IN', 'ENR'),
  customer('c-kaveri', 'Kaveri Lifesciences', 'IN', 'HLS'),
  customer('c-rathi', 'Rathi Bazaar Retail', 'IN', 'RET'),
  customer('c-vayu', 'Vayu Telecom', 'IN', 'TEL'),
  customer('c-mysuru', 'Mysuru Motor Works', 'IN', 'MFG'),

  customer('c-sakuragawa', 'Sakuragawa Bank', 'JP', 'FSI'),
  customer('c-minato', 'Minato Mutual Life', 'JP', 'FSI'),
  customer('c-kiritani', 'Kiritani Seiki', 'JP', 'MFG'),
  customer('c-kazahana', 'Kazahana Mobile', 'JP', 'TEL'),
  customer('c-yamabuki', 'Yamabuki Department Stores', 'JP', 'RET'),
  customer('c-shirasagi', 'Shirasagi Medical Group', 'JP', 'HLS'),

  customer('c-straitsharbour', 'Straits Harbour Trust Bank', 'SG', 'FSI'),
  customer('c-lionport', 'Lionport Logistics Authority', 'SG', 'PUB'),
  customer('c-jadeleaf', 'Jadeleaf Healthcare', 'SG', 'HLS'),
  customer('c-orchidlane', 'Orchid Lane Retail Group', 'SG', 'RET'),
  customer('c-equatorial', 'Equatorial Link Telecom', 'SG', 'TEL'),
  customer('c-sembawa', 'Sembawa Precision', 'SG', 'MFG'),
];
