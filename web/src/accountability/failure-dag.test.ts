import { describe, expect, it } from 'vitest';
import type { CommitmentInfo, CommitmentTree } from './accountability.queries.ts';
import { buildFailureDag, type FailureDagInput } from './failure-dag.ts';

const partner = (id: string) => ({ id, name: id.toUpperCase() });
const c = (id: string, status: CommitmentInfo['status'], owner: string, engagement = 'e1'): CommitmentInfo =>
  ({ id, description: `${id} desc`, status, dueDate: null, owner: partner(owner), engagement: { id: engagement, name: engagement } });
const tree = (info: CommitmentInfo, ...dependsOn: CommitmentTree[]): CommitmentTree => ({ ...info, dependsOn });

function data(rootCauses: Array<[CommitmentInfo, string[]]>, propagated: CommitmentInfo[], top: CommitmentTree[]): FailureDagInput {
  return {
    accountability: {
      outcome: { id: 'o1', description: 'Outcome', status: 'MISSED', dueDate: '2026-06-30', engagement: { id: 'e1', name: 'E1', status: 'ACTIVE', customer: { name: 'C' }, roleHistory: [] } },
      accountable: partner('p-orch'),
      rootCauses: rootCauses.map(([commitment, path]) => ({ commitment, path: path.map((id) => ({ id })) })),
      propagated,
      responsible: [],
    },
    outcome: { id: 'o1', dependsOn: top },
  };
}

const marks = (dag: ReturnType<typeof buildFailureDag>) => Object.fromEntries(dag.nodes.map((n) => [n.id, n.mark]));

