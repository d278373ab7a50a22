/**
 * The import rules that need the store: references to things the input does not
 * define must exist already, and the DEPENDS_ON graph after the import must stay
 * acyclic. Both read with a constant number of statements per depth of the stored
 * dependency graph, never one per row.
 */
import type { Tx } from '../db/index.ts';
import { clip, clipList, type Problem, type EcosystemInput } from '../model/index.ts';
import type { Readable } from './shape.ts';
import type { Reference, RefKind } from './rules.ts';

const LABEL_KEY: Record<RefKind, [string, string]> = {
  region: ['Region', 'code'],
  industry: ['Industry', 'code'],
  capability: ['Capability', 'id'],
  partner: ['Partner', 'id'],
  customer: ['Customer', 'id'],
  commitment: ['Commitment', 'id'],
};

const KINDS = Object.keys(LABEL_KEY) as RefKind[];

/** Which of the given ids exist, per kind; commitments with the engagement they belong to. */
const STORED_IDS = `
CALL { UNWIND $region AS x MATCH (:Region {code: x}) RETURN collect(x) AS region }
CALL { UNWIND $industry AS x MATCH (:Industry {code: x}) RETURN collect(x) AS industry }
CALL { UNWIND $capability AS x MATCH (:Capability {id: x}) RETURN collect(x) AS capability }
CALL { UNWIND $partner AS x MATCH (:Partner {id: x}) RETURN collect(x) AS partner }
CALL { UNWIND $customer AS x MATCH (:Customer {id: x}) RETURN collect(x) AS customer }
CALL { UNWIND $commitment AS x MATCH (m:Commitment {id: x}) OPTIONAL MATCH (m)-[:PART_OF]->(e:Engagement)
       RETURN collect([x, e.id]) AS commitment }
RETURN region, industry, capability, partner, customer, commitment`;

interface StoredIdsRow {
  region: string[]; industry: string[]; capability: string[]; partner: string[]; customer: string[];
  commitment: Array<[string, string | null]>;
}

/** One step down the stored DEPENDS_ON graph from a frontier of commitments. */
const STORED_DEPENDENCIES = `
UNWIND $ids AS x
MATCH (:Commitment {id: x})-[:DEPENDS_ON]->(d:Commitment)
OPTIONAL MATCH (d)-[:PART_OF]->(e:Engagement)
RETURN x AS from, d.id AS to, e.id AS engagement`;

interface DependencyRow { from: string; to: string; engagement: string | null }

/**
 * Resolves references against the store and checks the DEPENDS_ON graph for cycles.
 * `defined` holds the ids the input itself defines, per kind.
 */
export async function checkAgainstStore(
  tx: Tx, input: Readable<EcosystemInput>, references: Reference[], defined: Record<RefKind, Set<string>>,
  broken: ReadonlySet<string> = new Set(),
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const external: Record<RefKind, Set<string>> = Object.fromEntries(KINDS.map((k) => [k, new Set<string>()])) as Record<RefKind, Set<string>>;
  for (const r of references) if (!defined[r.kind].has(r.id)) external[r.kind].add(r.id);

  const params = Object.fromEntries(KINDS.map((k) => [k, [...external[k]]]));
  const needsLookup = KINDS.some((k) => external[k].size > 0);
  const [row] = needsLookup ? await tx.run<StoredIdsRow>(STORED_IDS, params) : [];
  const stored: Record<RefKind, Set<string>> = Object.fromEntries(
    KINDS.map((k) => [k, new Set(k === 'commitment' ? (row?.commitment ?? []).map(([id]) => id) : (row?.[k] as string[] | undefined) ?? [])]),
  ) as Record<RefKind, Set<string>>;

  // A stored commitment of an engagement in the input that the input does not list
  // again is removed by this import, so it cannot be referenced. Only a list that could
  // be read whole says which commitments an engagement no longer lists.
  const replaced = new Set((input.engagements ?? []).flatMap((e, i) =>
    e?.id !== undefined && !broken.has(`engagements[${i}].commitments`) && (e.commitments ?? []).every((m) => m?.id !== undefined) ? [e.id] : []));
  const removed = (id: string, engagement: string | null | undefined) =>
    !defined.commitment.has(id) && engagement !== null && engagement !== undefined && replaced.has(engagement);
  const homeOf = new Map((row?.commitment ?? []).map(([id, e]) => [id, e]));

  for (const r of references) {
    if (defined[r.kind].has(r.id)) continue;
    if (!stored[r.kind].has(r.id)) {
      problems.push({ path: r.path, message: `unknown ${r.kind} "${clip(r.id)}"` });
    } else if (r.kind === 'commitment' && removed(r.id, homeOf.get(r.id))) {
      problems.push({ path: r.path, message: `commitment "${clip(r.id)}" is removed by this import (its engagement no longer lists it)` });
    }
  }

  problems.push(...await findCycles(tx, input, removed));
  return problems;
}

