/**
 * One set of DataLoaders per request: every field that touches the database goes
 * through one of them, so the number of statements an operation sends does not grow
 * with the number of items it returns. Each loader carries the request's scope.
 *
 * A loader is made the first time a field asks for it: most operations need two or
 * three of the sixteen, and making all of them for every request was measurable
 * (3 % of the server's CPU on a small query under load).
 *
 * Loaders read what the operation selects (api/graphql/selection.ts): a partner's lists
 * only when selected, a page's total only when selected. Some read the next level of a
 * nested list in the same statement when it is selected (a partner's participations
 * with their engagements and customers, an engagement's outcomes with their dependencies
 * and owners) and prime the loaders of that level with it, so the fields below find
 * their rows already loaded: `partners { participations { engagement { customer } } } }`
 * is two statements, not four.
 */
import DataLoader from 'dataloader';
import type { Graph } from '../../graph/db/index.ts';
import { trackRecords } from '../../graph/accountability/index.ts';
import { customersByIds, partnersByIds, type CustomerParts, type PartnerParts } from '../../graph/directory/index.ts';
import {
  commitmentDependencies, commitmentsByIds, commitmentsOf, contributionsOf, customerEngagementPages, engagementsByIds,
  outcomeDependencies, outcomesByIds, outcomesOf, partnerParticipationPages, participantsOn, requirementsOf, roleHistory,
  type CustomerPageKey, type ParticipantsKey, type ParticipationPageKey,
} from '../../graph/engagements/index.ts';
import type { Scope } from '../../graph/model/index.ts';
import { selects, type Selection } from './selection.ts';

/** The lists of a partner the operation selects anywhere. */
export function partnerPartsOf(selection: Selection): PartnerParts {
  return {
    regions: selects(selection, 'Partner.regions'),
    industries: selects(selection, 'Partner.industries'),
    capabilities: selects(selection, 'Partner.capabilities'),
  };
}

function customerPartsOf(selection: Selection): CustomerParts {
  return { region: selects(selection, 'Customer.region'), industry: selects(selection, 'Customer.industry') };
}

const byId = <T>(load: (ids: readonly string[]) => Promise<T[]>) => new DataLoader<string, T>((ids) => load(ids));
const byKey = <K, T>(load: (keys: readonly K[]) => Promise<T[]>) =>
  new DataLoader<K, T, string>((keys) => load(keys), { cacheKeyFn: (key) => JSON.stringify(key) });

export class Loaders {
  private readonly made = new Map<string, unknown>();

  /** `selection`: the operation's, read when a batch runs (it is known only once the operation is). */
  constructor(private readonly graph: Graph, private readonly scope: Scope, private readonly selection: () => Selection) {}

  get partner() { return this.once('partner', () => byId((ids) => partnersByIds(this.graph, ids, partnerPartsOf(this.selection())))); }
  get engagement() { return this.once('engagement', () => byId((ids) => engagementsByIds(this.graph, this.scope, ids))); }
  get customer() {
    return this.once('customer', () => byId((ids) => customersByIds(this.graph, this.scope, ids, customerPartsOf(this.selection()))));
  }
  get outcome() { return this.once('outcome', () => byId((ids) => outcomesByIds(this.graph, this.scope, ids))); }
  get commitment() { return this.once('commitment', () => byId((ids) => commitmentsByIds(this.graph, this.scope, ids))); }
  get requirementsOf() { return this.once('requirementsOf', () => byId((ids) => requirementsOf(this.graph, this.scope, ids))); }
  get contributionsOf() { return this.once('contributionsOf', () => byId((ids) => contributionsOf(this.graph, this.scope, ids))); }
  get outcomesOf() { return this.once('outcomesOf', () => byId((ids) => this.outcomesWithLevels(ids))); }
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
    return this.once('customerEngagements', () => byKey((keys: readonly CustomerPageKey[]) =>
      customerEngagementPages(this.graph, this.scope, keys, selects(this.selection(), 'EngagementConnection.totalCount'))));
  }
  get partnerParticipations() {
    return this.once('partnerParticipations', () => byKey((keys: readonly ParticipationPageKey[]) => this.participationsWithLevels(keys)));
  }

  /** Participation pages, with each row's engagement and its customer when selected (primed into their loaders). */
  private async participationsWithLevels(keys: readonly ParticipationPageKey[]) {
    const selection = this.selection();
    const engagement = selects(selection, 'Participation.engagement');
    const customer = engagement && selects(selection, 'Engagement.customer') ? customerPartsOf(selection) : null;
    const pages = await partnerParticipationPages(this.graph, this.scope, keys, {
      withTotal: selects(selection, 'ParticipationConnection.totalCount'), engagement, customer,
    });
    for (const page of pages) {
      for (const { node } of page.edges) {
        if (node.engagement) this.engagement.prime(node.engagement.id, node.engagement);
        if (node.customer) this.customer.prime(node.customer.id, node.customer);
      }
    }
    return pages;
  }

  /** Outcomes, with their dependencies and the dependencies' owners when selected (primed into their loaders). */
  private async outcomesWithLevels(ids: readonly string[]) {
    const selection = this.selection();
    const dependsOn = selects(selection, 'Outcome.dependsOn');
    const owner = dependsOn && selects(selection, 'Commitment.owner') ? partnerPartsOf(selection) : null;
    const lists = await outcomesOf(this.graph, this.scope, ids, { dependsOn, owner });
    for (const outcome of lists.flat()) {
      if (!outcome.dependsOn) continue;
      this.outcomeDependencies.prime(outcome.id, outcome.dependsOn);
      for (const commitment of outcome.dependsOn) if (commitment.owner) this.partner.prime(commitment.owner.id, commitment.owner);
    }
    return lists;
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

export function createLoaders(graph: Graph, scope: Scope, selection: () => Selection): Loaders {
  return new Loaders(graph, scope, selection);
}
