/**
 * The short summaries the tools answer beside their data: a few sentences a person could
 * read aloud, naming partners by name and things by id. They say what the data says and no
 * more; lists are cut to their first few items (the data has them all).
 */

/** A tool's arguments, as the agent sent them (already checked against its input schema). */
type Args = Record<string, unknown>;

/** At most this many items of a list are named in a sentence. */
const NAMED = 5;

interface Named { id: string; name: string }
interface Cell { region: { code: string }; industry: { code: string } | null; capability: { id: string }; demand: number; supply: number; status: string; partners: Named[] }
interface Health { partners: number; activePartners: number; engagements: number; longTail: number; outcomeSuccessRate: number | null; valueGini: number; topDecileValueShare: number }
interface Page<N> { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: N }> }

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "two root causes", "one root cause", "12 root causes". */
function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${WORDS[n] ?? String(n)} ${n === 1 ? singular : plural}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a, b and c", then "and 4 more" past NAMED. */
function listed(items: string[], more = 0): string {
  const shown = items.slice(0, NAMED);
  const rest = items.length - shown.length + more;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

function percent(share: number): string {
  const p = share * 100;
  if (p > 0 && p < 0.05) return 'under 0.1 %';
  return `${Number.isInteger(p) ? p : p.toFixed(1)} %`;
}

function cell(c: Cell): string {
  return `${c.region.code}${c.industry ? ` ${c.industry.code}` : ''} × ${c.capability.id}`;
}

function supplyWords(c: Cell): string {
  const names = c.partners.map((p) => p.name);
  if (names.length === 0) return 'nobody supplies it';
  if (names.length === 1) return `only ${names[0]} supplies it`;
  return names.length <= 3 ? `${listed(names)} supply it` : `${names.length} partners supply it`;
}

/** "one engagement needs it", "three engagements need it". */
function demandWords(c: Cell): string {
  return `${count(c.demand, 'engagement')} ${c.demand === 1 ? 'needs' : 'need'} it`;
}

function moreToCome(p: Page<unknown>): string {
  return p.pageInfo.hasNextPage ? ` More with after: "${p.pageInfo.endCursor}".` : '';
}

// ---------------------------------------------------------------------------------

interface Commitment { id: string; description: string; status: string; dueDate?: string | null; owner: Named; engagement?: Named }

export function accountability(data: Record<string, unknown>): string {
  const a = data.accountability as {
    outcome: { id: string; description: string; status: string; dueDate: string; engagement: Named };
    accountable: Named | null;
    rootCauses: Array<{ commitment: Commitment; path: Array<{ id: string }> }>;
    responsible: Array<{ partner: Named; share: number; role: string | null }>;
  };
  const { outcome } = a;
  const what = `${outcome.id} ("${outcome.description}", ${outcome.status}, due ${outcome.dueDate})`;
  const who = a.accountable
    ? `${a.accountable.name} was accountable for ${what}, as the orchestrator of ${outcome.engagement.name} on ${outcome.dueDate}.`
    : `Nobody was accountable for ${what}: ${outcome.engagement.name} had no orchestrator on ${outcome.dueDate}.`;
  const causes = a.rootCauses.map(({ commitment: c, path }) => {
    const through = path.length > 1 ? `, reached through ${path.slice(0, -1).map((p) => p.id).join(' → ')}` : '';
    const elsewhere = c.engagement && c.engagement.id !== outcome.engagement.id ? `, in ${c.engagement.name}` : '';
    return `${c.id} "${c.description}" (${c.owner.name}, ${c.status}${elsewhere}${through})`;
  });
  const why = causes.length === 0
    ? ' No root cause: nothing it depends on is LATE or FAILED.'
    : ` ${capitalised(count(causes.length, 'root cause'))}: ${listed(causes)}.`;
  const shares = a.responsible.map((r) => `${r.partner.name} ${percent(r.share)} (${r.role ? r.role.toLowerCase() : 'no role in this engagement'})`);
  return `${who}${why}${shares.length > 0 ? ` Responsible: ${listed(shares)}.` : ''}`;
}

export function missedOutcomes(data: Record<string, unknown>): string {
  const p = data.missedOutcomes as Page<{ id: string; description: string; status: string; dueDate: string; engagement: Named }>;
  if (p.totalCount === 0) return 'No missed outcomes (MISSED or PARTIALLY_MET) match.';
  const items = p.edges.map(({ node: o }) => `${o.id} "${o.description}" (${o.status}, due ${o.dueDate}, ${o.engagement.name})`);
  return `${capitalised(count(p.totalCount, 'missed outcome'))} (MISSED or PARTIALLY_MET), latest due first: ${listed(items, p.totalCount - items.length)}.${moreToCome(p)}`;
}

export function atRisk(data: Record<string, unknown>, args: Args): string {
  const p = data.atRiskOutcomes as Page<{
    outcome: { id: string; description: string; dueDate: string }; daysToDue: number; reasons: string[];
    orchestratorNow: Named | null; orchestratorOnDueDate: Named | null; defective: Commitment[]; overdue: Commitment[];
  }>;
  const asOf = typeof args.asOf === 'string' ? `as of ${args.asOf}` : 'as of today';
  if (p.totalCount === 0) return `No outcome is at risk ${asOf}.`;
  const items = p.edges.slice(0, 3).map(({ node: r }) => {
    const why = [
      ...(r.defective.length > 0 ? [`defective: ${listed(r.defective.map((c) => `${c.id} (${c.owner.name}, ${c.status})`))}`] : []),
      ...(r.overdue.length > 0 ? [`overdue: ${listed(r.overdue.map((c) => `${c.id} (${c.owner.name}, due ${c.dueDate})`))}`] : []),
    ];
    const reasons = why.length > 0 ? why.join('; ') : r.reasons.map((x) => x.toLowerCase().replace('_', ' ')).join(' and ');
    const now = r.orchestratorNow ? `${r.orchestratorNow.name} must act now` : 'nobody orchestrates it today';
    const due = r.orchestratorOnDueDate?.id !== r.orchestratorNow?.id
      ? `; ${r.orchestratorOnDueDate ? `${r.orchestratorOnDueDate.name} will be accountable on the due date` : 'nobody will be accountable on the due date'}`
      : '';
    return `${r.outcome.id} "${r.outcome.description}", due ${r.outcome.dueDate} (${r.daysToDue} days): ${reasons}; ${now}${due}`;
  });
  const rest = p.totalCount - items.length;
  return `${capitalised(count(p.totalCount, 'outcome'))} at risk ${asOf}, nearest due first. ${items.join('. ')}.${rest > 0 ? ` And ${rest} more.` : ''}${moreToCome(p)}`;
}

const SEVERITY = ['UNCOVERED', 'SINGLE_POINT', 'THIN', 'COVERED'];

export function coverage(data: Record<string, unknown>): string {
  const cells = data.coverageGaps as Cell[];
  if (cells.length === 0) return 'No cell with demand matches: nothing is missing there.';
  const byStatus = SEVERITY.map((s) => [s, cells.filter((c) => c.status === s).length] as const).filter(([, n]) => n > 0);
  const worst = [...cells].sort((a, b) => SEVERITY.indexOf(a.status) - SEVERITY.indexOf(b.status) || b.demand - a.demand);
  const named = worst.slice(0, NAMED).map((c) => `${cell(c)} ${c.status} (${demandWords(c)}, ${supplyWords(c)})`);
  if (cells.length === 1) return `${named[0]}.`;
  return `${capitalised(count(cells.length, 'cell'))}: ${byStatus.map(([s, n]) => `${n} ${s}`).join(', ')}. `
    + `Worst first: ${listed(named, cells.length - named.length)}.`;
}

export function engagementGaps(data: Record<string, unknown>): string {
  const r = data.engagementGaps as {
    engagement: Named & { status: string; orchestrator: Named | null };
    orchestrationGap: boolean;
    missing: Array<{ capability: { id: string }; level: number; candidates: Named[] }>;
  };
  const e = r.engagement;
  const head = `${e.name} (${e.id}, ${e.status}${e.orchestrator ? `, orchestrated by ${e.orchestrator.name}` : ''})`;
  const gap = r.orchestrationGap ? ' It has no orchestrator today (an orchestration gap).' : '';
  if (r.missing.length === 0) return `${head} has every skill it requires among the partners taking part today.${gap}`;
  const missing = r.missing.map((m) => `${m.capability.id} at level ${m.level} (${m.candidates.length > 0 ? `candidates: ${listed(m.candidates.map((c) => c.name))}` : 'no candidate'})`);
  return `${head} is missing ${count(r.missing.length, 'skill')}: ${missing.join('; ')}.${gap}`;
}

export function exitImpact(data: Record<string, unknown>): string {
  const x = data.exitImpact as {
    partners: Named[]; orphanedEngagements: Named[]; atRiskCommitments: unknown[]; newlyUncovered: Cell[]; newlySinglePoint: Cell[];
  };
  const who = listed(x.partners.map((p) => p.name));
  const parts = [
    x.orphanedEngagements.length > 0
      ? `${count(x.orphanedEngagements.length, 'PLANNED or ACTIVE engagement')} would lose their orchestrator (${listed(x.orphanedEngagements.map((e) => e.id))})`
      : 'no engagement would lose its orchestrator',
    `${count(x.atRiskCommitments.length, 'open commitment')} would be at risk`,
    ...(x.newlyUncovered.length > 0 ? [`${listed(x.newlyUncovered.map(cell))} would have no supplier`] : []),
    ...(x.newlySinglePoint.length > 0 ? [`${listed(x.newlySinglePoint.map((c) => `${cell(c)} would be left with ${listed(c.partners.map((p) => p.name))} alone`))}`] : []),
  ];
  return `If ${who} left today: ${parts.join('; ')}.`;
}

export function scenario(data: Record<string, unknown>, args: Args): string {
  const s = data.scenario as {
    coverage: Array<{ before: Cell | null; after: Cell | null }>;
    orphanedEngagements: Named[]; adoptedEngagements: Named[]; healthBefore: Health; healthAfter: Health;
  };
  const changes = [
    ...((args.exits as string[] | undefined) ?? []).map((p) => `${p} left`),
    ...((args.joins as Array<{ name: string }> | undefined) ?? []).map((p) => `${p.name} joined`),
    ...((args.handovers as Array<{ engagementId: string; partnerId: string; from: string }> | undefined) ?? []).map((h) => `${h.partnerId} took over ${h.engagementId} on ${h.from}`),
  ];
  const moved = s.coverage.filter((c) => c.before?.status !== c.after?.status).map((c) => {
    const any = (c.after ?? c.before)!;
    return `${cell(any)} ${c.before?.status ?? 'no demand'} → ${c.after?.status ?? 'no demand'}`;
  });
  const [b, a] = [s.healthBefore, s.healthAfter];
  return `If ${changes.length > 0 ? listed(changes) : 'nothing changed'}: ${count(s.coverage.length, 'coverage cell')} change`
    + `${moved.length > 0 ? `, ${moved.length} of them in status (${listed(moved)})` : ''}; `
    + `${count(s.orphanedEngagements.length, 'engagement')} would lose their orchestrator and ${count(s.adoptedEngagements.length, 'engagement')} would gain one; `
    + `ACTIVE partners ${b.activePartners} → ${a.activePartners}; value Gini ${b.valueGini.toFixed(3)} → ${a.valueGini.toFixed(3)}. Nothing was written.`;
}

export function attribution(data: Record<string, unknown>, args: Args): string {
  const shares = data.attribution as Array<{ partner: Named; share: number; amount: number | null }>;
  const model = (args.model as string | undefined) ?? 'LINEAR';
  if (shares.length === 0) return `${args.engagementId as string} has no contributions recorded: nobody gets credit (${model}).`;
  const named = shares.map((s) => `${s.partner.name} ${percent(s.share)}${s.amount !== null ? ` (${Math.round(s.amount).toLocaleString('en-US')})` : ''}`);
  return `${model} attribution of ${args.engagementId as string}: ${listed(named)}.`;
}

export function health(data: Record<string, unknown>): string {
  const h = data.ecosystemHealth as Health;
  const rate = h.outcomeSuccessRate === null ? 'no outcome has been decided yet' : `${percent(Number(h.outcomeSuccessRate.toFixed(3)))} of decided outcomes were met`;
  return `${h.partners} partners, ${h.activePartners} of them ACTIVE, in ${h.engagements} engagements. Value Gini ${h.valueGini.toFixed(2)}; `
    + `the top 10 % of ACTIVE partners hold ${percent(Number(h.topDecileValueShare.toFixed(3)))} of attributed value; `
    + `${h.longTail === 0 ? 'every ACTIVE partner takes part in a PLANNED or ACTIVE engagement' : `${count(h.longTail, 'ACTIVE partner')} ${h.longTail === 1 ? 'takes' : 'take'} part in no PLANNED or ACTIVE engagement (the long tail)`}; ${rate}.`;
}

export function partners(data: Record<string, unknown>, args: Args): string {
  const p = data.partners as Page<Named & { type: string; status: string; regions: Array<{ code: string }>; capabilities: Array<{ capability: { id: string }; level: number; certified: boolean }> }>;
  if (p.totalCount === 0) return 'No partner matches.';
  const asked = new Set((args.capabilities as string[] | undefined) ?? []);
  const items = p.edges.map(({ node: n }) => {
    const held = n.capabilities.filter((c) => asked.has(c.capability.id)).map((c) => `${c.capability.id} ${c.level}${c.certified ? ' certified' : ''}`);
    return `${n.name} (${n.id}, ${n.regions.map((r) => r.code).join('/') || 'no region'}, ${n.status}${held.length > 0 ? `; ${held.join(', ')}` : ''})`;
  });
  return `${capitalised(count(p.totalCount, 'partner'))} ${p.totalCount === 1 ? 'matches' : 'match'}: ${listed(items, p.totalCount - items.length)}.${moreToCome(p)}`;
}

interface RoleRecord { engagements: number; outcomesMet: number; outcomesMissed: number; commitmentsDelivered: number; commitmentsDefective: number }

export function profile(data: Record<string, unknown>): string {
  const p = data.partner as Named & {
    type: string; status: string; regions: Array<{ code: string }>; capabilities: Array<{ capability: { id: string }; level: number }>;
    trackRecord: { accountableMisses: number; rootCauses: number; asOrchestrator: RoleRecord; asContributor: RoleRecord };
  };
  const t = p.trackRecord;
  const role = (r: RoleRecord) => `${count(r.engagements, 'engagement')} (${r.outcomesMet} outcomes met, ${r.outcomesMissed} missed; `
    + `${r.commitmentsDelivered} commitments delivered, ${r.commitmentsDefective} late or failed)`;
  const top = [...p.capabilities].sort((a, b) => b.level - a.level).map((c) => `${c.capability.id} ${c.level}`);
  return `${p.name} (${p.id}, ${p.type}, ${p.status}, in ${p.regions.map((r) => r.code).join('/') || 'no region'}; ${listed(top) || 'no capabilities'}) `
    + `orchestrated ${role(t.asOrchestrator)} and contributed to ${role(t.asContributor)}. `
    + `It was the accountable orchestrator of ${count(t.accountableMisses, 'missed outcome')} and owns ${count(t.rootCauses, 'root cause')} of missed outcomes.`;
}

export function singlePoints(data: Record<string, unknown>): string {
  const n = data.network as {
    partnerCount: number; stale: boolean; truncated: boolean;
    nodes: Array<{ id: string; label: string; degree: number; articulationPoint: boolean }>; edges: Array<{ source: string; target: string; bridge: boolean }>;
  };
  const names = new Map(n.nodes.map((x) => [x.id, x.label]));
  const points = n.nodes.filter((x) => x.articulationPoint).sort((a, b) => b.degree - a.degree).map((x) => x.label);
  const bridges = n.edges.filter((e) => e.bridge).map((e) => `${names.get(e.source) ?? e.source} – ${names.get(e.target) ?? e.target}`);
  const cut = points.length === 0
    ? 'no partner is an articulation point (no single exit splits it)'
    : `${count(points.length, 'partner')} ${points.length === 1 ? 'is an articulation point' : 'are articulation points'} (${listed(points)}): removing one splits its part of the network`;
  const bridged = bridges.length === 0
    ? 'No partnership is a bridge.'
    : `${capitalised(count(bridges.length, 'partnership'))} ${bridges.length === 1 ? 'is a bridge' : 'are bridges'}, the only link between two parts: ${listed(bridges)}.`;
  return `Of ${count(n.partnerCount, 'partner')} in the network, ${cut}. ${bridged}`
    + `${n.stale ? ' These metrics were computed before the latest change; a new computation is under way.' : ''}`
    + `${n.truncated ? ' The network was cut at 100,000 partners.' : ''}`;
}
