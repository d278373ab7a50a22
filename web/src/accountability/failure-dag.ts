/**
 * The failure subgraph of one outcome as a DAG to draw, from the outcome down to the
 * root causes. The API's accountability gives the defective members (root causes,
 * propagated); the outcome's dependency tree adds what they depend on and the DELIVERED
 * commitments that absorbed a failure below them (the failure search does not pass
 * through those, so the failure under them is not this outcome's). For an outcome at
 * risk, the API's overdue commitments are marked too, with the chains that lead to them.
 */
import type { AccountabilityData, CommitmentInfo, CommitmentTree } from './accountability.queries.ts';

/** What the DAG reads: the accountability answer and the outcome's dependency tree, at any depth. */
export type FailureDagInput = Pick<AccountabilityData, 'accountability'> & {
  outcome: { id: string; dependsOn?: readonly CommitmentTree[] } | null;
  /** The at-risk answer's overdue commitments (atRiskOutcomes), when the outcome is at risk. */
  overdue?: readonly CommitmentInfo[];
};

export type Mark =
  | 'outcome'
  | 'root-cause'        // in the failure subgraph, no defective direct dependency
  | 'propagated'        // in the failure subgraph, passed a failure on
  | 'absorbed'          // DELIVERED (or open) although a dependency below is defective
  | 'outside-failure'   // defective, but reached only through a non-defective commitment
  | 'overdue'           // at risk: PENDING or IN_PROGRESS past its due date (atRiskOutcomes)
  | 'healthy';          // not defective, nothing defective below (as far as known)

export interface DagNode {
  id: string;
  mark: Mark;
  status: string;
  dueDate: string | null;
  description: string;
  owner: { id: string; name: string } | null;
  engagement: { id: string; name: string } | null;
  /** True when the commitment belongs to another engagement than the outcome. */
  foreign: boolean;
}

export interface DagEdge {
  from: string;
  to: string;
  /** True when the edge carries this outcome's failure (both ends in the failure, or outcome → failure). */
  failure: boolean;
  /** True when the edge leads to an overdue commitment through commitments that are not DELIVERED. */
  overdue: boolean;
  /**
   * True when the overdue commitment lies deeper than the fetched dependency tree: the
   * edge stands for a chain not drawn.
   */
  deep: boolean;
}

export interface FailureDag {
  nodes: DagNode[];
  edges: DagEdge[];
}

export const isDefective = (status: CommitmentInfo['status'] | undefined): boolean => status === 'LATE' || status === 'FAILED';

export function buildFailureDag(data: FailureDagInput): FailureDag {
  const { accountability: acc } = data;
  const outcomeId = acc.outcome.id;
  const info = new Map<string, CommitmentInfo>();
  const deps = new Map<string, Set<string>>([[outcomeId, new Set()]]);
  const link = (from: string, to: string) => { (deps.get(from) ?? deps.set(from, new Set()).get(from)!).add(to); };

  const walk = (parent: string, children: readonly CommitmentTree[] | undefined) => {
    for (const child of children ?? []) {
      const { dependsOn, ...rest } = child;
      if (!info.has(child.id)) info.set(child.id, rest);
      link(parent, child.id);
      walk(child.id, dependsOn);
    }
  };
  walk(outcomeId, data.outcome?.dependsOn);
  const roots = new Set(acc.rootCauses.map((r) => r.commitment.id));
  const failure = new Set([...roots, ...acc.propagated.map((p) => p.id)]);
  for (const r of acc.rootCauses) {
    info.set(r.commitment.id, r.commitment);
    const path = r.path.map((p) => p.id);
    if (path.length) link(outcomeId, path[0]!);
    for (let i = 1; i < path.length; i++) link(path[i - 1]!, path[i]!);
  }
  for (const p of acc.propagated) info.set(p.id, p);
  const overdue = new Set<string>();
  const deep = new Set<string>();
  for (const c of data.overdue ?? []) {
    overdue.add(c.id);
    // Deeper than the fetched tree: hung from the outcome, the edge says a chain is not drawn.
    if (!info.has(c.id)) { info.set(c.id, c); deep.add(c.id); link(outcomeId, c.id); }
  }
  const status = (id: string) => info.get(id)?.status;

  /** Whether a dependency chain from `id` reaches a `hit`, passing only nodes `through` lets by. */
  const reaches = (hit: (id: string) => boolean, through: (id: string) => boolean) => {
    const memo = new Map<string, boolean>();
    const below = (id: string): boolean => {
      if (memo.has(id)) return memo.get(id)!;
      memo.set(id, false);
      const result = [...(deps.get(id) ?? [])].some((d) => hit(d) || (through(d) && below(d)));
      memo.set(id, result);
      return result;
    };
    return below;
  };
  const defectiveBelow = reaches((d) => isDefective(status(d)), () => true);
  // The contract's overdue search passes only commitments that are not DELIVERED.
  const overdueBelow = reaches((d) => overdue.has(d), (d) => status(d) !== 'DELIVERED');
  const leadsToDefect = (id: string) => isDefective(status(id)) || defectiveBelow(id);
  const leadsToOverdue = (id: string) => overdue.has(id) || (status(id) !== 'DELIVERED' && overdueBelow(id));

  // Which nodes to show: the outcome's direct dependencies, the failure and what it
  // depends on directly, the chains from a non-defective node down to a defective one,
  // and the chains of commitments not DELIVERED down to an overdue one.
  const visible = new Set<string>([outcomeId]);
  const queue = [outcomeId];
  while (queue.length) {
    const id = queue.shift()!;
    const own = id === outcomeId ? undefined : status(id);
    const expandAll = id === outcomeId || failure.has(id);
    const toDefect = !expandAll && !isDefective(own) && defectiveBelow(id);
    const toOverdue = !expandAll && own !== 'DELIVERED' && overdueBelow(id);
    if (!expandAll && !toDefect && !toOverdue) continue;
    for (const d of deps.get(id) ?? []) {
      if (!info.has(d)) continue;
      if (!expandAll && !((toDefect && leadsToDefect(d)) || (toOverdue && leadsToOverdue(d)))) continue;
      if (!visible.has(d)) { visible.add(d); queue.push(d); }
    }
  }

  const engagementId = acc.outcome.engagement.id;
  const nodes: DagNode[] = [{
    id: outcomeId, mark: 'outcome', status: acc.outcome.status, dueDate: acc.outcome.dueDate, description: acc.outcome.description,
    owner: null, engagement: { id: engagementId, name: acc.outcome.engagement.name }, foreign: false,
  }];
  for (const id of [...visible].filter((v) => v !== outcomeId).sort()) {
    const c = info.get(id)!;
    nodes.push({
      id, status: c.status, dueDate: c.dueDate, description: c.description, owner: c.owner, engagement: c.engagement, foreign: c.engagement.id !== engagementId,
      mark: roots.has(id) ? 'root-cause' : failure.has(id) ? 'propagated' : isDefective(c.status) ? 'outside-failure'
        : overdue.has(id) ? 'overdue' : defectiveBelow(id) ? 'absorbed' : 'healthy',
    });
  }
  const edges: DagEdge[] = [];
  for (const from of [...visible].sort()) {
    for (const to of [...(deps.get(from) ?? [])].sort()) {
      if (!visible.has(to)) continue;
      const open = from === outcomeId || status(from) !== 'DELIVERED';
      edges.push({
        from, to,
        failure: failure.has(to) && (from === outcomeId || failure.has(from)),
        overdue: open && leadsToOverdue(to),
        deep: deep.has(to) && from === outcomeId,
      });
    }
  }
  return { nodes, edges };
}
