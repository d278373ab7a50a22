/** An import running as a job (api/import/import-jobs.ts), as GraphQL shows it. */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../graphql/date-time-scalar.ts';
import { ImportResult } from './ecosystem.input.ts';
import { IMPORT_JOB_STATES, IMPORT_PHASES, type ImportJobState, type ImportPhase } from './import-jobs.ts';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
const ImportJobStateEnum = enumOf(IMPORT_JOB_STATES);
const ImportPhaseEnum = enumOf(IMPORT_PHASES);
registerEnumType(ImportJobStateEnum, {
  name: 'ImportJobState',
  description: 'CHECKING, then READY (an upload waiting to be written) or REFUSED (problems, nothing written); WRITING, then DONE, REFUSED or FAILED.',
});
registerEnumType(ImportPhaseEnum, { name: 'ImportPhase', description: 'What a running import does now; `done` and `total` count bytes while READING, batches while WRITING.' });

@ObjectType({ simpleResolvers: true })
export class ImportProblem {
  @Field(() => String, { description: 'Where: a JSON path, or `file.csv:ROW:column` / `sheet:ROW:column` for spreadsheets.' }) path!: string;
  @Field(() => String) message!: string;
}

@ObjectType({ simpleResolvers: true })
export class ImportJobError {
  @Field(() => String, { description: "One of the contract's error codes." }) code!: string;
  @Field(() => String) message!: string;
}

@ObjectType({ simpleResolvers: true, description: 'An import through the API (startImport, importEcosystem, an upload to POST /imports), kept an hour after it ends.' })
export class ImportJob {
  @Field(() => ID) id!: string;
  @Field(() => ImportJobStateEnum) state!: ImportJobState;
  @Field(() => String, { description: 'The uploaded file names, or "importEcosystem".' }) source!: string;
  @Field(() => String, { description: 'json, csv, xlsx, or graphql (a mutation\'s input).' }) format!: string;
  @Field(() => ImportPhaseEnum, { nullable: true, description: 'Null when nothing runs (READY, or over).' }) phase!: ImportPhase | null;
  @Field(() => Int) done!: number;
  @Field(() => Int) total!: number;
  @Field(() => [ImportProblem], { description: 'The first 1,000 problems; problemCount says how many there are.' }) problems!: ImportProblem[];
  @Field(() => Int) problemCount!: number;
  @Field(() => ImportResult, { nullable: true, description: 'READY: what the input holds; DONE: what was written.' }) counts!: ImportResult | null;
  @Field(() => ImportJobError, { nullable: true }) error!: ImportJobError | null;
  @Field(() => DateTimeScalar) createdAt!: string;
  @Field(() => DateTimeScalar, { nullable: true }) finishedAt!: string | null;
}
