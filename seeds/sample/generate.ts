/**
 * The generated bulk of the sample: believable engagements around the stories, from a
 * seeded PRNG so every run writes the same file. Plausibility over variety: partners are
 * picked from those operating in the customer's region and holding what is required,
 * statuses follow the dates (today is TODAY), and the few misses are wired on purpose.
 */
import type { CommitmentInput, CommitmentStatus, ContributionInput, ContributionKind, CustomerInput, EngagementInput, EngagementStatus, OutcomeInput, ParticipationInput, PartnerInput, PartnerType, RequirementInput } from '../../graph/model/index.ts';
import { dayOf } from '../generator/dates.ts';
import type { Rng } from '../generator/prng.ts';
import { addDays, maxDate, minDate } from './dates.ts';
import { drawDate, shuffled, weightedBy } from './draws.ts';

/** The sample is written as seen on this day (statuses, open intervals, due dates). */
export const TODAY = '2026-11-21';
export const FIRST_DAY = '2024-01-01';
export const LAST_DAY = '2027-06-30';

const LEAD_TYPES: readonly PartnerType[] = [
  'SYSTEM_INTEGRATOR', 'AI_NATIVE', 'BOUTIQUE_CONSULTANCY', 'STRATEGIC_ALLIANCE', 'MSP', 'TELCO_INFRASTRUCTURE',
];
const DELIVERY_TYPES: readonly PartnerType[] = [...LEAD_TYPES, 'ISV'];

/** What each industry tends to buy, so requirements look like real programmes. */
const INDUSTRY_NEEDS: Record<string, string[]> = {
  FSI: ['genai', 'agentic-ai', 'data-platform', 'security', 'crm', 'cloud-migration', 'contact-center', 'data-governance'],
  HLS: ['genai', 'data-platform', 'data-governance', 'crm', 'security', 'analytics', 'cloud-migration'],
  MFG: ['sap', 'iot', 'edge', 'digital-twin', 'data-platform', 'cloud-migration', 'ml-ops'],
  RET: ['crm', 'contact-center', 'analytics', 'genai', 'cloud-migration', 'managed-cloud', 'sap'],
  PUB: ['security', 'cloud-migration', 'itsm', 'managed-cloud', 'data-governance', 'agentic-ai'],
  ENR: ['iot', 'digital-twin', 'edge', 'analytics', 'ml-ops', 'sap', 'network-5g'],
  TEL: ['network-5g', 'edge', 'managed-cloud', 'itsm', 'contact-center', 'genai', 'security', 'devops'],
};

const PROJECTS: Record<string, string[]> = {
  'genai': ['Knowledge assistant', 'Document intelligence', 'Advisor copilot', 'Service desk copilot'],
  'agentic-ai': ['Back-office agents', 'Agentic case handling', 'Procurement agent'],
  'ml-ops': ['Model factory', 'Demand forecasting', 'Predictive maintenance'],
  'data-platform': ['Enterprise lakehouse', 'Customer 360 data hub', 'Data platform modernisation'],
  'analytics': ['Executive analytics', 'Store performance analytics', 'Self-service BI'],
  'data-governance': ['Data governance programme', 'Regulatory data lineage'],
  'cloud-migration': ['Data-centre exit', 'Core platform migration', 'Mainframe offload'],
  'managed-cloud': ['Cloud operations outsourcing', 'Managed landing zone'],
  'devops': ['Platform engineering', 'Release automation'],
  'security': ['Zero-trust rollout', 'Security operations centre', 'Identity modernisation'],
  'sap': ['ERP core migration', 'Finance close on the new ERP', 'ERP supply-chain rollout'],
  'crm': ['CRM consolidation', 'Loyalty platform', 'Field sales CRM'],
  'itsm': ['IT service management refresh', 'Employee service portal'],
  'contact-center': ['Cloud contact centre', 'Omnichannel service'],
  'iot': ['Connected assets', 'Fleet telemetry', 'Smart metering'],
  'edge': ['Edge analytics for plants', 'In-store edge platform'],
  'network-5g': ['Private 5G campus', 'Network slicing pilot'],
  'digital-twin': ['Plant digital twin', 'Network digital twin'],
};

