/**
 * The one validator of an import (contract: Import), used by `importEcosystem` and by
 * `npm run import`: shape, the rules on the input alone and the rules that need the
 * store, all of them on whatever of the input is readable. It collects every problem
 * with its JSON path and writes nothing.
 */
import type { Tx } from '../db/index.ts';
import { badInput } from '../model/index.ts';
import type { EcosystemInput, Problem } from '../model/index.ts';
import { findMovesFromUnlisted } from './moves.ts';
import { checkAgainstStore } from './references.ts';
import { checkRules } from './rules.ts';
import { readShape } from './shape.ts';

/** Every problem of `raw` as an import; an empty list means it may be written. */
export async function findImportProblems(tx: Tx, raw: unknown): Promise<Problem[]> {
  // The rules run on what the shape check could read, so a bad date or enum value does
  // not hide an empty name or a negative value elsewhere: every problem at once.
  const { problems: shapeProblems, readable, broken } = readShape(raw);
  const { problems, references, defined } = checkRules(readable, broken);
  const storeProblems = await checkAgainstStore(tx, readable, references, defined, broken);
  const moveProblems = await findMovesFromUnlisted(tx, readable);
  return [...shapeProblems, ...problems, ...storeProblems, ...moveProblems];
}

/** Returns `raw` typed when it is a valid import; throws BAD_USER_INPUT with every problem otherwise. */
export async function validateEcosystem(tx: Tx, raw: unknown): Promise<EcosystemInput> {
  const problems = await findImportProblems(tx, raw);
  if (problems.length > 0) throw badInput(problems);
  return raw as EcosystemInput;
}
