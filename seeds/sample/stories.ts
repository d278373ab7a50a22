/**
 * The designed story engagements: each shows one rule of the analyses on purpose
 * (see the owner's report; sample.test.ts asserts their data facts in a real Neo4j).
 * They come first in the file so a reader meets them before the generated bulk.
 */
import type { CommitmentInput, CommitmentStatus, ContributionInput, ContributionKind, EngagementInput, OutcomeInput, OutcomeStatus, ParticipationInput } from '../../graph/model/index.ts';

const orch = (partner: string, from: string, to: string | null = null): ParticipationInput =>
  ({ partner, role: 'ORCHESTRATOR', from, to });
const contrib = (partner: string, from: string, to: string | null = null): ParticipationInput =>
  ({ partner, role: 'CONTRIBUTOR', from, to });
const touch = (id: string, partner: string, kind: ContributionKind, date: string, amount: number | null = null): ContributionInput =>
  ({ id, partner, kind, date, amount });
const commit = (
  id: string, owner: string, status: CommitmentStatus, dueDate: string, description: string, dependsOn: string[] = [],
): CommitmentInput => ({ id, owner, description, status, dueDate, dependsOn });
const outcome = (id: string, status: OutcomeStatus, dueDate: string, description: string, dependsOn: string[]): OutcomeInput =>
  ({ id, description, status, dueDate, dependsOn });