const DELIVERABLES: Record<string, string[]> = {
  'genai': ['Retrieval pipeline hardened', 'Prompt and guardrail catalogue approved', 'Copilot integrated into the front office'],
  'agentic-ai': ['Agent workflows certified by risk', 'Human-in-the-loop console live', 'Agent tool integrations built'],
  'ml-ops': ['Model registry and monitoring live', 'Feature store populated', 'Forecast model in production'],
  'data-platform': ['Lakehouse landing zone built', 'Source systems ingested', 'Data products published'],
  'analytics': ['Dashboards rolled out', 'KPI model agreed with finance', 'Semantic layer built'],
  'data-governance': ['Data catalogue populated', 'Lineage for regulatory reports', 'Data owners appointed'],
  'cloud-migration': ['Wave 1 applications migrated', 'Landing zone accredited', 'Legacy hosting decommissioned'],
  'managed-cloud': ['Run-book and 24x7 support in place', 'Cost guardrails live', 'Operations handover accepted'],
  'devops': ['CI/CD pipelines for all teams', 'Internal developer platform live'],
  'security': ['Identity provider consolidated', 'SOC monitoring live', 'Penetration test findings closed'],
  'sap': ['ERP data migration rehearsed', 'Finance processes on the new core', 'Custom code remediated'],
  'crm': ['CRM data migrated', 'Sales processes configured', 'Loyalty integration live'],
  'itsm': ['Service catalogue live', 'Incident process migrated'],
  'contact-center': ['Telephony cut over', 'Routing and IVR redesigned', 'Agent desktop rolled out'],
  'iot': ['Sensors installed and streaming', 'Device management live', 'Telemetry pipeline built'],
  'edge': ['Edge nodes deployed', 'Edge workloads orchestrated'],
  'network-5g': ['Private 5G radio planned and installed', 'Network slice commissioned'],
  'digital-twin': ['Twin model calibrated', 'Simulation scenarios signed off'],
};

const RESULTS: Record<string, string[]> = {
  FSI: ['Loan decisions in under an hour', 'Onboarding time halved', 'Cost-to-serve down 15%', 'Regulatory reports on time'],
  HLS: ['Patient wait time down 20%', 'Clinical documentation time halved', 'Trial set-up time down 30%'],
  MFG: ['Unplanned downtime down 20%', 'Scrap rate under 2%', 'Month-end close in four days', 'On-time delivery above 95%'],
  RET: ['Basket size up 5%', 'Stock-outs down 30%', 'Service cost per order down 10%'],
  PUB: ['Citizen requests answered in two days', 'Hosting cost down 25%', 'Zero critical audit findings'],
  ENR: ['Outage minutes down 15%', 'Field visits down 20%', 'Forecast error under 4%'],
  TEL: ['Churn down 2 points', 'Network incidents resolved 30% faster', 'New services launched in weeks, not months'],
};

const MILESTONES = ['Pilot live with first users', 'Phase 1 accepted by the customer', 'Design authority sign-off', 'First release in production'];

interface Pooled { id: string; engagement: string; customer: string; partners: Set<string>; due: string; status: CommitmentStatus }

export interface GenerateOptions {
  partners: PartnerInput[];
  customers: CustomerInput[];
}

export interface EngagementSpec {
  id: string;
  customer: CustomerInput;
  status: EngagementStatus;
  /** Wire a MISSED / PARTIALLY_MET outcome with a failure chain through commitments. */
  miss?: boolean;
  requires?: RequirementInput[];
}

export class Generator {
  private readonly level = new Map<string, Map<string, number>>();
  private readonly pool: Pooled[] = [];
  private readonly customerOf: Map<string, CustomerInput>;

