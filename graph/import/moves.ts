/**
 * An import may move a contribution, commitment or outcome to another engagement, but
 * only out of an engagement it lists too (contract: Import; README "Where the contract is
 * silent"). Taking an item from an engagement the input does not mention would change
 * that engagement, and its accountability, behind the back of whoever sent the input.
 */
import type { Tx } from '../db/index.ts';
import { clip, type EcosystemInput, type Problem } from '../model/index.ts';
import type { Readable } from './shape.ts';

type ItemKind = 'contribution' | 'commitment' | 'outcome';

/** An item of the input: its id, the engagement it is listed under, and where. */
interface Listed { id: string; engagement: string; i: number; j: number }

/**
 * The items already stored under another engagement than the one the input lists them
 * under: one statement, each kind's items in one batch (an import can hold 500,000),
 * one index lookup each. Positions travel with the rows, so no map from id to path is
 * held for them all, and only the items that move come back.
 *
 * The rows are maps, and the hints pin the index: given `x[0]` instead of `x.id`, the
 * planner scanned every engagement for every row (measured: minutes at 20,000 items).
 */
const STORED_ELSEWHERE = `
CALL { UNWIND $contribution AS x MATCH (k:Contribution {id: x.id})-[:TO]->(e:Engagement) USING INDEX k:Contribution(id)
       WHERE e.id <> x.engagement RETURN collect([x.i, x.j, x.id, e.id]) AS contribution }
CALL { UNWIND $commitment AS x MATCH (m:Commitment {id: x.id})-[:PART_OF]->(e:Engagement) USING INDEX m:Commitment(id)
       WHERE e.id <> x.engagement RETURN collect([x.i, x.j, x.id, e.id]) AS commitment }
CALL { UNWIND $outcome AS x MATCH (o:Outcome {id: x.id})-[:OF]->(e:Engagement) USING INDEX o:Outcome(id)
       WHERE e.id <> x.engagement RETURN collect([x.i, x.j, x.id, e.id]) AS outcome }
RETURN contribution, commitment, outcome`;

type Moved = [engagementIndex: number, itemIndex: number, id: string, storedUnder: string];
type StoredElsewhereRow = Record<ItemKind, Moved[]>;

const LIST: Record<ItemKind, 'contributions' | 'commitments' | 'outcomes'> = {
  contribution: 'contributions', commitment: 'commitments', outcome: 'outcomes',
};
const KINDS = Object.keys(LIST) as ItemKind[];

/** One problem per item the input would take from an engagement it does not list. */
export async function findMovesFromUnlisted(tx: Tx, input: Readable<EcosystemInput>): Promise<Problem[]> {
  const engagements = input.engagements ?? [];
  const listed = new Set(engagements.flatMap((e) => (e?.id !== undefined ? [e.id] : [])));
  const items = Object.fromEntries(KINDS.map((kind) => [kind, [] as Listed[]])) as Record<ItemKind, Listed[]>;
  engagements.forEach((e, i) => {
    if (e?.id === undefined) return;
    for (const kind of KINDS) e[LIST[kind]]?.forEach((item, j) => { if (item?.id !== undefined) items[kind].push({ id: item.id, engagement: e.id!, i, j }); });
  });
  if (KINDS.every((kind) => items[kind].length === 0)) return [];
  const [row] = await tx.run<StoredElsewhereRow>(STORED_ELSEWHERE, items);
  // Moving between two engagements of the input is allowed: both are replaced as listed.
  const found = KINDS.flatMap((kind) => row![kind].filter(([, , , from]) => !listed.has(from)).map((moved) => ({ kind, moved })));
  // The statement answers in no particular order; the problems follow the input's.
  found.sort((a, b) => a.moved[0] - b.moved[0] || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || a.moved[1] - b.moved[1]);
  return found.map(({ kind, moved: [i, j, id, from] }) => ({
    path: `engagements[${i}].${LIST[kind]}[${j}].id`,
    message: `${kind} "${clip(id)}" belongs to engagement "${clip(from)}", which this input does not list`,
  }));
}