/**
 * Builds the DEPENDS_ON graph as it will be after the import (the input's edges for
 * its commitments, stored edges for the rest, reached breadth-first) and names each
 * cycle once, at the input edge that closes it.
 */
async function findCycles(tx: Tx, input: Readable<EcosystemInput>, removed: (id: string, e: string | null) => boolean): Promise<Problem[]> {
  const edges = new Map<string, string[]>();
  const edgePath = new Map<string, string>(); // `${from}->${to}` → path of the input edge
  for (const [i, e] of (input.engagements ?? []).entries()) {
    for (const [j, m] of (e?.commitments ?? []).entries()) {
      if (m?.id === undefined) continue;
      const id = m.id;
      const targets = [...new Set((m.dependsOn ?? []).filter((d) => d !== undefined))];
      edges.set(id, targets);
      (m.dependsOn ?? []).forEach((d, k) => {
        if (d !== undefined && !edgePath.has(`${id}->${d}`)) edgePath.set(`${id}->${d}`, `engagements[${i}].commitments[${j}].dependsOn[${k}]`);
      });
    }
  }

  // Stored edges matter only below commitments the input points at.
  let frontier = [...new Set([...edges.values()].flat().filter((id) => !edges.has(id)))];
  const fetched = new Set<string>();
  while (frontier.length > 0) {
    frontier.forEach((id) => fetched.add(id));
    const rows = await tx.run<DependencyRow>(STORED_DEPENDENCIES, { ids: frontier });
    const next = new Set<string>();
    for (const r of rows) {
      if (removed(r.to, r.engagement)) continue;
      const list = edges.get(r.from) ?? [];
      list.push(r.to);
      edges.set(r.from, list);
    }
    for (const r of rows) {
      if (!edges.has(r.to) && !fetched.has(r.to) && !removed(r.to, r.engagement)) next.add(r.to);
    }
    for (const id of frontier) if (!edges.has(id)) edges.set(id, []);
    frontier = [...next];
  }
  return namedCycles(edges, edgePath);
}

/** Iterative depth-first search (dependency chains can be long); one problem per cycle. */
function namedCycles(edges: Map<string, string[]>, edgePath: Map<string, string>): Problem[] {
  const WHITE = 0, GREY = 1, BLACK = 2;
  const colour = new Map<string, number>();
  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const root of [...edges.keys()].sort()) {
    if ((colour.get(root) ?? WHITE) !== WHITE) continue;
    const stack: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    const onPath: string[] = [root];
    colour.set(root, GREY);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const targets = edges.get(top.id) ?? [];
      if (top.next >= targets.length) {
        colour.set(top.id, BLACK);
        stack.pop();
        onPath.pop();
        continue;
      }
      const target = targets[top.next++]!;
      const c = colour.get(target) ?? WHITE;
      if (c === GREY) {
        const cycle = onPath.slice(onPath.indexOf(target));
        const key = [...cycle].sort().join(',');
        if (!reported.has(key)) {
          reported.add(key);
          problems.push({
            path: closingInputEdge(cycle, edgePath) ?? `commitments`,
            message: `DEPENDS_ON cycle: ${clipList([...cycle, target], 20, ' → ')}`,
          });
        }
      } else if (c === WHITE) {
        colour.set(target, GREY);
        stack.push({ id: target, next: 0 });
        onPath.push(target);
      }
    }
  }
  return problems;
}

/** The path of an input edge on the cycle (there is one: the stored graph is acyclic). */
function closingInputEdge(cycle: string[], edgePath: Map<string, string>): string | undefined {
  for (let i = cycle.length - 1; i >= 0; i--) {
    const path = edgePath.get(`${cycle[i]}->${cycle[(i + 1) % cycle.length]}`);
    if (path) return path;
  }
  return undefined;
}
