/**
 * The one validator of an import (contract: Import), used by `importEcosystem` and by
 * `npm run import`: shape, then the rules on the input alone, then the rules that need
 * the store. It collects every problem with its JSON path and writes nothing.
 */
import type { Tx } from '../db/index.ts';
import { badInput } from '../model/index.ts';
import type { EcosystemInput, Problem } from '../model/index.ts';
import { checkAgainstStore } from './references.ts';
import { checkRules } from './rules.ts';
import { checkShape } from './shape.ts';

/** Every problem of `raw` as an import; an empty list means it may be written. */
export async function findImportProblems(tx: Tx, raw: unknown): Promise<Problem[]> {
  const shapeProblems: Problem[] = [];
  checkShape(raw, shapeProblems);
  // The later rules read fields by their declared types, so a misshapen input stops here.
  if (shapeProblems.length > 0) return shapeProblems;
  const input = raw as EcosystemInput;
  const { problems, references, defined } = checkRules(input);
  problems.push(...await checkAgainstStore(tx, input, references, defined));
  return problems;
}

/** Returns `raw` typed when it is a valid import; throws BAD_USER_INPUT with every problem otherwise. */
export async function validateEcosystem(tx: Tx, raw: unknown): Promise<EcosystemInput> {
  const problems = await findImportProblems(tx, raw);
  if (problems.length > 0) throw badInput(problems);
  return raw as EcosystemInput;
}