  constructor(private readonly rng: Rng, private readonly opts: GenerateOptions) {
    for (const p of opts.partners) {
      this.level.set(p.id, new Map((p.capabilities ?? []).map((h) => [h.capability, h.level])));
    }
    // The stories stay out of the pool of upstream commitments, so their accountability
    // reads exactly as designed.
    this.customerOf = new Map(opts.customers.map((c) => [c.id, c]));
  }

  private holds(partner: string, capability: string): number {
    return this.level.get(partner)?.get(capability) ?? 0;
  }

  private remember(e: EngagementInput, customer: CustomerInput): void {
    const partners = new Set((e.participants ?? []).map((p) => p.partner));
    for (const m of e.commitments ?? []) {
      this.pool.push({ id: m.id, engagement: e.id, customer: customer.id, partners, due: m.dueDate ?? LAST_DAY, status: m.status });
    }
  }

  /** An earlier commitment of another engagement that shares the customer or a partner. */
  private upstream(e: string, customer: string, partners: Set<string>, before: string, defectiveOnly: boolean): Pooled | null {
    const related = this.pool.filter((m) =>
      m.engagement !== e && m.due < before &&
      (m.customer === customer || [...partners].some((p) => m.partners.has(p))) &&
      (!defectiveOnly || m.status === 'LATE' || m.status === 'FAILED'));
    return related.length ? this.rng.pick(related) : null;
  }

  private requirements(industry: string): RequirementInput[] {
    const needs = shuffled(this.rng, INDUSTRY_NEEDS[industry] ?? []);
    const n = this.rng.weighted([[1, 1.5], [2, 3], [3, 1.5]]);
    return needs.slice(0, n).map((capability) => ({ capability, level: this.rng.weighted([[2, 1], [3, 3], [4, 1]]) }));
  }

  private dates(status: EngagementStatus, miss: boolean): { pursuit: string; start: string; end: string | null } {
    const r = this.rng;
    const lastPast = addDays(TODAY, -3);
    switch (status) {
      case 'COMPLETED': {
        const start = drawDate(r, '2024-01-08', '2025-09-30');
        return { pursuit: start, start, end: minDate(addDays(start, r.int(150, 540)), lastPast) };
      }
      case 'FAILED': {
        const start = drawDate(r, '2024-03-01', '2025-12-31');
        return { pursuit: start, start, end: minDate(addDays(start, r.int(150, 400)), lastPast) };
      }
      case 'CANCELLED': {
        const start = drawDate(r, '2024-02-01', '2026-08-31');
        return { pursuit: start, start, end: minDate(addDays(start, r.int(30, 150)), lastPast) };
      }
      case 'ACTIVE': {
        // A missed interim milestone needs a long enough past: start early.
        const start = drawDate(r, '2025-01-06', miss ? '2026-03-31' : '2026-10-15');
        if (r.chance(0.1)) return { pursuit: start, start, end: null };
        let end = minDate(addDays(start, r.int(400, 800)), LAST_DAY);
        if (end <= addDays(TODAY, 30)) end = addDays(TODAY, r.int(45, 220));
        return { pursuit: start, start, end };
      }
      case 'PLANNED': {
        const pursuit = drawDate(r, '2026-06-01', '2026-11-10');
        const start = drawDate(r, '2026-12-01', '2027-04-30');
        const end = r.chance(0.15) ? null : minDate(addDays(start, r.int(60, 240)), LAST_DAY);
        return { pursuit, start, end };
      }
    }
  }

