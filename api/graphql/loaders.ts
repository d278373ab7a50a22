/**
 * One set of DataLoaders per request: every field that touches the database goes
 * through one of them, so the number of statements an operation sends does not grow
 * with the number of items it returns. Each loader carries the request's scope.
 *
 * A loader is made the first time a field asks for it: most operations need two or
 * three of the sixteen, and making all of them for every request was measurable
 * (3 % of the server's CPU on a small query under load).
 *
 * Loaders read what the operation selects (api/graphql/selection.ts): the fields of a
 * type that are selected anywhere, a page's total only when selected. Some read the
 * levels below in the same statement when they are selected (an engagement with its
 * customer and its outcomes, the outcomes with their dependencies and owners, a
 * partner's participations with their engagements) and carry them in the row under the
 * field's name, where the field's resolver takes them without a loader:
 * `partners { participations { engagement { customer outcomes { dependsOn { owner } } } } }`
 * is two statements.
 */
import DataLoader from 'dataloader';
import type { Graph } from '../../graph/db/index.ts';
import { trackRecords } from '../../graph/accountability/index.ts';
import { customersByIds, partnersByIds } from '../../graph/directory/index.ts';
import {
  commitmentDependencies, commitmentsByIds, commitmentsOf, contributionsOf, customerEngagementPages, engagementsByIds,
  outcomeDependencies, outcomesByIds, outcomesOf, partnerParticipationPages, participantsOn, requirementsOf, roleHistory,
  type CustomerPageKey, type EngagementLevels, type OutcomesOfOptions, type ParticipantsKey, type ParticipationPageKey,
} from '../../graph/engagements/index.ts';
import type { Scope } from '../../graph/model/index.ts';
import { fieldsOf, selects, type Selection } from './selection.ts';

const byId = <T>(load: (ids: readonly string[]) => Promise<T[]>) => new DataLoader<string, T>((ids) => load(ids));
const byKey = <K, T>(load: (keys: readonly K[]) => Promise<T[]>) =>
  new DataLoader<K, T, string>((keys) => load(keys), { cacheKeyFn: (key) => JSON.stringify(key) });

export class Loaders {
  private readonly made = new Map<string, unknown>();

  /**
   * What the operation selects, set once it is known (selectionPlugin, the MCP tools),
   * before any field runs; null (everything) until then. It lives here, not only in the
   * context, because Apollo runs an operation on a shallow copy of the context: the
   * copy shares this object.
   */
  selection: Selection = null;

  constructor(private readonly graph: Graph, private readonly scope: Scope) {}

  get partner() { return this.once('partner', () => byId((ids) => partnersByIds(this.graph, ids, this.fields('Partner')))); }
  get engagement() {
    return this.once('engagement', () => byId((ids) => engagementsByIds(this.graph, this.scope, ids, this.fields('Engagement'), this.engagementLevels())));
  }
  get customer() { return this.once('customer', () => byId((ids) => customersByIds(this.graph, this.scope, ids, this.fields('Customer')))); }
  get outcome() { return this.once('outcome', () => byId((ids) => outcomesByIds(this.graph, this.scope, ids))); }
  get commitment() { return this.once('commitment', () => byId((ids) => commitmentsByIds(this.graph, this.scope, ids))); }
  get requirementsOf() { return this.once('requirementsOf', () => byId((ids) => requirementsOf(this.graph, this.scope, ids))); }
  get contributionsOf() { return this.once('contributionsOf', () => byId((ids) => contributionsOf(this.graph, this.scope, ids))); }
  get outcomesOf() { return this.once('outcomesOf', () => byId((ids) => outcomesOf(this.graph, this.scope, ids, this.outcomeLevels()))); }
  get commitmentsOf() { return this.once('commitmentsOf', () => byId((ids) => commitmentsOf(this.graph, this.scope, ids))); }
  get outcomeDependencies() {
    return this.once('outcomeDependencies', () => byId((ids) => outcomeDependencies(this.graph, this.scope, ids, this.fields('Commitment'))));
  }
  get commitmentDependencies() {
    return this.once('commitmentDependencies', () => byId((ids) => commitmentDependencies(this.graph, this.scope, ids, this.fields('Commitment'))));
  }
  get roleHistory() { return this.once('roleHistory', () => byId((ids) => roleHistory(this.graph, this.scope, ids))); }
  /** A partner's own record is not limited by its scope: the resolver decides who may read it. */
  get trackRecord() { return this.once('trackRecord', () => byId((ids) => trackRecords(this.graph, ids))); }
  get participantsOn() {
    return this.once('participantsOn', () => byKey((keys: readonly ParticipantsKey[]) => participantsOn(this.graph, this.scope, keys)));
  }
  get customerEngagements() {
    return this.once('customerEngagements', () => byKey((keys: readonly CustomerPageKey[]) =>
      customerEngagementPages(this.graph, this.scope, keys, selects(this.selection, 'EngagementConnection.totalCount'), this.fields('Engagement'))));
  }
  get partnerParticipations() {
    return this.once('partnerParticipations', () => byKey((keys: readonly ParticipationPageKey[]) => this.participationsWithLevels(keys)));
  }

  /** The fields of `type` the operation selects (null: all). */
  fields(type: string) { return fieldsOf(this.selection, type); }

  /** Outcomes as the operation selects them, with their dependencies and owners when selected. */
  private outcomeLevels(): OutcomesOfOptions {
    const selection = this.selection;
    return {
      fields: this.fields('Outcome'),
      dependsOn: selects(selection, 'Outcome.dependsOn')
        ? { fields: this.fields('Commitment'), owner: selects(selection, 'Commitment.owner') && this.fields('Partner') }
        : null,
    };
  }

  /** What the operation selects below an engagement that is read with it: its customer and its outcomes. */
  private engagementLevels(): EngagementLevels {
    const selection = this.selection;
    return {
      customer: selects(selection, 'Engagement.customer') && this.fields('Customer'),
      outcomes: selects(selection, 'Engagement.outcomes') ? this.outcomeLevels() : null,
    };
  }

  /** Participation pages, each row with its engagement (and the levels below it) when selected. */
  private participationsWithLevels(keys: readonly ParticipationPageKey[]) {
    const selection = this.selection;
    return partnerParticipationPages(this.graph, this.scope, keys, {
      withTotal: selects(selection, 'ParticipationConnection.totalCount'),
      fields: this.fields('Participation'),
      engagement: selects(selection, 'Participation.engagement') ? { fields: this.fields('Engagement'), levels: this.engagementLevels() } : null,
    });
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

export function createLoaders(graph: Graph, scope: Scope, selection: Selection = null): Loaders {
  const loaders = new Loaders(graph, scope);
  loaders.selection = selection;
  return loaders;
}
