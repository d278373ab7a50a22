/**
 * One set of DataLoaders per request: every field that touches the database goes
 * through one of them, so the number of statements an operation sends does not grow
 * with the number of items it returns. Each loader carries the request's scope.
 *
 * A loader is made the first time a field asks for it: most operations need two or
 * three of the sixteen, and making all of them for every request was measurable
 * (3 % of the server's CPU on a small query under load).
 */
import DataLoader from 'dataloader';
import type { Graph } from '../../graph/db/index.ts';
import { trackRecords } from '../../graph/accountability/index.ts';
import { customersByIds, partnersByIds } from '../../graph/directory/index.ts';
import {
  commitmentDependencies, commitmentsByIds, commitmentsOf, contributionsOf, customerEngagementPages, engagementsByIds,
  outcomeDependencies, outcomesByIds, outcomesOf, partnerParticipationPages, participantsOn, requirementsOf, roleHistory,
  type CustomerPageKey, type ParticipantsKey, type ParticipationPageKey,
} from '../../graph/engagements/index.ts';
import type { Scope } from '../../graph/model/index.ts';

const byId = <T>(load: (ids: readonly string[]) => Promise<T[]>) => new DataLoader<string, T>((ids) => load(ids));
const byKey = <K, T>(load: (keys: readonly K[]) => Promise<T[]>) =>
  new DataLoader<K, T, string>((keys) => load(keys), { cacheKeyFn: (key) => JSON.stringify(key) });

export class Loaders {
  private readonly made = new Map<string, unknown>();

  constructor(private readonly graph: Graph, private readonly scope: Scope) {}

  get partner() { return this.once('partner', () => byId((ids) => partnersByIds(this.graph, ids))); }
  get engagement() { return this.once('engagement', () => byId((ids) => engagementsByIds(this.graph, this.scope, ids))); }
  get customer() { return this.once('customer', () => byId((ids) => customersByIds(this.graph, this.scope, ids))); }
  get outcome() { return this.once('outcome', () => byId((ids) => outcomesByIds(this.graph, this.scope, ids))); }
  get commitment() { return this.once('commitment', () => byId((ids) => commitmentsByIds(this.graph, this.scope, ids))); }
  get requirementsOf() { return this.once('requirementsOf', () => byId((ids) => requirementsOf(this.graph, this.scope, ids))); }
  get contributionsOf() { return this.once('contributionsOf', () => byId((ids) => contributionsOf(this.graph, this.scope, ids))); }
  get outcomesOf() { return this.once('outcomesOf', () => byId((ids) => outcomesOf(this.graph, this.scope, ids))); }
  get commitmentsOf() { return this.once('commitmentsOf', () => byId((ids) => commitmentsOf(this.graph, this.scope, ids))); }
  get outcomeDependencies() {
    return this.once('outcomeDependencies', () => byId((ids) => outcomeDependencies(this.graph, this.scope, ids)));
  }
  get commitmentDependencies() {
    return this.once('commitmentDependencies', () => byId((ids) => commitmentDependencies(this.graph, this.scope, ids)));
  }
  get roleHistory() { return this.once('roleHistory', () => byId((ids) => roleHistory(this.graph, this.scope, ids))); }
  /** A partner's own record is not limited by its scope: the resolver decides who may read it. */
  get trackRecord() { return this.once('trackRecord', () => byId((ids) => trackRecords(this.graph, ids))); }
  get participantsOn() {
    return this.once('participantsOn', () => byKey((keys: readonly ParticipantsKey[]) => participantsOn(this.graph, this.scope, keys)));
  }
  get customerEngagements() {
    return this.once('customerEngagements', () => byKey((keys: readonly CustomerPageKey[]) => customerEngagementPages(this.graph, this.scope, keys)));
  }
  get partnerParticipations() {
    return this.once('partnerParticipations', () => byKey((keys: readonly ParticipationPageKey[]) => partnerParticipationPages(this.graph, this.scope, keys)));
  }

  private once<T>(name: string, make: () => T): T {
    let loader = this.made.get(name) as T | undefined;
    if (loader === undefined) {
      loader = make();
      this.made.set(name, loader);
    }
    return loader;
  }
}

export function createLoaders(graph: Graph, scope: Scope): Loaders {
  return new Loaders(graph, scope);
}