  engagement(spec: EngagementSpec): EngagementInput {
    const r = this.rng;
    const { id, customer, status } = spec;
    const miss = spec.miss ?? false;
    const num = id.replace(/^e-/, '');
    const closed = status === 'COMPLETED' || status === 'FAILED' || status === 'CANCELLED';
    const requires = spec.requires ?? this.requirements(customer.industry);
    const { pursuit, start, end } = this.dates(status, miss);
    const closeTo = closed && end ? addDays(end, 1) : null;
    // The last day work can have happened on (delivery-phase touches, handovers).
    const lastWork = closed ? end! : addDays(TODAY, -1);

    // INACTIVE partners left in mid-2025, so they only appear in engagements over by then.
    const pool = this.opts.partners.filter((p) =>
      (p.regions ?? []).includes(customer.region) && (p.status !== 'INACTIVE' || (closed && end! < '2025-07-01')));
    const fit = (p: PartnerInput): number =>
      1 + requires.reduce((s, q) => s + Math.max(0, this.holds(p.id, q.capability) - 1) ** 2, 0) +
      ((p.industries ?? []).includes(customer.industry) ? 2 : 0);
    const leads = pool.filter((p) => LEAD_TYPES.includes(p.type));
    // Whoever leads should know the headline capability (else part of the work), when
    // anyone in the region does.
    const knows = (qs: RequirementInput[]): PartnerInput[] => leads.filter((p) => qs.some((q) => this.holds(p.id, q.capability) >= 2));
    const able = [knows(requires.slice(0, 1)), knows(requires), leads].find((ps) => ps.length)!;
    const lead = weightedBy(r, able, fit);
    const deliverers = pool.filter((p) => DELIVERY_TYPES.includes(p.type) && p.id !== lead.id &&
      requires.some((q) => this.holds(p.id, q.capability) >= 2));
    const crew: PartnerInput[] = [];
    for (let n = r.int(1, 3); n > 0 && crew.length < deliverers.length;) {
      const p = weightedBy(r, deliverers, fit);
      if (!crew.includes(p)) { crew.push(p); n--; }
    }

    const participants: ParticipationInput[] = [];
    const orchFrom = status === 'PLANNED' ? pursuit : start;
    const leadPart: ParticipationInput = { partner: lead.id, role: 'ORCHESTRATOR', from: orchFrom, to: closeTo };
    participants.push(leadPart);
    const crewParts = crew.map((p): ParticipationInput => {
      const latest = status === 'PLANNED' ? addDays(TODAY, -1) : closed ? addDays(end!, -1) : addDays(TODAY, -1);
      const from = drawDate(r, orchFrom, minDate(addDays(orchFrom, 60), latest));
      return { partner: p.id, role: 'CONTRIBUTOR', from, to: closeTo };
    });
    participants.push(...crewParts);

    // Some orchestrations change hands mid-way: the old lead stays on as contributor.
    const orchestrators = [lead];
    const lo = addDays(start, 45);
    const hi = addDays(lastWork, -20);
    if ((status === 'ACTIVE' || status === 'COMPLETED' || status === 'FAILED') && lo < hi && r.chance(0.2)) {
      const at = drawDate(r, lo, hi);
      const takers = crewParts.filter((cp) => cp.from < at && LEAD_TYPES.includes(this.partner(cp.partner).type));
      const newcomers = leads.filter((p) => p.id !== lead.id && !crew.includes(p));
      const taker = takers.length ? r.pick(takers) : null;
      const heir = taker ? this.partner(taker.partner) : newcomers.length ? weightedBy(r, newcomers, fit) : null;
      if (heir) {
        leadPart.to = at;
        participants.push({ partner: lead.id, role: 'CONTRIBUTOR', from: at, to: closeTo });
        if (taker) taker.to = at;
        participants.push({ partner: heir.id, role: 'ORCHESTRATOR', from: at, to: closeTo });
        orchestrators.push(heir);
      }
    }

    // Values from 80k to 4M, skewed towards the small end as real pipelines are.
    const u = r.int(0, 1000) / 1000;
    const value = r.chance(status === 'PLANNED' ? 0.15 : 0.05) ? null : Math.round((80_000 * 50 ** (u * u)) / 5000) * 5000;
    const currency = value === null ? null : ['DE', 'FR', 'NL'].includes(customer.region) && r.chance(0.7) ? 'EUR' : 'USD';

    // Touches: go-to-market partners before the start, delivery partners during it.
    const contributions: ContributionInput[] = [];
    // Touches have happened: never before the sample's first day, never after yesterday.
    const past = (date: string): string => minDate(maxDate(date, FIRST_DAY), addDays(TODAY, -1));
    const touch = (partner: string, kind: ContributionKind, date: string, amount: number | null = null): void => {
      contributions.push({ id: '', partner, kind, date: past(date), amount });
    };
    const presale = status === 'PLANNED' ? drawDate(r, addDays(pursuit, -40), pursuit) : addDays(start, -r.int(20, 120));
    if (r.chance(0.7)) touch(lead.id, 'SOURCED', presale);
    const gtm = (type: PartnerType, p: number): PartnerInput | null => {
      const options = pool.filter((x) => x.type === type);
      return options.length && r.chance(p) ? r.pick(options) : null;
    };
    const addGtm = (partner: PartnerInput, kind: ContributionKind, date: string, amount: number | null): void => {
      const from = past(date);
      touch(partner.id, kind, from, amount);
      participants.push({ partner: partner.id, role: 'CONTRIBUTOR', from, to: addDays(from, r.int(30, 75)) });
    };
    const referrer = gtm('REFERRAL', 0.2);
    if (referrer) addGtm(referrer, 'REFERRAL', addDays(presale, -r.int(10, 60)), value && r.chance(0.5) ? Math.round(value * 0.03) : null);
    const influencer = gtm('INFLUENCER', 0.15);
    if (influencer) addGtm(influencer, 'INFLUENCED', addDays(presale, -r.int(0, 45)), null);
    const reseller = gtm('RESELLER', 0.15);
    if (reseller) addGtm(reseller, 'SOURCED', addDays(presale, r.int(0, 15)), value ? Math.round(value * 0.1) : null);
    const market = status === 'PLANNED' ? null : gtm('CLOUD_MARKETPLACE', 0.3);
    if (market) addGtm(market, 'MARKETPLACE', addDays(start, -r.int(0, 14)), value);
    for (const cp of crewParts) {
      const p = this.partner(cp.partner);
      if (['STRATEGIC_ALLIANCE', 'ISV', 'AI_NATIVE'].includes(p.type) && r.chance(0.35)) touch(p.id, 'CO_SELL', addDays(presale, r.int(0, 20)));
    }
    if (status !== 'PLANNED') {
      const during = (from: string): string => drawDate(r, maxDate(from, start), maxDate(lastWork, maxDate(from, start)));
      const share = (): number | null => (value && r.chance(0.6) ? Math.round(value * r.int(15, 50) / 100) : null);
      if (r.chance(0.6)) touch(lead.id, 'DELIVERY', during(start), share());
      for (const cp of crewParts) {
        const type = this.partner(cp.partner).type;
        const kind: ContributionKind = type === 'ISV' || type === 'AI_NATIVE' ? 'TECHNOLOGY'
          : type === 'MSP' || type === 'TELCO_INFRASTRUCTURE' ? 'MANAGED_SERVICE' : 'DELIVERY';
        if (r.chance(0.7) && cp.from <= lastWork) touch(cp.partner, kind, during(cp.from), share());
      }
    }
    contributions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    contributions.forEach((k, i) => { k.id = `k-${num}-${i + 1}`; });

    // Commitments and outcomes.
    const finalDue = end ?? minDate(maxDate(addDays(start, 450), addDays(TODAY, 60)), LAST_DAY);
    const long = dayOf(finalDue) - dayOf(start) > 200;
    const interimHi = minDate(addDays(finalDue, -60), status === 'ACTIVE' ? addDays(TODAY, -14) : finalDue);
    const interimDue = status !== 'CANCELLED' && long && addDays(start, 90) < interimHi &&
      ((miss && status === 'ACTIVE') || r.chance(0.45)) ? drawDate(r, addDays(start, 90), interimHi) : null;
    const dues: string[] = [];
    if (status === 'CANCELLED') {
      for (let n = r.int(1, 2); n > 0; n--) dues.push(drawDate(r, addDays(start, 5), end!));
    } else if (interimDue) {
      dues.push(drawDate(r, addDays(start, 20), addDays(interimDue, -5)), drawDate(r, addDays(start, 20), addDays(interimDue, -5)));
      for (let n = miss ? 2 : r.int(1, 2); n > 0; n--) dues.push(drawDate(r, addDays(interimDue, 1), addDays(finalDue, -5)));
    } else {
      for (let n = miss ? r.int(3, 4) : r.int(2, 4); n > 0; n--) dues.push(drawDate(r, addDays(start, 20), addDays(finalDue, -5)));
    }
    dues.sort();

    const owners = [...orchestrators, ...crew];
    const delivering = new Set(owners.map((p) => p.id));
    // Each commitment a different deliverable, preferably in the owner's own field.
    const used = new Set<string>();
    const describe = (owner: PartnerInput, i: number): string => {
      const fresh = (qs: RequirementInput[]): string[] => qs.flatMap((q) => DELIVERABLES[q.capability] ?? []).filter((d) => !used.has(d));
      const options = fresh(requires.filter((q) => this.holds(owner.id, q.capability) >= 2));
      const pickFrom = options.length ? options : fresh(requires);
      const description = pickFrom.length ? r.pick(pickFrom) : `Workstream ${i + 1} delivered`;
      used.add(description);
      return description;
    };
    const commitments: CommitmentInput[] = dues.map((due, i): CommitmentInput => {
      const owner = r.pick(owners);
      const status_: CommitmentStatus = status === 'PLANNED' ? 'PENDING'
        : status === 'CANCELLED' ? 'DELIVERED'
          : due < TODAY ? (r.chance(0.08) ? 'LATE' : 'DELIVERED')
            : due < addDays(TODAY, 60) || r.chance(0.3) ? 'IN_PROGRESS' : 'PENDING';
      return { id: `m-${num}-${i + 1}`, owner: owner.id, description: describe(owner, i),
        status: status_, dueDate: due, dependsOn: [] };
    });
    commitments.forEach((m, i) => {
      const prev = commitments[i - 1];
      if (prev && r.chance(0.5)) m.dependsOn!.push(prev.id);
      if (r.chance(0.12)) {
        const up = this.upstream(id, customer.id, delivering, m.dueDate!, false);
        if (up) m.dependsOn!.push(up.id);
      }
    });

    const outcomes: OutcomeInput[] = [];
    const outcomeStatus = (due: string): OutcomeInput['status'] =>
      status === 'PLANNED' || due >= TODAY ? 'PENDING' : status === 'FAILED' && due === finalDue ? 'MISSED' : 'MET';
    if (interimDue) {
      const before = commitments.slice(0, 2);
      outcomes.push({ id: `o-${num}-1`, description: r.pick(MILESTONES), status: outcomeStatus(interimDue), dueDate: interimDue,
        dependsOn: r.chance(0.5) ? before.map((m) => m.id) : [before[1]!.id] });
    }
    if (status !== 'CANCELLED') {
      const last = commitments.slice(-2);
      outcomes.push({ id: `o-${num}-${outcomes.length + 1}`, description: r.pick(RESULTS[customer.industry] ?? ['Business case met']),
        status: outcomeStatus(finalDue), dueDate: finalDue,
        dependsOn: last.length > 1 && r.chance(0.4) ? last.map((m) => m.id) : [last[last.length - 1]!.id] });
    }

    // A designed miss: the outcome's last direct dependency is LATE because an earlier
    // commitment of (preferably) another partner FAILED, which itself may hang off a
    // defective commitment of an earlier engagement.
    if (miss) {
      const target = status === 'ACTIVE' ? outcomes[0]! : outcomes[outcomes.length - 1]!;
      target.status = status === 'COMPLETED' ? 'PARTIALLY_MET' : 'MISSED';
      const direct = commitments.filter((m) => target.dependsOn!.includes(m.id));
      const late = direct[direct.length - 1]!;
      const cause = commitments[commitments.indexOf(late) - 1]!;
      late.status = 'LATE';
      if (!late.dependsOn!.includes(cause.id)) late.dependsOn!.push(cause.id);
      cause.status = 'FAILED';
      const others = owners.filter((p) => p.id !== late.owner);
      if (others.length) cause.owner = r.pick(others).id;
      if (r.chance(0.5)) {
        const up = this.upstream(id, customer.id, delivering, cause.dueDate!, true);
        if (up && !cause.dependsOn!.includes(up.id)) cause.dependsOn!.push(up.id);
      }
    }

    const engagement: EngagementInput = {
      id, name: r.pick(PROJECTS[requires[0]!.capability] ?? ['Transformation programme']), customer: customer.id, status,
      value, currency, startDate: start, endDate: end, requires, participants, contributions, commitments, outcomes,
    };
    this.remember(engagement, customer);
    return engagement;
  }

