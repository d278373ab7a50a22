/**
 * Engagements and roles: engagements, their requirements, contributions, outcomes and
 * commitments, the role intervals partners hold over time, and the writes that change
 * them (assignRole, endParticipation, status changes). Everything within the caller's scope.
 *
 * The area's only door: nothing outside graph/engagements/ imports its other files.
 */
export type { CommitmentRow, EngagementRow, OutcomeRow } from './engagements.queries.ts';
export type { EngagementLevels, EngagementWithLevels, OutcomesOfOptions, OutcomeWithLevels } from './entities.ts';
export { engagementProjection } from './entities.ts';
export { commitmentDependencies, commitmentsByIds, commitmentsOf, contributionsOf, engagementsByIds, outcomeDependencies, outcomesByIds, outcomesOf, requirementsOf } from './entities.ts';
export { customerEngagementPages, engagementPage, partnerParticipationPages } from './pages.ts';
export type { CustomerPageKey, ParticipationPageKey, ParticipationPageOptions, ParticipationWithLevels } from './pages.ts';
export { participantsOn, roleHistory } from './participations.ts';
export type { ParticipantsKey } from './participations.ts';
export { assignRole, endParticipation } from './roles.ts';
export { setCommitmentStatus, setOutcomeStatus } from './status.ts';
