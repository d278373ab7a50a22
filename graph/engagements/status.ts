/**
 * setCommitmentStatus and setOutcomeStatus (contract: Mutation, Access). Each locks only
 * the item it changes; the version mark is the executor's (graph/db/version.ts).
 */
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/index.ts';
import type { Graph } from '../db/index.ts';
import { recordEvents } from '../events/index.ts';
import { AppError } from '../model/index.ts';
import type { CommitmentStatus, OutcomeStatus } from '../model/index.ts';
import { LOCK_COMMITMENT, LOCK_OUTCOME, SET_COMMITMENT_STATUS, SET_OUTCOME_STATUS } from './status.queries.ts';

/**
 * `partnerId` set (a PARTNER token): the commitment must be in its scope (else it does
 * not exist for it: NOT_FOUND) and owned by it (else FORBIDDEN).
 */
export async function setCommitmentStatus(
  graph: Graph, id: string, status: CommitmentStatus, partnerId: string | null, actor: Actor = SYSTEM_ACTOR,
): Promise<void> {
  await graph.writeTx(async (tx) => {
    await tx.run(LOCK_COMMITMENT, { id });
    const [row] = await tx.run<{ allowed: boolean; previous: CommitmentStatus; engagementId: string; owner: string | null }>(
      SET_COMMITMENT_STATUS, { id, status, scope: partnerId, owner: partnerId });
    if (!row) throw new AppError('NOT_FOUND', `No commitment "${id}".`);
    if (!row.allowed) throw new AppError('FORBIDDEN', 'A partner may set the status of its own commitments only.');
    await recordAudit(tx, actor, 'setCommitmentStatus', [id]);
    // Setting the status it already has changes nothing: no event says it did.
    if (row.previous !== status) {
      await recordEvents(tx, [{
        type: 'commitment.status_changed', engagementId: row.engagementId,
        data: { commitmentId: id, engagementId: row.engagementId, ownerId: row.owner, from: row.previous, to: status },
      }]);
    }
  });
}

export async function setOutcomeStatus(graph: Graph, id: string, status: OutcomeStatus, actor: Actor = SYSTEM_ACTOR): Promise<void> {
  await graph.writeTx(async (tx) => {
    await tx.run(LOCK_OUTCOME, { id });
    const [row] = await tx.run<{ previous: OutcomeStatus; engagementId: string }>(SET_OUTCOME_STATUS, { id, status });
    if (!row) throw new AppError('NOT_FOUND', `No outcome "${id}".`);
    await recordAudit(tx, actor, 'setOutcomeStatus', [id]);
    if (row.previous !== status) {
      await recordEvents(tx, [{
        type: 'outcome.status_changed', engagementId: row.engagementId,
        data: { outcomeId: id, engagementId: row.engagementId, from: row.previous, to: status },
      }]);
    }
  });
}