  /**
   * Gives a partner the random draw left idle a contributor role in one fitting generated
   * engagement, so every partner has a history (INACTIVE ones only before they left).
   */
  involve(partner: PartnerInput, engagements: EngagementInput[]): void {
    const r = this.rng;
    const fits = engagements.filter((e) => {
      const closed = e.status === 'COMPLETED' || e.status === 'FAILED' || e.status === 'CANCELLED';
      return (partner.regions ?? []).includes(this.customerOf.get(e.customer)!.region) &&
        !(e.participants ?? []).some((p) => p.partner === partner.id) &&
        (partner.status === 'INACTIVE' ? closed && e.endDate! < '2025-07-01' : e.status !== 'CANCELLED');
    });
    if (!fits.length) throw new Error(`no engagement fits idle partner ${partner.id}`);
    const e = weightedBy(r, fits, (x) => 1 + (x.requires ?? []).reduce((sum, q) => sum + this.holds(partner.id, q.capability), 0) +
      ((partner.industries ?? []).includes(this.customerOf.get(x.customer)!.industry) ? 4 : 0));
    const closed = e.status !== 'ACTIVE' && e.status !== 'PLANNED';
    const opened = (e.participants ?? []).filter((p) => p.role === 'ORCHESTRATOR').map((p) => p.from).sort()[0] ?? e.startDate!;
    const lastWork = closed ? e.endDate! : addDays(TODAY, -1);
    const gtm: Partial<Record<PartnerType, ContributionKind>> = {
      REFERRAL: 'REFERRAL', INFLUENCER: 'INFLUENCED', RESELLER: 'SOURCED', CLOUD_MARKETPLACE: 'MARKETPLACE',
    };
    const presale = gtm[partner.type];
    let from: string, to: string | null, kind: ContributionKind;
    if (presale) {
      // Go-to-market partners open the door shortly before the work starts, then step out.
      from = maxDate(addDays(opened, -r.int(10, 60)), FIRST_DAY);
      to = addDays(from, r.int(30, 75));
      kind = presale;
    } else {
      from = drawDate(r, opened, minDate(addDays(opened, 30), addDays(lastWork, -1)));
      to = closed ? addDays(e.endDate!, 1) : null;
      kind = e.status === 'PLANNED' ? 'CO_SELL' : partner.type === 'ISV' || partner.type === 'AI_NATIVE' ? 'TECHNOLOGY'
        : partner.type === 'MSP' || partner.type === 'TELCO_INFRASTRUCTURE' ? 'MANAGED_SERVICE' : 'DELIVERY';
    }
    e.participants!.push({ partner: partner.id, role: 'CONTRIBUTOR', from, to });
    const date = presale || e.status === 'PLANNED' ? from : drawDate(r, from, maxDate(from, lastWork));
    const contributions = e.contributions!;
    contributions.push({ id: `k-${e.id.replace(/^e-/, '')}-${contributions.length + 1}`, partner: partner.id, kind, date, amount: null });
  }

  private partner(id: string): PartnerInput {
    return this.opts.partners.find((p) => p.id === id)!;
  }
}