export const STORIES: EngagementInput[] = [
  // The lakehouse whose failed ingest later sinks the claims copilot (cross-engagement root cause).
  {
    id: 'e-rh-lakehouse', name: 'Claims and finance lakehouse', customer: 'c-rheinhafen', status: 'COMPLETED',
    value: 850000, currency: 'EUR', startDate: '2025-03-03', endDate: '2025-12-19',
    requires: [{ capability: 'data-platform', level: 4 }, { capability: 'cloud-migration', level: 3 }],
    participants: [
      orch('p-brightwater', '2025-03-03', '2025-12-20'),
      contrib('p-tessellate', '2025-03-03', '2025-12-20'),
      contrib('p-pinecrest', '2025-01-08', '2025-03-10'),
    ],
    contributions: [
      touch('k-rhl-sourced', 'p-pinecrest', 'SOURCED', '2025-01-08', 90000),
      touch('k-rhl-cosell', 'p-brightwater', 'CO_SELL', '2025-02-03'),
      touch('k-rhl-technology', 'p-tessellate', 'TECHNOLOGY', '2025-04-15', 180000),
      touch('k-rhl-delivery', 'p-brightwater', 'DELIVERY', '2025-09-30', 520000),
    ],
    commitments: [
      commit('m-lake-landing', 'p-brightwater', 'DELIVERED', '2025-05-30', 'Landing zone and ingestion framework built'),
      commit('m-lake-catalog', 'p-tessellate', 'DELIVERED', '2025-07-31', 'Data catalogue populated for finance', ['m-lake-landing']),
      commit('m-lake-ingest', 'p-brightwater', 'FAILED', '2025-10-31', 'Claims history 2015-2024 ingested and reconciled', ['m-lake-landing']),
    ],
    outcomes: [
      outcome('o-lake-reporting', 'MET', '2025-12-19', 'Finance reporting runs on the lakehouse', ['m-lake-catalog']),
      outcome('o-lake-claims', 'PARTIALLY_MET', '2025-12-19', 'Ten years of claims history queryable', ['m-lake-ingest']),
    ],
  },
  // Handover exactly on the outcome's due date: the incoming orchestrator (Cortexa) is
  // accountable because `to` is exclusive; the root causes are owned by two other partners,
  // one of them in another engagement.
  {
    id: 'e-claims-copilot', name: 'Claims triage copilot', customer: 'c-rheinhafen', status: 'ACTIVE',
    value: 1400000, currency: 'EUR', startDate: '2025-09-01', endDate: '2027-03-31',
    requires: [{ capability: 'genai', level: 4 }, { capability: 'data-platform', level: 3 }, { capability: 'agentic-ai', level: 3 }],
    participants: [
      contrib('p-ledgerloop', '2025-06-10', '2025-09-01'),
      contrib('p-stratus', '2025-08-20', '2025-09-20'),
      orch('p-brightwater', '2025-09-01', '2026-06-30'),
      contrib('p-brightwater', '2026-06-30'),
      contrib('p-cortexa', '2025-09-01', '2026-06-30'),
      orch('p-cortexa', '2026-06-30', '2027-02-01'),
      contrib('p-cortexa', '2027-02-01'),
      // A handover planned before o-claims-nps is due: Cortexa must act now, Tessellate
      // will be accountable on the due date (the at-risk walkthrough in the README).
      contrib('p-tessellate', '2025-10-01', '2027-02-01'),
      orch('p-tessellate', '2027-02-01'),
      contrib('p-quillfield', '2025-11-03', '2026-08-01'),
    ],
    contributions: [
      touch('k-cc-sourced', 'p-brightwater', 'SOURCED', '2025-05-20'),
      touch('k-cc-influenced', 'p-ledgerloop', 'INFLUENCED', '2025-06-10'),
      touch('k-cc-cosell', 'p-cortexa', 'CO_SELL', '2025-07-02'),
      touch('k-cc-marketplace', 'p-stratus', 'MARKETPLACE', '2025-08-28', 1400000),
      touch('k-cc-delivery', 'p-brightwater', 'DELIVERY', '2026-03-31', 420000),
      touch('k-cc-technology', 'p-cortexa', 'TECHNOLOGY', '2026-07-15', 310000),
    ],
    commitments: [
      commit('m-claims-history', 'p-tessellate', 'FAILED', '2026-03-13', 'Claims history exposed to the copilot', ['m-lake-ingest']),
      commit('m-claims-rules', 'p-quillfield', 'LATE', '2026-04-30', 'Claims handling rules signed off with compliance'),
      commit('m-claims-ux', 'p-brightwater', 'DELIVERED', '2026-05-15', 'Adjuster workbench integration'),
      commit('m-claims-triage', 'p-cortexa', 'LATE', '2026-05-29', 'Triage model tuned on claims history', ['m-claims-history']),
      commit('m-claims-rollout', 'p-cortexa', 'IN_PROGRESS', '2027-01-29', 'Roll-out to all claims teams', ['m-claims-triage', 'm-claims-ux']),
      commit('m-claims-followup', 'p-tessellate', 'PENDING', '2026-11-30', 'Adjuster survey'),
    ],
    outcomes: [
      outcome('o-claims-speed', 'MISSED', '2026-06-30', 'Claims handled 30% faster', ['m-claims-triage', 'm-claims-rules', 'm-claims-ux']),
      outcome('o-claims-leakage', 'PENDING', '2027-03-31', 'Claims leakage below 2%', ['m-claims-rollout']),
      // At risk before it fails, for both reasons: the LATE rules sign-off is defective and
      // the adjuster survey is overdue from 2026-12-01 on.
      outcome('o-claims-nps', 'PENDING', '2027-02-26', 'Adjuster satisfaction above 40', ['m-claims-rules', 'm-claims-followup']),
    ],
  },
  // A failure absorbed by a DELIVERED commitment: the failed feed is reachable only
  // through the delivered fallback, so only the late scoring model is a root cause.
  {
    id: 'e-fraud-alerts', name: 'Real-time fraud alerting', customer: 'c-hudsoncrest', status: 'COMPLETED',
    value: 2100000, currency: 'USD', startDate: '2025-02-03', endDate: '2026-01-30',
    requires: [{ capability: 'genai', level: 3 }, { capability: 'data-platform', level: 4 }, { capability: 'security', level: 4 }],
    participants: [
      contrib('p-oakhurst', '2024-11-04', '2025-02-03'),
      orch('p-stonebridge', '2025-02-03', '2026-01-31'),
      contrib('p-vaultline', '2025-02-03', '2026-01-31'),
      contrib('p-tessellate', '2025-02-17', '2026-01-31'),
      contrib('p-parallax', '2025-04-01', '2026-01-31'),
    ],
    contributions: [
      touch('k-fa-referral', 'p-oakhurst', 'REFERRAL', '2024-11-04', 25000),
      touch('k-fa-sourced', 'p-stonebridge', 'SOURCED', '2024-12-09'),
      touch('k-fa-cosell', 'p-vaultline', 'CO_SELL', '2025-01-15'),
      touch('k-fa-technology', 'p-parallax', 'TECHNOLOGY', '2025-09-30', 260000),
      touch('k-fa-delivery', 'p-stonebridge', 'DELIVERY', '2025-10-31', 900000),
    ],
    commitments: [
      commit('m-fraud-feed', 'p-tessellate', 'FAILED', '2025-05-30', 'Real-time card event feed connected'),
      commit('m-fraud-rules', 'p-vaultline', 'DELIVERED', '2025-07-31', 'Rules engine live on the hourly batch feed (fallback)', ['m-fraud-feed']),
      commit('m-fraud-scoring', 'p-parallax', 'LATE', '2025-09-30', 'Scoring model calibrated on 18 months of cases'),
      commit('m-fraud-cutover', 'p-stonebridge', 'DELIVERED', '2025-12-15', 'Alert desk cut over', ['m-fraud-rules', 'm-fraud-scoring']),
    ],
    outcomes: [
      outcome('o-fraud-alerts', 'PARTIALLY_MET', '2025-12-31', '95% of fraud alerts raised within 2 seconds', ['m-fraud-rules', 'm-fraud-scoring']),
      outcome('o-fraud-losses', 'MET', '2026-01-30', 'Card fraud losses down 20%', ['m-fraud-cutover']),
    ],
  },
  // Missed although every commitment was delivered: no root cause, so the accountable
  // orchestrator (Parallax Labs) alone is responsible.
  {
    id: 'e-offers-app', name: 'Personalised offers app', customer: 'c-clayborne', status: 'COMPLETED',
    value: 640000, currency: 'USD', startDate: '2025-04-01', endDate: '2026-02-27',
    requires: [{ capability: 'genai', level: 3 }, { capability: 'crm', level: 3 }, { capability: 'managed-cloud', level: 3 }],
    participants: [
      contrib('p-cumulus', '2025-03-10', '2025-04-10'),
      orch('p-parallax', '2025-04-01', '2026-02-28'),
      contrib('p-quorum', '2025-04-01', '2026-02-28'),
      contrib('p-harborline', '2025-06-02', '2026-02-28'),
    ],
    contributions: [
      touch('k-oa-sourced', 'p-parallax', 'SOURCED', '2025-01-27'),
      touch('k-oa-marketplace', 'p-cumulus', 'MARKETPLACE', '2025-03-20', 640000),
      touch('k-oa-technology', 'p-quorum', 'TECHNOLOGY', '2025-05-15', 150000),
      touch('k-oa-managed', 'p-harborline', 'MANAGED_SERVICE', '2025-09-01', 96000),
      touch('k-oa-delivery', 'p-parallax', 'DELIVERY', '2025-11-28', 210000),
    ],
    commitments: [
      commit('m-offers-ops', 'p-harborline', 'DELIVERED', '2025-07-31', 'Production platform operated 24x7'),
      commit('m-offers-crm', 'p-quorum', 'DELIVERED', '2025-08-29', 'Loyalty data synced from the CRM'),
      commit('m-offers-app', 'p-parallax', 'DELIVERED', '2025-09-30', 'Offers app in both app stores', ['m-offers-ops']),
      commit('m-offers-model', 'p-parallax', 'DELIVERED', '2025-10-31', 'Next-best-offer model live', ['m-offers-crm']),
    ],
    outcomes: [
      outcome('o-offers-adoption', 'MET', '2026-01-30', '200,000 active app users', ['m-offers-app']),
      outcome('o-store-footfall', 'MISSED', '2026-02-27', 'Store footfall up 5% in the pilot regions', ['m-offers-app', 'm-offers-model', 'm-offers-crm']),
    ],
  },
  // The telemetry stream that fails here is the root cause of o-grid-forecast, an
  // engagement in which Meridian Fibre holds no role at all.
  {
    id: 'e-smart-meters', name: 'Smart-meter telemetry backbone', customer: 'c-pennine', status: 'COMPLETED',
    value: 3200000, currency: 'USD', startDate: '2024-09-02', endDate: '2025-11-28',
    requires: [{ capability: 'network-5g', level: 4 }, { capability: 'iot', level: 3 }, { capability: 'edge', level: 3 }],
    participants: [
      contrib('p-terranova', '2024-06-03', '2024-09-02'),
      orch('p-meridian', '2024-09-02', '2025-11-29'),
      contrib('p-gridsense', '2024-10-01', '2025-11-29'),
    ],
    contributions: [
      touch('k-sm-sourced', 'p-meridian', 'SOURCED', '2024-05-13'),
      touch('k-sm-cosell', 'p-terranova', 'CO_SELL', '2024-06-03'),
      touch('k-sm-technology', 'p-gridsense', 'TECHNOLOGY', '2024-12-16', 340000),
      touch('k-sm-managed', 'p-meridian', 'MANAGED_SERVICE', '2025-03-31', 1100000),
    ],
    commitments: [
      commit('m-meter-backhaul', 'p-meridian', 'DELIVERED', '2025-03-31', '5G backhaul for 40,000 meters'),
      commit('m-meter-ingest', 'p-gridsense', 'DELIVERED', '2025-06-30', 'Meter data ingestion service'),
      commit('m-meter-telemetry', 'p-meridian', 'FAILED', '2025-09-30', '15-minute telemetry stream to the grid data platform', ['m-meter-backhaul']),
    ],
    outcomes: [
      outcome('o-meter-coverage', 'MET', '2025-11-28', '95% of meters reporting daily', ['m-meter-backhaul', 'm-meter-ingest']),
    ],
  },
  {
    id: 'e-grid-forecast', name: 'AI load forecasting', customer: 'c-pennine', status: 'ACTIVE',
    value: 1150000, currency: 'USD', startDate: '2025-10-01', endDate: '2027-03-31',
    requires: [{ capability: 'ml-ops', level: 4 }, { capability: 'iot', level: 3 }, { capability: 'digital-twin', level: 3 }],
    participants: [
      orch('p-terranova', '2025-10-01'),
      contrib('p-sundial', '2025-10-01'),
      contrib('p-gridsense', '2025-11-03'),
    ],
    contributions: [
      touch('k-gf-sourced', 'p-terranova', 'SOURCED', '2025-07-14'),
      touch('k-gf-cosell', 'p-sundial', 'CO_SELL', '2025-08-05'),
      touch('k-gf-technology', 'p-sundial', 'TECHNOLOGY', '2026-02-27', 280000),
      touch('k-gf-delivery', 'p-gridsense', 'DELIVERY', '2026-05-29', 120000),
    ],
    commitments: [
      commit('m-grid-dashboard', 'p-gridsense', 'DELIVERED', '2026-03-31', 'Control-room forecast dashboard'),
      commit('m-grid-model', 'p-sundial', 'LATE', '2026-04-30', 'Day-ahead load model trained on meter telemetry', ['m-meter-telemetry']),
      commit('m-grid-twin', 'p-gridsense', 'IN_PROGRESS', '2027-02-26', 'Feeder-level digital twin', ['m-grid-model']),
    ],
    outcomes: [
      outcome('o-grid-forecast', 'MISSED', '2026-06-30', 'Day-ahead forecast error under 3%', ['m-grid-model', 'm-grid-dashboard']),
      outcome('o-grid-peak', 'PENDING', '2027-03-31', 'Peak-load curtailment cost down 10%', ['m-grid-twin']),
    ],
  },
  // The pilot outcome fell due before anyone orchestrated: accountable is null.
  {
    id: 'e-patient-portal', name: 'Patient onboarding portal', customer: 'c-valdazur', status: 'COMPLETED',
    value: 480000, currency: 'EUR', startDate: '2024-10-01', endDate: '2025-10-31',
    requires: [{ capability: 'crm', level: 3 }, { capability: 'data-governance', level: 3 }, { capability: 'security', level: 3 }],
    participants: [
      contrib('p-helixa', '2024-10-01', '2025-11-01'),
      contrib('p-vaultline', '2024-11-04', '2025-11-01'),
      orch('p-verlaine', '2025-04-01', '2025-11-01'),
    ],
    contributions: [
      touch('k-pp-sourced', 'p-helixa', 'SOURCED', '2024-07-15'),
      touch('k-pp-technology', 'p-helixa', 'TECHNOLOGY', '2024-12-02', 140000),
      touch('k-pp-delivery', 'p-verlaine', 'DELIVERY', '2025-06-30', 90000),
    ],
    commitments: [
      commit('m-portal-consent', 'p-vaultline', 'DELIVERED', '2025-01-31', 'Consent and access controls'),
      commit('m-portal-identity', 'p-helixa', 'LATE', '2025-02-28', 'Patient identity integration with the regional health ID'),
      commit('m-portal-rollout', 'p-verlaine', 'DELIVERED', '2025-09-30', 'Roll-out to all six sites', ['m-portal-identity']),
    ],
    outcomes: [
      outcome('o-portal-pilot', 'MISSED', '2025-03-31', 'Pilot wards onboard patients in under 10 minutes', ['m-portal-identity', 'm-portal-consent']),
      outcome('o-portal-live', 'MET', '2025-10-31', 'Portal live at all sites', ['m-portal-rollout']),
    ],
  },
  // PLANNED, but the pursuit lead stepped out on 2026-10-16: an orchestration gap today.
  {
    id: 'e-port-twin', name: 'Port digital twin', customer: 'c-zeelander', status: 'PLANNED',
    value: null, currency: null, startDate: '2027-02-01', endDate: '2027-06-30',
    requires: [{ capability: 'digital-twin', level: 4 }, { capability: 'iot', level: 3 }, { capability: 'network-5g', level: 3 }],
    participants: [
      orch('p-kestrel', '2026-05-04', '2026-10-16'),
      contrib('p-meridian', '2026-05-04'),
      contrib('p-gridsense', '2026-06-01'),
    ],
    contributions: [
      touch('k-pt-sourced', 'p-kestrel', 'SOURCED', '2026-04-20'),
      touch('k-pt-cosell', 'p-meridian', 'CO_SELL', '2026-06-15'),
    ],
    commitments: [
      commit('m-port-bid', 'p-kestrel', 'DELIVERED', '2026-09-30', 'Joint bid submitted'),
      commit('m-port-5g', 'p-meridian', 'PENDING', '2027-03-31', 'Private 5G across the container terminals'),
      commit('m-port-model', 'p-gridsense', 'PENDING', '2027-05-31', 'Berth and crane digital twin', ['m-port-5g']),
    ],
    outcomes: [
      outcome('o-port-idle', 'PENDING', '2027-06-30', 'Berth idle time down 15%', ['m-port-model']),
    ],
  },
  // Demand for digital-twin in Brazil that no qualified partner can supply (UNCOVERED);
  // the orchestrator itself holds it only at level 2, so engagementGaps lists it.
  {
    id: 'e-mine-twin', name: 'Haul-road digital twin', customer: 'c-serradourada', status: 'PLANNED',
    value: 2400000, currency: 'USD', startDate: '2027-01-18', endDate: '2027-06-30',
    requires: [{ capability: 'digital-twin', level: 4 }, { capability: 'iot', level: 3 }, { capability: 'analytics', level: 3 }],
    participants: [
      contrib('p-bandeirante', '2026-08-03', '2026-09-14'),
      orch('p-vereda', '2026-09-14'),
      contrib('p-altavia', '2026-10-05'),
    ],
    contributions: [
      touch('k-mt-referral', 'p-bandeirante', 'REFERRAL', '2026-08-03', 48000),
      touch('k-mt-sourced', 'p-vereda', 'SOURCED', '2026-09-14'),
      touch('k-mt-cosell', 'p-altavia', 'CO_SELL', '2026-10-05'),
    ],
    commitments: [
      commit('m-mine-sensors', 'p-altavia', 'PENDING', '2027-03-31', 'Private LTE and sensor mesh in the pit'),
      commit('m-mine-twin', 'p-vereda', 'PENDING', '2027-05-31', 'Haul-road digital twin calibrated', ['m-mine-sensors']),
    ],
    outcomes: [
      outcome('o-mine-haulage', 'PENDING', '2027-06-30', 'Haulage cost per tonne down 8%', ['m-mine-twin']),
    ],
  },
  // An early programme with Meiko Trading, a reseller that has since left (INACTIVE):
  // its history stays in the graph, its capabilities no longer count as supply.
  {
    id: 'e-sembawa-lines', name: 'Connected production lines', customer: 'c-sembawa', status: 'COMPLETED',
    value: 560000, currency: 'USD', startDate: '2024-03-04', endDate: '2025-02-28',
    requires: [{ capability: 'iot', level: 3 }, { capability: 'edge', level: 3 }],
    participants: [
      contrib('p-meiko', '2024-01-15', '2024-03-15'),
      orch('p-amagumo', '2024-03-04', '2025-03-01'),
      contrib('p-kaigan', '2024-04-01', '2025-03-01'),
    ],
    contributions: [
      touch('k-sl-sourced', 'p-meiko', 'SOURCED', '2024-01-15', 56000),
      touch('k-sl-delivery', 'p-amagumo', 'DELIVERY', '2024-09-30', 240000),
      touch('k-sl-managed', 'p-kaigan', 'MANAGED_SERVICE', '2024-11-29', 90000),
    ],
    commitments: [
      commit('m-sembawa-gateways', 'p-kaigan', 'DELIVERED', '2024-07-31', 'Edge gateways on all 14 lines'),
      commit('m-sembawa-oee', 'p-amagumo', 'DELIVERED', '2024-12-20', 'OEE dashboards per line', ['m-sembawa-gateways']),
    ],
    outcomes: [
      outcome('o-sembawa-oee', 'MET', '2025-02-28', 'Overall equipment effectiveness up 6 points', ['m-sembawa-oee']),
    ],
  },
  // Hoshimi AI, the exit story: an AI-native that took over orchestration here, leads
  // two more JP engagements, contributes in SG and is the only agentic-ai supplier in JP and SG.
  {
    id: 'e-kiritani-agents', name: 'Agentic maintenance planner', customer: 'c-kiritani', status: 'ACTIVE',
    value: 900000, currency: 'USD', startDate: '2026-02-02', endDate: '2027-01-29',
    requires: [{ capability: 'agentic-ai', level: 4 }, { capability: 'iot', level: 3 }, { capability: 'ml-ops', level: 3 }],
    participants: [
      contrib('p-signalnoise', '2025-10-21', '2025-12-01'),
      orch('p-amagumo', '2026-02-02', '2026-07-01'),
      contrib('p-amagumo', '2026-07-01'),
      contrib('p-hoshimi', '2026-02-02', '2026-07-01'),
      orch('p-hoshimi', '2026-07-01'),
      contrib('p-kaigan', '2026-03-02'),
    ],
    contributions: [
      touch('k-ka-influenced', 'p-signalnoise', 'INFLUENCED', '2025-10-21'),
      touch('k-ka-sourced', 'p-amagumo', 'SOURCED', '2025-11-10'),
      touch('k-ka-technology', 'p-hoshimi', 'TECHNOLOGY', '2026-04-30', 220000),
      touch('k-ka-managed', 'p-kaigan', 'MANAGED_SERVICE', '2026-06-30', 75000),
    ],
    commitments: [
      commit('m-kiri-sensors', 'p-kaigan', 'DELIVERED', '2026-05-29', 'Machine telemetry over private 5G'),
      commit('m-kiri-mes', 'p-amagumo', 'DELIVERED', '2026-06-30', 'MES work-order integration'),
      commit('m-kiri-planner', 'p-hoshimi', 'IN_PROGRESS', '2026-12-18', 'Maintenance-planning agent in production', ['m-kiri-sensors', 'm-kiri-mes']),
    ],
    outcomes: [
      outcome('o-kiri-telemetry', 'MET', '2026-06-30', 'All three lines streaming telemetry', ['m-kiri-sensors', 'm-kiri-mes']),
      outcome('o-kiri-downtime', 'PENDING', '2027-01-29', 'Unplanned downtime down 25%', ['m-kiri-planner']),
    ],
  },
  {
    id: 'e-sakuragawa-underwriting', name: 'Underwriting agent', customer: 'c-sakuragawa', status: 'PLANNED',
    value: 1300000, currency: 'USD', startDate: '2027-01-12', endDate: '2027-06-30',
    requires: [{ capability: 'agentic-ai', level: 4 }, { capability: 'genai', level: 3 }, { capability: 'security', level: 3 }],
    participants: [
      orch('p-hoshimi', '2026-09-01'),
      contrib('p-orion', '2026-09-01'),
    ],
    contributions: [
      touch('k-su-sourced', 'p-hoshimi', 'SOURCED', '2026-07-27'),
      touch('k-su-cosell', 'p-orion', 'CO_SELL', '2026-08-17'),
    ],
    commitments: [
      commit('m-saku-controls', 'p-orion', 'PENDING', '2027-03-31', 'Model-risk controls agreed with the regulator'),
      commit('m-saku-agent', 'p-hoshimi', 'PENDING', '2027-04-30', 'Underwriting agent approved by risk', ['m-saku-controls']),
    ],
    outcomes: [
      outcome('o-saku-turnaround', 'PENDING', '2027-06-30', 'Underwriting turnaround from five days to one', ['m-saku-agent']),
    ],
  },
  {
    id: 'e-kazahana-care', name: 'Agentic customer care', customer: 'c-kazahana', status: 'ACTIVE',
    value: 650000, currency: 'USD', startDate: '2026-04-01', endDate: '2027-03-31',
    requires: [{ capability: 'agentic-ai', level: 3 }, { capability: 'contact-center', level: 3 }, { capability: 'ml-ops', level: 3 }],
    participants: [
      contrib('p-cumulus', '2026-03-16', '2026-04-15'),
      orch('p-hoshimi', '2026-04-01'),
      contrib('p-lotusgate', '2026-04-01'),
    ],
    contributions: [
      touch('k-kc-sourced', 'p-hoshimi', 'SOURCED', '2026-01-19'),
      touch('k-kc-marketplace', 'p-cumulus', 'MARKETPLACE', '2026-03-27', 650000),
      touch('k-kc-managed', 'p-lotusgate', 'MANAGED_SERVICE', '2026-09-30', 60000),
    ],
    commitments: [
      commit('m-kaza-ops', 'p-lotusgate', 'DELIVERED', '2026-06-30', '24x7 operations runbook'),
      commit('m-kaza-agent', 'p-hoshimi', 'IN_PROGRESS', '2027-01-29', 'Care agent handles plan changes end to end', ['m-kaza-ops']),
    ],
    outcomes: [
      outcome('o-kaza-containment', 'PENDING', '2027-03-31', '60% of plan-change contacts resolved without a human agent', ['m-kaza-agent']),
    ],
  },
  {
    id: 'e-equatorial-noc', name: 'Self-healing network operations', customer: 'c-equatorial', status: 'ACTIVE',
    value: 1750000, currency: 'USD', startDate: '2026-01-12', endDate: '2027-06-30',
    requires: [{ capability: 'network-5g', level: 4 }, { capability: 'agentic-ai', level: 3 }, { capability: 'managed-cloud', level: 3 }],
    participants: [
      contrib('p-saffron', '2025-10-06', '2025-12-01'),
      orch('p-kaigan', '2026-01-12'),
      contrib('p-lotusgate', '2026-01-12'),
      contrib('p-hoshimi', '2026-02-02'),
    ],
    contributions: [
      touch('k-en-referral', 'p-saffron', 'REFERRAL', '2025-10-06', 30000),
      touch('k-en-sourced', 'p-kaigan', 'SOURCED', '2025-11-03'),
      touch('k-en-technology', 'p-hoshimi', 'TECHNOLOGY', '2026-05-15', 180000),
      touch('k-en-managed', 'p-lotusgate', 'MANAGED_SERVICE', '2026-06-30', 140000),
      touch('k-en-delivery', 'p-kaigan', 'DELIVERY', '2026-08-31', 600000),
    ],
    commitments: [
      commit('m-noc-telemetry', 'p-kaigan', 'DELIVERED', '2026-04-30', 'Radio and core telemetry in one stream'),
      commit('m-noc-agent', 'p-hoshimi', 'IN_PROGRESS', '2026-12-31', 'Self-healing agent for radio alarms', ['m-noc-telemetry']),
      commit('m-noc-ops', 'p-lotusgate', 'PENDING', '2027-01-29', 'Agent operated inside the NOC runbooks', ['m-noc-agent']),
    ],
    outcomes: [
      outcome('o-noc-mttr', 'PENDING', '2027-06-30', 'Mean time to repair down 40%', ['m-noc-agent', 'm-noc-ops']),
    ],
  },
];
