/**
 * `scenario` (contract: Scenarios): the ecosystem as if, from today, the exits, joins
 * and handovers had happened, answered by the same statements as coverageGaps,
 * exitImpact and ecosystemHealth, run on the changed graph.
 *
 * First a READ transaction checks the input and reads "before". Then one WRITE
 * transaction that is always rolled back (Graph.rolledBackTx) makes the changes, reads
 * "after" with the same statements, and the rollback drops it all. Nothing is
 * committed, so the graph version stays, no audit entry is made, and other transactions
 * never see the changes (Neo4j shows them committed data only).
 *
 * Locks (measured on Neo4j 5.26 with concurrent committing writers): from the change to
 * the rollback, the leaving partners' nodes (so a write of such a partner, or of any of
 * its relationships, waits), the intervals that end (SET), and the joining ids' entries
 * in the partner id constraint (creating a partner with such an id waits). Nothing else:
 * relationships created or deleted here lock nothing others wait for, since Neo4j takes
 * those locks at commit, which never comes; engagements, handover partners, regions and
 * capabilities stay free. The lock-taking changes run last and are followed only by the
 * "after" reads, so such a writer waits at most the write transaction's duration (about
 * 50-200 ms on a small graph, warm; never over the query time limit) and then succeeds.
 */
import type { Graph } from '../db/index.ts';
import type { HealthRow } from '../credit/index.ts';
import { orchestratedByOn, type CoverageOptions } from '../gaps/index.ts';
import { coverageChanges, orchestrationChanges, type CoverageChangeRow } from './compare.ts';
import { measureAfter, measureBefore, reachOf } from './measure.ts';
import { APPLY_EXITS, APPLY_HANDOVERS, APPLY_JOINS, type JoinedPartnerRow } from './scenario.queries.ts';
import { planScenario, type ScenarioInput } from './validate.ts';

export interface ScenarioRow {
  coverage: CoverageChangeRow[];
  orphanedEngagements: string[];
  adoptedEngagements: string[];
  healthBefore: HealthRow;
  healthAfter: HealthRow;
  /** The joining partners as the changed graph holds them: the `after` cells name them. */
  joined: JoinedPartnerRow[];
}

export interface ScenarioOptions {
  /**
   * Called once the changes are made, before "after" is read, while the transaction
   * holds its locks: a seam for tests that look at the store from outside meanwhile.
   */
  whileChanged?: () => Promise<void>;
}

export async function scenario(
  graph: Graph, input: ScenarioInput, coverage: CoverageOptions, today: string, options: ScenarioOptions = {},
): Promise<ScenarioRow> {
  // The input is checked and "before" read in one READ transaction: no lock, and the
  // write transaction below holds only what must see the changes (each transaction has
  // the query time limit to itself). Nothing is lost by the split: Neo4j reads committed
  // data statement by statement, so one transaction would not freeze "before" either.
  const { plan, touched, reach, before } = await graph.readTx(async (tx) => {
    const plan = await planScenario(tx, input);
    // Only these can change whether an engagement has an orchestrator today: those a
    // leaving partner orchestrates today (exitImpact's orphans) and those handed over.
    const touched = [...new Set([...await orchestratedByOn(tx, plan.leaving, today), ...plan.handovers.map((h) => h.engagementId)])];
    const reach = await reachOf(tx, plan.leaving, plan.joins);
    return { plan, touched, reach, before: await measureBefore(graph, tx, coverage, reach, touched, today) };
  });

  return graph.rolledBackTx(async (tx) => {
    // Locks are taken from here on. Joins first (a handover may go to a joining partner;
    // they lock only their new ids), then handovers (a handover from before today of a
    // leaving partner's engagement ends its interval at `from`, so the exit finds nothing
    // left to end), exits last: the leaving partners' nodes are what writers most often
    // wait for, so they are locked for the shortest time.
    const joined = (await tx.run<{ partner: JoinedPartnerRow }>(APPLY_JOINS, { joins: plan.joins })).map((r) => r.partner);
    await tx.run(APPLY_HANDOVERS, plan.handover);
    await tx.run(APPLY_EXITS, { leaving: plan.leaving, today });
    await options.whileChanged?.();

    // The partners whose health figures can change: status (exits, joins) or roles (handovers).
    const changed = [...new Set([
      ...plan.leaving, ...plan.joins.map((j) => j.id), ...plan.handover.ends.map((x) => x.partner), ...plan.handover.starts.map((x) => x.partner),
    ])];
    const after = await measureAfter(tx, coverage, reach, touched, today, before.baseline, changed);
    const { orphaned, adopted } = orchestrationChanges(before, after);
    return {
      coverage: coverageChanges(before, after, coverage),
      orphanedEngagements: orphaned,
      adoptedEngagements: adopted,
      healthBefore: before.health,
      healthAfter: after.health,
      joined,
    };
  });
}