describe('the failure DAG', () => {
  // o-claims-speed, as in docs/accountability-example.md
  const triage = c('m-triage', 'LATE', 'p-cortexa'), rules = c('m-rules', 'LATE', 'p-quill'), ux = c('m-ux', 'DELIVERED', 'p-bright');
  const history = c('m-history', 'FAILED', 'p-tess'), ingest = c('m-ingest', 'FAILED', 'p-bright', 'e-lake'), landing = c('m-landing', 'DELIVERED', 'p-bright', 'e-lake');
  const claims = data([[rules, ['m-rules']], [ingest, ['m-triage', 'm-history', 'm-ingest']]], [history, triage],
    [tree(triage, tree(history, tree(ingest, tree(landing)))), tree(rules), tree(ux)]);

  it('marks root causes and propagated failures from the accountability answer', () => {
    const dag = buildFailureDag(claims);
    expect(marks(dag)).toEqual({
      o1: 'outcome', 'm-history': 'propagated', 'm-ingest': 'root-cause', 'm-landing': 'healthy', 'm-rules': 'root-cause', 'm-triage': 'propagated', 'm-ux': 'healthy',
    });
    expect(dag.nodes.find((n) => n.id === 'm-ingest')?.foreign).toBe(true);
  });

  it('draws the failure edges from the outcome down to the root causes', () => {
    const failure = buildFailureDag(claims).edges.filter((e) => e.failure).map((e) => `${e.from}>${e.to}`);
    expect(failure.sort()).toEqual(['m-history>m-ingest', 'm-triage>m-history', 'o1>m-rules', 'o1>m-triage']);
  });

  it('greys a delivered commitment that absorbed a failure, and shows the failure it absorbed', () => {
    // o-fraud-alerts: m-fraud-rules DELIVERED over the FAILED m-fraud-feed; m-fraud-scoring the root cause.
    const feed = c('m-feed', 'FAILED', 'p-tess'), fraudRules = c('m-fraud-rules', 'DELIVERED', 'p-vault'), scoring = c('m-scoring', 'LATE', 'p-parallax');
    const dag = buildFailureDag(data([[scoring, ['m-scoring']]], [], [tree(fraudRules, tree(feed, tree(c('m-deeper', 'LATE', 'p-x')))), tree(scoring)]));
    expect(marks(dag)).toEqual({ o1: 'outcome', 'm-fraud-rules': 'absorbed', 'm-feed': 'outside-failure', 'm-scoring': 'root-cause' });
    expect(dag.edges.find((e) => e.to === 'm-feed')?.failure).toBe(false);
  });

  it('leaves out healthy subtrees below the outcome’s direct dependencies', () => {
    const deep = c('m-deep', 'DELIVERED', 'p1');
    const dag = buildFailureDag(data([], [], [tree(c('m-top', 'DELIVERED', 'p1'), tree(deep))]));
    expect(marks(dag)).toEqual({ o1: 'outcome', 'm-top': 'healthy' });
  });

  it('adds failure members deeper than the fetched tree from the root causes’ paths', () => {
    const a = c('m-a', 'LATE', 'p1'), b = c('m-b', 'LATE', 'p2'), z = c('m-z', 'FAILED', 'p3');
    const dag = buildFailureDag(data([[z, ['m-a', 'm-b', 'm-z']]], [a, b], [tree(a)]));   // the tree stops at m-a
    expect(marks(dag)).toEqual({ o1: 'outcome', 'm-a': 'propagated', 'm-b': 'propagated', 'm-z': 'root-cause' });
    expect(dag.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(['m-a>m-b', 'm-b>m-z', 'o1>m-a']);
  });

  describe('for an outcome at risk', () => {
    const withOverdue = (input: FailureDagInput, overdue: CommitmentInfo[]): FailureDagInput => ({ ...input, overdue });
    const edgeKinds = (dag: ReturnType<typeof buildFailureDag>) =>
      Object.fromEntries(dag.edges.map((e) => [`${e.from}>${e.to}`, e.failure ? 'failure' : e.deep ? 'deep' : e.overdue ? 'overdue' : 'plain']));

    it('marks the overdue commitment beside the defective one (o-claims-nps)', () => {
      const rulesLate = c('m-rules', 'LATE', 'p-quill'), survey = c('m-followup', 'PENDING', 'p-tess');
      const dag = buildFailureDag(withOverdue(data([[rulesLate, ['m-rules']]], [], [tree(rulesLate), tree(survey)]), [survey]));
      expect(marks(dag)).toEqual({ o1: 'outcome', 'm-rules': 'root-cause', 'm-followup': 'overdue' });
      expect(edgeKinds(dag)).toEqual({ 'o1>m-followup': 'overdue', 'o1>m-rules': 'failure' });
    });

    it('shows the chain of open commitments down to an overdue one, and nothing else below them', () => {
      const rollout = c('m-rollout', 'IN_PROGRESS', 'p1'), survey = c('m-survey', 'PENDING', 'p2'), done = c('m-done', 'DELIVERED', 'p3');
      const dag = buildFailureDag(withOverdue(data([], [], [tree(rollout, tree(survey), tree(done))]), [survey]));
      expect(marks(dag)).toEqual({ o1: 'outcome', 'm-rollout': 'healthy', 'm-survey': 'overdue' });
      expect(edgeKinds(dag)).toEqual({ 'o1>m-rollout': 'overdue', 'm-rollout>m-survey': 'overdue' });
    });

    it('hangs an overdue commitment deeper than the fetched tree from the outcome, as a chain not drawn', () => {
      const top = c('m-top', 'IN_PROGRESS', 'p1'), deep = c('m-deep', 'IN_PROGRESS', 'p2');
      const dag = buildFailureDag(withOverdue(data([], [], [tree(top)]), [deep]));
      expect(marks(dag)).toEqual({ o1: 'outcome', 'm-top': 'healthy', 'm-deep': 'overdue' });
      expect(edgeKinds(dag)).toEqual({ 'o1>m-deep': 'deep', 'o1>m-top': 'plain' });
    });

    it('marks no edge overdue for a missed outcome', () => {
      expect(buildFailureDag(claims).edges.some((e) => e.overdue || e.deep)).toBe(false);
    });
  });
});
