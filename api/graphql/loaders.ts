/**
 * One set of DataLoaders per request: every field that touches the database goes
 * through one of them, so the number of statements an operation sends does not grow
 * with the number of items it returns. Each loader carries the request's scope.
 */
import DataLoader from 'dataloader';
import type { Graph } from '../../graph/db.ts';
import { trackRecords } from '../../graph/read/accountability.ts';
import * as entities from '../../graph/read/entities.ts';
import * as pages from '../../graph/read/pages.ts';
import { participantsOn, roleHistory, type ParticipantsKey } from '../../graph/read/participations.ts';
import type { Scope } from '../../graph/read/batch.ts';

export type Loaders = ReturnType<typeof createLoaders>;

export function createLoaders(graph: Graph, scope: Scope) {
  const byId = <T>(load: (ids: readonly string[]) => Promise<T[]>) => new DataLoader<string, T>((ids) => load(ids));
  const byKey = <K, T>(load: (keys: readonly K[]) => Promise<T[]>) =>
    new DataLoader<K, T, string>((keys) => load(keys), { cacheKeyFn: (key) => JSON.stringify(key) });
  return {
    partner: byId((ids) => entities.partnersByIds(graph, ids)),
    engagement: byId((ids) => entities.engagementsByIds(graph, scope, ids)),
    customer: byId((ids) => entities.customersByIds(graph, scope, ids)),
    outcome: byId((ids) => entities.outcomesByIds(graph, scope, ids)),
    commitment: byId((ids) => entities.commitmentsByIds(graph, scope, ids)),
    requirementsOf: byId((ids) => entities.requirementsOf(graph, scope, ids)),
    contributionsOf: byId((ids) => entities.contributionsOf(graph, scope, ids)),
    outcomesOf: byId((ids) => entities.outcomesOf(graph, scope, ids)),
    commitmentsOf: byId((ids) => entities.commitmentsOf(graph, scope, ids)),
    outcomeDependencies: byId((ids) => entities.outcomeDependencies(graph, scope, ids)),
    commitmentDependencies: byId((ids) => entities.commitmentDependencies(graph, scope, ids)),
    roleHistory: byId((ids) => roleHistory(graph, scope, ids)),
    // A partner's own record is not limited by its scope: the resolver decides who may read it.
    trackRecord: byId((ids) => trackRecords(graph, ids)),
    participantsOn: byKey((keys: readonly ParticipantsKey[]) => participantsOn(graph, scope, keys)),
    customerEngagements: byKey((keys: readonly pages.CustomerPageKey[]) => pages.customerEngagementPages(graph, scope, keys)),
    partnerParticipations: byKey((keys: readonly pages.ParticipationPageKey[]) => pages.partnerParticipationPages(graph, scope, keys)),
  };
}
