/**
 * The failure subgraph of one outcome as a DAG to draw, from the outcome down to the
 * root causes. The API's accountability gives the defective members (root causes,
 * propagated); the outcome's dependency tree adds what they depend on and the DELIVERED
 * commitments that absorbed a failure below them (the failure search does not pass
 * through those, so the failure under them is not this outcome's).
 */
import type { AccountabilityData, CommitmentInfo, CommitmentTree } from './accountability.queries.ts';

/** What the DAG reads: the accountability answer and the outcome's dependency tree, at any depth. */
export type FailureDagInput = Pick<AccountabilityData, 'accountability'> & { outcome: { id: string; dependsOn?: readonly CommitmentTree[] } | null };

export type Mark =
  | 'outcome'
  | 'root-cause'        // in the failure subgraph, no defective direct dependency
  | 'propagated'        // in the failure subgraph, passed a failure on
  | 'absorbed'          // DELIVERED (or open) although a dependency below is defective
  | 'outside-failure'   // defective, but reached only through a non-defective commitment
  | 'healthy';          // not defective, nothing defective below (as far as known)

export interface DagNode {
  id: string;
  mark: Mark;
  status: string;
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

  const memo = new Map<string, boolean>();
  const defectiveBelow = (id: string): boolean => {
    if (memo.has(id)) return memo.get(id)!;
    memo.set(id, false);
    const result = [...(deps.get(id) ?? [])].some((d) => isDefective(info.get(d)?.status) || defectiveBelow(d));
    memo.set(id, result);
    return result;
  };

  // Which nodes to show: the outcome's direct dependencies, the failure and what it
  // depends on directly, and the chains from a non-defective node down to a defective one.
  const visible = new Set<string>([outcomeId]);
  const queue = [outcomeId];
  while (queue.length) {
    const id = queue.shift()!;
    const status = id === outcomeId ? undefined : info.get(id)?.status;
    const expandAll = id === outcomeId || failure.has(id);
    const expandChains = !expandAll && !isDefective(status) && defectiveBelow(id);
    if (!expandAll && !expandChains) continue;
    for (const d of deps.get(id) ?? []) {
      if (!info.has(d)) continue;
      if (!expandAll && !(isDefective(info.get(d)!.status) || defectiveBelow(d))) continue;
      if (!visible.has(d)) { visible.add(d); queue.push(d); }
    }
  }

  const engagementId = acc.outcome.engagement.id;
  const nodes: DagNode[] = [{
    id: outcomeId, mark: 'outcome', status: acc.outcome.status, description: acc.outcome.description,
    owner: null, engagement: { id: engagementId, name: acc.outcome.engagement.name }, foreign: false,
  }];
  for (const id of [...visible].filter((v) => v !== outcomeId).sort()) {
    const c = info.get(id)!;
    nodes.push({
      id, status: c.status, description: c.description, owner: c.owner, engagement: c.engagement, foreign: c.engagement.id !== engagementId,
      mark: roots.has(id) ? 'root-cause' : failure.has(id) ? 'propagated' : isDefective(c.status) ? 'outside-failure' : defectiveBelow(id) ? 'absorbed' : 'healthy',
    });
  }
  const edges: DagEdge[] = [];
  for (const from of [...visible].sort()) {
    for (const to of [...(deps.get(from) ?? [])].sort()) {
      if (!visible.has(to)) continue;
      edges.push({ from, to, failure: failure.has(to) && (from === outcomeId || failure.has(from)) });
    }
  }
  return { nodes, edges };
}
