/**
 * `importEcosystem`: the import file's shape as one mutation, validated whole, all or
 * nothing; `startImport` the same without waiting; `importJob(s)` their progress. Every
 * import through the API runs as a job under IMPORT_TIMEOUT_MS (import-jobs.ts), so a
 * large one is never cut by the per-request QUERY_TIMEOUT_MS.
 */
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { badInput, AppError } from '../../graph/model/index.ts';
import { afterWrite, requireAdmin, type Context } from '../graphql/context.ts';
import { EcosystemInput, ImportResult } from './ecosystem.input.ts';
import { ImportJob } from './import-job.type.ts';
import { importJobsOf } from './import-jobs.ts';

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportResult, { description: 'Upserts everything in the input in one transaction, all or nothing (contract/README.md).' })
  async importEcosystem(@Ctx() ctx: Context, @Arg('input', () => EcosystemInput) input: EcosystemInput) {
    requireAdmin(ctx);
    const jobs = importJobsOf(ctx.graph);
    const { view, finished } = jobs.startInput(ctx.principal, toPlainInput(input), false);
    await finished;
    const job = jobs.get(view.id)!;
    afterWrite(ctx);
    if (job.state === 'DONE') return job.counts;
    if (job.state === 'REFUSED') throw badInput(jobs.problemsOf(view.id));
    throw new AppError(job.error!.code as AppError['code'], job.error!.message);
  }

  @Mutation(() => ImportJob, { description: 'importEcosystem as a job: answers at once; importJob(id) follows it to DONE, REFUSED or FAILED. ADMIN only.' })
  startImport(@Ctx() ctx: Context, @Arg('input', () => EcosystemInput) input: EcosystemInput) {
    requireAdmin(ctx);
    return importJobsOf(ctx.graph).startInput(ctx.principal, toPlainInput(input), true).view;
  }

  @Query(() => ImportJob, { nullable: true, description: 'An import through the API (startImport, importEcosystem, an upload), kept an hour after it ends. ADMIN only.' })
  importJob(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    requireAdmin(ctx);
    return importJobsOf(ctx.graph).get(id);
  }

  @Query(() => [ImportJob], { description: 'The imports through the API of the last hour, newest first. ADMIN only.' })
  importJobs(@Ctx() ctx: Context) {
    requireAdmin(ctx);
    return importJobsOf(ctx.graph).list();
  }
}

/** type-graphql hands over class instances; the validator reads plain JSON. */
function toPlainInput(input: unknown): unknown {
  return JSON.parse(JSON.stringify(input));
}
